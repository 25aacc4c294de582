"""The class findings of a recognised medicine, offered for confirmation by name."""

# ruff: noqa: RUF001 - Cyrillic sentences are meant

from __future__ import annotations

import pytest

from nightlegs.languages import LANGUAGES
from nightlegs.medicines import Table, confirmation, lookup


def ask(table: Table, text: str, language: str) -> str | None:
    (match,) = lookup(table, text, language)  # type: ignore[arg-type]
    return confirmation(table, match, language)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "language", "question"),
    [
        ("фуросемід", "uk", "Фуросемід — сечогінний засіб: так?"),
        ("фуросемид", "ru", "Фуросемид — мочегонное средство: да?"),
        ("furosemide", "en", "Furosemide — a water tablet (diuretic): yes?"),
        ("аторвакор", "uk", "Аторвакор (аторвастатин) — від холестерину (статин): так?"),
        ("аторвакор", "ru", "Аторвакор (аторвастатин) — от холестерина (статин): да?"),
        ("аторвакор", "en", "Atorvacor (atorvastatin) — for cholesterol (a statin): yes?"),
        ("церукал", "uk", "Церукал (метоклопрамід) — від нудоти (блокує дофамін): так?"),
        (
            "лозап плюс",
            "uk",
            "Лозап плюс (лозартан + гідрохлортіазид) — від тиску (сартан) і сечогінний засіб: так?",
        ),
        (
            "панангин",
            "ru",
            "Панангин (калия и магния аспарагинат) — препарат калия и препарат магния: да?",
        ),
        # Only the classes that imply a finding are asked about.
        (
            "Конкор АМ",
            "uk",
            "Конкор АМ (бісопролол + амлодипін) — від тиску (антагоніст кальцію): так?",
        ),
    ],
)
def test_the_question_names_the_medicine_and_its_class(
    table: Table, text: str, language: str, question: str
) -> None:
    assert ask(table, text, language) == question


@pytest.mark.parametrize("text", ["конкор", "гептрал", "кардіомагніл", "мотиліум", "вентолін"])
def test_a_medicine_of_no_finding_asks_nothing(table: Table, text: str) -> None:
    for language in LANGUAGES:
        assert ask(table, text, language) is None


def test_every_medicine_with_findings_has_a_question_in_every_language(table: Table) -> None:
    for key in table.exact.values():
        if not key.medicine.findings:
            continue
        (match,) = lookup(table, key.spelling, "uk")
        for language in LANGUAGES:
            question = confirmation(table, match, language)
            assert question is not None
            assert "{" not in question
            assert question.endswith(table.data.confirm[language].rsplit("}", 1)[1])
