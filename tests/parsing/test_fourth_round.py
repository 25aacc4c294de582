"""The fourth round of the parser (docs/parsing.md, "The fourth round"): what the blind
set's tuning half still missed, each written here in other words than the set's own."""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

from collections.abc import Callable

import pytest

from nightlegs.complaints import Parser
from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        # An urgent sign whose subject is named once and its signs listed over commas.
        (
            "годину тому раптом заболіла права нога, ступня й гомілка бліді, холодні на дотик",
            "uk",
            "acute_cold_painful_leg",
        ),
        (
            "вдруг схватило правую ногу, стопа и пальцы синюшные, ледяные, ничего не чувствую",
            "ru",
            "acute_cold_painful_leg",
        ),
        (
            "права литка за два дні роздулася, гаряча, тверда, болить коли притиснеш",
            "uk",
            "calf_tenderness_one_leg",
        ),
        ("my right calf is way fatter than the left one", "en", "one_leg_swollen"),
        ("еле двигаю ногой, она как чужая", "ru", "leg_weakness"),
        ("не можу поворушити стопою", "uk", "leg_weakness"),
        ("I can't move my foot properly since this morning", "en", "leg_weakness"),
        (
            "в интимном плане ничего не получается, поясницу ломит",
            "ru",
            CAUDA := "cauda_equina_sexual_dysfunction",
        ),
        ("з чоловіком в ліжку нічого не виходить, спина болить", "uk", CAUDA),
    ],
)
def test_urgent_signs_in_long_sentences(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert (finding, "present") in pairs(text, language)


def test_a_word_of_the_phrases_is_not_a_typo_of_its_neighbour(reader: Parser) -> None:
    """ "fatter" was corrected to "father", so "my calf got fatter" became the father's."""
    assert reader.morphology.correct("fatter") is None
    assert reader.morphology.correct("swolen") == "swollen"  # a real typo still is


@pytest.mark.parametrize(
    ("text", "language", "not_read"),
    [
        ("летом жара, ноги сводит по ночам", "ru", "fever"),
        ("спека і жара, ноги гудуть", "uk", "fever"),
        ("the dose was bumped up twice", "en", "after_injury"),
        (
            "numb feet, started in the toes and creeping up to the ankles",
            "en",
            "unpleasant_sensations",
        ),
        (
            "numb feet, started in the toes and creeping up to the ankles",
            "en",
            "sudden_muscle_contraction",
        ),
        ("ankles puff up by evening, feet up on the sofa helps", "en", "worse_at_rest"),
    ],
)
def test_readings_it_no_longer_makes(pairs: Read, text: str, language: str, not_read: str) -> None:
    assert not_read not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("у меня жар и нога красная", "ru", ("fever", "present")),
        ("I banged my shin on the car door", "en", ("after_injury", "present")),
        (
            "numb feet, started in the toes and creeping up",
            "en",
            ("stocking_distribution", "present"),
        ),
        ("creepy crawly feeling in my calves at night", "en", ("unpleasant_sensations", "present")),
        ("у дружини ноги крутить", "uk", None),
    ],
)
def test_what_it_still_reads(
    pairs: Read, text: str, language: str, pair: tuple[str, str] | None
) -> None:
    found = pairs(text, language)
    if pair is None:  # a wife's complaint is still hers
        assert not found, found
    else:
        assert pair in found, found


@pytest.mark.parametrize(
    ("text", "language", "finding", "value"),
    [
        (
            "I drink about 10 drinks a week, legs twitch at night",
            "en",
            ALCOHOL := "alcohol_drinks_per_week",
            10,
        ),
        ("4 pints a week at the pub", "en", ALCOHOL, 4),
        ("выпиваю 3 бутылки пива в неделю", "ru", ALCOHOL, 3),
        ("п'ю 2 келихи вина на день", "uk", ALCOHOL, 14),
        ("п'ю енергетики по 3 банки в день", "uk", CAFFEINE := "caffeine_cups_per_day", 3),
        ("2 банки энергетика в день", "ru", CAFFEINE, 2),
    ],
)
def test_drinks_as_numbers(
    pairs: Read, text: str, language: str, finding: str, value: float
) -> None:
    assert dict(pairs(text, language)).get(finding) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("3 cans of beer most days", "en"),  # vague: the question asks
        ("выпиваю 2 бутылки воды в день", "ru"),  # water is no alcohol
        ("5 energy drinks a day", "en"),  # caffeine, not alcohol
        ("пиво пью, бутылки 3", "ru"),  # no "a week" or "a day"
    ],
)
def test_no_alcohol_number_without_alcohol_and_a_period(
    pairs: Read, text: str, language: str
) -> None:
    assert ALCOHOL not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("кольнуло в боку при вдохе", "ru", ("sudden_breathlessness_chest_pain", "present")),
        ("болить в грудях коли вдихаю", "uk", ("sudden_breathlessness_chest_pain", "present")),
        (
            "stabbing pain in my chest when I breathe",
            "en",
            ("sudden_breathlessness_chest_pain", "present"),
        ),
        ("вечером ноги не тревожат, днём ноют", "ru", ("evening_night_predominance", "absent")),
        ("вночі сплю спокійно, болить лише вдень", "uk", ("evening_night_predominance", "absent")),
        (
            "my legs are ok at night, it's walking that hurts",
            "en",
            ("evening_night_predominance", "absent"),
        ),
        ("they feel fine in bed", "en", ("worse_at_rest", "absent")),
    ],
)
def test_chest_pain_on_breathing_and_quiet_nights(
    pairs: Read, text: str, language: str, pair: tuple[str, str]
) -> None:
    found = pairs(text, language)
    assert pair in found, found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("can only walk about 5 minutes before my calves go numb", "en"),
        ("пройду хвилин 10 і литку зводить", "uk"),
        ("после 5 минут ходьбы икру сжимает", "ru"),
    ],
)
def test_minutes_of_walking_are_no_episode(pairs: Read, text: str, language: str) -> None:
    assert "episode_duration" not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "score"),
    [
        ("Якщо оцінити від 0 до 10, то 8.", "uk", 8),
        ("по шкале от 1 до 10 где-то на 6", "ru", 6),
        ("on a scale from 0 to 10, a solid 9", "en", 9),
    ],
)
def test_a_score_after_a_scale_said_in_words(
    pairs: Read, text: str, language: str, score: float
) -> None:
    assert dict(pairs(text, language)).get("severity") == score


def test_a_word_of_the_sentence_before_marks_no_age(pairs: Read) -> None:
    """ "Женщина." ends its sentence: "года три" after it is how long, not an age of 3."""
    found = dict(pairs("Мне 60 лет, женщина. Уже года четыре ноги крутит", "ru"))
    assert found.get("age") == 60
    assert found.get("duration_months") == 48


@pytest.mark.parametrize(
    ("text", "language", "finding", "value"),
    [
        ("спиртного не вживаю, ноги крутить", "uk", ALCOHOL, 0),
        ("алкоголь не употребляю", "ru", ALCOHOL, 0),
        ("I don't drink at all", "en", ALCOHOL, 0),
        ("no alcohol for years", "en", ALCOHOL, 0),
    ],
)
def test_not_drinking_is_none_a_week(
    pairs: Read, text: str, language: str, finding: str, value: float
) -> None:
    assert dict(pairs(text, language)).get(finding) == value


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("таблетки не пью вообще", "ru"),
        ("I don't drink enough water", "en"),
        ("без кави не можу", "uk"),
        ("алкоголь п'ю по святах", "uk"),
        # No coffee says nothing of tea or cola, which count too.
        ("каву не п'ю, тільки чай", "uk"),
        ("кофе не пью", "ru"),
    ],
)
def test_no_number_of_drinks_from_other_denials(pairs: Read, text: str, language: str) -> None:
    found = dict(pairs(text, language))
    assert ALCOHOL not in found
    assert CAFFEINE not in found


@pytest.mark.parametrize(
    ("text", "language", "taken"),
    [
        ("пью Ярину третий год, икра болит", "ru", True),
        ("on Microgynon, left calf swollen", "en", True),
        ("п'ю Фемостон, ноги ниють", "uk", True),
        # A value after a name that is also a laboratory test is a result.
        ("естрадіол 150 пмоль/л, ноги крутить", "uk", False),
    ],
)
def test_estrogens_by_name(pairs: Read, text: str, language: str, taken: bool) -> None:
    assert (("estrogen_therapy", "present") in pairs(text, language)) is taken


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("засинаю хіба о третій", "uk", ("sleep_disturbance", "present")),
        ("засыпаю под утро, ноги крутит", "ru", ("sleep_disturbance", "present")),
        ("сплю всього 5 годин", "uk", ("sleep_disturbance", "present")),
        ("всю ніч кручуся в ліжку", "uk", ("sleep_disturbance", "present")),
        ("просипаюся тричі за ніч", "uk", ("wakes_from_sleep", "present")),
        ("на работе сплю на ходу", "ru", ("daytime_impact", "present")),
        ("на лекціях клюю носом", "uk", ("daytime_impact", "present")),
    ],
)
def test_short_nights_and_sleepy_days(
    pairs: Read, text: str, language: str, pair: tuple[str, str]
) -> None:
    found = pairs(text, language)
    assert pair in found, found


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("увечері ноги не знаходять собі місця", "uk", ("urge_to_move", "present")),
        ("так і тягне рухатися, коли лежу", "uk", ("urge_to_move", "present")),
        ("хочется их растирать и дрыгать", "ru", ("urge_to_move", "present")),
        ("в ногах ніби бульбашки в венах", "uk", ("unpleasant_sensations", "present")),
        ("в икрах будто кто-то скребется", "ru", ("unpleasant_sensations", "present")),
        ("встаю — легче, ложусь — опять", "ru", ("worse_at_rest", "present")),
    ],
)
def test_restless_legs_in_more_words(
    pairs: Read, text: str, language: str, pair: tuple[str, str]
) -> None:
    found = pairs(text, language)
    assert pair in found, found


def test_the_legs_finding_no_place_are_the_legs_not_the_whole_body(pairs: Read) -> None:
    found = dict(pairs("ноги не находят себе места по вечерам", "ru"))
    assert found.get("urge_to_move") == "present"
    assert "whole_body_restlessness" not in found
    assert (
        dict(pairs("не нахожу себе места, всё тело трясёт", "ru")).get("whole_body_restlessness")
        == "present"
    )


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("сиджу за компом по 10 годин, ноги крутить", "uk"),
        ("стою у станка 8 часов, вечером ноги гудят", "ru"),
        ("по 4 години в кріслі на діалізі", "uk"),
    ],
)
def test_hours_of_sitting_or_standing_are_no_episode(pairs: Read, text: str, language: str) -> None:
    assert "episode_duration" not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("it feels numb down below and I can't pee properly", "en", "bladder_bowel_dysfunction"),
        ("numb down there when I wipe", "en", "saddle_numbness"),
        ("my leg went cold and whitish out of nowhere", "en", "acute_cold_painful_leg"),
        ("my legs went wobbly and my feet slap down", "en", "leg_weakness"),
        ("the big toe has gone black", "en", FOOT := "foot_wound"),
        ("I feel muddled today and not right at all", "en", "very_unwell"),
    ],
)
def test_urgent_signs_in_english_in_more_words(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    found = dict(pairs(text, language))
    assert finding in found, found
    if finding == FOOT:
        assert found[FOOT] == "black_or_dark_skin"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("guy, 47, office job", ("sex", "male")),
        ("10 hrs on my feet at the warehouse", ("prolonged_sitting_standing", "present")),
        ("two pints a night at the pub", (ALCOHOL, 14)),
        ("on letrozole after breast ca", ("active_cancer", "present")),
    ],
)
def test_more_english_ways(pairs: Read, text: str, pair: tuple[str, str | float]) -> None:
    found = dict(pairs(text, "en"))
    assert found.get(pair[0]) == pair[1], found
