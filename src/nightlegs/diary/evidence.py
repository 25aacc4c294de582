"""A diary's figures as evidence for the assessment (pure).

Three findings of the vocabulary come from the diary, each only when the
diary holds enough to say (else it is left out, and whatever the interview
said stands):

- ``nights_per_week`` ("average over the last month"): the summary's
  ``nights_per_week_4w``, unrounded (so the assessment and the summary's
  ``regular`` always agree about the threshold);
- ``worsening``: ``present`` or ``absent`` from the severity trend of the
  last 12 weeks;
- ``sleep_disturbance``: ``present`` or ``absent`` from the nights awake
  because of the legs over the last 4 weeks.

When an interview is saved in the diary, these replace its answers for the
same findings (the diary was written night by night; the interview is
recalled): see :func:`merge_with_interview`.
"""

from __future__ import annotations

from collections.abc import Mapping

from nightlegs.diary.trends import Summary
from nightlegs.knowledge.expressions import Value

__all__ = ["DIARY_FINDINGS", "evidence_from_summary", "merge_with_interview"]

DIARY_FINDINGS = ("nights_per_week", "worsening", "sleep_disturbance")


def evidence_from_summary(summary: Summary) -> dict[str, Value]:
    """The findings the diary can give, normalised as the engine takes them."""
    evidence: dict[str, Value] = {}
    if summary.nights_per_week_4w is not None:
        evidence["nights_per_week"] = min(7.0, summary.nights_per_week_4w)
    if summary.worsening is not None:
        evidence["worsening"] = "present" if summary.worsening else "absent"
    if summary.sleep_disturbance is not None:
        evidence["sleep_disturbance"] = "present" if summary.sleep_disturbance else "absent"
    return evidence


def merge_with_interview(
    interview: Mapping[str, Value], diary: Mapping[str, Value]
) -> dict[str, Value]:
    """The interview's evidence with the diary's findings in place of its own."""
    return {**interview, **diary}
