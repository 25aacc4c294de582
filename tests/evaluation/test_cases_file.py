"""Cases files are read with numbers kept as numbers, and unknown ids are refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from nightlegs.evaluation import CaseError, load_cases
from nightlegs.knowledge import KnowledgeBase
from tests.conftest import CASES_FILE
from tests.evaluation.fakes import tiny_kb


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


# -- expect.condition: an id, none, a list or left out (tiny hand-made knowledge base) ----


def test_condition_may_be_an_id_none_a_list_or_left_out(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
- id: one
  profile: {}
  expect: {triage: consultation, condition: restless_legs_syndrome}
- id: out
  profile: {}
  expect: {triage: self_care, condition: none}
- id: either
  profile: {foot_wound: black_skin}
  expect: {triage: emergency, condition: [acute_limb_ischaemia, peripheral_artery_disease]}
- id: open
  profile: {age: 66}
  expect: {triage: consultation_24}
""",
    )
    one, out, either, open_ = load_cases(path, tiny_kb())
    assert one.expect.conditions == ("restless_legs_syndrome",)
    assert one.expect.condition == "restless_legs_syndrome"
    assert not one.expect.out_of_scope
    assert out.expect.conditions == ("none",)
    assert out.expect.out_of_scope
    assert either.expect.conditions == ("acute_limb_ischaemia", "peripheral_artery_disease")
    assert not either.expect.out_of_scope
    with pytest.raises(ValueError, match="any of acute_limb_ischaemia, peripheral_artery"):
        _ = either.expect.condition
    assert open_.expect.conditions == ()
    assert open_.expect.condition is None
    assert not open_.expect.out_of_scope


def test_unknown_ids_in_a_condition_list_are_each_refused_on_their_line(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
- id: listed
  profile: {}
  expect:
    triage: emergency
    condition:
      - acute_limb_ischaemia
      - gout
      - peripheral_artery_disease
      - arthritis
""",
    )
    with pytest.raises(CaseError) as caught:
        load_cases(path, tiny_kb())
    assert caught.value.problems == [
        f"{path}:7: case 'listed': unknown condition 'gout' in condition",
        f"{path}:9: case 'listed': unknown condition 'arthritis' in condition",
    ]


@pytest.mark.parametrize(
    ("condition", "says"),
    [
        ("[]", "an empty condition list; leave condition out instead"),
        ("[none, restless_legs_syndrome]", "none cannot be one of a list of conditions"),
        ("[restless_legs_syndrome, 3]", "condition list items must be ids, not 3"),
        ("{id: restless_legs_syndrome}", "condition must be an id, none or a list of ids"),
        ("", "condition must be an id, none or a list of ids, not None"),
        ("gout", "unknown condition 'gout'"),
    ],
)
def test_bad_conditions_are_refused(tmp_path: Path, condition: str, says: str) -> None:
    expect = f"{{triage: self_care, condition: {condition}}}"
    path = write(tmp_path, f"- id: bad\n  profile: {{}}\n  expect: {expect}\n")
    with pytest.raises(CaseError) as caught:
        load_cases(path, tiny_kb())
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}:3: case 'bad': ")
    assert says in problem


# -- the public file, version 2 (the real knowledge base) --------------------------------


def test_the_public_file_has_list_and_open_conditions(kb: KnowledgeBase) -> None:
    cases = {c.id: c for c in load_cases(CASES_FILE, kb)}
    assert cases["v2-cold-foot-ischaemia-unresolved"].expect.conditions == (
        "acute_limb_ischaemia",
        "peripheral_artery_disease",
    )
    assert cases["v2-one-leg-swollen-slowly"].expect.conditions == ()
    assert cases["v2-swelling-breathless"].expect.conditions == ()
    assert cases["v2-leg-symptoms-unknown"].expect.out_of_scope
    assert cases["v2-diabetic-foot-wound"].profile["foot_wound"] == "wound_not_healing"
