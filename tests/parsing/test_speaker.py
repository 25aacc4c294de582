"""The writer's sex from the grammar of what they say about themselves (uk, ru):
``nightlegs.complaints.speaker``, through the whole parser."""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


def sex(pairs: Read, text: str, language: str) -> str | float | None:
    return dict(pairs(text, language)).get("sex")


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("всю ніч не спала, прокинулась о третій, ноги крутить", "uk", "female"),
        ("прокинувся о третій, литки зводить", "uk", "male"),
        ("вчера весь день простояла у плиты, вечером ноги гудят", "ru", "female"),
        ("раньше курил, бросил, а ноги все равно болят", "ru", "male"),
        ("я дуже втомлена, ноги ниють щовечора", "uk", "female"),
        ("я уверен что это от работы, ноги крутит", "ru", "male"),
        # Typed on a Ukrainian page in Russian: the Russian dictionary reads it.
        ("проснулся от судороги в икре", "uk", "male"),
        ("судоми почались відколи почала пити статин", "uk", "female"),
        # A woman's word for her work; a man's word for himself in English.
        ("працюю вчителькою, весь день на ногах", "uk", "female"),
        ("я медсестра, смены по 12 часов", "ru", "female"),
        ("61 yo bloke, calves cramp at night", "en", "male"),
        # The writer's verb beside another person of the other sex.
        ("прокинувся о 3, а дружина сказала що я смикав ногами", "uk", "male"),
        # A doubt is about the complaint: the grammar is still the writer's
        # (rules.yaml never_doubted).
        ("здається, вчора перевтомилась", "uk", "female"),
        # «Як» (how) is not the noun "yak" that could be the verb's subject.
        ("судоми почались як почала пити аторвастатин", "uk", "female"),
    ],
)
def test_the_writer_s_own_verbs_and_adjectives(
    pairs: Read, text: str, language: str, expected: str
) -> None:
    assert sex(pairs, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # A verb whose subject is a body part, a thing or the complaint.
        ("ліва нога стала холодна", "uk"),
        ("вчора боліла сильніше, сьогодні пройшла", "uk"),
        ("тромбоз був 2 роки тому", "uk"),
        ("когда-то был тромбоз, сейчас опять тянет икру", "ru"),
        # Another person's verb, with its subject named.
        ("лікар сказав що це варикоз", "uk"),
        ("мама казала що в неї теж таке було", "uk"),
        ("муж ушёл спать в другую комнату", "ru"),
        # Both sexes for whoever the verbs are about: nothing.
        ("спала погано, а потім прокинувся від судоми", "uk"),
        # An adjective without "я" may be a leg's («права»), not the writer's.
        ("болить права, вся червона", "uk"),
        # A woman doctor: a man's word for her work, her verb.
        ("терапевт сказала попить железо", "ru"),
        ("лікар призначила магній", "uk"),
        # Someone else's work or verbs.
        ("моя донька студентка, в неї теж крутить ноги", "uk"),
        ("бабуся 80 років, ноги крутить", "uk"),
        # English has no gender in its verbs.
        ("I woke up at 3 with a cramp", "en"),
    ],
)
def test_nothing_where_the_grammar_may_be_someone_else_s(
    pairs: Read, text: str, language: str
) -> None:
    assert sex(pairs, text, language) is None


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("я чоловік, 60, вчора прокинулась", "uk", "male"),  # said outright wins
        ("женщина, 45, устал от этих ног", "ru", "female"),
    ],
)
def test_a_sex_said_outright_wins(pairs: Read, text: str, language: str, expected: str) -> None:
    assert sex(pairs, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Пишу за батька, йому 67. Ран на ногах нема, я дивилась.", "uk", "male"),
        ("пишу за маму ей 83 года, я переживаю", "ru", "female"),
        ("I'm typing this for my husband, he's 68", "en", "male"),
    ],
)
def test_written_for_someone_else_the_patient_s_sex(
    pairs: Read, text: str, language: str, expected: str
) -> None:
    assert sex(pairs, text, language) == expected
