"""``nightlegs assess FILE``: a profile or an evidence list, JSON or YAML."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.conftest import Invoke

CRAMPS_PROFILE = {
    "age": 71,
    "sex": "male",
    "leg_symptoms": "present",
    "sudden_muscle_contraction": "present",
    "cramp_relieved_by_stretch": "present",
    "episode_duration": "under_10_min",
    "wakes_from_sleep": "present",
    "side": "alternating",
    "nights_per_week": 3,
    "severity": 8,
}


def test_a_json_profile_is_assessed_as_json(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "profile.json"
    path.write_text(json.dumps(CRAMPS_PROFILE), encoding="utf-8")
    result = invoke(["assess", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assessment = json.loads(result.stdout)
    assert assessment["language"] == "en"
    assert assessment["conditions"][0]["id"] == "nocturnal_leg_cramps"
    assert "calf_stretch" in [a["id"] for a in assessment["advice"]]


def test_a_yaml_evidence_list_is_printed_for_people(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "evidence.yaml"
    path.write_text(
        "evidence:\n"
        "  - {finding: leg_symptoms, value: present}\n"
        "  - {finding: urge_to_move, value: present}\n"
        "  - {finding: worse_at_rest, value: present}\n"
        "  - {finding: relief_with_movement, value: present}\n"
        "  - {finding: evening_night_predominance, value: present}\n"
        "  - {finding: ferritin, value: 40, unit: ng/mL}\n",
        encoding="utf-8",
    )
    result = invoke(["assess", str(path)])
    assert result.exit_code == 0, result.output
    assert "Restless legs" in result.stdout
    assert "What it may be" in result.stdout
    assert "This is not a diagnosis" in result.stdout
    # Criteria are listed with their status marks.
    assert "✓" in result.stdout


def test_the_language_can_be_chosen(invoke: Invoke, tmp_path: Path) -> None:
    path = tmp_path / "profile.yaml"
    path.write_text("leg_symptoms: absent\n", encoding="utf-8")
    result = invoke(["assess", str(path), "--lang", "uk", "--json"])
    assert result.exit_code == 0, result.output
    assessment = json.loads(result.stdout)
    assert assessment["language"] == "uk"
    assert assessment["out_of_scope"] is True


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("unknown.json", '{"urge_to_moov": "present"}', "urge_to_moov"),
        ("value.yaml", "urge_to_move: yes\n", "urge_to_move takes present, absent or unknown"),
        ("range.yaml", "severity: 12\n", "severity"),
        (
            "unit.yaml",
            "evidence:\n  - {finding: ferritin, value: 40, unit: furlongs}\n",
            "ferritin",
        ),
        ("list.yaml", "- urge_to_move\n", "expected a mapping"),
        ("broken.json", '{"urge_to_move": ', "invalid JSON"),
        ("item.yaml", "evidence:\n  - {finding: ferritin}\n", "needs finding and value"),
    ],
)
def test_bad_evidence_exits_2_naming_the_problem(
    invoke: Invoke, tmp_path: Path, name: str, content: str, says: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = invoke(["assess", str(path)])
    assert result.exit_code == 2, result.output
    assert says in result.stderr
    assert result.stdout == ""


def test_a_missing_file_exits_2(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(["assess", str(tmp_path / "nothing.json")])
    assert result.exit_code == 2
    assert "cannot read" in result.stderr
