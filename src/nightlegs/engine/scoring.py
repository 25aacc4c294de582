"""How likely each condition is, with the evidence for and against it."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from nightlegs.knowledge import schema
from nightlegs.knowledge.compiled import CompiledCondition, CompiledCriterion, KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN, EvalContext, Value

Likelihood = Literal["high", "moderate", "low"]
Status = Literal["met", "not_met", "unknown"]


@dataclass(frozen=True, slots=True)
class ConditionScore:
    condition: CompiledCondition
    probability: float
    likelihood: Likelihood
    criteria: tuple[tuple[CompiledCriterion, Status], ...]
    supporting: tuple[str, ...]
    against: tuple[str, ...]
    #: Listed only because one of its red-flag signs could not be ruled out.
    cannot_be_ruled_out: bool = False

    @property
    def id(self) -> str:
        return self.condition.id


def score_conditions(
    kb: KnowledgeBase, values: Mapping[str, Value]
) -> tuple[tuple[ConditionScore, ...], dict[str, float]]:
    """Score every condition.

    Returns the listed conditions, most likely first, and every probability."""
    ctx = EvalContext(values=values, predicates=kb.predicates)
    bands = kb.meta.likelihood
    caps = {"low": bands.cap_low, "moderate": bands.cap_moderate}
    listed: list[tuple[float, int, ConditionScore]] = []
    probabilities: dict[str, float] = {}
    for order, condition in enumerate(kb.conditions):
        logit, support, supporting, against = _weigh(condition, values, ctx)
        # Log-odds to a probability (the logistic function), inline: this loop is hot.
        probability = 1.0 / (1.0 + math.exp(-logit))
        probability, statuses = _criteria(condition, ctx, probability, caps)
        probabilities[condition.id] = probability
        if condition.hidden_when is not None and condition.hidden_when.test(ctx) is True:
            continue
        # Listed when the evidence *for* it alone reaches the floor: evidence
        # against moves its rank, never whether it is shown, so that an answer
        # "no" can never hide a condition that "I don't know" would show.
        if supporting and 1.0 / (1.0 + math.exp(-support)) >= bands.list_floor:
            likelihood, cannot_be_ruled_out = _likelihood(probability, bands), False
        elif any(values.get(f) == UNKNOWN for f in condition.source.unresolved_signs):
            # A red-flag sign answered "I don't know": the condition cannot be
            # ruled out and is named, whatever its score (policy v2, principle 2).
            likelihood, cannot_be_ruled_out = "low", True
        else:
            continue
        score = ConditionScore(
            condition,
            probability,
            likelihood,
            tuple(statuses),
            tuple(supporting),
            tuple(against),
            cannot_be_ruled_out=cannot_be_ruled_out,
        )
        listed.append((-probability, order, score))
    listed.sort(key=lambda item: (item[0], item[1]))
    return tuple(item[2] for item in listed), probabilities


def _weigh(
    condition: CompiledCondition, values: Mapping[str, Value], ctx: EvalContext
) -> tuple[float, float, list[str], list[str]]:
    """The condition's log-odds, the log-odds of the evidence for it alone, and
    the findings for and against it."""
    logit = support = condition.source.prior
    supporting: list[str] = []
    against: list[str] = []
    for feature in condition.features:
        weight = 0.0
        if feature.rule is None:
            value = values.get(feature.finding or "")
            if value is None or value == UNKNOWN:
                continue
            if value == "present":
                weight = feature.present
            elif value == "absent":
                weight = feature.absent
            elif isinstance(value, str):
                weight = feature.values.get(value, 0.0)
        elif feature.rule.test(ctx) is True:
            weight = feature.weight
        if weight > 0:
            support += weight
            supporting.extend(f for f in feature.findings if f not in supporting)
        elif weight < 0:
            against.extend(f for f in feature.findings if f not in against)
        logit += weight
    return logit, support, supporting, against


def _criteria(
    condition: CompiledCondition,
    ctx: EvalContext,
    probability: float,
    caps: Mapping[str, float],
) -> tuple[float, list[tuple[CompiledCriterion, Status]]]:
    """Each criterion's status, and the probability capped by the criteria not
    met (``required_cap``) or unknown (``unknown_cap``)."""
    statuses: list[tuple[CompiledCriterion, Status]] = []
    for criterion in condition.criteria:
        result = criterion.rule.test(ctx)
        status: Status = "met" if result is True else "not_met" if result is False else "unknown"
        statuses.append((criterion, status))
        cap = criterion.source.required_cap if result is False else None
        if result is None:
            cap = criterion.source.unknown_cap
        if cap is not None:
            probability = min(probability, caps[cap])
    return probability, statuses


def _likelihood(probability: float, bands: schema.Likelihood) -> Likelihood:
    if probability >= bands.high:
        return "high"
    return "moderate" if probability >= bands.moderate else "low"
