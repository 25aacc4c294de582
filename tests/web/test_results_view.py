"""The results page and the emergency page as a person acts on them, rendered from the
engine's assessment of generated evidence (hypothesis) and of the public cases: the order
of the parts, the hooks matching the assessment, one primary action per emergency level,
and "what to tell them" built from the person's own answers."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from html import unescape

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nightlegs.engine import Answer, Assessment, Value, assess, merge
from nightlegs.evaluation.cases import Case
from nightlegs.i18n import format_date
from nightlegs.knowledge import load_kb
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.pages.results.urgent import AMBULANCE, sentence, urgent_view
from nightlegs.pages.results.views import results_view
from nightlegs.pages.templating import Pages
from nightlegs.pages.views import Deployment, Labels, stages, tel
from tests.conftest import values as case_values
from tests.engine.test_properties import evidence
from tests.fixtures.profiles import examples
from tests.profiles import RLS_CLASSIC

KB = load_kb()
LABELS = Labels(KB)
LANGS = ["uk", "ru", "en"]
EMERGENCY = ("emergency", "emergency_ambulance")
NUMBERS = {"ambulance": "103", "general": "112"}
SETTINGS = settings(
    max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def deployment(**overrides: object) -> Deployment:
    fields: dict[str, object] = {
        "clinic_name": "",
        "clinic_address": "",
        "clinic_phone": "",
        "booking_url": "",
        "specialists": frozenset(),
        "ambulance": NUMBERS["ambulance"],
        "general": NUMBERS["general"],
    }
    return Deployment(**(fields | overrides))  # type: ignore[arg-type]


def pages(where: Deployment) -> Pages:
    return Pages(
        {
            "version": "test",
            "deployment": where,
            "tel": tel,
            "language_names": {"uk": "uk", "ru": "ru", "en": "en"},
            "languages": LANGS,
        }
    )


PAGES = pages(deployment())


def common(lang: str, page: str) -> dict[str, object]:
    return {
        "page": page,
        "here": "/results",
        "title": "",
        "settings": None,
        "emergency_numbers": list(NUMBERS.values()),
        "diary_signed_in": False,
    }


def normalised(raw: Mapping[str, object]) -> dict[str, Value]:
    return merge(KB, [Answer(f, v) for f, v in raw.items()])  # type: ignore[arg-type]


def results_html(
    values: Mapping[str, Value], lang: str, templates: Pages = PAGES
) -> tuple[str, Assessment]:
    a = assess(KB, values, lang, emergency_numbers=NUMBERS)
    where = templates.environments[lang].globals["deployment"]
    t = templates.translators[lang]
    view = results_view(KB, LABELS, a, values, t, where)  # type: ignore[arg-type]
    html = templates.render(
        lang,
        "results.html",
        common(lang, "results")
        | {
            "t": t,
            "r": view,
            "stages": stages(KB, lang, "results"),
            "answered": 12,
            "date": format_date(date(2026, 11, 27), lang),
        },
    )
    return html, a


def emergency_html(values: Mapping[str, Value], lang: str) -> tuple[str, Assessment]:
    a = assess(KB, values, lang, emergency_numbers=NUMBERS)
    t = PAGES.translators[lang]
    u = urgent_view(KB, LABELS, a, values, t, deployment())
    html = PAGES.render(
        lang, "emergency.html", common(lang, "emergency") | {"t": t, "assessment": a, "u": u}
    )
    return html, a


def main(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def positions(html: str, attribute: str) -> list[tuple[int, str]]:
    return [(m.start(), m.group(1)) for m in re.finditer(rf'{attribute}="([^"]*)"', html)]


def section_bounds(html: str) -> dict[str, int]:
    """Where each part starts (``data-section``), in the page's order."""
    found = positions(html, "data-section")
    assert len({name for _, name in found}) == len(found), found
    return {name: at for at, name in found}


def check_results_page(html: str, a: Assessment) -> None:
    """The invariants of a results page, whatever the answers."""
    html = main(html)
    level = a.triage.level
    parts = section_bounds(html)
    order = [name for name in ("action", "why", "advice", "details") if name in parts]
    assert order == sorted(parts, key=parts.__getitem__), parts
    assert {"action", "why", "details"} <= set(parts)
    tell = html.find('class="tell"')
    end_of_action = parts["why"] if tell < 0 else min(parts["why"], tell)
    # What to do, by when and whom: all in the first part.
    assert [name for _, name in positions(html, "data-triage-level")] == [level]
    assert parts["action"] <= html.index("data-triage-level") < end_of_action
    assert a.triage.name in html[parts["action"] : end_of_action]
    if level in EMERGENCY:
        primary = positions(html, "data-primary-action")
        assert [name for _, name in primary] == [expected_action(level)]
        assert parts["action"] < primary[0][0] < end_of_action
        assert 'href="tel:103"' in html
        assert 'href="tel:112"' in html
        assert "data-whom" not in html
        # No diary invitation at an emergency level.
        assert "diary-invite" not in html
        assert "start-diary" not in html
    elif a.specialists:
        whom = positions(html, "data-whom")
        assert [name for _, name in whom] == [a.specialists[0].id]
        assert parts["action"] < whom[0][0] < end_of_action
        assert 'data-action="start-diary"' in html
    # Why: each factor, in the person's answers, in the second part.
    factors = positions(html, "data-factor")
    assert [name for _, name in factors] == [f.id for f in a.factors]
    assert all(parts["why"] < at < parts.get("advice", parts["details"]) for at, _ in factors)
    # Each advice item, the withheld ones with their reason.
    advice = positions(html, "data-advice")
    shown = [x for x in a.advice if level not in EMERGENCY or x.kind == "safety"]
    expected = [x.id for x in shown if x.kind == "safety"] + [
        x.id for x in shown if x.kind == "self_care"
    ]
    assert [name for _, name in advice] == expected
    withheld = positions(html, "data-withheld-advice")
    assert [name for _, name in withheld] == [w.id for w in a.withheld_advice]
    for w in a.withheld_advice:
        assert w.why in unescape(html)
    # The details after everything else.
    conditions = positions(html, "data-condition")
    assert [name for _, name in conditions] == [c.id for c in a.conditions]
    assert all(at > parts["details"] for at, _ in conditions)
    assert html.count('data-action="report"') == 1
    assert_no_double_stop(html)


def expected_action(level: str) -> str:
    return "call-ambulance" if level == AMBULANCE else "go-to-emergency-department"


def assert_no_double_stop(html: str) -> None:
    text = re.sub(r"<[^>]+>", "", html)
    assert not re.search(r"[рг]\.\.", text), "a date with a double full stop"
    assert ".." not in text.replace("...", "")


@SETTINGS
@given(evidence(), st.sampled_from(LANGS))
@example({"leg_symptoms": "present", "sudden_unilateral_swelling": "present", "age": 45.0}, "uk")
@example({"leg_symptoms": "present", "acute_cold_painful_leg": "present"}, "ru")
def test_a_results_page_reads_in_the_order_a_person_acts(raw: dict[str, object], lang: str) -> None:
    html, a = results_html(normalised(raw), lang)
    check_results_page(html, a)


@SETTINGS
@given(evidence(), st.sampled_from(LANGS))
def test_an_emergency_page_has_one_primary_action_for_its_level(
    raw: dict[str, object], lang: str
) -> None:
    values = normalised(raw)
    html, a = emergency_html(values, lang)
    if a.triage.level not in EMERGENCY:
        return  # the interview shows this page only at an emergency level
    body = main(html)
    primary = positions(body, "data-primary-action")
    assert [name for _, name in primary] == [expected_action(a.triage.level)]
    assert 'href="tel:103"' in body
    assert 'href="tel:112"' in body
    assert body.count("data-action=") == 2  # the report and "continue"
    assert body.count('data-action="continue"') == 1
    assert body.count('data-action="report"') == 1
    # The action comes before the reasons and before "what to tell them".
    assert primary[0][0] < body.index('class="tell"') < body.index('id="why-title"')
    if a.triage.level == AMBULANCE:
        assert re.search(r'<a class="call call--primary" href="tel:103"', body)
    assert_no_double_stop(body)


@SETTINGS
@given(evidence(), st.sampled_from(LANGS))
def test_what_to_tell_them_says_only_what_the_person_answered(
    raw: dict[str, object], lang: str
) -> None:
    values = normalised(raw)
    a = assess(KB, values, lang, emergency_numbers=NUMBERS)
    u = urgent_view(KB, LABELS, a, values, PAGES.translators[lang], deployment())
    for finding, value in values.items():
        label = LABELS.label(finding, lang)
        if value in ("absent", "none") and len(label) > 12:
            assert label[1:] not in u.what, finding
    age = values.get("age")
    if isinstance(age, float) and values.get("sex") in ("male", "female"):
        assert str(int(age)) in u.who
    present_flags = [f for f in KB.red_flags if values.get(f) == "present"]
    if a.triage.level in EMERGENCY and present_flags:
        assert u.what
    for line in (u.who, u.what):
        assert not line or (line.endswith(".") and not line.endswith(".."))
        assert "_" not in line  # ids never reach the person


@pytest.mark.parametrize("lang", LANGS)
def test_what_to_tell_them_after_a_flight(lang: str) -> None:
    values = normalised(
        {
            "leg_symptoms": "present",
            "sudden_unilateral_swelling": "present",
            "calf_tenderness_one_leg": "present",
            "recent_long_travel": "present",
            "sudden_breathlessness_chest_pain": "absent",
            "age": 45.0,
            "sex": "male",
        }
    )
    a = assess(KB, values, lang, emergency_numbers=NUMBERS)
    u = urgent_view(KB, LABELS, a, values, PAGES.translators[lang], deployment())
    assert a.triage.level == "emergency"
    assert (
        u.who
        == {"uk": "Чоловік, 45 років.", "ru": "Мужчина, 45 лет.", "en": "Man, 45 years old."}[lang]
    )
    said = u.what.lower()
    for finding in ("sudden_unilateral_swelling", "calf_tenderness_one_leg", "recent_long_travel"):
        assert LABELS.label(finding, lang).lower() in said, finding
    assert LABELS.label("sudden_breathlessness_chest_pain", lang).lower() not in said
    # The level's own sentence is the primary action; the rest stays.
    assert "emergency department" not in u.safety
    assert "приймального" not in u.safety


@pytest.mark.parametrize(
    ("raw", "uk"),
    [
        ({"sex": "female", "age": 21.0}, "Жінка, 21 рік."),
        ({"sex": "female", "age": 32.0, "pregnancy": "trimester_2"}, "Жінка, 32 роки, вагітна."),
        ({"sex": "male"}, "Чоловік."),
        ({"age": 67.0}, "Вік: 67 років."),
        ({"sex": "unknown", "age": "unknown"}, ""),
    ],
)
def test_the_first_line_says_who(raw: dict[str, object], uk: str) -> None:
    values = normalised({"leg_symptoms": "present", "very_unwell": "present", **raw})
    a = assess(KB, values, "uk", emergency_numbers=NUMBERS)
    u = urgent_view(KB, LABELS, a, values, PAGES.translators["uk"], deployment())
    assert u.who == uk


def test_whom_to_see_is_booked_called_or_arranged(public_cases: list[Case]) -> None:
    case = next(c for c in public_cases if c.id == "rls-classic")
    values = case_values(case.profile)
    first = assess(KB, values, "en").specialists[0].id
    booking = "https://clinic.example/book"
    ways = {
        "book": deployment(booking_url=booking, specialists=frozenset({first})),
        "call": deployment(clinic_phone="+380 44 000 00 00", specialists=frozenset({first})),
        "none": deployment(booking_url=booking, specialists=frozenset({"phlebologist"})),
    }
    html = {way: main(results_html(values, "en", pages(where))[0]) for way, where in ways.items()}
    action = {way: page[: page.index('data-section="why"')] for way, page in html.items()}
    assert f'href="{booking}"' in action["book"]
    assert 'data-action="book"' in action["book"]
    assert 'href="tel:+380440000000"' in action["call"]
    assert 'data-action="call-clinic"' in action["call"]
    assert "Make an appointment by phone or online." in action["none"]
    assert booking not in html["none"]


@pytest.mark.parametrize("lang", LANGS)
def test_every_public_case_reads_in_the_order_a_person_acts(
    public_cases: list[Case], lang: str
) -> None:
    levels = set()
    for case in public_cases:
        html, a = results_html(case_values(case.profile), lang)
        check_results_page(html, a)
        levels.add(a.triage.level)
    assert levels == {"self_care", "consultation", "consultation_24", *EMERGENCY}


def test_a_withheld_advice_item_stays_with_its_reason(public_cases: list[Case]) -> None:
    case = next(c for c in public_cases if c.id == "pad-rest-pain")
    html, a = results_html(case_values(case.profile), "uk")
    assert a.withheld_advice
    for w in a.withheld_advice:
        item = re.search(rf'<li data-withheld-advice="{w.id}">(.*?)</li>', html, re.S)
        assert item
        assert w.why in unescape(item.group(1))


def test_unknown_is_said_as_not_known() -> None:
    values = normalised(
        {
            "leg_symptoms": "present",
            "side": "one",
            "recent_long_travel": "present",
            "sudden_unilateral_swelling": UNKNOWN,
            "calf_tenderness_one_leg": "absent",
        }
    )
    a = assess(KB, values, "en", emergency_numbers=NUMBERS)
    u = urgent_view(KB, LABELS, a, values, PAGES.translators["en"], deployment())
    assert a.triage.level == "emergency"
    assert "one leg swelled up over a few hours or days: I don't know" in u.what


def test_the_corrected_words() -> None:
    """The corrections of issue 9: "Зателефонувати на 112", "Точно сказати може лише лікар",
    and one full stop after the year's abbreviation in a date."""
    dvt = normalised({"leg_symptoms": "present", "sudden_unilateral_swelling": "present"})
    emergency, _ = emergency_html(dvt, "uk")
    assert ">Зателефонувати на 112<" in emergency
    assert "Подзвонити" not in emergency
    results, _ = results_html(normalised({"leg_symptoms": "present", **RLS_CLASSIC}), "uk")
    text = unescape(re.sub(r"<[^>]+>", "", results))
    assert "Точно сказати може лише лікар." in text
    assert "Напевно" not in text
    assert re.search(r"Дата: 27 листопада 2026\sр\. · ", text)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["Біль", "М'язи болять"], "Біль; м'язи болять."),
        (
            ["Pain", "HbA1c 8.4 %", "B12 low", "I don't know"],
            "Pain; HbA1c 8.4 %; B12 low; I don't know.",
        ),
        (["Дата: 27 листопада 2026 р."], "Дата: 27 листопада 2026 р."),
        ([], ""),
    ],
)
def test_a_line_is_one_sentence(parts: list[str], expected: str) -> None:
    assert sentence(parts, "; ") == expected
