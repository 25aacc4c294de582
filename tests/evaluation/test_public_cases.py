"""Every public case passes both ways, and the figures meet the README's targets.

The per-case test reads the assessment itself (not through the scoring module),
so a mistake in scoring cannot hide a failing case.
"""

from __future__ import annotations

from typing import Any

import pytest
from ruamel.yaml import YAML

from nightlegs.evaluation import Case
from nightlegs.evaluation.report import figures
from nightlegs.evaluation.scoring import score
from nightlegs.evaluation.ways import Run
from tests.conftest import CASES_FILE

pytestmark = pytest.mark.slow

CASE_IDS = [case["id"] for case in YAML(typ="safe").load(CASES_FILE.read_text("utf-8"))]
WAYS = ("direct", "interview")


def _ids(items: list[dict[str, Any]]) -> list[str]:
    return [str(item["id"]) for item in items]


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("case_id", CASE_IDS)
def test_public_case(
    case_id: str, way: str, public_cases: list[Case], runs: dict[str, dict[str, Run]]
) -> None:
    case = next(c for c in public_cases if c.id == case_id)
    run = runs[way][case_id]
    result = run.assessment
    expect = case.expect
    who = f"{way} {case_id} ({case.about})"

    assert not run.problems, f"{who}: the interview broke the contract: {run.problems}"

    level = result["triage"]["level"]
    assert level == expect.triage, f"{who}: triage {level}, expected {expect.triage}"

    conditions = _ids(result["conditions"])
    if expect.conditions == ("none",):
        assert result["out_of_scope"], f"{who}: expected out_of_scope, got {conditions[:3]}"
    elif expect.conditions:  # any of them first; a case without a condition is not checked
        assert set(conditions[:1]) & set(expect.conditions), (
            f"{who}: first condition should be one of {list(expect.conditions)}; "
            f"ranked {conditions[:3]}"
        )

    for also in expect.also:
        assert also in conditions[:3], f"{who}: {also} not among the first three {conditions[:3]}"

    factors = _ids(result["factors"])
    for factor in expect.factors:
        assert factor in factors, f"{who}: factor {factor} not named; named {factors}"

    if expect.specialist:
        specialists = _ids(result["specialists"])
        allowed = list(expect.specialist)
        assert specialists, f"{who}: no specialist; expected one of {allowed}"
        assert specialists[0] in allowed, f"{who}: first specialist {specialists}, not in {allowed}"

    advice = _ids(result["advice"])
    for unsafe in expect.never_advise:
        assert unsafe not in advice, f"{who}: {unsafe} must never be advised here; advice {advice}"
    for wanted in expect.advise:
        withheld = _ids(result["withheld_advice"])
        assert wanted in advice, (
            f"{who}: {wanted} not advised; advice {advice}, withheld {withheld}"
        )


@pytest.mark.parametrize("way", WAYS)
def test_figures_meet_the_readme_target(
    way: str, public_cases: list[Case], runs: dict[str, dict[str, Run]]
) -> None:
    outcomes = [
        score(case, runs[way][case.id].assessment, questions=runs[way][case.id].questions)
        for case in public_cases
    ]
    result = figures(way, outcomes)
    failing = {o.case_id: o.reasons for o in outcomes if not o.passed}
    assert result.cases == len(CASE_IDS)
    # top-1 counts only the cases naming a condition (an id, a list or none).
    assert result.top1_scored == sum(bool(c.expect.conditions) for c in public_cases)
    assert result.triage_exact == 100.0, failing
    assert result.under_triage == 0, failing
    assert result.critical_under_triage == 0, failing
    assert result.over_triage == 0.0, failing
    assert result.top1 == 100.0, failing
    assert result.top3 == 100.0, failing
    assert result.factor_recall == 100.0, failing
    assert result.specialist == 100.0, failing
    assert result.advice_violations == 0, failing
    assert result.advice_missing == 0, failing
    if way == "interview":
        assert result.questions_median is not None
        assert result.questions_max is not None
        assert result.questions_median <= 15, [(o.case_id, o.questions) for o in outcomes]
        assert result.questions_max <= 30, [(o.case_id, o.questions) for o in outcomes]
    else:
        assert result.questions_median is None
