"""`nightlegs eval-parse` on the labelled complaints: the targets of issue 10.

On tests/parsing/complaints.yaml: precision >= 0.90 and recall >= 0.80 on (finding, value)
pairs, urgent-sign recall >= 0.95, no urgent sign read as absent, polarity errors <= 2 %,
and (through nightlegs.medicines and its labelled file) INN right >= 97 %, class-finding
precision >= 0.97. The held-out third (complaints-holdout.yaml, never tuned on) is reported
by the same command; here it must keep the safety promise, which holds by design.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nightlegs.cli.main import app
from nightlegs.cli.parsing_files import read_labelled
from nightlegs.knowledge import load_kb

HERE = Path(__file__).parent
MAIN = HERE / "complaints.yaml"
HOLDOUT = HERE / "complaints-holdout.yaml"
#: Where the complaints added to the own set later begin (each written with the phrases it
#: tests); the held-out third was taken from the complaints written before them.
ADDED = "# --- added with the second round"


def written_first(path: Path) -> int:
    """The complaints of ``path`` above :data:`ADDED`."""
    before = path.read_text(encoding="utf-8").split(ADDED, 1)[0]
    return sum(line.startswith("- {") for line in before.splitlines())


def run(path: Path) -> tuple[int, dict[str, Any]]:
    result = CliRunner().invoke(app, ["eval-parse", str(path), "--json"])
    return result.exit_code, json.loads(result.stdout)


def test_the_set_is_as_large_as_asked_in_each_language() -> None:
    kb = load_kb()
    items = [*read_labelled(MAIN, kb), *read_labelled(HOLDOUT, kb)]
    languages = Counter(item.language for item in items)
    assert len(items) >= 300
    assert languages["uk"] >= 120
    assert languages["ru"] >= 100
    assert languages["en"] >= 80
    held_out = len(read_labelled(HOLDOUT, kb))
    assert abs(held_out * 3 - (written_first(MAIN) + held_out)) <= 6  # a third held out
    assert len({item.text for item in items}) == len(items)


def test_the_targets_on_the_labelled_set() -> None:
    code, report = run(MAIN)
    assert report["precision"] >= 0.90
    assert report["recall"] >= 0.80
    assert report["urgent_recall"] >= 0.95
    assert report["urgent_absent"] == 0
    assert report["polarity_error_share"] <= 0.02
    assert report["inn_accuracy"] >= 0.97
    assert report["finding_precision"] >= 0.97
    assert report["class_descriptions_taken"] == 0
    assert report["missed"] == []
    assert code == 0


def test_the_held_out_set_keeps_the_safety_promise() -> None:
    _code, report = run(HOLDOUT)
    assert report["complaints"] >= 100
    assert report["urgent_absent"] == 0


#: The blind sets (docs/parsing.md, "The blind set", "The second blind set"): long
#: complaints written by someone who never read the parser. Their figures miss the
#: targets; these floors keep what the rounds of phrases won from slipping back, and the
#: safety promise holds on them too. Each with its number of complaints.
BLIND_FLOORS = {
    "complaints-blind.yaml": (60, {"precision": 0.88, "recall": 0.88, "urgent_recall": 0.95}),
    "complaints-blind-holdout.yaml": (
        60,
        {"precision": 0.84, "recall": 0.83, "urgent_recall": 0.82},
    ),
    "complaints-blind2.yaml": (60, {"precision": 0.86, "recall": 0.80, "urgent_recall": 0.92}),
    "complaints-blind2-holdout.yaml": (
        60,
        {"precision": 0.81, "recall": 0.78, "urgent_recall": 0.73},
    ),
    "complaints-blind3.yaml": (59, {"precision": 0.90, "recall": 0.84, "urgent_recall": 0.97}),
    "complaints-blind3-holdout.yaml": (
        61,
        {"precision": 0.86, "recall": 0.79, "urgent_recall": 0.85},
    ),
    "complaints-blind4.yaml": (58, {"precision": 0.87, "recall": 0.90, "urgent_recall": 0.94}),
    "complaints-blind4-holdout.yaml": (
        62,
        {"precision": 0.85, "recall": 0.71, "urgent_recall": 0.65},
    ),
    "complaints-blind5.yaml": (45, {"precision": 0.84, "recall": 0.87, "urgent_recall": 0.97}),
    "complaints-blind5-holdout.yaml": (
        45,
        {"precision": 0.84, "recall": 0.76, "urgent_recall": 0.71},
    ),
    "complaints-blind6.yaml": (69, {"precision": 0.85, "recall": 0.84, "urgent_recall": 0.94}),
    "complaints-blind6-holdout.yaml": (
        66,
        {"precision": 0.79, "recall": 0.81, "urgent_recall": 0.73},
    ),
    "complaints-blind7.yaml": (69, {"precision": 0.87, "recall": 0.82, "urgent_recall": 0.95}),
    "complaints-blind7-holdout.yaml": (
        66,
        {"precision": 0.81, "recall": 0.79, "urgent_recall": 0.80},
    ),
}


@pytest.mark.parametrize("name", sorted(BLIND_FLOORS))
def test_the_blind_set_does_not_slip_back(name: str) -> None:
    _code, report = run(HERE / name)
    count, floors = BLIND_FLOORS[name]
    assert report["complaints"] == count
    assert report["urgent_absent"] == 0
    for figure, floor in floors.items():
        assert report[figure] >= floor, (figure, report[figure])


@pytest.mark.parametrize(
    ("label", "problem"),
    [
        ("{urge_to_moove: present}", "unknown finding urge_to_moove"),
        ("{side: several}", "side takes both, one, alternating"),
        ("{age: old}", "age takes a number"),
    ],
)
def test_a_wrong_label_is_named_and_nothing_is_scored(
    tmp_path: Path, label: str, problem: str
) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(f'- {{language: uk, text: "ноги", expect: {label}}}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval-parse", str(path)])
    assert result.exit_code == 2
    assert f"{path}:1: {problem}" in result.output


def test_a_missed_target_is_exit_code_1(tmp_path: Path) -> None:
    path = tmp_path / "labels.yaml"
    path.write_text(
        '- {language: uk, text: "ноги крутить", expect: {urge_to_move: present}}\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["eval-parse", str(path), "--misses"])
    assert result.exit_code == 1
    assert "MISSED" in result.output
    assert "recall 0.0 (target ≥ 0.8)" in result.output
    assert "ноги крутить" in result.output
