"""The eighth round of the parser (docs/parsing.md, "The eighth round and the sixth blind
set"): general gaps the sixth blind set's tuning half showed, each written here in other
words than any set's own."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        # Fever by the thermometer, chills under the blanket.
        ("нога червона, градусник показав 38,4", "uk", "fever"),
        ("голень горячая, термометр показал 39", "ru", "fever"),
        ("calf red and hot, the thermometer said 38.6", "en", "fever"),
        ("всю ніч трусило під ковдрою, гомілка червона", "uk", "fever"),
        ("колотило под одеялом, нога красная", "ru", "fever"),
        # Confusion and drowsiness as a relative sees them.
        ("пишу за маму, вона плутає дні і не впізнала сусідку", "uk", "very_unwell"),
        ("пишу за отца, он заговаривается, нога горячая", "ru", "very_unwell"),
        ("writing for my dad, he is hard to wake, his leg is red", "en", "very_unwell"),
        # Life not worth living, said softly.
        ("часом думаю: заснула б і не прокинулася", "uk", "suicidal_thoughts"),
        ("иногда хочется уснуть и не проснуться", "ru", "suicidal_thoughts"),
        ("some days i'd rather not wake up in the morning", "en", "suicidal_thoughts"),
        ("they'd all be better off if i wasn't around", "en", "suicidal_thoughts"),
        # Breath and chest.
        (
            "my calf is sore and i suddenly can't catch my breath",
            "en",
            "sudden_breathlessness_chest_pain",
        ),
        ("a stabbing in my chest when i breathe in", "en", "sudden_breathlessness_chest_pain"),
        # Fainting in everyday words.
        ("stood up at the sink and keeled over", "en", "fainting"),
        ("she was out cold on the kitchen floor for a minute", "en", "fainting"),
        # A fall told as what happened.
        ("slipped on the stairs last week and my shin aches since", "en", "after_injury"),
        # Sexual function lost, told shyly.
        ("back pain and nothing in the bedroom for days", "en", "cauda_equina_sexual_dysfunction"),
        (
            "поперек болить, під час близькості нічого не відчуваю",
            "uk",
            "cauda_equina_sexual_dysfunction",
        ),
        (
            "спина болит, во время близости ничего не чувствую",
            "ru",
            "cauda_equina_sexual_dysfunction",
        ),
        # A toe going black, a sore on the heel that will not heal.
        ("ноготь на большом пальце почернел", "ru", "foot_wound"),
        ("кінчик мізинця почорнів", "uk", "foot_wound"),
        ("the nail on my big toe is black", "en", "foot_wound"),
        ("ранка на п'ятці два місяці не заживає", "uk", "foot_wound"),
        ("язва на пятке не заживает", "ru", "foot_wound"),
        # Dark urine in British words.
        ("my legs ache and my wee is the colour of cola", "en", "dark_urine_with_muscle_pain"),
        (
            "thighs ache and my water has gone the colour of tea",
            "en",
            "dark_urine_with_muscle_pain",
        ),
        # A hard vein.
        ("a vein on my shin went hard and red", "en", "painful_cord_along_vein"),
        ("по вене на бедре уплотнение, красное", "ru", "painful_cord_along_vein"),
        # A cold, pale foot.
        ("my foot is bluish and cold all of a sudden", "en", "acute_cold_painful_leg"),
        ("нога біла як крейда і болить", "uk", "acute_cold_painful_leg"),
        ("стопа бледная как мел, очень болит", "ru", "acute_cold_painful_leg"),
        # A tender calf.
        ("икра болит, тронешь больно", "ru", "calf_tenderness_one_leg"),
        ("литка болить, торкнешся боляче", "uk", "calf_tenderness_one_leg"),
        # Numbness or weakness that climbs.
        ("пальці німіють, і оніміння щодня йде вище", "uk", "progressive_weakness"),
        ("немеют ступни, и каждый день поднимается выше", "ru", "progressive_weakness"),
        ("the numbness is creeping up my legs", "en", "progressive_weakness"),
        ("ноги ватные, с каждым днем хуже", "ru", "progressive_weakness"),
        # Bladder and saddle.
        ("спина болит, два раза не успела до туалета", "ru", "bladder_bowel_dysfunction"),
        ("поперек болить, не встиг добігти до туалету", "uk", "bladder_bowel_dysfunction"),
        ("back pain and i didn't make it to the loo twice", "en", "bladder_bowel_dysfunction"),
        ("поясница болит, не чувствую ягодиц", "ru", "saddle_numbness"),
        ("сідниці як не мої, поперек болить", "uk", "saddle_numbness"),
        # Foot drop.
        ("носок правой ноги не поднимается, спотыкаюсь", "ru", "leg_weakness"),
        ("носок не піднімається, чіпляюся", "uk", "leg_weakness"),
        ("i can't lift my toes on the left", "en", "leg_weakness"),
        # Restless all over after a medicine.
        ("з того часу тіло ніби під струмом", "uk", "whole_body_restlessness"),
        ("все тело будто на иголках", "ru", "whole_body_restlessness"),
        ("he keeps shifting from foot to foot", "en", "whole_body_restlessness"),
        ("весь день ходит кругами по квартире", "ru", "whole_body_restlessness"),
        # An operation in other words.
        ("місяць тому замінили колінний суглоб", "uk", "recent_surgery_or_immobilisation"),
        ("три недели назад сделали артроскопию", "ru", "recent_surgery_or_immobilisation"),
        # Breathless lying down.
        ("ночами лежа не хватает воздуха, сплю сидя", "ru", "breathless_on_exertion_or_lying_flat"),
        ("лежачи не вистачає повітря", "uk", "breathless_on_exertion_or_lying_flat"),
    ],
)
def test_urgent_and_related_signs_of_the_sixth_set_in_other_words(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert any(f == finding and v not in ("absent", "none") for f, v in pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("лёжа не хватает воздуха, ноги отекают", "ru"),
        ("лежачи бракує повітря, ноги набрякають", "uk"),
    ],
)
def test_breathless_lying_flat_is_not_the_sudden_kind(
    pairs: Read, text: str, language: str
) -> None:
    read = pairs(text, language)
    assert ("breathless_on_exertion_or_lying_flat", "present") in read
    assert ("sudden_breathlessness_chest_pain", "present") not in read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ноги вечорами крутить, як у мами", "uk"),
        ("ноги ночью не находят места, прямо как у папы", "ru"),
        ("my legs won't keep still in the evening, just like my dad's", "en"),
    ],
)
def test_like_a_relative_is_the_person_s_own_and_the_relative_s(
    pairs: Read, text: str, language: str
) -> None:
    read = pairs(text, language)
    assert ("family_history_rls", "present") in read
    assert ("evening_night_predominance", "present") in read
    assert ("leg_symptoms", "present") in read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ноги крутить, як мама каже, від нервів", "uk"),
        ("как мама говорит, это нервы, а ноги крутит", "ru"),
    ],
)
def test_a_relative_who_says_something_is_not_compared(
    pairs: Read, text: str, language: str
) -> None:
    read = pairs(text, language)
    assert ("leg_symptoms", "present") in read
    assert ("family_history_rls", "present") not in read


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        # Words that look like a sign and are not.
        ("о восьмій ранку на два пальці вище коліна почервоніло", "uk", "foot_wound"),
        ("последний месяц сплю на трех подушках", "ru", "pregnancy"),
        ("at the nurses' station all night, legs ache", "en", "med_statin"),
    ],
)
def test_words_that_only_look_like_a_finding(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert not any(f == finding for f, _ in pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ночами не дає спати ні собі, ні мені", "uk"),
        ("ночью не дает спать ни себе ни мне", "ru"),
    ],
)
def test_neither_me_nor_them_denies_nothing(pairs: Read, text: str, language: str) -> None:
    read = pairs(text, language)
    assert ("sleep_disturbance", "present") in read
    assert ("sleep_disturbance", "absent") not in read


def test_gone_a_colour_is_a_change_not_gone_away(pairs: Read) -> None:
    assert ("acute_cold_painful_leg", "present") in pairs("my foot has gone white and cold", "en")
    assert ("leg_swelling_both", "absent") in pairs("the swelling has gone", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("гомілка червона. Вчора ввечері було 38,9", "uk"),
        ("голень красная, вчера было 38,7", "ru"),
        ("calf red and hot, hit 39.2 last night", "en"),
    ],
)
def test_a_temperature_with_no_name_after_was_or_hit(pairs: Read, text: str, language: str) -> None:
    assert ("fever", "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("гомілка червона, вчора було 37,2", "uk"),  # no fever, and none denied
        ("мені 38,5 років", "uk"),
        ("нове взуття 38,5 тисне", "uk"),
        ("витамин Д 38,4, ферритин 12", "ru"),
        ("vitamin D 38.4", "en"),
    ],
)
def test_a_number_that_is_no_temperature_says_nothing_of_fever(
    pairs: Read, text: str, language: str
) -> None:
    assert not any(f == "fever" for f, _ in pairs(text, language))
