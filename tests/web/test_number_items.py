"""Every number item of the knowledge base, in every language, as the form reads it and the
page shows it (pages/interview/number_items.py): units in the page's language, the page's
decimal mark, the read-back lines, and "18,5" read as "18.5" is."""

# ruff: noqa: RUF001 - Ukrainian and Russian page text is meant to contain Cyrillic letters

from __future__ import annotations

import re

import pytest

from nightlegs.engine import Answer, Question
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.units import in_range
from nightlegs.pages.interview import forms, number_items
from nightlegs.pages.interview.number_items import Raw, lower_first, parts, read_back
from nightlegs.pages.interview.views import localized

LANGUAGES = ("uk", "ru", "en")
LATIN_UNIT = re.compile(r"\b(?:ug|ng|mmol|umol|mg|g|pg|pmol|mIU|mU|mL|mEq)/", re.IGNORECASE)


def number_questions(kb: KnowledgeBase, language: str) -> list[Question]:
    return [
        localized(kb, q.id, q.findings, language) for q in kb.questions if q.source.type == "number"
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_number_item_reads_alike(kb: KnowledgeBase, language: str) -> None:
    """ "18,5" and "18.5" give the same answer everywhere; what is not stored is outside
    the finding's range or asked about; a value stored is the value typed."""
    for question in number_questions(kb, language):
        [item] = question.items
        results = {}
        for typed in ("18,5", "18.5", "3,4", "3.4"):
            form = {item.finding: [typed], item.finding + "__lang": [language]}
            submission = forms.read(kb, question, form)
            results[typed] = (submission.answers, submission.problems)
            number = float(typed.replace(",", "."))
            if submission.ok:
                assert submission.answers == [Answer(item.finding, number, None)], typed
            else:
                # Refused only outside the range, or to ask which value was meant.
                problem = submission.problems[item.finding]
                assert problem in ("range", "implausible"), (question.id, typed, problem)
                if problem == "range":
                    assert not in_range(kb, item.finding, number, None), (question.id, typed)
                assert submission.raw[item.finding].asked == (problem == "implausible")
        assert results["18,5"] == results["18.5"], question.id
        assert results["3,4"] == results["3.4"], question.id


@pytest.mark.parametrize("language", LANGUAGES)
def test_units_and_hints_are_in_the_pages_language(kb: KnowledgeBase, language: str) -> None:
    t = translator(language)
    mark = "," if language in ("uk", "ru") else "."
    for question in number_questions(kb, language):
        [item] = question.items
        shown = parts(kb, item, Raw(), t)
        if item.finding in kb.units:
            assert [o.value for o in shown.units] == [
                c.name for c in kb.units[item.finding].values()
            ]
            assert [o.label for o in shown.units] == [
                kb.unit_labels[o.value].get(language) for o in shown.units
            ]
            assert f"4{mark}5" in (shown.hint or ""), question.id
            if language != "en":
                assert not any(LATIN_UNIT.search(o.label) for o in shown.units), question.id
        else:
            assert shown.units == []
            assert shown.hint is not None
            assert re.search(r"\d", shown.hint), question.id
        stored = parts(kb, item, Raw(number_items.plain_number(18.5)), t)
        assert stored.value == f"18{mark}5"


@pytest.mark.parametrize(
    ("language", "finding", "value", "line"),
    [
        ("uk", "ferritin", 18.5, "феритин 18,5 мкг/л"),
        ("ru", "ferritin", 18.5, "ферритин 18,5 мкг/л"),
        ("en", "ferritin", 18.5, "ferritin 18.5 µg/L"),
        ("uk", "potassium", 3.4, "калій у крові 3,4 ммоль/л"),
        ("uk", "haemoglobin", 135.0, "гемоглобін 135 г/л"),
        ("uk", "hba1c", 6.1, "глікований гемоглобін (HbA1c) 6,1 %"),
        ("en", "hba1c", 6.1, "HbA1c 6.1 %"),
        ("ru", "tsh", 2.5, "ТТГ (тиреотропный гормон) 2,5 мМЕ/л"),
        ("uk", "age", 54.0, "вік: 54"),
        ("uk", "severity", 7.0, "сила відчуттів, 0-10: 7 з 10"),
        ("en", "nights_per_week", 3.5, "nights a week: 3.5"),
    ],
)
def test_numbers_are_read_back_in_the_pages_words(
    kb: KnowledgeBase, language: str, finding: str, value: float, line: str
) -> None:
    source = kb.question_by_finding[finding]
    question = localized(kb, source.id, (finding,), language)
    assert read_back(kb, question, {finding: value}, translator(language)) == [line]
    assert read_back(kb, question, {finding: "unknown"}, translator(language)) == []


@pytest.mark.parametrize(
    ("label", "lowered"),
    [
        ("Феритин", "феритин"),
        ("Blood potassium", "blood potassium"),
        ("HbA1c", "HbA1c"),
        ("ТТГ (тиреотропний гормон)", "ТТГ (тиреотропний гормон)"),
        ("eGFR (kidney filtration rate)", "eGFR (kidney filtration rate)"),
        ("Глікований гемоглобін (HbA1c)", "глікований гемоглобін (HbA1c)"),
    ],
)
def test_a_label_inside_a_sentence(label: str, lowered: str) -> None:
    assert lower_first(label) == lowered


@pytest.mark.parametrize(
    ("language", "finding", "message"),
    [
        ("uk", "magnesium", "Введіть число від 0,1 до 5 ммоль/л."),
        ("ru", "potassium", "Введите число от 1 до 10 ммоль/л."),
        ("en", "magnesium", "Please enter a number from 0.1 to 5 mmol/L."),
        ("uk", "age", "Введіть число від 0 до 120."),
    ],
)
def test_a_value_outside_the_range_is_refused_in_the_pages_words(
    kb: KnowledgeBase, language: str, finding: str, message: str
) -> None:
    assert number_items.range_message(kb, finding, translator(language)) == message
