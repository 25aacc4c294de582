"""The diary's figures as assessment evidence, and what they do to triage (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from nightlegs.diary.evidence import DIARY_FINDINGS, evidence_from_summary, merge_with_interview
from nightlegs.diary.trends import summarise
from nightlegs.engine import assess
from tests.conftest import values
from tests.diary.synthetic import rising_severities, weekly_diary
from tests.profiles import RLS_MILD

AS_OF = dt.date(2026, 11, 22)
# Occasional mild restless legs (tests/cases/public.yaml, rls-mild-intermittent): self care.
SELF_CARE = values(RLS_MILD)


def level(kb, evidence) -> str:
    return assess(kb, evidence, "en").triage.level


def test_the_findings_are_in_the_vocabulary(kb):
    assert set(DIARY_FINDINGS) <= set(kb.findings)
    assert kb.findings["nights_per_week"].type == "number"
    assert kb.findings["worsening"].type == kb.findings["sleep_disturbance"].type == "boolean"


def test_the_case_is_self_care_on_its_own(kb):
    assert level(kb, SELF_CARE) == "self_care"


def test_three_nights_a_week_raise_triage_to_a_consultation(kb):
    # One night a week, no worsening, no sleep lost: severities flat and low.
    quiet = summarise(weekly_diary(AS_OF, weeks=12, days=(3,), severities=[3] * 12), AS_OF)
    evidence = evidence_from_summary(quiet)
    assert evidence == {
        "nights_per_week": 1.0,
        "worsening": "absent",
        "sleep_disturbance": "absent",
    }
    assert level(kb, merge_with_interview(SELF_CARE, evidence)) == "self_care"

    three = summarise(weekly_diary(AS_OF, severities=[3] * 24), AS_OF)
    evidence = evidence_from_summary(three)
    assert evidence["nights_per_week"] == pytest.approx(3.0)
    assert evidence["worsening"] == "absent"
    merged = merge_with_interview(SELF_CARE, evidence)
    assert merged["nights_per_week"] == pytest.approx(3.0)  # the diary wins
    assert level(kb, merged) == "consultation"


def test_worsening_alone_raises_triage(kb):
    rising = rising_severities(12, low=2, high=6)
    summary = summarise(weekly_diary(AS_OF, weeks=12, days=(3,), severities=rising), AS_OF)
    assert summary.regular is False
    assert summary.worsening is True
    evidence = evidence_from_summary(summary)
    assert evidence["worsening"] == "present"
    assert level(kb, merge_with_interview(SELF_CARE, evidence)) == "consultation"


def test_without_enough_nights_the_interview_stands(kb):
    summary = summarise(weekly_diary(AS_OF, weeks=1, days=(3,), severities=[4]), AS_OF)
    assert evidence_from_summary(summary) == {
        "nights_per_week": 1.0,
        "sleep_disturbance": "absent",
    }
    interview = {**SELF_CARE, "worsening": "present"}
    merged = merge_with_interview(interview, evidence_from_summary(summary))
    assert merged["worsening"] == "present"
    assert level(kb, merged) == "consultation"


def test_the_diary_only_ever_adds_to_the_interview():
    interview = {"nights_per_week": 4.0, "worsening": "present", "sleep_disturbance": "unknown"}
    diary = {"nights_per_week": 1.0, "worsening": "absent", "sleep_disturbance": "absent"}
    merged = merge_with_interview(interview, diary)
    assert merged == {"nights_per_week": 4.0, "worsening": "present", "sleep_disturbance": "absent"}
    raised = merge_with_interview({"nights_per_week": 1.0}, {"nights_per_week": 3.5})
    assert raised == {"nights_per_week": 3.5}


def test_a_stored_entry_gives_back_its_body() -> None:
    import datetime as dt

    from nightlegs.diary.model import EntryBody
    from nightlegs.services.diaries import StoredEntry

    body = EntryBody.model_validate(
        {"symptoms": ["cramp"], "episodes": 2, "severity": 6, "minutes_awake": 30}
    )
    now = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
    stored = StoredEntry(
        date=dt.date(2026, 10, 31),
        created_at=now,
        updated_at=now,
        **body.canonical().model_dump(),
    )
    assert stored.body() == body.canonical()
