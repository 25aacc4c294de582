"""The dictionaries: loaded once per process, and the parser still reads Ukrainian (less
well) in a build without the Ukrainian dictionary (docs/parsing.md, "Licences")."""

from __future__ import annotations

import importlib.util

import pytest

from nightlegs.complaints import Parser, morphology
from nightlegs.complaints.morphology import Morphology
from nightlegs.knowledge import load_kb
from nightlegs.knowledge.phrases import load_phrases


def test_the_analyzers_are_made_once() -> None:
    words = Morphology()
    first = words.analyzers
    assert words.analyzers is first
    assert set(first) == {"uk", "ru"}


def test_without_the_ukrainian_dictionary_ukrainian_is_still_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec

    def no_ukrainian(name: str, *args: object) -> object:
        return None if name == "pymorphy3_dicts_uk" else real(name, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(morphology.importlib.util, "find_spec", no_ukrainian)
    reader = Parser(load_kb(), load_phrases())
    assert set(reader.morphology.analyzers) == {"ru"}
    found = {
        (c.finding, c.value)
        for c in reader.parse("крутить ноги вночі, треба встати; набряків немає", "uk").candidates
    }
    assert ("evening_night_predominance", "present") in found
    assert ("evening_swelling", "absent") in found


def test_the_ukrainian_dictionary_can_be_switched_off() -> None:
    """NIGHTLEGS_UK_DICTIONARY=false (its data's licence is non-commercial): the parser
    leaves it unloaded though it is installed, and still reads Ukrainian."""
    from nightlegs.complaints import parse, parser

    assert set(parser(uk_dictionary=True).morphology.analyzers) == {"uk", "ru"}
    without = parser(uk_dictionary=False)
    assert without is not parser(uk_dictionary=True)
    assert without is parser(uk_dictionary=False)
    assert set(without.morphology.analyzers) == {"ru"}
    text = "крутить ноги вночі, треба встати; набряків немає"
    found = {(c.finding, c.value) for c in parse(text, "uk", uk_dictionary=False).candidates}
    assert {("evening_night_predominance", "present"), ("evening_swelling", "absent")} <= found
