"""The sixth round of the parser (docs/parsing.md, "The sixth round"): what the third
blind set's tuning halves and the second's missed, each written here in other words than
the sets' own."""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

from collections.abc import Callable

import pytest

from nightlegs.complaints import Parser
from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


def medicine_findings(reader: Parser, text: str, language: str) -> set[str]:
    result = reader.parse(text, language)
    return {c.finding for c in result.candidates if c.finding.startswith("med_")}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Ксарелто кинула два тижні тому, дорого", "uk"),
        ("варфарин бросил месяц назад", "ru"),
        ("I stopped my apixaban in May because of nosebleeds", "en"),
        ("лікар сказав пити магній, але я ще не купила", "uk"),
        ("аспаркам купила, но еще не начинала", "ru"),
        ("Верошпірон не п'ю, боюсь", "uk"),
    ],
)
def test_a_medicine_stopped_or_not_begun_is_not_taken(
    reader: Parser, text: str, language: str
) -> None:
    assert medicine_findings(reader, text, language) == set()


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        # The stop is about smoking, a clause away: the medicine is taken.
        ("п'ю аторвастатин, кинула палити", "uk", "med_statin"),
        # The stop is about the other medicine, named after it.
        ("пью ксарелто, а кардиомагнил бросила", "ru", "med_anticoagulant"),
        ("I take rosuvastatin, I quit smoking last year", "en", "med_statin"),
    ],
)
def test_a_stop_about_something_else_leaves_the_medicine(
    reader: Parser, text: str, language: str, finding: str
) -> None:
    assert finding in medicine_findings(reader, text, language)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("пишу за тата, йому 81, ноги крутить ночами", "uk", {("sex", "male"), ("age", 81.0)}),
        ("спрашиваю для мамы: ей 79 лет, ноги отекают", "ru", {("sex", "female"), ("age", 79.0)}),
        (
            "typing this for my mum, she's 84 and her feet burn at night",
            "en",
            {("sex", "female"), ("age", 84.0)},
        ),
    ],
)
def test_written_for_someone_their_sex_and_age(
    pairs: Read, text: str, language: str, expected: set[tuple[str, object]]
) -> None:
    assert expected <= pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # Not written for anyone: "їй 80" is the mother's age, not the patient's.
        ("у мами теж таке, їй 80", "uk"),
        # "For advice" is nobody.
        ("пишу за порадою, ноги крутить", "uk"),
        # Someone typing for the writer: the writer is the patient.
        ("my granddaughter is typing this for me", "en"),
    ],
)
def test_no_one_else_s_age(pairs: Read, text: str, language: str) -> None:
    assert not {f for f, _ in pairs(text, language)} & {"age", "sex"}


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("алкоголь почти не пью", "ru", "alcohol_drinks_per_week"),
        ("алкоголю майже немає", "uk", "alcohol_drinks_per_week"),
        ("набряків майже немає", "uk", "evening_swelling"),
        ("I hardly drink alcohol", "en", "alcohol_drinks_per_week"),
    ],
)
def test_nearly_none_is_neither_none_nor_some(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert finding not in {f for f, _ in pairs(text, language)}


def test_none_is_still_none(pairs: Read) -> None:
    assert ("alcohol_drinks_per_week", 0.0) in pairs("алкоголь не вживаю", "uk")


@pytest.mark.parametrize(
    ("text", "language", "drinks"),
    [
        ("пляшку пива кожен вечір", "uk", 7.0),
        ("2 бокала вина каждый вечер", "ru", 14.0),
        ("a glass of wine every night", "en", 7.0),
    ],
)
def test_drinks_every_evening(pairs: Read, text: str, language: str, drinks: float) -> None:
    read = pairs(text, language)
    assert ("alcohol_drinks_per_week", drinks) in read
    # When they drink says nothing of when the legs trouble them.
    assert not {f for f, _ in read} & {"evening_night_predominance", "nights_per_week"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("стопы ничего не чувствуют, особенно ночью", "ru"),
        ("ноги нічого не відчувають нижче колін", "uk"),
        ("пальці ватні", "uk"),
    ],
)
def test_feeling_nothing_is_numbness_not_its_denial(pairs: Read, text: str, language: str) -> None:
    assert ("numbness", "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Витамин В12 проверяли — 150", "ru", ("vitamin_b12", 150.0)),
        ("ТТГ в прошлом году 6,1", "ru", ("tsh", 6.1)),
        ("феритин: 21", "uk", ("ferritin", 21.0)),
    ],
)
def test_a_result_after_a_dash_or_a_date(
    pairs: Read, text: str, language: str, expected: tuple[str, float]
) -> None:
    assert expected in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A condition in the same run of words does not take the age.
        ("мені 72 роки у мене цукровий діабет і ноги печуть", "uk"),
        # A doubt in the clause is about the complaint, not the age.
        ("может это от того что мне 72", "ru"),
    ],
)
def test_an_age_said_as_one(pairs: Read, text: str, language: str) -> None:
    assert ("age", 72.0) in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("після нейролептика ходжу з кутка в куток цілий день", "uk", "whole_body_restlessness"),
        ("не могу сидеть на месте весь день после таблеток", "ru", "whole_body_restlessness"),
        ("по маленькому не могу сходить с утра, спина болит", "ru", "bladder_bowel_dysfunction"),
        ("часто думаю що краще б мене не було", "uk", "suicidal_thoughts"),
        ("права нога з неділі набрякла", "uk", "sudden_unilateral_swelling"),
        ("левая нога со вчерашнего дня отекла", "ru", "sudden_unilateral_swelling"),
        ("як підняли дозу розувастатину, болять стегна", "uk", "started_after_new_medicine"),
        ("they upped my atorvastatin and now my thighs ache", "en", "started_after_new_medicine"),
    ],
)
def test_other_ways_of_saying_it(pairs: Read, text: str, language: str, finding: str) -> None:
    assert (finding, "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("невролог призначив праміпексол 0,25 мг на ніч", "uk"),
        ("димедрол на ночь чтобы уснуть", "ru"),
        ("I take magnesium at night", "en"),
    ],
)
def test_the_time_a_medicine_is_taken_is_not_the_complaint_s(
    pairs: Read, text: str, language: str
) -> None:
    assert "evening_night_predominance" not in {f for f, _ in pairs(text, language)}


def test_the_complaint_s_time_after_a_medicine_in_another_clause(pairs: Read) -> None:
    assert ("evening_night_predominance", "present") in pairs(
        "пью магний, а ноги все равно крутит ночью", "ru"
    )


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("нічні судоми в литках", "uk", ("evening_night_predominance", "present")),
        ("nocturnal cramps in both calves", "en", ("evening_night_predominance", "present")),
        # Surzhyk: «неділя» for a week.
        ("литки зводить рази три на неділю", "uk", ("nights_per_week", 3.0)),
    ],
)
def test_night_words_and_weeks(
    pairs: Read, text: str, language: str, expected: tuple[str, object]
) -> None:
    assert expected in pairs(text, language)


def test_restless_all_day_is_not_long_sitting(pairs: Read) -> None:
    read = {f for f, _ in pairs("после таблеток не могу сидеть на месте весь день", "ru")}
    assert "whole_body_restlessness" in read
    assert "prolonged_sitting_standing" not in read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("I have iron deficiency, ferritin 9", "en"),
        ("my iron is low", "en"),
        ("низьке залізо, феритин 8", "uk"),
    ],
)
def test_a_medicine_s_name_in_another_finding_s_words_is_no_medicine(
    reader: Parser, text: str, language: str
) -> None:
    result = reader.parse(text, language)
    assert ("iron_deficiency_known", "present") in {(c.finding, c.value) for c in result.candidates}
    assert not result.medicines


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("I take Piriton most nights for my hay fever", "med_sedating_antihistamine"),
        ("on Lipitor 20", "med_statin"),
        ("bendroflumethiazide 2.5 mg in the morning", "med_thiazide_diuretic"),
        ("Stemetil for the dizziness", "med_dopamine_antagonist"),
    ],
)
def test_names_on_english_boxes(reader: Parser, text: str, finding: str) -> None:
    assert finding in medicine_findings(reader, text, "en")


def test_one_maybe_does_not_doubt_a_whole_run_on(pairs: Read) -> None:
    text = (
        "my calves ache day and night and the last two days my wee is dark like cola i am 70 "
        "i dont drink much water maybe that is why"
    )
    assert ("dark_urine_with_muscle_pain", "present") in pairs(text, "en")


def test_a_relative_introduced_with_their_age_is_the_patient(pairs: Read) -> None:
    read = pairs("Respected doctor my father age 72 is having cramps at night", "en")
    assert {("sex", "male"), ("age", 72.0)} <= read


def test_i_think_is_the_thought_itself(pairs: Read) -> None:
    read = pairs("sometimes i think my family would be better off without me", "en")
    assert ("suicidal_thoughts", "present") in read


def test_a_relative_s_statement_in_a_run_on_ends_after_its_too(pairs: Read) -> None:
    text = (
        "ноги крутит как ляжешь и надо вставать ходить по квартире до ночи у папы тоже такое "
        "было невролог выписал мирапекс полгода назад а теперь хуже"
    )
    read = pairs(text, "ru")
    assert ("urge_to_move", "present") in read  # before the statement: the person's
    assert ("family_history_rls", "present") in read  # the statement
    assert ("med_dopamine_agonist", "present") in read  # after it: the person's again


def test_a_short_statement_is_the_relative_s_whole(pairs: Read) -> None:
    read = pairs("у мами теж крутить ноги вночі", "uk")
    assert "evening_night_predominance" not in {f for f, _ in read}


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        # The neighbour said to draw the line: the spreading is the person's own.
        (
            "нога червона, обвела ручкою як сусідка порадила і за 3 години вилізло за лінію",
            "uk",
            "redness_spreading_fast",
        ),
        ("жена говорит что я всю ночь дергаю ногами", "ru", "urge_to_move"),
        ("my wife says I kick my legs all night", "en", "urge_to_move"),
    ],
)
def test_a_relative_who_says_it_is_its_source_not_its_subject(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert (finding, "present") in pairs(text, language)


def test_age_and_sex_as_a_sentence_of_their_own(pairs: Read) -> None:
    read = pairs("Veins ache and itch by the evening. 52 f", "en")
    assert {("age", 52.0), ("sex", "female")} <= read
    assert "age" not in {f for f, _ in pairs("calf pain after 200 m. then it eases", "en")}
