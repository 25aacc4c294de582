"""Reading a posted question form into engine answers."""

from __future__ import annotations

import pytest

from nightlegs.engine import Answer
from nightlegs.knowledge import KnowledgeBase
from nightlegs.pages.interview import forms
from nightlegs.pages.interview.views import localized


def question(kb: KnowledgeBase, question_id: str):
    source = kb.question(question_id)
    return localized(kb, question_id, source.findings, "en")


def test_yes_no_items(kb: KnowledgeBase) -> None:
    q = question(kb, "q-rls-pattern")
    form = {
        "worse_at_rest": ["present"],
        "relief_with_movement": ["absent"],
        "evening_night_predominance": ["unknown"],
    }
    result = forms.read(kb, q, form)
    assert result.ok
    assert result.answers == [
        Answer("worse_at_rest", "present"),
        Answer("relief_with_movement", "absent"),
        Answer("evening_night_predominance", "unknown"),
    ]


def test_missing_and_unknown_choice_values(kb: KnowledgeBase) -> None:
    q = question(kb, "q-rls-pattern")
    result = forms.read(kb, q, {"worse_at_rest": ["maybe"], "relief_with_movement": [" "]})
    assert not result.ok
    assert result.answers == []
    assert result.problems == {
        "worse_at_rest": "choice",
        "relief_with_movement": "missing",
        "evening_night_predominance": "missing",
    }
    assert result.raw["worse_at_rest"].value == "maybe"


@pytest.mark.parametrize(
    ("sent", "expected"),
    [
        (["54"], Answer("age", 54.0)),
        (["54,5"], Answer("age", 54.5)),
        ([" 60 "], Answer("age", 60.0)),
        (["unknown"], Answer("age", "unknown")),
        (["40", "unknown"], Answer("age", "unknown")),
        (["", "unknown"], Answer("age", "unknown")),
    ],
)
def test_numbers(kb: KnowledgeBase, sent: list[str], expected: Answer) -> None:
    result = forms.read(kb, question(kb, "q-age"), {"age": sent})
    assert result.ok
    assert result.answers == [expected]


@pytest.mark.parametrize(
    ("sent", "problem"),
    [
        (["abc"], "number"),
        (["inf"], "number"),
        (["121"], "range"),
        (["-1"], "range"),
        ([], "missing"),
    ],
)
def test_bad_numbers(kb: KnowledgeBase, sent: list[str], problem: str) -> None:
    result = forms.read(kb, question(kb, "q-age"), {"age": sent})
    assert result.problems == {"age": problem}


def test_a_laboratory_value_keeps_its_unit(kb: KnowledgeBase) -> None:
    q = question(kb, "q-haemoglobin")
    result = forms.read(kb, q, {"haemoglobin": ["13.5"], "haemoglobin__unit": ["g/dL"]})
    assert result.ok
    assert result.answers == [Answer("haemoglobin", 13.5, "g/dL")]
    result = forms.read(kb, q, {"haemoglobin": ["13.5"], "haemoglobin__unit": ["stone"]})
    assert result.problems == {"haemoglobin": "unit"}
    result = forms.read(kb, q, {"haemoglobin": ["135"]})
    assert result.answers == [Answer("haemoglobin", 135.0, None)]
