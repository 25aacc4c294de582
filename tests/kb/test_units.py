"""The laboratory units (kb/units.yaml): spellings, plausible values, and what a person who
typed an implausible value more likely meant (knowledge/units.py)."""

# ruff: noqa: RUF001 - Ukrainian and Russian units are meant to contain Cyrillic letters

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from nightlegs.knowledge import KnowledgeBase, KnowledgeBaseError, default_kb_dir
from nightlegs.knowledge.loader import build
from nightlegs.knowledge.units import Meant, conversion_for, in_range, likely_meant, unit_label

RULE_FILES = ("predicates", "triage", "conditions", "factors", "advice", "tests", "questions")


def comparisons(node: Any) -> Iterator[tuple[str, float]]:
    """Every ``{finding: ..., ge/gt/le/lt: number}`` in a knowledge-base file."""
    if isinstance(node, dict):
        for op in ("ge", "gt", "le", "lt"):
            if "finding" in node and isinstance(node.get(op), int | float):
                yield node["finding"], float(node[op])
        for child in node.values():
            yield from comparisons(child)
    elif isinstance(node, list):
        for child in node:
            yield from comparisons(child)


def test_every_limit_the_rules_use_is_plausible_so_it_is_taken_as_typed(
    kb: KnowledgeBase,
) -> None:
    """A real critical value (potassium 6,8; haemoglobin 65) is never questioned as a slip:
    each threshold of the rules lies inside its unit's plausible range."""
    checked = 0
    for name in RULE_FILES:
        data = yaml.safe_load((default_kb_dir() / f"{name}.yaml").read_text(encoding="utf-8"))
        for finding, limit in comparisons(data):
            if finding not in kb.units:
                continue
            base = next(iter(kb.units[finding].values()))
            assert base.plausible is not None, finding
            assert base.plausible[0] <= limit <= base.plausible[1], (name, finding, limit)
            assert likely_meant(kb, finding, limit, base.name) == []
            checked += 1
    assert checked >= 10


def test_plausible_values_are_possible_values(kb: KnowledgeBase) -> None:
    for finding, table in kb.units.items():
        for conversion in table.values():
            assert conversion.plausible is not None, (finding, conversion.name)
            low, high = conversion.plausible
            assert in_range(kb, finding, low, conversion.name), (finding, conversion.name)
            assert in_range(kb, finding, high, conversion.name), (finding, conversion.name)


@pytest.mark.parametrize(
    ("finding", "typed", "unit", "meant"),
    [
        # The comma lost: "3,4" typed into chromium's number field became 34.
        ("potassium", 34.0, "mmol/L", [Meant(3.4, "mmol/L")]),
        ("ferritin", 1850.0, "ug/L", [Meant(185.0, "ug/L"), Meant(18.5, "ug/L")]),
        ("magnesium", 85.0, "mmol/L", [Meant(0.85, "mmol/L")]),
        ("tsat", 185.0, "%", [Meant(18.5, "%")]),
        # The unit mixed up: 13,5 g/dL typed with g/L chosen.
        ("haemoglobin", 13.5, "g/L", [Meant(13.5, "g/dL")]),
        ("calcium", 9.5, "mmol/L", [Meant(9.5, "mg/dL")]),
        ("hba1c", 48.0, "%", [Meant(4.8, "%"), Meant(48.0, "mmol/mol")]),
        # Plausible: taken as typed.
        ("potassium", 3.4, "mmol/L", []),
        ("potassium", 6.8, "mmol/L", []),
        ("ferritin", 18.5, "ug/L", []),
        ("ferritin", 18.5, None, []),
        ("haemoglobin", 135.0, "g/L", []),
        ("haemoglobin", 13.5, "g/dL", []),
        # Implausible, but nothing else is plausible either: nothing to offer.
        ("potassium", 1.5, "mmol/L", []),
        ("age", 300.0, None, []),
    ],
)
def test_what_a_person_more_likely_meant(
    kb: KnowledgeBase, finding: str, typed: float, unit: str | None, meant: list[Meant]
) -> None:
    assert likely_meant(kb, finding, typed, unit) == meant


def test_units_are_named_in_the_pages_language(kb: KnowledgeBase) -> None:
    assert unit_label(kb, "ug/L", "uk") == "мкг/л"
    assert unit_label(kb, "mcg/L", "ru") == "мкг/л"
    assert unit_label(kb, "ug/L", "en") == "µg/L"
    assert unit_label(kb, "mmol/L", "uk") == "ммоль/л"
    assert unit_label(kb, "g/L", "ru") == "г/л"
    assert unit_label(kb, "ng/mL", "uk") == "нг/мл"
    conversion = conversion_for(kb, "vitamin_b12", "пг/мл")
    assert conversion is not None
    assert conversion.name == "pg/mL"
    assert conversion_for(kb, "ferritin", "ммоль/л") is None


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(default_kb_dir(), target)
    return target


def refused(directory: Path, old: str, new: str) -> list[str]:
    path = directory / "units.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        build(directory)
    return [str(issue) for issue in error.value.issues]


@pytest.mark.slow
def test_a_spelling_of_two_units_is_refused(kb_copy: Path) -> None:
    issues = refused(kb_copy, '["mcg/L", ', '["mcg/L", "нг/мл", ')
    assert any("units.yaml:" in i and "'нг/мл' also spells" in i for i in issues), issues


@pytest.mark.slow
def test_an_accepted_unit_must_be_named(kb_copy: Path) -> None:
    issues = refused(kb_copy, '{unit: "ng/mL", plausible', '{unit: "ng/ml!", plausible')
    assert any("unknown unit ng/ml!" in i for i in issues), issues


@pytest.mark.slow
def test_a_plausible_range_runs_upwards(kb_copy: Path) -> None:
    issues = refused(kb_copy, "plausible: [2, 8]", "plausible: [8, 2]")
    assert any("plausible needs low < high" in i for i in issues), issues
