"""``nightlegs eval``: figures per way, failing cases, and the exit code for safety."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.conftest import Invoke

TWO_CASES = """\
- id: cramps
  about: older man woken by calf cramps
  profile: {age: 71, sex: male, leg_symptoms: present, sudden_muscle_contraction: present,
    cramp_relieved_by_stretch: present, episode_duration: under_10_min, wakes_from_sleep: present,
    residual_soreness: present, side: alternating, nights_per_week: 3, duration_months: 6,
    severity: 8, sleep_disturbance: present}
  expect: {triage: consultation, condition: nocturnal_leg_cramps, specialist: [family_doctor],
    advise: [calf_stretch]}
- id: nothing
  profile: {age: 40, sex: female, pregnancy: not_pregnant, leg_symptoms: absent}
  expect: {triage: self_care, condition: none, specialist: [family_doctor]}
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_two_passing_cases_both_ways(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(["eval", str(write(tmp_path, TWO_CASES))])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    direct = next(line for line in lines if line.startswith("direct: "))
    interview = next(line for line in lines if line.startswith("interview: "))
    assert direct.startswith("direct: triage exact 100.0 %, under-triage 0")
    assert "critical under-triage 0" in direct
    assert "advice violations 0" in direct
    assert "cases 2, failing 0" in direct
    assert "questions median" not in direct
    assert interview.startswith("interview: triage exact 100.0 %")
    assert "questions median " in interview
    # The summary comes last: one line per way, then the verdict.
    assert lines[-3:] == [direct, interview, lines[-1]]
    assert lines[-1].startswith("verdict: safe (critical under-triage 0, advice violations 0)")
    assert "FAIL" not in result.stdout


def test_a_critical_under_triage_fails_with_exit_1(invoke: Invoke, tmp_path: Path) -> None:
    wrong = TWO_CASES.replace("expect: {triage: consultation,", "expect: {triage: emergency,")
    result = invoke(["eval", str(write(tmp_path, wrong)), "--way", "direct"])
    assert result.exit_code == 1, result.output
    failure = "FAIL direct cramps: triage consultation, expected emergency (critical under-triage)"
    assert failure in result.stdout
    assert "interview:" not in result.stdout
    assert result.stdout.splitlines()[-1].startswith("verdict: UNSAFE (critical under-triage 1")


def test_other_failures_are_listed_but_exit_0(invoke: Invoke, tmp_path: Path) -> None:
    wrong = TWO_CASES.replace("specialist: [family_doctor],\n", "specialist: [neurologist],\n")
    result = invoke(["eval", str(write(tmp_path, wrong)), "--way", "direct"])
    assert result.exit_code == 0, result.output
    assert "FAIL direct cramps: first specialist is family_doctor" in result.stdout
    assert "failing cases 1" in result.stdout.splitlines()[-1]


def test_json_report(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(["eval", str(write(tmp_path, TWO_CASES)), "--json", "--way", "interview"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["safe"] is True
    assert list(report["ways"]) == ["interview"]
    figures = report["ways"]["interview"]["figures"]
    assert figures["cases"] == 2
    assert figures["triage_exact"] == 100.0
    assert figures["questions_max"] >= figures["questions_median"] > 0


def test_a_case_with_an_unknown_finding_is_refused(invoke: Invoke, tmp_path: Path) -> None:
    bad = TWO_CASES.replace("residual_soreness", "residual_sorenes")
    path = write(tmp_path, bad)
    result = invoke(["eval", str(path)])
    assert result.exit_code == 2
    assert f"{path}:5: case 'cramps': unknown finding 'residual_sorenes'" in result.stderr
