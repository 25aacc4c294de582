"""The seventh round of the parser (docs/parsing.md, "The seventh round"): general gaps
found while the fourth blind set was being written, each written here in other words
than any set's own."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


def lengths(read: Pairs) -> set[float]:
    return {float(value) for finding, value in read if finding == "duration_months"}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("останні місяці ноги крутить вночі", "uk"),
        ("последние месяцы сводит икры по ночам", "ru"),
        ("последние годы ноги гудят к вечеру", "ru"),
        ("the last months my legs ache at night", "en"),
    ],
)
def test_a_unit_in_the_plural_with_no_number_is_no_length(
    pairs: Read, text: str, language: str
) -> None:
    # "the last months" is some months, not one: no number beats a wrong one.
    assert lengths(pairs(text, language)) == set()


@pytest.mark.parametrize(
    ("text", "language", "months"),
    [
        ("вже рік крутить ноги", "uk", 12.0),
        ("уже год сводит икры", "ru", 12.0),
        ("останні три місяці ноги крутить", "uk", 3.0),
        ("for the last two years my legs ache", "en", 24.0),
    ],
)
def test_one_unsaid_or_a_number_said_still_gives_the_length(
    pairs: Read, text: str, language: str, months: float
) -> None:
    assert lengths(pairs(text, language)) == {months}


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ноги крутить вечорами. Щотижня гірше", "uk"),
        ("ноги гудят. С каждой неделей хуже и хуже", "ru"),
        ("calves cramp at night, worse by the week", "en"),
    ],
)
def test_worse_each_day_or_week_in_a_sentence_of_its_own(
    pairs: Read, text: str, language: str
) -> None:
    assert ("worsening", "present") in pairs(text, language)
