"""What the parser reads, rule by rule (docs/parsing.md): lemmas in Ukrainian, Russian and
English whatever the page, surzhyk, typos, Latin letters; negation within its clause;
doubt left out; the past; other people; numbers; medicines; offsets."""

# ruff: noqa: RUF001 - Cyrillic complaints and Latin look-alikes are meant

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nightlegs.complaints import MAX_CHARACTERS, Parser
from tests.fixtures.profiles import examples
from tests.parsing.conftest import Pairs, values

Read = Callable[..., Pairs]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("крутить ноги", "uk", {("unpleasant_sensations", "present"), ("leg_symptoms", "present")}),
        ("ноги крутить по ночам, не можу спать", "uk", {("sleep_disturbance", "present")}),
        ("зводить литку", "ru", {("sudden_muscle_contraction", "present")}),
        ("сводит икры", "uk", {("sudden_muscle_contraction", "present")}),
        ("тягне ноги, треба встати", "uk", {("urge_to_move", "present")}),
        ("мурашки по ногах", "uk", {("unpleasant_sensations", "present")}),
        ("пече в стопах", "uk", {("burning_feet", "present")}),
        ("німіють пальці", "uk", {("numbness", "present")}),
        ("віддає в ногу", "uk", {("pain_radiating_into_leg", "present")}),
        ("вени вилізли", "uk", {("visible_varicose_veins", "present")}),
        ("ломит ноги", "ru", {("unpleasant_sensations", "present")}),
        ("гудят ноги", "ru", {("leg_heaviness", "present")}),
        ("pins and needles in my feet", "en", {("tingling", "present")}),
        ("charley horse in my calf", "en", {("sudden_muscle_contraction", "present")}),
        ("the urge to move my legs at night", "uk", {("urge_to_move", "present")}),
    ],
)
def test_words_in_any_language_and_form(
    pairs: Read, text: str, language: str, expected: Pairs
) -> None:
    assert expected <= pairs(text, language)


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("судомии в литках", "sudden_muscle_contraction"),  # a letter twice
        ("набрякаюсть ноги", "leg_swelling_both"),  # a letter swapped for another
        ("nogi krutit po nocham", "unpleasant_sensations"),  # Russian in Latin letters
        ("sudomy v lytkah", "sudden_muscle_contraction"),  # Ukrainian in Latin letters
        ("ноги крутиТь вНочі", "evening_night_predominance"),  # wrong case
        ("нoги крутить вночi", "unpleasant_sensations"),  # Latin o and i inside Cyrillic
        ("terible cramps in my calfs", "sudden_muscle_contraction"),
    ],
)
def test_typos_latin_letters_and_case(pairs: Read, text: str, finding: str) -> None:
    assert finding in {f for f, _ in pairs(text)}


def test_right_is_no_typo_of_night(pairs: Read) -> None:
    assert ("evening_night_predominance", "present") not in pairs("my right leg aches", "en")


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("набряків немає", "evening_swelling"),
        ("ноги не набрякають", "leg_swelling_both"),
        ("без набряків", "evening_swelling"),
        ("отеков нет", "evening_swelling"),
        ("no swelling", "evening_swelling"),
        ("ноги не болять", "leg_symptoms"),
        ("вени не видно", "visible_varicose_veins"),
        ("судом нема", "sudden_muscle_contraction"),
        ("I never get cramps", "sudden_muscle_contraction"),
        ("не курю", "smoking"),
    ],
)
def test_a_denial_is_absent(pairs: Read, text: str, finding: str) -> None:
    assert (finding, "absent") in pairs(text)


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("набряків немає, крутить ноги", "unpleasant_sensations", "evening_swelling"),
        ("не можу заснути, треба встати", "urge_to_move", None),
        ("ноги не болять але треба ворушити ними", "urge_to_move", None),
        ("no swelling but my legs ache", "unpleasant_sensations", "evening_swelling"),
        ("не тільки вночі, а й вдень крутить", "unpleasant_sensations", None),
        ("не дуже болять ноги", "leg_symptoms", None),
    ],
)
def test_a_negation_reaches_only_its_own_clause(
    pairs: Read, text: str, present: str, absent: str | None
) -> None:
    found = pairs(text)
    assert (present, "present") in found
    assert (present, "absent") not in found
    if absent:
        assert (absent, "absent") in found


@pytest.mark.parametrize(
    "text",
    [
        "здається, набрякають ноги",
        "мабуть набрякають ноги",
        "кажется, ноги отекают",
        "наверное, судороги",
        "maybe my ankles swell",
        "I think it might be cramps",
        "може це варикоз?",
    ],
)
def test_doubt_is_left_out(pairs: Read, text: str) -> None:
    found = {f for f, _ in pairs(text)}
    assert not found & {"leg_swelling_both", "evening_swelling", "sudden_muscle_contraction"}
    assert "diagnosed_varicose_veins" not in found


@pytest.mark.parametrize(
    ("text", "expected", "left_out"),
    [
        (
            "раніше були судоми, зараз крутить ноги",
            ("unpleasant_sensations", "present"),
            "sudden_muscle_contraction",
        ),
        ("раньше были судороги, сейчас нет", ("sudden_muscle_contraction", "absent"), None),
        ("used to get cramps but not anymore", ("sudden_muscle_contraction", "absent"), None),
        ("колись був тромбоз", ("previous_vte", "present"), None),
        ("колись була виразка на нозі", ("leg_ulcer", "healed"), None),
        ("раніше курила", ("smoking", "absent"), None),
        ("колись була операція на венах", None, "recent_surgery_or_immobilisation"),
    ],
)
def test_the_past(
    pairs: Read, text: str, expected: tuple[str, str] | None, left_out: str | None
) -> None:
    found = pairs(text)
    if expected:
        assert expected in found
    if left_out:
        assert left_out not in {f for f, _ in found}


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("у мами теж крутило ноги", "present"),
        ("ноги крутить вечорами, у мами теж", "present"),
        ("у отца тоже синдром беспокойных ног", "present"),
        ("my mother has restless legs too", "present"),
        ("у сестри такого не було, а в мене крутить ноги", "absent"),
        ("у бабусі теж крутило ноги", None),  # not a parent, sibling or child
        ("у мами судоми", None),  # the family history is of restless legs
    ],
)
def test_other_people_are_family_history_only(pairs: Read, text: str, family: str | None) -> None:
    found = pairs(text)
    own = {f for f, _ in found} - {
        "family_history_rls",
        "unpleasant_sensations",
        "leg_symptoms",
        "evening_night_predominance",
    }
    assert not own & {"urge_to_move", "diagnosed_rls", "sudden_muscle_contraction"}
    assert (family is None) == ("family_history_rls" not in {f for f, _ in found})
    if family:
        assert ("family_history_rls", family) in found


def test_a_relatives_complaint_is_never_the_persons(pairs: Read) -> None:
    assert pairs("у мами набрякають ноги і судоми") == set()
    assert pairs("my wife has leg cramps") == set()


@pytest.mark.parametrize(
    ("text", "finding", "value"),
    [
        ("3 рази на тиждень", "nights_per_week", 3),
        ("тричі на тиждень", "nights_per_week", 3),
        ("щоночі", "nights_per_week", 7),
        ("кожну ніч", "nights_per_week", 7),
        ("через ніч", "nights_per_week", 3.5),
        ("twice a week", "nights_per_week", 2),
        ("раз на місяць", "nights_per_week", 0.25),
        ("2-3 рази на тиждень", "nights_per_week", 2.5),
        ("вже півроку", "duration_months", 6),
        ("років п'ять", "duration_months", 60),
        ("два тижні", "duration_months", 0.5),
        ("уже год", "duration_months", 12),
        ("полтора года", "duration_months", 18),
        ("for 3 months", "duration_months", 3),
        ("7 з 10", "severity", 7),
        ("8/10", "severity", 8),
        ("на 6 балів", "severity", 6),
        ("мені 63", "age", 63),
        ("63 роки", "age", 63),
        ("мне 58 лет", "age", 58),
        ("I'm 47", "age", 47),
        ("71 years old", "age", 71),
        ("5 чашок кави на день", "caffeine_cups_per_day", 5),
        ("феритин 12", "ferritin", 12),
        ("hba1c 7.5%", "hba1c", 7.5),
        ("вагітна, 30 тижнів", "pregnancy", "trimester_3"),
        ("вагітна 10 тижнів", "pregnancy", "trimester_1"),
        ("судома на кілька хвилин", "episode_duration", "under_10_min"),
        ("крутить по 2 години", "episode_duration", "over_10_min"),
    ],
)
def test_numbers_and_durations(pairs: Read, text: str, finding: str, value: str | float) -> None:
    found = dict(pairs(text))
    assert finding in found, pairs(text)
    if isinstance(value, str):
        assert found[finding] == value
    else:
        assert found[finding] == pytest.approx(value, abs=0.05)


@pytest.mark.parametrize(
    ("text", "not_read"),
    [
        ("майже щоночі", "nights_per_week"),  # too vague
        ("кілька разів на тиждень", "nights_per_week"),
        ("цукровий діабет 10 років", "duration_months"),  # the diabetes's years
        ("курю 30 років", "age"),
        ("на діалізі 3 рази на тиждень", "nights_per_week"),
        ("мені 150", "age"),  # outside the vocabulary's range: dropped, never clamped
        ("17 з 10", "severity"),
        ("операція 2 роки тому", "duration_months"),  # when, not how long
        ("у мами 80 років", "age"),
    ],
)
def test_numbers_that_are_not_read(pairs: Read, text: str, not_read: str) -> None:
    assert not_read not in {f for f, _ in pairs(text)}


def test_a_unit_the_knowledge_base_accepts_is_kept(reader: Parser) -> None:
    result = reader.parse("феритин був 40 нг/мл, гемоглобин 11 g/dL", "uk")
    units = {c.finding: (c.value, c.unit) for c in result.candidates}
    assert units["ferritin"] == (40, "ng/mL")
    assert units["haemoglobin"] == (11, "g/dL")


def test_a_temperature_says_fever_only_from_38(pairs: Read) -> None:
    assert ("fever", "present") in pairs("температура 38,2")
    assert "fever" not in {f for f, _ in pairs("температура 37,1")}


def test_medicines_the_person_takes_and_not_the_others(reader: Parser) -> None:
    taken = reader.parse("п'ю аторвакор і лозап, раніше пила фуросемід", "uk")
    assert [m.inn for m in taken.medicines] == ["atorvastatin", "losartan"]
    assert {"med_statin", "med_ace_inhibitor_or_arb"} <= set(values(taken))
    assert "med_loop_diuretic" not in values(taken)
    mother = reader.parse("мама п'є ропінірол", "uk")
    assert mother.medicines == ()
    after = reader.parse("набрякають щиколотки після амлодипіну", "uk")
    assert values(after)["started_after_new_medicine"] == "present"


def test_one_value_per_finding_present_wins(reader: Parser) -> None:
    result = reader.parse("ноги не набрякають. тепер ноги набрякають", "uk")
    findings = [c.finding for c in result.candidates]
    assert len(findings) == len(set(findings))
    assert values(result)["leg_swelling_both"] == "present"
    # Swelling said of the evening is the evening pattern (evening_swelling), which
    # replaces "both legs swell" in its part of the text.
    evening = reader.parse("ноги не набрякають. ввечері ноги набрякають", "uk")
    assert values(evening)["evening_swelling"] == "present"


def test_unrecognised_parts_come_back(reader: Parser) -> None:
    result = reader.parse("крутить ноги вночі. Що мені робити? Дякую", "uk")
    assert "Що мені робити" in result.unrecognised
    assert "крутить ноги вночі" not in result.unrecognised


@pytest.mark.parametrize("text", ["", "   ", "!!!", "12345", "🦵🦵", "\u0000\u200b"])
def test_no_words_no_candidates(reader: Parser, text: str) -> None:
    assert reader.parse(text, "uk").candidates == ()


def test_only_the_first_2000_characters_are_read(reader: Parser) -> None:
    text = "а " * MAX_CHARACTERS + "крутить ноги"
    assert reader.parse(text, "uk").candidates == ()


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.text(
        alphabet=st.sampled_from(
            list("абвгдежзийклмнопрстуфхцчшщьюяіїєґ'’ -,.!?0123456789abcdefghijklmnopqrstuvwxyz\n")
        ),
        max_size=200,
    )
    | st.text(max_size=200),
    language=st.sampled_from(["uk", "ru", "en"]),
)
def test_any_text_gives_candidates_whose_words_are_the_texts(
    reader: Parser, text: str, language: str
) -> None:
    result = reader.parse(text, language)
    findings = reader.kb.findings
    for candidate in result.candidates:
        assert text[candidate.start : candidate.end] == candidate.text
        definition = findings[candidate.finding]
        if definition.type == "boolean":
            assert candidate.value in ("present", "absent")
        elif definition.type == "choice":
            assert candidate.value in definition.values
        else:
            assert isinstance(candidate.value, float)
            low, high = definition.minimum, definition.maximum
            assert low is None or candidate.value >= low
            assert high is None or candidate.value <= high
    for medicine in result.medicines:
        assert text[medicine.start : medicine.end] == medicine.text


@pytest.mark.parametrize(
    ("text", "language", "not_read"),
    [
        ("Доброго вечора, ноги крутить", "uk", "evening_night_predominance"),
        ("Добрый вечер! Ноги крутит", "ru", "evening_night_predominance"),
        ("good evening, my legs ache", "en", "evening_night_predominance"),
        ("No swelling or redness", "en", "leg_redness_warmth"),
        ("нет отеков или покраснения", "ru", "leg_redness_warmth"),
        ("набряків чи почервоніння немає", "uk", "leg_redness_warmth"),
        ("операція на коліні 2 роки тому", "uk", "recent_surgery_or_immobilisation"),
        ("had surgery 10 years ago", "en", "recent_surgery_or_immobilisation"),
    ],
)
def test_greetings_disjunctions_and_old_events(
    pairs: Read, text: str, language: str, not_read: str
) -> None:
    assert not_read not in {f for f, _ in pairs(text, language)}


def test_a_recent_surgery_stays(pairs: Read) -> None:
    assert ("recent_surgery_or_immobilisation", "present") in pairs("операція 2 тижні тому")
    assert ("recent_surgery_or_immobilisation", "present") in pairs("knee replacement 3 weeks ago")
