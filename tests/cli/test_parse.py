"""`nightlegs parse "TEXT" --lang uk`: the candidates in the page's words, or the API's
answer with --json."""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

import json

from typer.testing import CliRunner

from nightlegs.cli.main import app
from nightlegs.complaints import parse

TEXT = "крутить ноги вночі, не можу заснути, треба ходити; набряків немає"


def test_the_candidates_in_the_pages_language() -> None:
    result = CliRunner().invoke(app, ["parse", TEXT, "--lang", "uk"])
    assert result.exit_code == 0, result.output
    assert "Ми зрозуміли так:" in result.output
    assert "urge_to_move" in result.output
    assert "«треба ходити»" in result.output
    assert "ні" in result.output  # evening swelling: no


def test_english_words_for_an_english_page() -> None:
    result = CliRunner().invoke(app, ["parse", "cramps at night, no swelling", "--lang", "en"])
    assert "We understood it like this:" in result.output
    assert "sudden_muscle_contraction" in result.output


def test_json_is_the_apis_answer() -> None:
    result = CliRunner().invoke(app, ["parse", TEXT, "--lang", "ru", "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == parse(TEXT, "ru").to_json()


def test_nothing_recognised_says_so() -> None:
    result = CliRunner().invoke(app, ["parse", "добрий день", "--lang", "uk"])
    assert result.exit_code == 0
    assert "Ми нічого не розпізнали" in result.output
    assert "Цього ми не зрозуміли: добрий день" in result.output


def test_a_text_over_2000_characters_is_refused() -> None:
    result = CliRunner().invoke(app, ["parse", "а" * 2001])
    assert result.exit_code == 2
    assert "at most 2000 characters" in result.output
