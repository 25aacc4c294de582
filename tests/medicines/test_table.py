"""kb/medicines.yaml is whole: every med_* finding reached, each class mapped as the
vocabulary says, each spelling of the right alphabet, each spelling one medicine's."""

# ruff: noqa: RUF001 - Cyrillic spellings are meant

from __future__ import annotations

import re
from pathlib import Path

import pytest

from nightlegs.knowledge import KnowledgeBaseError, default_kb_dir
from nightlegs.knowledge.medicine_table import (
    _from_disk_cache,
    build_medicine_table,
    load_medicine_table,
)
from nightlegs.knowledge.yaml_source import read
from nightlegs.medicines import Table, TableError, build_table

KB = default_kb_dir()


def vocabulary_med_findings() -> set[str]:
    findings = read(KB / "vocabulary.yaml").data["findings"]
    return {f for f in findings if f.startswith("med_")}


def test_every_med_finding_of_the_vocabulary_is_implied_by_some_medicine() -> None:
    data = load_medicine_table()
    implied = {f for m in data.medicines for f in m.findings}
    # and estrogen_therapy, the one other finding that says a medicine is taken
    assert implied == vocabulary_med_findings() | {"estrogen_therapy"}


@pytest.mark.parametrize(
    ("inn", "findings"),
    [
        # The classes the policy names, and the traps where a wrong class changes advice.
        ("hydrochlorothiazide", {"med_thiazide_diuretic"}),
        ("drospirenone and ethinylestradiol", {"estrogen_therapy"}),
        ("estradiol", {"estrogen_therapy"}),
        ("indapamide", {"med_thiazide_diuretic"}),
        ("furosemide", {"med_loop_diuretic"}),
        ("spironolactone", {"med_potassium_sparing_diuretic"}),
        ("atorvastatin", {"med_statin"}),
        ("sertraline", {"med_ssri_snri"}),
        ("venlafaxine", {"med_ssri_snri"}),
        ("amitriptyline", {"med_tricyclic"}),
        ("mirtazapine", {"med_mirtazapine"}),
        ("quetiapine", {"med_dopamine_antagonist"}),
        ("metoclopramide", {"med_dopamine_antagonist"}),
        ("chloropyramine", {"med_sedating_antihistamine"}),
        ("salmeterol", {"med_long_acting_beta_agonist"}),
        ("losartan + hydrochlorothiazide", {"med_ace_inhibitor_or_arb", "med_thiazide_diuretic"}),
        (
            "potassium and magnesium aspartate",
            {"med_potassium_supplement", "med_magnesium_supplement"},
        ),
        # Domperidone hardly enters the brain: the antiemetic advised in restless legs.
        ("domperidone", set()),
        # Short-acting inhalers are not LABAs; second-generation antihistamines do not sedate.
        ("salbutamol", set()),
        ("cetirizine", set()),
        # Verapamil and diltiazem are not dihydropyridines.
        ("verapamil", set()),
        # Antiplatelets are not anticoagulants; ASA with magnesium hydroxide is no magnesium.
        ("clopidogrel", set()),
        ("acetylsalicylic acid", set()),
        ("bisoprolol", set()),
        ("phenibut", set()),
        ("ademetionine", set()),
    ],
)
def test_a_class_implies_the_findings_the_vocabulary_means(inn: str, findings: set[str]) -> None:
    entries = [m for m in load_medicine_table().medicines if m.inn == inn]
    assert entries, inn
    assert all(set(m.findings) == findings for m in entries)


def test_heparin_on_the_skin_is_not_an_anticoagulant() -> None:
    by_id = {m.id: m for m in load_medicine_table().medicines}
    assert by_id["heparin"].findings == ("med_anticoagulant",)
    assert by_id["heparin (topical)"].findings == ()


def test_each_entry_has_an_atc_code_of_the_index_shape_and_its_sources() -> None:
    for medicine in load_medicine_table().medicines:
        assert re.fullmatch(r"[A-Z]\d\d[A-Z]([A-Z](\d\d)?)?", medicine.atc), medicine.id
        assert "who-atc-ddd" in medicine.sources
        assert bool(medicine.brands) == ("drlz-register" in medicine.sources), medicine.id


def test_the_common_medicines_of_the_brief_are_in_the_table() -> None:
    inns = {m.inn for m in load_medicine_table().medicines}
    wanted = {
        "metformin", "amlodipine", "bisoprolol", "lisinopril", "enalapril", "losartan",
        "acetylsalicylic acid", "clopidogrel", "warfarin", "apixaban", "rivaroxaban",
        "omeprazole", "pantoprazole", "levothyroxine", "paracetamol", "ibuprofen",
        "diclofenac", "iron", "magnesium", "colecalciferol", "gabapentin", "pregabalin",
        "pramipexole", "ropinirole", "ademetionine", "phenibut", "metoclopramide",
    }  # fmt: skip
    assert wanted <= inns
    assert any("Корвалол" in b.uk for m in load_medicine_table().medicines for b in m.brands)


def test_every_medicine_can_be_found_by_some_spelling(table: Table) -> None:
    # build_table refuses a clash and an entry no spelling reaches; this one was built.
    reached = {key.medicine.id for key in table.exact.values()}
    assert reached == {m.id for m in load_medicine_table().medicines}


#: A table small enough to read fast, with everything the checks look at.
MINI_TABLE = """
version: 1
sources:
  - {id: who-atc-ddd, citation: WHO ATC index}
  - {id: drlz-register, citation: State Register}
confirm:
  uk: "{name} — {what}: так?"
  ru: "{name} — {what}: да?"
  en: "{name} — {what}: yes?"
  and: {uk: " і ", ru: " и ", en: " and "}
words:
  filler: {uk: [п'ю, мг], ru: [пью], en: [take]}
  generic: {uk: [сечогінне, ліки], ru: [мочегонное], en: [pills]}
  nothing: {uk: [нічого], ru: [ничего], en: [nothing]}
  separators: {uk: [і], ru: [и], en: [and]}
classes:
  loop_diuretic:
    findings: [med_loop_diuretic]
    what: {uk: сечогінний засіб, ru: мочегонное средство, en: a water tablet}
  statin:
    findings: [med_statin]
    what: {uk: від холестерину, ru: от холестерина, en: for cholesterol}
  beta_blocker: {findings: [], what: {uk: від тиску, ru: от давления, en: for blood pressure}}
medicines:
  - inn: furosemide
    atc: C03CA01
    classes: [loop_diuretic]
    name: {uk: фуросемід, ru: фуросемид, en: furosemide}
    brands:
      - {uk: Лазикс, ru: Лазикс, latin: Lasix}
    sources: [who-atc-ddd, drlz-register]
  - inn: atorvastatin
    atc: C10AA05
    classes: [statin]
    name: {uk: аторвастатин, ru: аторвастатин, en: atorvastatin}
    brands:
      - {uk: Ліпримар, ru: Липримар, latin: Liprimar}
    sources: [who-atc-ddd, drlz-register]
  - inn: bisoprolol
    atc: C07AB07
    classes: [beta_blocker]
    name: {uk: бісопролол, ru: бисопролол, en: bisoprolol}
    sources: [who-atc-ddd]
"""
MINI_VOCABULARY = """
findings:
  med_loop_diuretic: {type: boolean, means: loop diuretic}
  med_statin: {type: boolean, means: statin}
  ferritin: {type: number, unit: ug/L, range: [0, 5000], means: serum ferritin}
"""


def mini_kb(tmp_path: Path, old: str = "", new: str = "") -> Path:
    directory = tmp_path / "kb"
    directory.mkdir(exist_ok=True)
    assert old in MINI_TABLE
    (directory / "medicines.yaml").write_text(MINI_TABLE.replace(old, new, 1), encoding="utf-8")
    (directory / "vocabulary.yaml").write_text(MINI_VOCABULARY, encoding="utf-8")
    return directory


def test_the_small_table_is_whole(tmp_path: Path) -> None:
    table = build_table(build_medicine_table(mini_kb(tmp_path)))
    assert {key.medicine.id for key in table.exact.values()} == {
        "furosemide",
        "atorvastatin",
        "bisoprolol",
    }


@pytest.mark.parametrize(
    ("old", "new", "complaint"),
    [
        ("findings: [med_statin]", "findings: [med_statn]", "'med_statn' is not a med_* finding"),
        ("findings: [med_statin]", "findings: [ferritin]", "'ferritin' is not a med_* finding"),
        ("classes: [statin]", "classes: [beta_blocker]", "no medicine implies med_statin"),
        ("classes: [beta_blocker]", "classes: [statin]", "class beta_blocker has no medicine"),
        ("classes: [loop_diuretic]", "classes: [loop]", "unknown class 'loop'"),
        ("{uk: Лазикс,", "{uk: Лазыкс,", "is not uk spelling"),
        ("ru: Липримар,", "ru: Ліпримар,", "is not ru spelling"),
        ("latin: Lasix}", "latin: Лазикс}", "is not in Latin letters"),
        ("sources: [who-atc-ddd, drlz-register]", "sources: [who-atc-ddd]", "need drlz-register"),
        ("sources: [who-atc-ddd]", "sources: [drlz-register]", "needs who-atc-ddd"),
        ("sources: [who-atc-ddd]", "sources: [who-atc-ddd, wiki]", "unknown source 'wiki'"),
        ("atc: C03CA01", "atc: C3CA1", "atc"),
        ("  - inn: bisoprolol\n", "  - inn: furosemide\n", "'furosemide' is listed twice"),
        ("filler: {uk: [п'ю,", "filler: {uk: [сечогінне, п'ю,", "is in filler and generic"),
        ("nothing: {uk: [нічого]", "nothing: {uk: [нічого не]", "is not one word"),
        ("en: a water tablet}", "en: ''}", "at least 1 character"),
    ],
)
def test_the_check_names_what_is_wrong_and_where(
    tmp_path: Path, old: str, new: str, complaint: str
) -> None:
    with pytest.raises(KnowledgeBaseError) as raised:
        build_medicine_table(mini_kb(tmp_path, old, new))
    assert complaint in str(raised.value)
    assert re.search(r"medicines\.yaml:\d+: ", str(raised.value))


def test_two_medicines_spelled_alike_are_refused(tmp_path: Path) -> None:
    data = build_medicine_table(mini_kb(tmp_path, "latin: Lasix}", "latin: Liprimar}"))
    with pytest.raises(TableError, match="Liprimar"):
        build_table(data)


def test_a_medicine_no_spelling_reaches_is_refused(tmp_path: Path) -> None:
    old = "en: bisoprolol}\n"
    data = build_medicine_table(mini_kb(tmp_path, old, old + "    name_is_key: false\n"))
    with pytest.raises(TableError, match="no spelling finds bisoprolol"):
        build_table(data)


def test_a_brand_spelled_like_a_generic_word_is_refused(tmp_path: Path) -> None:
    data = build_medicine_table(mini_kb(tmp_path, "latin: Lasix}", "latin: Lasix, also: [ліки]}"))
    with pytest.raises(TableError, match="generic word"):
        build_table(data)


def test_the_table_is_kept_between_processes_until_a_file_changes(tmp_path: Path) -> None:
    directory, cache = mini_kb(tmp_path), tmp_path / "cache"
    first = _from_disk_cache(directory, cache)
    (kept,) = cache.glob("medicines-*.pickle")
    assert _from_disk_cache(directory, cache) == first
    path = directory / "medicines.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("atc: C03CA01", "atc: C3"), "utf-8")
    with pytest.raises(KnowledgeBaseError, match="atc"):
        _from_disk_cache(directory, cache)
    assert kept.exists()
