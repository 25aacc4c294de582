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

When an interview is saved in the diary, the diary can only add to what the
person said, never take it back (see :func:`merge_with_interview`): a quiet
diary does not lower the urgency of what the interview reported, and a trend
that is not significant is not proof that nothing is getting worse.
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
    """The interview's evidence, raised by the diary's findings where they say more.

    - ``nights_per_week``: the higher of the two;
    - ``worsening`` and ``sleep_disturbance``: the diary's ``present`` wins; its
      ``absent`` only fills in when the interview did not say (or said "I don't
      know"), so a recalled "yes" is never overruled by a quieter diary.
    """
    merged = dict(interview)
    for finding, value in diary.items():
        said = interview.get(finding)
        if isinstance(value, float):
            merged[finding] = max(value, said) if isinstance(said, float) else value
        elif value == "present" or said in (None, "unknown"):
            merged[finding] = value
    return merged
