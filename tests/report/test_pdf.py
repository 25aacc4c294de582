"""The doctor's PDF: page count, text (Cyrillic too), embedded fonts, no network."""

from __future__ import annotations

import datetime as dt
import io
import logging
import os
import shutil
import socket
import subprocess
from datetime import UTC, datetime
from pathlib import Path
from types import ModuleType

import pypdf
import pytest
from babel.dates import format_date

from nightlegs.diary.trends import summarise
from nightlegs.engine import Assessment, assess
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.languages import LANGUAGES
from nightlegs.report import RefusedURL, ReportUnavailable, render_pdf, terms
from nightlegs.report import pdf as report_pdf
from nightlegs.report.context import build_view
from nightlegs.report.diary_section import diary_section
from nightlegs.report.pdf import PACKAGE_DIR, TEMPLATES, allowed_url, url_fetcher
from nightlegs.settings import Settings
from tests.fixtures.system import PDF
from tests.report.conftest import NOW, diary_entries, interview_values

ROOT = Path(__file__).resolve().parents[2]
#: Every rendering of the first page (gitignored), and the README's.
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
README_SHOT = ROOT / "docs" / "screenshots" / "report-uk.png"
#: The diary's last night in the diary tests.
AS_OF = dt.date(2026, 11, 26)
#: The report's last line, said to the doctor.
DISCLAIMER = (
    "Made from the patient's own answers to an online interview, without an examination: "
    "a summary to prepare the visit, not a diagnosis."
)

#: One public case per triage band, plus the ones with the most to say.
CASES = (
    "rls-classic",  # consultation
    "cramps-occasional-exertion",  # self_care
    "pad-rest-pain",  # consultation_24, withheld advice
    "dvt-after-flight",  # emergency
    "pe-warning",  # emergency_ambulance
    "neuropathy-diabetic",  # the longest reports
    "rls-low-ferritin-ssri",
    "akathisia",  # an ICD-10-CM code and no WHO ICD-10 code
    "no-leg-symptoms",  # no condition listed
)


def _flat(text: str) -> str:
    """Text with every run of white space as one space (lines wrap anywhere)."""
    return " ".join(text.split())


def _system_name(system: str, language: str) -> str:
    """A code system's name as the report prints it, in the language."""
    return translator(language).gettext({"icd10": "ICD-10", "icd10cm": "ICD-10-CM"}[system])


@pytest.fixture(scope="module")
def reports(
    weasyprint: ModuleType, kb: KnowledgeBase, profiles, settings: Settings
) -> dict[tuple[str, str], tuple[bytes, Assessment, list[logging.LogRecord]]]:
    """(case, language) -> (the PDF, its assessment, what WeasyPrint logged)."""
    made = {}
    logger = logging.getLogger("weasyprint")
    for case in CASES:
        evidence = interview_values(kb, profiles[case])
        for language in LANGUAGES:
            assessment = assess(kb, evidence, language)
            records: list[logging.LogRecord] = []
            handler = _ListHandler(records)
            logger.addHandler(handler)
            try:
                pdf = render_pdf(kb, assessment, evidence, language, settings, NOW)
            finally:
                logger.removeHandler(handler)
            made[case, language] = (pdf, assessment, records)
    return made


class _ListHandler(logging.Handler):
    def __init__(self, records: list[logging.LogRecord]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("case", CASES)
def test_report_text(reports, kb: KnowledgeBase, case: str, language: str) -> None:
    pdf, assessment, records = reports[case, language]
    assert pdf.startswith(b"%PDF-")
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert 1 <= len(reader.pages) <= 2, f"{case} {language}: {len(reader.pages)} pages"
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    t = translator(language)
    assert _flat(t.gettext(terms.LEVELS[assessment.triage.level])) in text
    assert _flat(format_date(NOW.date(), format="long", locale=language)) in text
    assert kb.version in text
    assert kb.content_hash[:12] in text
    assert "nightlegs" in text
    if assessment.conditions:
        first = assessment.conditions[0]
        assert _flat(first.name) in text  # Cyrillic in uk and ru, extracted intact
        for system in ("icd10", "icd10cm"):  # each code with its system's name
            if system in first.codes:
                assert f"{_system_name(system, language)} {first.codes[system]}" in text
        assert first.codes["icpc2"] in text
    assert _flat(t.gettext(DISCLAIMER)) in text
    assert not [r.getMessage() for r in records], "WeasyPrint warned"


@pytest.mark.parametrize("language", ["uk", "ru"])
def test_cyrillic_is_extracted(reports, language: str) -> None:
    pdf, assessment, _ = reports["rls-classic", language]
    text = _flat(pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    name = assessment.conditions[0].name
    assert any("\u0400" <= ch <= "\u04ff" for ch in name)
    assert _flat(name) in text
    title = {"uk": "підсумок для лікаря", "ru": "итог для врача"}[language]
    assert title in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_fonts_are_embedded_dejavu(reports, language: str) -> None:
    pdf, _, _ = reports["neuropathy-diabetic", language]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    seen = 0
    for page in reader.pages:
        fonts = _dict(_dict(page["/Resources"])["/Font"])
        for reference in fonts.values():
            font = _dict(reference)
            assert "DejaVu" in str(font["/BaseFont"]), font["/BaseFont"]
            if "/FontDescriptor" in font:
                descriptor = _dict(font["/FontDescriptor"])
            else:
                descendant = _dict(_array(font["/DescendantFonts"])[0])
                descriptor = _dict(descendant["/FontDescriptor"])
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font
            seen += 1
    assert seen


def _dict(value: object) -> pypdf.generic.DictionaryObject:
    found = value.get_object() if isinstance(value, pypdf.generic.PdfObject) else value
    assert isinstance(found, pypdf.generic.DictionaryObject)
    return found


def _array(value: object) -> pypdf.generic.ArrayObject:
    found = value.get_object() if isinstance(value, pypdf.generic.PdfObject) else value
    assert isinstance(found, pypdf.generic.ArrayObject)
    return found


def test_clinic_name_is_printed(weasyprint: ModuleType, kb: KnowledgeBase, profiles) -> None:
    clinic = Settings.model_validate({"database_url": "sqlite://", "clinic_name": "Клініка Тест"})
    evidence = interview_values(kb, profiles["rls-classic"])
    pdf = render_pdf(kb, assess(kb, evidence, "uk"), evidence, "uk", clinic, NOW)
    assert "Клініка Тест" in pypdf.PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


def test_no_network_while_rendering(
    weasyprint: ModuleType,
    kb: KnowledgeBase,
    profiles,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(*_args: object) -> None:
        raise AssertionError("the report tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    evidence = interview_values(kb, profiles["pe-warning"])
    assert render_pdf(kb, assess(kb, evidence, "en"), evidence, "en", settings, NOW)


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/report.css",
        "https://example.com/font.woff2",
        "ftp://example.com/x",
        "//example.com/x.css",
        "file:///etc/passwd",
        "file://example.com/etc/passwd",
        f"{TEMPLATES.as_uri()}/../../../../../../etc/passwd",
        f"{TEMPLATES.as_uri()}/%2E%2E/%2E%2E/%2E%2E/settings.py",
    ],
)
def test_fetcher_refuses(weasyprint: ModuleType, url: str) -> None:
    assert not allowed_url(url)
    with pytest.raises(RefusedURL):
        url_fetcher()(url)


def test_fetcher_serves_the_package_and_data(weasyprint: ModuleType) -> None:
    fetcher = url_fetcher()
    response = fetcher(f"{TEMPLATES.as_uri()}/report.css")
    try:
        assert b"@page" in response.read()
    finally:
        response.close()
    response = fetcher("data:text/css,p%7Bcolor:red%7D")
    try:
        assert response.read() == b"p{color:red}"
    finally:
        response.close()
    assert allowed_url((PACKAGE_DIR / "context.py").as_uri())


def test_an_external_url_in_the_template_stops_the_render(
    weasyprint: ModuleType,
    kb: KnowledgeBase,
    profiles,
    settings: Settings,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = report_pdf.render_html

    def with_external_image(*args, **kwargs) -> str:
        html = original(*args, **kwargs)
        return html.replace("</body>", '<img src="http://example.com/pixel.png"></body>')

    monkeypatch.setattr(report_pdf, "render_html", with_external_image)
    evidence = interview_values(kb, profiles["rls-classic"])
    with pytest.raises(RefusedURL, match=r"example\.com"):
        render_pdf(kb, assess(kb, evidence, "en"), evidence, "en", settings, NOW)


def test_unavailable_weasyprint_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> ModuleType:
        raise OSError("cannot load library 'libpango-1.0-0'")

    monkeypatch.setattr(report_pdf, "_import_weasyprint", broken)
    with pytest.raises(ReportUnavailable, match=r"apt-get install .*libpango-1\.0-0"):
        report_pdf.load_weasyprint()


def test_a_long_report_is_laid_out_compact_when_that_saves_a_page(
    weasyprint: ModuleType, kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    """Cramps on a statin with kidney disease, in Russian (the longest words): two pages
    at the normal size, one compact, and the PDF takes the compact layout."""
    evidence = interview_values(kb, profiles["cramps-statin-ckd"])
    assessment = assess(kb, evidence, "ru")
    view = build_view(kb, assessment, evidence, settings, NOW)

    def pages(compact: bool) -> int:
        html = report_pdf.render_html(view, compact=compact)
        source = weasyprint.HTML(
            string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=url_fetcher()
        )
        return len(source.render().pages)

    normal, compact = pages(False), pages(True)
    assert normal > compact, "this profile no longer tests compacting"
    pdf = render_pdf(kb, assessment, evidence, "ru", settings, NOW)
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == compact
    text = _flat("\n".join(page.extract_text() for page in reader.pages))
    for condition in assessment.conditions:
        assert _flat(condition.name) in text
        for system in ("icd10", "icd10cm"):
            if system in condition.codes:
                assert condition.codes[system] in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_icd10_cm_code_is_printed_with_its_system(reports, language: str) -> None:
    pdf, assessment, _ = reports["akathisia", language]
    first = assessment.conditions[0]
    assert first.id == "drug_induced_akathisia"
    assert "icd10" not in first.codes  # G25.71 exists only in ICD-10-CM
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    assert f"{_system_name('icd10cm', language)} G25.71" in text
    assert f"{_system_name('icd10', language)} G25.71" not in text


@pytest.mark.parametrize("language", LANGUAGES)
def test_laboratory_values_are_printed_with_their_loinc_code(
    reports, kb: KnowledgeBase, profiles, language: str
) -> None:
    pdf, _, _ = reports["rls-low-ferritin-ssri", language]
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    evidence = interview_values(kb, profiles["rls-low-ferritin-ssri"])
    assert isinstance(evidence["ferritin"], float)
    assert "LOINC" in text  # the table's column
    assert kb.loinc["ferritin"] in text


def test_the_date_is_the_clinic_s(
    weasyprint: ModuleType, kb: KnowledgeBase, profiles, settings: Settings
) -> None:
    """At 23:30 UTC on 26 November it is already 27 November in Kyiv (the default zone)."""
    late = datetime(2026, 11, 26, 23, 30, tzinfo=UTC)
    evidence = interview_values(kb, profiles["rls-classic"])
    for language, date in (("en", "Report: November 27, 2026"), ("uk", "Звіт: 27 листопада 2026")):
        pdf = render_pdf(kb, assess(kb, evidence, language), evidence, language, settings, late)
        reader = pypdf.PdfReader(io.BytesIO(pdf))
        assert date in _flat(reader.pages[0].extract_text())
        assert reader.metadata is not None
        assert reader.metadata["/CreationDate"] == "D:20261127013000+02'00"


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_simple_case_is_one_page_that_opens_with_the_case(
    reports, kb: KnowledgeBase, profiles, settings: Settings, language: str
) -> None:
    pdf, assessment, _ = reports["rls-classic", language]
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = _flat(reader.pages[0].extract_text())
    evidence = interview_values(kb, profiles["rls-classic"])
    view = build_view(kb, assessment, evidence, settings, NOW)
    case = _flat(view.case.text)
    assert case in text
    heading = _flat(translator(language).gettext("Urgency and red flags")).upper()
    assert text.index(case) < text.index(heading)
    assert view.case.who.startswith(translator(language).gettext("Woman"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_red_flags_are_printed_with_their_answers(reports, language: str) -> None:
    pdf = reports["pe-warning", language][0]
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    t = translator(language)
    for heading in ("Present", "Denied"):
        assert _flat(t.gettext(heading)) + ":" in text or _flat(t.gettext(heading)) + " (" in text
    assert _flat(t.gettext(terms.FINDINGS["sudden_breathlessness_chest_pain"])) in text
    assert _flat(t.gettext(terms.FINDINGS["fever"])) in text  # answered "no", still listed


@pytest.mark.parametrize("language", LANGUAGES)
def test_low_ferritin_is_the_first_laboratory_row(
    weasyprint: ModuleType, kb: KnowledgeBase, profiles, settings: Settings, language: str
) -> None:
    evidence = {
        **interview_values(kb, profiles["rls-low-ferritin-ssri"]),
        "haemoglobin": 131.0,
        "potassium": 3.1,
    }
    pdf = render_pdf(kb, assess(kb, evidence, language), evidence, language, settings, NOW)
    text = _flat("\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages))
    t = translator(language)
    names = [_flat(t.gettext(terms.FINDINGS[f])) for f in ("ferritin", "potassium", "haemoglobin")]
    start = text.index("LOINC")  # the table's heading row
    positions = [text.index(name, start) for name in names]
    assert positions == sorted(positions), (names, text[start:])
    for finding in ("ferritin", "potassium", "haemoglobin"):
        assert kb.loinc[finding] in text
    assert _flat(t.gettext("not asked")) in text[start:]  # the test's date: honestly


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_twelve_week_diary_fits_two_pages(
    weasyprint: ModuleType, kb: KnowledgeBase, profiles, settings: Settings, language: str
) -> None:
    entries = diary_entries(AS_OF)
    summary = summarise(entries, AS_OF)
    evidence = interview_values(kb, profiles["neuropathy-diabetic"])
    pdf = render_pdf(
        kb,
        assess(kb, evidence, language),
        evidence,
        language,
        settings,
        NOW,
        diary_summary=summary,
        diary_entries=entries,
        interviewed_at=datetime(2026, 11, 20, 8, 0, tzinfo=UTC),
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) <= report_pdf.MAX_PAGES
    text = _flat("\n".join(p.extract_text() for p in reader.pages))
    diary = diary_section(summary, language, entries)
    assert len(diary.weeks) == 12
    for shown in (diary.trend, diary.weeks[0].label, diary.weeks[-1].label, diary.nights[0].night):
        assert _flat(shown) in text
    for word in ("Theil", "Mann", "Тейла", "Манна"):
        assert word not in text


def test_the_first_page_as_an_image(
    weasyprint: ModuleType, kb: KnowledgeBase, profiles, tmp_path
) -> None:
    """The first page at 80 dpi (poppler's pdftoppm), for the README: written to
    docs/screenshots/ when missing or with NIGHTLEGS_UPDATE_SCREENSHOTS=1."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        PDF.fail("pdftoppm is missing", ["poppler-utils"])
    clinic = Settings.model_validate(
        {
            "database_url": "sqlite://",
            "clinic_name": "Клініка «Здорові вени»",
            "clinic_address": "Київ",
        }
    )
    evidence = {
        **interview_values(kb, profiles["cvd-skin-changes-cramps"]),
        "spider_veins": "present",
        "potassium": 3.3,
    }
    pdf = render_pdf(
        kb,
        assess(kb, evidence, "uk"),
        evidence,
        "uk",
        clinic,
        NOW,
        interviewed_at=datetime(2026, 11, 25, 7, 5, tzinfo=UTC),
    )
    (tmp_path / "report.pdf").write_bytes(pdf)
    subprocess.run(
        [pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", "report.pdf", "page"],
        cwd=tmp_path,
        check=True,
    )
    image = tmp_path / "page.png"
    header = image.read_bytes()[:24]
    assert header.startswith(b"\x89PNG")
    width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
    assert abs(width - 210 / 25.4 * 80) < 2  # A4 at 80 dpi
    assert abs(height - 297 / 25.4 * 80) < 2
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(image, SCREENSHOTS / "report-uk.png")
    if os.environ.get("NIGHTLEGS_UPDATE_SCREENSHOTS") == "1" or not README_SHOT.exists():
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(image, README_SHOT)
