"""The ninth round of the parser (docs/parsing.md, "The ninth round and the seventh blind
set"): general gaps the seventh blind set's tuning half (whole messages to a clinic's
chat) showed, each written here in other words than any set's own."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

from collections.abc import Callable

import pytest

from nightlegs.complaints import Parser
from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


@pytest.mark.parametrize(
    ("text", "language", "taken", "asked"),
    [
        ("п'ю Лозап. Чи можна мені Панангін?", "uk", "Лозап", "Панангін"),
        ("Принимаю Аторис. Магне B6 можно пить?", "ru", "Аторис", "Магне B6"),
        ("Is it safe to take Magne B6? I'm on furosemide", "en", "furosemide", "Magne B6"),
        ("I take Lasix. Can we give him Panangin?", "en", "Lasix", "Panangin"),
    ],
)
def test_a_medicine_asked_about_is_not_taken(
    reader: Parser, text: str, language: str, taken: str, asked: str
) -> None:
    named = [m.text for m in reader.parse(text, language).medicines]
    assert taken in named
    assert asked not in named


@pytest.mark.parametrize(
    ("text", "language", "medicine"),
    [
        ("пила Сорбіфер місяць, ноги крутить", "uk", "med_iron_supplement"),
        ("Клексан колол неделю после операции", "ru", "med_anticoagulant"),
        ("took Lasix for a while last year", "en", "med_loop_diuretic"),
    ],
)
def test_a_medicine_taken_in_the_past_tense_is_not_taken_now(
    pairs: Read, text: str, language: str, medicine: str
) -> None:
    assert not any(f == medicine for f, _ in pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "medicine"),
    [
        ("раніше був тромбоз, п'ю Еліквіс", "uk", "med_anticoagulant"),
        ("когда-то был тромб, пью Ксарелто", "ru", "med_anticoagulant"),
        ("years ago i had a clot, i take apixaban", "en", "med_anticoagulant"),
    ],
)
def test_taking_it_now_ends_the_past(pairs: Read, text: str, language: str, medicine: str) -> None:
    assert (medicine, "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("болять ноги ночами мені 70 курю давно дочка каже йди до лікаря бо то судини", "uk"),
        ("ноги крутит по ночам мне 70 лет курю жена говорит иди к врачу", "ru"),
    ],
)
def test_before_a_relative_the_writer_s_own(pairs: Read, text: str, language: str) -> None:
    read = pairs(text, language)
    assert ("age", 70.0) in read
    assert ("smoking", "present") in read
    assert ("leg_symptoms", "present") in read


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("записалась до сімейного лікаря, ноги крутить вночі", "uk"),
        ("к семейному врачу не попасть, ноги крутит", "ru"),
        ("Сині вени на гомілках", "uk"),
        ("чи можна брати Магне В6, бо ноги крутить вночі", "uk"),
    ],
)
def test_words_that_are_no_relative(pairs: Read, text: str, language: str) -> None:
    """The family doctor, blue veins («сині» is no son), to take («брати» is no brother)."""
    read = pairs(text, language)
    assert not any(f == "family_history_rls" for f, _ in read)
    assert any(v == "present" for _, v in read)


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        ("іноді хочеться просто не прокидатися", "uk", "suicidal_thoughts"),
        ("лучше бы вообще не просыпаться", "ru", "suicidal_thoughts"),
        ("i go to sleep wishing i won't wake up in the morning", "en", "suicidal_thoughts"),
        ("пишу за тата: він відповідає невпопад, гомілка червона", "uk", "very_unwell"),
        ("пишу за маму, руки холодные и пятнистые, нога красная", "ru", "very_unwell"),
        ("мене трусить зсередини, не можу всидіти", "uk", "whole_body_restlessness"),
        ("меня трясет изнутри, не могу усидеть", "ru", "whole_body_restlessness"),
        ("нога холодна як лід і бліда", "uk", "acute_cold_painful_leg"),
        ("ступня холодная как лед, бледная", "ru", "acute_cold_painful_leg"),
        ("my foot is cold as ice and pale", "en", "acute_cold_painful_leg"),
        ("a cut on my toe that isn't healing", "en", "foot_wound"),
        ("scratched my shin on a nail, now it's red and hot", "en", "after_injury"),
        ("поперек болит, erekcii net", "ru", "cauda_equina_sexual_dysfunction"),
        ("ноги слабкі, ледве встаю зі стільця, кожного дня гірше", "uk", "progressive_weakness"),
        ("ноги слабые, подкашиваются, с каждым днем хуже", "ru", "progressive_weakness"),
        ("my legs feel weak and it's worse every day", "en", "progressive_weakness"),
    ],
)
def test_urgent_signs_of_the_seventh_set_in_other_words(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert any(f == finding and v not in ("absent", "none") for f, v in pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("іноді хочеться просто не прокидатися", "uk"),
        ("i go to sleep wishing i won't wake up in the morning", "en"),
    ],
)
def test_the_wish_not_to_wake_is_no_sleep_complaint(pairs: Read, text: str, language: str) -> None:
    read = pairs(text, language)
    assert not any(f in ("wakes_from_sleep", "sleep_disturbance") for f, _ in read)


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("пью Велафакс, недавно подняли дозу, ноги крутит", "ru"),
        ("п'ю сертралін, лікар збільшив дозу, ноги не знаходять місця", "uk"),
        ("i'm on sertraline and my dose was doubled last week, legs restless", "en"),
    ],
)
def test_a_dose_raised_is_a_new_medicine(pairs: Read, text: str, language: str) -> None:
    assert ("started_after_new_medicine", "present") in pairs(text, language)


@pytest.mark.parametrize(
    ("text", "language", "age", "sex"),
    [
        ("writing for my grandad, he is 81", "en", 81.0, "male"),
        ("доглядаю за підопічною, 80 років, ноги крутить", "uk", 80.0, "female"),
        ("ухаживаю за пациентом, 75 лет, ноги крутит", "ru", 75.0, "male"),
    ],
)
def test_carers_and_relatives_give_the_patient_s_age_and_sex(
    pairs: Read, text: str, language: str, age: float | None, sex: str | None
) -> None:
    read = dict(pairs(text, language))
    assert read.get("age") == age
    assert read.get("sex") == sex


@pytest.mark.parametrize(
    ("text", "language", "not_read"),
    [
        ("Мені чоловік каже, що це нерви", "uk", "sex"),
        ("Чоловік вже навчився тягнути мені стопу на себе", "uk", "sex"),
        ("can't fall asleep because my legs won't settle", "en", "after_injury"),
        ("can't fall asleep because my legs won't settle", "en", "numbness"),
        ("he can't keep still and can't fall asleep", "en", "very_unwell"),
        ("вена на гомілці як шнурок, червона, болить як торкнусь", "uk", "calf_tenderness_one_leg"),
        ("колол Клексан неделю после операции", "ru", "tingling"),
        ("a blister on my heel", "en", "unsuitable_footwear"),
        ("на гомілках червона сіточка", "uk", "leg_redness_warmth"),
        ("little red thread veins on both thighs", "en", "leg_redness_warmth"),
    ],
)
def test_words_that_only_look_like_a_finding(
    pairs: Read, text: str, language: str, not_read: str
) -> None:
    assert not any(f == not_read for f, _ in pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "sex"),
    [
        ("на 20 тижні вагітності, ноги крутить вночі", "uk", "female"),
        ("беременна, 30 недель, сводит икры", "ru", "female"),
        ("gave birth 3 weeks ago, legs crawly at night", "en", "female"),
        ("I'm not pregnant, legs crawly at night", "en", None),
        ("встала з-за столу і знепритомніла", "uk", "female"),
    ],
)
def test_the_sex_from_a_pregnancy_or_a_verb_beside_a_finding(
    pairs: Read, text: str, language: str, sex: str | None
) -> None:
    assert dict(pairs(text, language)).get("sex") == sex
