"""Score one assessment against one case (``tests/cases/README.md``, "Expect").

Pure: a case and an assessment (the engine's model or its JSON) in, an
:class:`Outcome` out.

- **triage**: exact, under (a lower level) or over (a higher level); an
  under-triage is *critical* when the expected level is ``emergency`` or
  ``emergency_ambulance``.
- **top-1**: the first condition is the expected one, or any one of them when
  ``condition`` is a list; ``condition: none`` means ``out_of_scope`` must be
  true. A case that leaves ``condition`` out expects no condition: its top-1
  is ``None`` (not scored) and does not count in the top-1 percentage.
- **top-3**: the expected condition (any one of a list; ``out_of_scope`` for
  ``none``) and every ``also`` condition are among the first three. A case
  without ``condition`` is scored for top-3 on its ``also`` conditions only,
  and not at all (``None``) when it has none.
- **factors**: every expected factor id is named (recall is counted per id).
- **specialist**: the first specialist is one of the allowed ones.
- **advice**: a ``never_advise`` id in ``advice`` is a safety violation (it may
  be withheld); an ``advise`` id not in ``advice`` is missing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, get_args

from nightlegs.engine.models import Assessment, Level
from nightlegs.evaluation.cases import Case, Expect

#: Triage levels, lowest first (the contract's order).
LEVELS: tuple[str, ...] = get_args(Level)
#: Under-triage of these is a critical failure.
CRITICAL_LEVELS = frozenset({"emergency", "emergency_ambulance"})

TriageResult = Literal["exact", "under", "over"]


@dataclass(frozen=True, slots=True)
class Outcome:
    case_id: str
    expected_triage: str
    triage: str
    triage_result: TriageResult
    #: An under-triage of an emergency.
    critical: bool
    #: None when the case expects no condition (``condition`` left out).
    top1: bool | None
    #: None when the case expects neither a condition nor ``also`` conditions.
    top3: bool | None
    factors_expected: int
    factors_found: int
    #: None when the case names no specialist.
    specialist: bool | None
    #: ``never_advise`` ids that were advised.
    violations: tuple[str, ...]
    #: ``advise`` ids that were not advised.
    missing_advice: tuple[str, ...]
    #: Questions answered (the interview way only).
    questions: int | None
    #: Why the case fails, one sentence per unmet expectation; empty when it passes.
    reasons: tuple[str, ...]

    @property
    def passed(self) -> bool:
        return not self.reasons


def score(
    case: Case,
    assessment: Assessment | Mapping[str, Any],
    *,
    questions: int | None = None,
    problems: Sequence[str] = (),
    levels: Sequence[str] = LEVELS,
) -> Outcome:
    """The outcome of ``case`` for ``assessment``; ``problems`` are extra failure
    reasons found on the way (for example by the interview)."""
    data: Mapping[str, Any] = (
        assessment.model_dump(mode="json") if isinstance(assessment, Assessment) else assessment
    )
    expect = case.expect
    # Each check adds its own failure reasons, in the order of the expectations.
    reasons: list[str] = []
    level = str(data["triage"]["level"])
    triage_result, critical = _triage(expect.triage, level, levels)
    if triage_result != "exact":
        what = "critical under-triage" if critical else f"{triage_result}-triage"
        reasons.append(f"triage {level}, expected {expect.triage} ({what})")
    top1, top3 = _top(expect, data, reasons)
    missing_factors = _missing_factors(expect, data, reasons)
    specialist = _specialist(expect, data, reasons)
    violations, missing_advice = _advice(expect, data, reasons)
    reasons.extend(problems)
    return Outcome(
        case_id=case.id,
        expected_triage=expect.triage,
        triage=level,
        triage_result=triage_result,
        critical=critical,
        top1=top1,
        top3=top3,
        factors_expected=len(expect.factors),
        factors_found=len(expect.factors) - len(missing_factors),
        specialist=specialist,
        violations=violations,
        missing_advice=missing_advice,
        questions=questions,
        reasons=tuple(reasons),
    )


def _top(
    expect: Expect, data: Mapping[str, Any], reasons: list[str]
) -> tuple[bool | None, bool | None]:
    """Top-1 and top-3 (None where the case expects nothing to score)."""
    ranked = [str(c["id"]) for c in data.get("conditions", [])]
    first_three = ranked[:3]
    shown = ", ".join(first_three) or "no conditions"
    out_of_scope = bool(data.get("out_of_scope", False))
    top1: bool | None = None
    main_in_three: bool | None = None
    if expect.out_of_scope:
        top1 = main_in_three = out_of_scope
        if not top1:
            reasons.append(f"out_of_scope is false, expected true (first three: {shown})")
    elif expect.conditions:
        top1 = bool(ranked) and ranked[0] in expect.conditions
        main_in_three = any(c in first_three for c in expect.conditions)
        if not top1:
            wanted = " or ".join(expect.conditions)
            reasons.append(f"first condition is not {wanted} (first three: {shown})")
    missing_also = [c for c in expect.also if c not in first_three]
    if missing_also:
        reasons.append(f"not among the first three: {', '.join(missing_also)} ({shown})")
    top3: bool | None = None
    if main_in_three is not None or expect.also:
        top3 = main_in_three is not False and not missing_also
    return top1, top3


def _missing_factors(expect: Expect, data: Mapping[str, Any], reasons: list[str]) -> list[str]:
    named = {str(f["id"]) for f in data.get("factors", [])}
    missing = [f for f in expect.factors if f not in named]
    if missing:
        reasons.append(
            f"factors missing: {', '.join(missing)} (named: {', '.join(sorted(named)) or 'none'})"
        )
    return missing


def _specialist(expect: Expect, data: Mapping[str, Any], reasons: list[str]) -> bool | None:
    if not expect.specialist:
        return None
    specialists = [str(s["id"]) for s in data.get("specialists", [])]
    right = bool(specialists) and specialists[0] in expect.specialist
    if not right:
        first = specialists[0] if specialists else "nobody"
        reasons.append(
            f"first specialist is {first}, expected one of {', '.join(expect.specialist)}"
        )
    return right


def _advice(
    expect: Expect, data: Mapping[str, Any], reasons: list[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``never_advise`` ids advised (violations) and the ``advise`` ids not advised."""
    advised = [str(a["id"]) for a in data.get("advice", [])]
    withheld = [str(a["id"]) for a in data.get("withheld_advice", [])]
    violations = tuple(a for a in expect.never_advise if a in advised)
    if violations:
        reasons.append(f"advice-safety violation: advised {', '.join(violations)}")
    missing = tuple(a for a in expect.advise if a not in advised)
    if missing:
        reasons.append(
            f"advice missing: {', '.join(missing)} "
            f"(advised: {', '.join(advised) or 'none'}; withheld: {', '.join(withheld) or 'none'})"
        )
    return violations, missing


def _triage(expected: str, got: str, levels: Sequence[str]) -> tuple[TriageResult, bool]:
    rank = {level: i for i, level in enumerate(levels)}
    if got not in rank or expected not in rank:
        raise ValueError(f"unknown triage level: {got if got not in rank else expected}")
    if rank[got] == rank[expected]:
        return "exact", False
    if rank[got] < rank[expected]:
        return "under", expected in CRITICAL_LEVELS
    return "over", False
