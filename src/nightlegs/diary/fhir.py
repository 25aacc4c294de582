"""A diary as a FHIR R4B ``Bundle`` of type ``collection`` (pure: data in, JSON out).

The bundle holds:

- a ``Patient`` without any data: the diary keeps no personal identifiers,
  but Conditions and ServiceRequests must name a subject;
- a ``QuestionnaireResponse`` per interview saved in the diary (items: the
  findings with their answers; questionnaire
  ``https://nightlegs.example/fhir/Questionnaire/nightlegs|<kb version>``);
- a ``laboratory`` ``Observation`` per laboratory value the person gave in a
  saved interview, coded in LOINC (``kb/units.yaml``; the value is in the
  vocabulary's unit, in UCUM), derived from that interview's response;
- an ``Observation`` per night (value: any symptoms; components: severity,
  episodes, minutes awake, each symptom, trigger and measure tried), one per
  week with entries (symptom nights, recorded nights, severity) and one with
  the diary's summary (nights a week, regular, worsening, the severity slope
  with its interval and p-value, sleep disturbance);
- after each night's Observation, a ``MedicationStatement`` per medicine noted
  that night (WHO ATC, dated by the night, derived from that Observation);
- a provisional ``Condition`` per condition of the latest assessment, coded in
  WHO ICD-10 (``http://hl7.org/fhir/sid/icd-10``), ICD-10-CM
  (``http://hl7.org/fhir/sid/icd-10-cm``; a code that exists only there, such
  as G25.71, goes under this system alone) and SNOMED CT;
- a ``ServiceRequest`` (``draft``, ``proposal``) per test to discuss, with its
  LOINC code as well when the test is one laboratory value.

Resource ids are UUIDs derived from the diary id and the item, so exporting
twice gives the same ids. The code systems, units and ids are in
:mod:`nightlegs.diary.fhir_codes`; the resources in :mod:`~nightlegs.diary.fhir_interviews`
(interviews), :mod:`~nightlegs.diary.fhir_observations` (the diary's figures),
:mod:`~nightlegs.diary.fhir_medicines` (the nights' medicines) and here (the latest
assessment's conditions and tests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

from nightlegs.diary import fhir_interviews, fhir_medicines, fhir_observations
from nightlegs.diary.fhir_codes import (
    ICD10,
    ICD10CM,
    LOINC,
    QUESTIONNAIRE,
    SNOMED,
    SYSTEM,
    TEST_CODES,
    TEST_LOINC,
    UCUM_CODES,
    VERIFICATION_STATUS,
    Ids,
    coding,
    loinc_of_test,
)
from nightlegs.diary.model import Entry, SavedInterview
from nightlegs.diary.trends import Summary
from nightlegs.engine import Assessment
from nightlegs.engine.models import ConditionOut, Test
from nightlegs.knowledge import KnowledgeBase

__all__ = [
    "ICD10",
    "ICD10CM",
    "LOINC",
    "QUESTIONNAIRE",
    "SNOMED",
    "SYSTEM",
    "TEST_LOINC",
    "UCUM_CODES",
    "bundle",
    "loinc_of_test",
]

#: A bundle entry: its ``fullUrl`` and its resource.
Item = tuple[str, dict[str, Any]]


def bundle(
    *,
    kb: KnowledgeBase,
    diary_id: str,
    entries: Sequence[Entry],
    summary: Summary,
    interviews: Sequence[SavedInterview],
    assessment: Assessment | None,
    now: dt.datetime,
) -> dict[str, Any]:
    """The diary's FHIR R4B Bundle as JSON-ready data."""
    ids = Ids(diary_id)
    patient_url = ids.url("Patient", "subject")
    subject = {"reference": patient_url}
    items: list[Item] = [
        (patient_url, {"resourceType": "Patient", "id": ids.id("Patient", "subject")})
    ]
    items.extend(_interviews(kb, interviews, ids, subject))
    items.extend(_diary(entries, summary, ids, subject))
    if assessment is not None:
        # The conditions rest on the answers of the latest interview saved.
        latest = [ids.url("QuestionnaireResponse", s.interview_id) for s in interviews[-1:]]
        evidence = [{"detail": [{"reference": url}]} for url in latest]
        items.extend(_assessment(kb, assessment, evidence, ids, subject, now.isoformat()))
    return {
        "resourceType": "Bundle",
        "id": ids.id("Bundle", now.isoformat()),
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in items],
    }


def _interviews(
    kb: KnowledgeBase,
    interviews: Sequence[SavedInterview],
    ids: Ids,
    subject: Mapping[str, str],
) -> list[Item]:
    """Each saved interview's QuestionnaireResponse, then its laboratory values."""
    items: list[Item] = []
    for saved in interviews:
        url = ids.url("QuestionnaireResponse", saved.interview_id)
        items.append((url, fhir_interviews.questionnaire_response(kb, saved, ids, subject)))
        items.extend(fhir_interviews.laboratory(kb, saved, url, ids, subject))
        items.extend(fhir_interviews.medication_statements(saved, url, ids, subject))
    return items


def _diary(
    entries: Sequence[Entry], summary: Summary, ids: Ids, subject: Mapping[str, str]
) -> list[Item]:
    """An Observation per night (with its medicines), per week with entries, and the
    summary's."""
    items: list[Item] = []
    for entry in entries:
        key = entry.date.isoformat()
        resource = fhir_observations.night(entry, ids.id("Observation", key), subject)
        items.append((ids.url("Observation", key), resource))
        items.extend(
            fhir_medicines.night_statements(entry, ids.url("Observation", key), ids, subject)
        )
    for week in summary.weeks:
        if week.recorded_nights:
            key = f"week-{week.start.isoformat()}"
            resource = fhir_observations.week(week, ids.id("Observation", key), subject)
            items.append((ids.url("Observation", key), resource))
    key = f"summary-{summary.as_of.isoformat()}"
    resource = fhir_observations.summary(summary, ids.id("Observation", key), subject)
    items.append((ids.url("Observation", key), resource))
    return items


def _assessment(
    kb: KnowledgeBase,
    assessment: Assessment,
    evidence: list[dict[str, Any]],
    ids: Ids,
    subject: Mapping[str, str],
    stamp: str,
) -> list[Item]:
    """A provisional Condition per condition listed, a ServiceRequest per test."""
    items: list[Item] = []
    for condition in assessment.conditions:
        key = f"condition-{condition.id}"
        resource = _condition(
            assessment, condition, ids.id("Condition", key), subject, stamp, evidence
        )
        items.append((ids.url("Condition", key), resource))
    for test in assessment.tests:
        key = f"test-{test.id}"
        resource = _service_request(kb, test, ids.id("ServiceRequest", key), subject, stamp)
        items.append((ids.url("ServiceRequest", key), resource))
    return items


def _condition(
    assessment: Assessment,
    condition: ConditionOut,
    resource_id: str,
    subject: Mapping[str, str],
    stamp: str,
    evidence: list[dict[str, Any]],
) -> dict[str, Any]:
    """Coded in WHO ICD-10, ICD-10-CM (a code that exists only there goes under
    this system alone) and SNOMED CT; provisional, never a diagnosis."""
    codings = [
        coding(system, code)
        for key, system in (("icd10", ICD10), ("icd10cm", ICD10CM), ("snomed", SNOMED))
        if (code := condition.codes.get(key))
    ]
    resource: dict[str, Any] = {
        "resourceType": "Condition",
        "id": resource_id,
        "verificationStatus": {
            "coding": [coding(VERIFICATION_STATUS, "provisional", "Provisional")]
        },
        "code": {"coding": codings, "text": condition.name},
        "subject": dict(subject),
        "recordedDate": stamp,
        "note": [
            {
                "text": (
                    f"Likelihood {condition.likelihood} from the nightlegs assessment "
                    f"(knowledge base {assessment.kb_version}); not a diagnosis, to discuss "
                    "with a doctor."
                )
            }
        ],
    }
    if evidence:
        resource["evidence"] = evidence
    return resource


def _service_request(
    kb: KnowledgeBase, test: Test, resource_id: str, subject: Mapping[str, str], stamp: str
) -> dict[str, Any]:
    """A test to discuss: a draft proposal, with its LOINC code when it is one value."""
    codings = [{"system": TEST_CODES, "code": test.id}]
    if loinc := loinc_of_test(kb, test.id):
        codings.append(coding(LOINC, loinc))
    return {
        "resourceType": "ServiceRequest",
        "id": resource_id,
        "status": "draft",
        "intent": "proposal",
        "code": {"coding": codings, "text": test.name},
        "subject": subject,
        "authoredOn": stamp,
        "reasonCode": [{"text": test.why}],
    }
