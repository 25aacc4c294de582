"""The complaint parser, built once for the folder (it loads the dictionaries and the
medicine table: a few seconds)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from nightlegs.complaints import Parser, ParseResult, parser

Pairs = set[tuple[str, str | float]]


@pytest.fixture(scope="session")
def reader() -> Parser:
    return parser()


@pytest.fixture(scope="session")
def pairs(reader: Parser) -> Callable[..., Pairs]:
    """``pairs(text, language="uk")``: the (finding, value) pairs the parser reads."""

    def read(text: str, language: str = "uk") -> Pairs:
        return {(c.finding, c.value) for c in reader.parse(text, language).candidates}

    return read


def values(result: ParseResult) -> dict[str, str | float]:
    return {c.finding: c.value for c in result.candidates}
