"""The terminal interview reads numbers as the pages do (knowledge/numbers.py): "18,5" is
18.5, a unit may follow in any of its spellings, and nothing unreadable is guessed."""

# ruff: noqa: RUF001 - Ukrainian units are meant to contain Cyrillic letters

from __future__ import annotations

import io

import pytest
from rich.console import Console

from nightlegs.cli.terminal import TerminalInterview
from nightlegs.engine import Answer, merge
from nightlegs.engine.interview import PlannedQuestion, localize
from nightlegs.knowledge import KnowledgeBase


def ask(
    kb: KnowledgeBase, question_id: str, typed: list[str], language: str = "uk"
) -> tuple[list[Answer], str]:
    compiled = kb.question(question_id)
    question = localize(kb, PlannedQuestion(compiled, compiled.findings), language)
    replies = iter(typed)
    output = io.StringIO()
    terminal = TerminalInterview(
        kb, Console(file=output, width=200), language, lambda _: next(replies)
    )
    return terminal.ask(question), output.getvalue()


@pytest.mark.parametrize(
    ("question", "typed", "language", "stored"),
    [
        ("q-ferritin", "18,5", "uk", 18.5),
        ("q-ferritin", "18.5", "uk", 18.5),
        ("q-ferritin", "18,5", "en", 18.5),
        ("q-ferritin", "18,5 мкг/л", "uk", 18.5),
        ("q-ferritin", "18,5 нг/мл.", "ru", 18.5),
        ("q-potassium", "3,4", "ru", 3.4),
        ("q-potassium", "3,4 ммоль/л", "uk", 3.4),
        ("q-haemoglobin", "13,5 г/дл", "uk", 135.0),
        ("q-vitamin-b12", "1 000 пг/мл", "uk", 738.0),
        ("q-age", "54,5", "uk", 54.5),
        ("q-age", "45 років", "uk", 45.0),
        ("q-duration", "1,200", "en", 1200.0),
        ("q-duration", "1,200", "uk", 1.2),
    ],
)
def test_a_number_as_people_write_it(
    kb: KnowledgeBase, question: str, typed: str, language: str, stored: float
) -> None:
    answers, _ = ask(kb, question, [typed], language)
    [finding] = kb.question(question).findings
    assert merge(kb, answers)[finding] == pytest.approx(stored)


def test_what_is_not_a_number_is_asked_again(kb: KnowledgeBase) -> None:
    answers, out = ask(kb, "q-ferritin", ["18 5", "½", "вісімнадцять", "18,5"])
    assert merge(kb, answers)["ferritin"] == 18.5
    assert out.count("Це не число") == 3


def test_the_hint_names_the_units_in_the_language(kb: KnowledgeBase) -> None:
    _, out = ask(kb, "q-ferritin", ["?"], "uk")
    assert "мкг/л" in out
    assert "нг/мл" in out
    assert "ug/l" not in out
