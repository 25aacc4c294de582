"""`nightlegs parse` reads Ukrainian as the deployment's API does: with its dictionary
unless NIGHTLEGS_UK_DICTIONARY is off (docs/licences.md); ``--[no-]uk-dictionary`` for
one run."""

from __future__ import annotations

import pytest

import nightlegs.complaints
from nightlegs.complaints.models import ParseResult
from nightlegs.knowledge import KnowledgeBase
from tests.cli.conftest import Invoke

TEXT = "крутить ноги вночі, треба ходити"


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """The ``uk_dictionary`` of each parse the command makes (the parse itself is real)."""
    seen: list[bool] = []
    real = nightlegs.complaints.parse

    def spy(text: str, language: str, kb: KnowledgeBase, uk_dictionary: bool) -> ParseResult:
        seen.append(uk_dictionary)
        return real(text, language, kb, uk_dictionary=uk_dictionary)

    monkeypatch.setattr(nightlegs.complaints, "parse", spy)
    return seen


@pytest.mark.parametrize(("setting", "expected"), [("false", False), ("true", True), (None, True)])
def test_the_setting_chooses_the_ukrainian_dictionary(
    monkeypatch: pytest.MonkeyPatch,
    invoke: Invoke,
    asked: list[bool],
    setting: str | None,
    expected: bool,
) -> None:
    if setting is not None:
        monkeypatch.setenv("NIGHTLEGS_UK_DICTIONARY", setting)
    result = invoke(["parse", TEXT, "--lang", "uk", "--json"])
    assert result.exit_code == 0, result.output
    assert asked == [expected]


@pytest.mark.parametrize(
    ("option", "expected"), [("--no-uk-dictionary", False), ("--uk-dictionary", True)]
)
def test_the_option_wins_for_one_run(
    monkeypatch: pytest.MonkeyPatch, invoke: Invoke, asked: list[bool], option: str, expected: bool
) -> None:
    monkeypatch.setenv("NIGHTLEGS_UK_DICTIONARY", str(not expected).lower())
    result = invoke(["parse", TEXT, option, "--json"])
    assert result.exit_code == 0, result.output
    assert asked == [expected]


def test_a_wrong_setting_is_reported_and_nothing_is_read(
    monkeypatch: pytest.MonkeyPatch, invoke: Invoke, asked: list[bool]
) -> None:
    monkeypatch.setenv("NIGHTLEGS_UK_DICTIONARY", "maybe")
    result = invoke(["parse", TEXT])
    assert result.exit_code == 2
    assert "NIGHTLEGS_UK_DICTIONARY" in result.output
    assert asked == []


def test_the_help_names_the_setting(invoke: Invoke) -> None:
    result = invoke(["parse", "--help"])
    assert result.exit_code == 0
    assert "NIGHTLEGS_UK_DICTIONARY" in result.output
    assert "--no-uk-dictionary" in result.output
