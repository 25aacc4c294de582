"""The ways people write that the second round of issue 10 taught the parser (docs/parsing.md):
a dash or a clause of condition between an action and what it does, the urgent signs in
other words, rough and terse numbers, a medicine "since then", a birth weeks ago; and the
readings it no longer makes."""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]
Value = str | float
BREATHLESS = "breathless_on_exertion_or_lying_flat"


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("походжу трохи — легшає", "uk", "relief_with_movement"),
        ("легшає, коли походжу", "uk", "relief_with_movement"),
        ("коли походжу, то легшає", "uk", "relief_with_movement"),
        ("треба рухатися, тоді легше", "uk", "relief_with_movement"),
        ("легче, когда хожу", "ru", "relief_with_movement"),
        ("if i walk, it eases", "en", "relief_with_movement"),
        ("moving about settles it", "en", "relief_with_movement"),
        ("розтягну м'яз — і минає", "uk", "cramp_relieved_by_stretch"),
        ("проходит, если потянуть", "ru", "cramp_relieved_by_stretch"),
        ("it stops when i stretch", "en", "cramp_relieved_by_stretch"),
        ("зупинюся — минає", "uk", "calf_pain_walking_relieved_by_rest"),
        ("остановлюсь — проходит", "ru", "calf_pain_walking_relieved_by_rest"),
    ],
)
def test_an_action_and_its_easing_across_a_dash_or_a_condition(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert (finding, "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "expected", "not_expected"),
    [
        ("ходжу — не легшає", "uk", ("relief_with_movement", "absent"), None),
        ("коли ходжу, не легше", "uk", ("relief_with_movement", "absent"), None),
        (
            "набряків немає — ноги крутить",
            "uk",
            ("unpleasant_sensations", "present"),
            ("unpleasant_sensations", "absent"),
        ),
        ("то праву то ліву литку зводить", "uk", ("side", "alternating"), ("side", "one")),
    ],
)
def test_a_negation_still_reaches_its_own_part_only(
    pairs: Read,
    text: str,
    language: str,
    expected: tuple[str, str],
    not_expected: tuple[str, str] | None,
) -> None:
    found = pairs(text, language)
    assert expected in found
    assert not_expected not in found


@pytest.mark.parametrize(
    ("text", "language", "finding", "value"),
    [
        ("голінь червона і гаряча", "uk", "leg_redness_warmth", "present"),
        ("онеміло між ногами", "uk", "saddle_numbness", "present"),
        ("онемело между ног", "ru", "saddle_numbness", "present"),
        ("тяж дійшов до паху", "uk", "cord_reaches_groin", "present"),
        ("the cord goes up to my groin", "en", "cord_reaches_groin", "present"),
        ("в голове всё путается", "ru", "very_unwell", "present"),
        ("дихаю часто", "uk", "very_unwell", "present"),
        ("confused and breathing fast", "en", "very_unwell", "present"),
        ("a painful lump along a vein", "en", "painful_cord_along_vein", "present"),
        ("задыхаюсь, когда поднимаюсь по лестнице", "ru", BREATHLESS, "present"),
        ("задихаюся, коли лежу", "uk", BREATHLESS, "present"),
        ("short of breath lying flat", "en", BREATHLESS, "present"),
    ],
)
def test_urgent_signs_in_other_words(
    pairs: Read, text: str, language: str, finding: str, value: str
) -> None:
    assert (finding, value) in pairs(text, language)


def test_breathless_lying_flat_is_not_rest_making_legs_worse(pairs: Read) -> None:
    found = {f for f, _ in pairs("задихаюся, коли лежу")}
    assert "worse_at_rest" not in found
    assert "sudden_breathlessness_chest_pain" not in found


@pytest.mark.parametrize(
    ("text", "language", "finding", "value"),
    [
        ("about a year and a half", "en", "duration_months", 18),
        ("one and a half years", "en", "duration_months", 18),
        ("вже рік з половиною", "uk", "duration_months", 18),
        ("уже год с половиной", "ru", "duration_months", 18),
        ("for a couple of years", "en", "duration_months", 24),
        ("over a year", "en", "duration_months", 12),
        ("рік тому почалося", "uk", "duration_months", 12),
        ("3 тижні тому почалися судоми", "uk", "duration_months", 0.7),
        ("once a month", "en", "nights_per_week", 0.25),
        ("двічі на місяць", "uk", "nights_per_week", 0.5),
        ("a couple of nights a week", "en", "nights_per_week", 2),
        ("happens maybe twice a week", "en", "nights_per_week", 2),
        ("мабуть 3 рази на тиждень", "uk", "nights_per_week", 3),
        ("Чоловік, 52", "uk", "age", 52),
        ("Мужчина, 45", "ru", "age", 45),
        ("smoker, 74. calf hurts", "en", "age", 74),
        ("feel off at night. 45", "en", "age", 45),
        ("31M", "en", "age", 31),
        ("for half a year my legs ache", "en", "duration_months", 6),
        ("рік і два місяці крутить ноги", "uk", "duration_months", 14),
        ("вже 2 роки і 3 місяці", "uk", "duration_months", 27),
        ("два роки і місяць крутить", "uk", "duration_months", 25),
        ("уже год и два месяца сводит ноги", "ru", "duration_months", 14),
        ("for 2 years and 6 months my legs crawl", "en", "duration_months", 30),
        ("it began 2 years ago, legs crawl at night", "en", "duration_months", 24),
        ("мені 60 років і 3 місяці як болять ноги", "uk", "age", 60),
    ],
)
def test_rough_and_terse_numbers(
    pairs: Read, text: str, language: str, finding: str, value: float
) -> None:
    found = dict(pairs(text, language))
    assert finding in found, found
    assert found[finding] == pytest.approx(value, abs=0.05)


@pytest.mark.parametrize(
    ("text", "language", "not_read"),
    [
        ("6 cups a day. 31M", "en", "duration_months"),  # "day. 31" is no 31 days
        ("вже рік з половиною, раз на місяць", "uk", "duration_months_not_frequency"),
        ("болить 10 хвилин", "uk", "age"),
        ("тиск 140/90.", "uk", "age"),
        ("температура, 38.", "uk", "age"),
        ("walked 50 m", "en", "age"),
        ("I walked 50 m and my calf hurt", "en", "sex"),  # metres, not male
        ("ноги крутить, 2-3 рази", "uk", "age"),
    ],
)
def test_numbers_that_stay_unread(pairs: Read, text: str, language: str, not_read: str) -> None:
    found = dict(pairs(text, language))
    if not_read == "duration_months_not_frequency":
        assert found.get("nights_per_week") == pytest.approx(0.25)
        assert found.get("duration_months") == pytest.approx(18)
    else:
        assert not_read not in found, found


@pytest.mark.parametrize(
    ("text", "language", "sex"),
    [
        ("Чоловік, 52", "uk", "male"),
        ("мне 50, женщина", "ru", "female"),
        ("Ночью крутит ноги. 59, мужчина", "ru", "male"),
        ("66F", "en", "female"),
        ("I'm 45 m, legs restless at night", "en", "male"),
        ("aged 60 f, cramps at night", "en", "female"),
    ],
)
def test_sex_said_tersely(pairs: Read, text: str, language: str, sex: str) -> None:
    assert ("sex", sex) in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "pregnancy"),
    [
        ("три тижні як народила", "uk", "postpartum"),
        ("місяць як народила", "uk", "postpartum"),
        ("родила месяц назад", "ru", "postpartum"),
        ("gave birth 3 weeks ago", "en", "postpartum"),
        ("gave birth 2 years ago", "en", None),
        ("народила 10 тижнів тому", "uk", None),
    ],
)
def test_a_birth_weeks_ago_is_postpartum_and_longer_ago_nothing(
    pairs: Read, text: str, language: str, pregnancy: str | None
) -> None:
    found = dict(pairs(text, language))
    assert found.get("pregnancy") == pregnancy
    assert "duration_months" not in found  # when the baby came, not how long it lasts


@pytest.mark.parametrize(
    ("text", "language", "started"),
    [
        ("п'ю амлодипін, відтоді набрякають щиколотки", "uk", True),
        ("Пью индапамид, с него и началось", "ru", True),
        ("started on amlodipine. Since then my ankles swell", "en", True),
        ("упала тиждень тому, відтоді болить коліно", "uk", False),  # no medicine
        ("п'ю конкор, відтоді нічого не змінилося", "uk", False),  # nothing began
        ("п'ю амлодипін, з ним легше", "uk", False),  # "with it", not "since it"
    ],
)
def test_a_complaint_since_a_medicine(pairs: Read, text: str, language: str, started: bool) -> None:
    found = pairs(text, language)
    assert (("started_after_new_medicine", "present") in found) is started


@pytest.mark.parametrize(
    ("text", "language", "finding", "value"),
    [
        ("лежати не можу", "uk", "worse_at_rest", "present"),
        ("не могу лежать спокойно", "ru", "worse_at_rest", "present"),
        ("свербить над ними", "uk", "itching_over_veins", "present"),
        ("полежу з піднятими ногами — легше", "uk", "relief_with_elevation", "present"),
        ("вени повилазили", "uk", "visible_varicose_veins", "present"),
        ("вдень як варена", "uk", "daytime_impact", "present"),
        ("днём разбитая", "ru", "daytime_impact", "present"),
        ("I must keep moving them", "en", "urge_to_move", "present"),
        ("walking around sorts it out", "en", "relief_with_movement", "present"),
        ("ввечері ніби мурашки в ногах", "uk", "unpleasant_sensations", "present"),
    ],
)
def test_other_words_for_the_complaint(
    pairs: Read, text: str, language: str, finding: str, value: Value
) -> None:
    assert (finding, value) in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "not_read"),
    [
        ("неделю лежал после операции", "ru", "worse_at_rest"),  # a past immobilisation
        ("С утра болит колено", "ru", "residual_soreness"),  # since this morning
        ("С утра болит колено", "ru", "tingling"),  # «колено» is no form of «колоти»
        ("Ночные судороги. Отпускает, если тянуть стопу", "ru", "unpleasant_sensations"),
        ("ввечері ніби мурашки в ногах, треба встати", "uk", "tingling"),  # crawling
        ("колет в груди", "ru", "tingling"),
        ("my legs feel awful at night", "en", "very_unwell"),
        ("calf hurts when I walk and stops when I rest", "en", "worse_at_rest"),
        ("I can't sit still at all since the new pills", "en", "worse_at_rest"),
        ("my legs swell", "en", "one_leg_swollen"),
        ("в голове всё путается и дышу часто", "ru", "worsening"),
        ("два місяці ввечері в ногах неприємно", "uk", "side"),  # «два» is not «двох»
        ("по вечорах мурашки бігають", "uk", "unusual_exertion"),
    ],
)
def test_readings_it_no_longer_makes(pairs: Read, text: str, language: str, not_read: str) -> None:
    assert not_read not in {f for f, _ in pairs(text, language)}


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("ноги крутять давно, вже років 5", "uk", "unpleasant_sensations"),
        ("давно болять ноги вночі", "uk", "evening_night_predominance"),
        ("ноги крутит уже давно", "ru", "unpleasant_sensations"),
        ("давно мучаюсь, ноги крутит по ночам", "ru", "unpleasant_sensations"),
        ("it began 2 years ago, legs crawl at night", "en", "unpleasant_sensations"),
        (
            "restless legs, started a few years ago, worse at night",
            "en",
            "evening_night_predominance",
        ),
    ],
)
def test_long_standing_is_now_not_the_past(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    """«давно» with a complaint of now says how long it has lasted, and "started years
    ago" when it began: neither puts the complaint in the past."""
    assert (finding, "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("судоми були давно, а тепер крутить", "uk", "sudden_muscle_contraction"),
        ("давно было, судороги", "ru", "sudden_muscle_contraction"),
        ("I had cramps years ago", "en", "sudden_muscle_contraction"),
    ],
)
def test_long_ago_is_still_the_past(pairs: Read, text: str, language: str, finding: str) -> None:
    assert finding not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("since friday my left calf has been swollen", "en", "sudden_unilateral_swelling"),
        ("третій день права гомілка роздулась", "uk", "sudden_unilateral_swelling"),
        ("со вчерашнего дня отекла левая голень", "ru", "sudden_unilateral_swelling"),
        ("the calf is swollen and tender", "en", "calf_tenderness_one_leg"),
        ("ліва литка болить якщо натиснути", "uk", "calf_tenderness_one_leg"),
        ("my foot is cold and pale", "en", "cold_pale_foot"),
        ("стопа белая и холодная", "ru", "cold_pale_foot"),
        ("I can barely move my toes", "en", "leg_weakness"),
        ("пальцями ледве ворушу", "uk", "leg_weakness"),
        ("червоне вже поповзло вище коліна", "uk", "redness_spreading_fast"),
        ("the redness has spread up my thigh", "en", "redness_spreading_fast"),
        ("поцарапал голень, теперь она красная и горячая", "ru", "after_injury"),
        ("иногда думаю что проще не жить", "ru", "suicidal_thoughts"),
        ("I get out of breath just going up to the bedroom", "en", BREATHLESS),
    ],
)
def test_urgent_signs_as_people_tell_them(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    """Urgent signs in the words of the blind set's kind (other words than its own)."""
    assert (finding, "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("calf cramps wake me up", "en", ("sleep_disturbance", "present")),
        ("drove 12 hours on saturday", "en", ("recent_long_travel", "present")),
        ("маю цукровий діабет", "uk", ("diabetes", "present")),
        ("8 годин за кермом, ноги гудуть", "uk", ("recent_long_travel", "present")),
        ("курить бросить не могу", "ru", ("smoking", "present")),
        (
            "after 300 metres of walking the calf hurts",
            "en",
            ("calf_pain_walking_relieved_by_rest", "present"),
        ),
        ("маю 64 роки, крутить ноги", "uk", ("age", 64)),
        ("pain is 7 out of 10 most nights", "en", ("severity", 7)),
        ("seven out of ten on a bad night", "en", ("severity", 7)),
        ("болить балів на сім з десяти", "uk", ("severity", 7)),
        ("сила где-то 8 из десяти", "ru", ("severity", 8)),
        ("ferritin came back at 15", "en", ("ferritin", 15)),
    ],
)
def test_more_ways_from_the_blind_set(
    pairs: Read, text: str, language: str, pair: tuple[str, Value]
) -> None:
    found = dict(pairs(text, language))
    assert found.get(pair[0]) == pair[1], found


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("drove 9 hours yesterday, legs ache at night", "en"),
        ("14 годин за кермом, ноги гудуть", "uk"),
        ("на смене по 12 часов, ноги крутит", "ru"),
    ],
)
def test_hours_of_driving_or_work_are_no_episode(pairs: Read, text: str, language: str) -> None:
    assert "episode_duration" not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [("Прамипексол пить не захотел", "ru"), ("мирапекс пить отказалась", "ru")],
)
def test_a_medicine_refused_says_nothing_of_its_class(
    pairs: Read, text: str, language: str
) -> None:
    """Not taking one medicine says nothing of the others of its class (left out, as a
    medicine denied always is), and never "yes"."""
    assert "med_dopamine_agonist" not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "months"),
    [
        ("Been vegetarian for 8 years. For the last 4 months my feet tingle at night", "en", 4),
        ("п'ю метформін 10 років. Останні пів року печуть стопи", "uk", 6),
        ("Работаю 20 лет на заводе. Ноги крутит уже 3 года", "ru", 36),
        ("ноги крутить вже 2 роки, працюю там 15 років", "uk", 24),
        # The length of taking a medicine is the medicine's.
        ("On ropinirole for 5 years. Legs got worse over the last 3 months", "en", 3),
        ("ноги крутить 2 роки, п'ю магній 3 місяці", "uk", 24),
    ],
)
def test_the_length_of_the_complaint_not_of_something_else(
    pairs: Read, text: str, language: str, months: float
) -> None:
    """Of several lengths, the one said with the leg complaint."""
    assert dict(pairs(text, language)).get("duration_months") == pytest.approx(months)
