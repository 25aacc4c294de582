"""Scoring and figures on hand-made assessments: each expectation can fail on its own."""

from __future__ import annotations

from typing import Any

import pytest

from nightlegs.evaluation import Case, Expect
from nightlegs.evaluation.report import Report, WayReport, figures
from nightlegs.evaluation.scoring import score


def case(**expect: Any) -> Case:
    defaults: dict[str, Any] = {"triage": "consultation", "conditions": ("restless_legs_syndrome",)}
    return Case(id="tiny", about="", profile={}, expect=Expect(**{**defaults, **expect}))


def assessment(
    level: str = "consultation",
    conditions: tuple[str, ...] = ("restless_legs_syndrome",),
    *,
    out_of_scope: bool = False,
    factors: tuple[str, ...] = (),
    specialists: tuple[str, ...] = ("neurologist",),
    advice: tuple[str, ...] = (),
    withheld: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Only the fields scoring reads, in the contract's shape."""
    return {
        "triage": {"level": level},
        "conditions": [{"id": c} for c in conditions],
        "out_of_scope": out_of_scope,
        "factors": [{"id": f} for f in factors],
        "specialists": [{"id": s} for s in specialists],
        "advice": [{"id": a} for a in advice],
        "withheld_advice": [{"id": w} for w in withheld],
    }


def test_an_exact_match_passes() -> None:
    outcome = score(case(), assessment())
    assert outcome.passed
    assert outcome.triage_result == "exact"
    assert outcome.top1
    assert outcome.top3
    assert outcome.reasons == ()


@pytest.mark.parametrize(
    ("expected", "got", "result", "critical"),
    [
        ("consultation", "self_care", "under", False),
        ("consultation_24", "consultation", "under", False),
        ("emergency", "consultation_24", "under", True),
        ("emergency_ambulance", "emergency", "under", True),
        ("emergency_ambulance", "self_care", "under", True),
        ("self_care", "consultation", "over", False),
        ("emergency", "emergency_ambulance", "over", False),
        ("emergency", "emergency", "exact", False),
    ],
)
def test_triage_is_under_over_or_exact_and_critical_only_below_an_emergency(
    expected: str, got: str, result: str, critical: bool
) -> None:
    outcome = score(case(triage=expected), assessment(level=got))
    assert outcome.triage_result == result
    assert outcome.critical is critical
    assert outcome.passed is (result == "exact")
    if critical:
        assert "critical under-triage" in outcome.reasons[0]


def test_the_first_condition_must_be_the_expected_one() -> None:
    outcome = score(
        case(), assessment(conditions=("nocturnal_leg_cramps", "restless_legs_syndrome"))
    )
    assert not outcome.top1
    assert outcome.top3  # still among the first three
    assert any("first condition" in r for r in outcome.reasons)


def test_condition_none_requires_out_of_scope() -> None:
    none = case(conditions=("none",))
    assert score(none, assessment(conditions=(), out_of_scope=True)).top1
    outcome = score(none, assessment(conditions=("restless_legs_syndrome",)))
    assert not outcome.top1
    assert not outcome.top3
    assert any("out_of_scope" in r for r in outcome.reasons)


LIST = ("acute_limb_ischaemia", "peripheral_artery_disease")


@pytest.mark.parametrize("first", LIST)
def test_any_condition_of_a_list_first_is_right(first: str) -> None:
    outcome = score(case(conditions=LIST), assessment(conditions=(first, "cellulitis")))
    assert outcome.top1
    assert outcome.top3
    assert outcome.passed


def test_a_list_fails_top1_when_none_of_it_is_first_and_top3_when_none_is_in_three() -> None:
    second = score(
        case(conditions=LIST), assessment(conditions=("cellulitis", "peripheral_artery_disease"))
    )
    assert second.top1 is False
    assert second.top3 is True
    assert second.reasons == (
        "first condition is not acute_limb_ischaemia or peripheral_artery_disease "
        "(first three: cellulitis, peripheral_artery_disease)",
    )
    ranked = ("cellulitis", "deep_vein_thrombosis", "chronic_venous_disease", *LIST)
    fourth = score(case(conditions=LIST), assessment(conditions=ranked))
    assert fourth.top1 is False
    assert fourth.top3 is False


def test_a_case_without_a_condition_is_not_scored_for_top1_or_top3() -> None:
    for ranked, out_of_scope in ((("cellulitis",), False), ((), True), ((), False)):
        outcome = score(
            case(conditions=()), assessment(conditions=ranked, out_of_scope=out_of_scope)
        )
        assert outcome.top1 is None
        assert outcome.top3 is None
        assert outcome.passed


def test_a_case_without_a_condition_is_still_scored_on_its_also_conditions() -> None:
    expect = {"conditions": (), "also": ("cellulitis",)}
    hit = score(case(**expect), assessment(conditions=("deep_vein_thrombosis", "cellulitis")))
    assert (hit.top1, hit.top3, hit.passed) == (None, True, True)
    miss = score(case(**expect), assessment(conditions=("deep_vein_thrombosis",)))
    assert (miss.top1, miss.top3, miss.passed) == (None, False, False)


def test_top_percentages_count_only_the_cases_with_an_expectation() -> None:
    outcomes = [
        score(case(), assessment()),  # top-1 right
        score(case(), assessment(conditions=("nocturnal_leg_cramps",))),  # top-1 and top-3 wrong
        score(case(conditions=()), assessment(conditions=("cellulitis",))),  # not scored
        score(case(conditions=()), assessment(conditions=())),  # not scored
    ]
    result = figures("direct", outcomes)
    assert result.cases == 4
    assert (result.top1_right, result.top1_scored, result.top1) == (1, 2, 50.0)
    assert (result.top3_right, result.top3_scored, result.top3) == (1, 2, 50.0)
    assert "top-1 50.0 % (1/2), top-3 50.0 % (1/2)" in result.summary()
    assert ("top-1", "50.0 % (1/2)") in result.rows()
    cases = Report("x", (WayReport(result, tuple(outcomes)),)).to_json()["ways"]["direct"]["cases"]
    assert [c["top1"] for c in cases] == [True, False, None, None]
    unscored = figures("direct", outcomes[2:])
    assert (unscored.top1_scored, unscored.top1) == (0, 100.0)


def test_also_conditions_must_be_among_the_first_three() -> None:
    ranked = ("chronic_venous_disease", "restless_legs_syndrome", "peripheral_neuropathy")
    expect = {"conditions": ("chronic_venous_disease",), "also": ("nocturnal_leg_cramps",)}
    outcome = score(case(**expect), assessment(conditions=(*ranked, "nocturnal_leg_cramps")))
    assert outcome.top1
    assert not outcome.top3
    assert any("nocturnal_leg_cramps" in r for r in outcome.reasons)
    assert score(case(**expect), assessment(conditions=(ranked[0], "nocturnal_leg_cramps"))).top3


def test_every_expected_factor_counts_towards_recall() -> None:
    outcome = score(
        case(factors=("medication", "iron_deficiency")), assessment(factors=("medication",))
    )
    assert (outcome.factors_found, outcome.factors_expected) == (1, 2)
    assert not outcome.passed
    complete = score(case(factors=("medication",)), assessment(factors=("medication", "caffeine")))
    assert figures("direct", [outcome, complete]).factor_recall == pytest.approx(66.7)


def test_the_first_specialist_must_be_allowed() -> None:
    allowed = ("neurologist", "family_doctor")
    assert score(case(specialist=allowed), assessment(specialists=("family_doctor",))).specialist
    second = score(
        case(specialist=allowed), assessment(specialists=("phlebologist", "neurologist"))
    )
    assert second.specialist is False
    assert score(case(specialist=allowed), assessment(specialists=())).specialist is False
    assert score(case(), assessment(specialists=())).specialist is None  # nothing expected


def test_never_advise_in_advice_is_a_violation_but_withheld_is_fine() -> None:
    expect = {"never_advise": ("compression_stockings", "warmth_massage")}
    advised = score(case(**expect), assessment(advice=("walking", "compression_stockings")))
    assert advised.violations == ("compression_stockings",)
    assert not advised.passed
    withheld = score(case(**expect), assessment(withheld=("compression_stockings",)))
    assert withheld.violations == ()
    assert withheld.passed


def test_advise_must_be_in_advice_not_withheld() -> None:
    outcome = score(case(advise=("calf_stretch",)), assessment(withheld=("calf_stretch",)))
    assert outcome.missing_advice == ("calf_stretch",)
    assert outcome.violations == ()
    assert not outcome.passed


def test_problems_found_on_the_way_fail_the_case() -> None:
    outcome = score(case(), assessment(), problems=["asked again after an answer: age"])
    assert not outcome.passed
    assert outcome.reasons == ("asked again after an answer: age",)


def test_figures_aggregate_per_way() -> None:
    outcomes = [
        score(case(), assessment(), questions=10),
        score(case(triage="emergency"), assessment(level="consultation"), questions=14),
        score(case(triage="self_care"), assessment(level="consultation"), questions=30),
        score(
            case(never_advise=("warmth_massage",), specialist=("neurologist",)),
            assessment(advice=("warmth_massage",), specialists=("family_doctor",)),
            questions=12,
        ),
    ]
    result = figures("interview", outcomes)
    assert result.cases == 4
    assert result.triage_exact == 50.0
    assert result.under_triage == 1
    assert result.critical_under_triage == 1
    assert result.over_triage == 25.0
    assert result.top1 == 100.0
    assert (result.top1_right, result.top1_scored) == (4, 4)
    assert result.specialist == 0.0  # one case names a specialist, and it is missed
    assert result.advice_violations == 1
    assert result.failing == 3
    assert result.questions_median == 13
    assert result.questions_max == 30
    assert not result.safe
    line = result.summary()
    assert line.startswith("interview: triage exact 50.0 %")
    assert "critical under-triage 1" in line
    assert "questions median 13 max 30" in line
