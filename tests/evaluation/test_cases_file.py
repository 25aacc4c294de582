"""Cases files are read with numbers kept as numbers, and unknown ids are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from nightlegs.evaluation import CaseError, load_cases
from nightlegs.knowledge import KnowledgeBase
from tests.conftest import CASES_FILE


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_public_cases_load_with_typed_values(kb: KnowledgeBase) -> None:
    cases = load_cases(CASES_FILE, kb)
    assert len(cases) == len({c.id for c in cases}) > 0
    classic = next(c for c in cases if c.id == "rls-classic")
    assert classic.profile["age"] == 54
    assert isinstance(classic.profile["age"], int)
    assert classic.profile["urge_to_move"] == "present"
    mild = next(c for c in cases if c.id == "rls-mild-intermittent")
    assert mild.profile["nights_per_week"] == 0.5
    assert classic.expect.triage == "consultation"
    assert classic.expect.specialist == ("neurologist", "family_doctor")
    assert classic.line > 1


def test_unknown_ids_are_refused_with_file_line_and_case(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
- id: good
  profile: {age: 40, leg_symptoms: absent}
  expect: {triage: self_care, condition: none}
- id: typo
  profile: {age: 40,
    leg_symptom: absent}
  expect: {triage: self_care, condition: none, factors: [caffeine, coffee]}
- id: good
  profile: {age: 40}
  expect: {triage: urgent, condition: none}
""",
    )
    with pytest.raises(CaseError) as caught:
        load_cases(path, kb)
    problems = caught.value.problems
    assert f"{path}:6: case 'typo': unknown finding 'leg_symptom'" in problems
    assert f"{path}:7: case 'typo': unknown factor 'coffee' in factors" in problems
    assert any(p.startswith(f"{path}:8: case 'good': duplicate case id") for p in problems)
    assert len(problems) == 3


@pytest.mark.parametrize(
    ("profile", "expect", "says"),
    [
        ("{severity: 11}", "{triage: self_care, condition: none}", "severity"),
        ("{sex: unknown_sex}", "{triage: self_care, condition: none}", "sex takes"),
        ("{urge_to_move: yes}", "{triage: self_care, condition: none}", "urge_to_move takes"),
        ("{urge_to_move: true}", "{triage: self_care, condition: none}", "urge_to_move"),
        ("{age: 40}", "{triage: urgent, condition: none}", "unknown triage level 'urgent'"),
        ("{age: 40}", "{triage: self_care, condition: gout}", "unknown condition 'gout'"),
        ("{age: 40}", "{triage: self_care, condition: none, advise: [x]}", "unknown advice 'x'"),
        ("{age: 40}", "{triage: self_care, condition: none, seen: 1}", "unknown expectation"),
        ("{age: 40}", "{triage: self_care, condition: none, specialist: [gp]}", "specialist 'gp'"),
    ],
)
def test_bad_values_and_expectations_are_refused(
    kb: KnowledgeBase, tmp_path: Path, profile: str, expect: str, says: str
) -> None:
    path = write(tmp_path, f"- id: bad\n  profile: {profile}\n  expect: {expect}\n")
    with pytest.raises(CaseError) as caught:
        load_cases(path, kb)
    assert says in str(caught.value)
    assert "case 'bad'" in str(caught.value)


def test_an_explicit_unknown_is_kept(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "- id: u\n  profile: {ferritin: unknown, urge_to_move: unknown}\n"
        "  expect: {triage: self_care, condition: none}\n",
    )
    (case,) = load_cases(path, kb)
    assert case.profile == {"ferritin": "unknown", "urge_to_move": "unknown"}
