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
- a provisional ``Condition`` per condition of the latest assessment, coded in
  WHO ICD-10 (``http://hl7.org/fhir/sid/icd-10``), ICD-10-CM
  (``http://hl7.org/fhir/sid/icd-10-cm``; a code that exists only there, such
  as G25.71, goes under this system alone) and SNOMED CT;
- a ``ServiceRequest`` (``draft``, ``proposal``) per test to discuss, with its
  LOINC code as well when the test is one laboratory value.

Local codes live under ``https://nightlegs.example/fhir/``: ``.example`` is a
domain reserved for examples (RFC 2606), so these names can never clash with
anyone's real code system; they do not resolve. Resource ids are UUIDs derived
from the diary id and the item, so exporting twice gives the same ids.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from nightlegs.diary.model import Entry, SavedInterview
from nightlegs.diary.trends import Summary, WeekFigures
from nightlegs.engine import Assessment
from nightlegs.knowledge import KnowledgeBase

__all__ = [
    "ICD10",
    "ICD10CM",
    "LOINC",
    "QUESTIONNAIRE",
    "SNOMED",
    "SYSTEM",
    "bundle",
]

SYSTEM = "https://nightlegs.example/fhir"
QUESTIONNAIRE = f"{SYSTEM}/Questionnaire/nightlegs"
DIARY_CODES = f"{SYSTEM}/CodeSystem/diary"
SYMPTOM_CODES = f"{SYSTEM}/CodeSystem/diary-symptom"
TRIGGER_CODES = f"{SYSTEM}/CodeSystem/diary-trigger"
MEASURE_CODES = f"{SYSTEM}/CodeSystem/diary-measure"
TEST_CODES = f"{SYSTEM}/CodeSystem/test"
ICD10 = "http://hl7.org/fhir/sid/icd-10"
ICD10CM = "http://hl7.org/fhir/sid/icd-10-cm"
LOINC = "http://loinc.org"
SNOMED = "http://snomed.info/sct"
UCUM = "http://unitsofmeasure.org"
OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
VERIFICATION_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
DATA_ABSENT = "http://terminology.hl7.org/CodeSystem/data-absent-reason"

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, SYSTEM)

#: UCUM codes of the vocabulary's laboratory units (a unit missing here is
#: exported as text, without a UCUM code).
UCUM_CODES = {
    "ug/L (= ng/mL)": "ug/L",
    "%": "%",
    "g/L": "g/L",
    "mmol/L": "mmol/L",
    "mL/min/1.73m2": "mL/min/{1.73_m2}",
    "mIU/L": "m[IU]/L",
    "pmol/L": "pmol/L",
}

#: Tests to discuss that are one laboratory value, and the finding whose LOINC
#: code (kb/units.yaml) they measure. Panels (iron, blood count, electrolytes,
#: glucose/HbA1c, kidney function) have no single code and get none.
TEST_FINDINGS = {"ferritin": "ferritin", "thyroid_function": "tsh", "vitamin_b12": "vitamin_b12"}

#: Tests with no finding of their own: CK is a test to discuss, not an answer.
#: 2157-6 is Creatine kinase [Enzymatic activity/volume] in Serum or Plasma,
#: checked as kb/CHANGELOG.md ("2026.11.1 — codes") describes.
TEST_LOINC = {"creatine_kinase": "2157-6"}

_DISPLAY = {
    "cramp": "Cramp",
    "urge_to_move": "Urge to move the legs",
    "pain_burning": "Pain or burning",
    "heaviness_swelling": "Heaviness or swelling",
    "caffeine": "Caffeine",
    "alcohol": "Alcohol",
    "long_sitting_standing": "Long sitting or standing",
    "unusual_exertion": "Unusual exertion",
    "new_medicine": "A new medicine",
    "stretching": "Stretching",
    "walking": "Walking",
    "warmth_massage": "Warmth or massage",
    "leg_elevation": "Raising the legs",
    "compression": "Compression",
    "medicine": "A medicine",
}


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
    ids = _Ids(diary_id)
    patient_url = ids.url("Patient", "subject")
    subject = {"reference": patient_url}
    items: list[tuple[str, dict[str, Any]]] = [
        (patient_url, {"resourceType": "Patient", "id": ids.id("Patient", "subject")})
    ]
    responses = []
    for saved in interviews:
        url = ids.url("QuestionnaireResponse", saved.interview_id)
        responses.append(url)
        items.append((url, _questionnaire_response(kb, saved, ids, subject)))
        items.extend(_laboratory(kb, saved, url, ids, subject))
    for entry in entries:
        key = entry.date.isoformat()
        items.append(
            (ids.url("Observation", key), _night(entry, ids.id("Observation", key), subject))
        )
    for week in summary.weeks:
        if week.recorded_nights:
            key = f"week-{week.start.isoformat()}"
            items.append(
                (ids.url("Observation", key), _week(week, ids.id("Observation", key), subject))
            )
    key = f"summary-{summary.as_of.isoformat()}"
    items.append(
        (ids.url("Observation", key), _summary(summary, ids.id("Observation", key), subject))
    )
    if assessment is not None:
        stamp = now.isoformat()
        evidence = [{"detail": [{"reference": responses[-1]}]}] if responses else []
        for condition in assessment.conditions:
            key = f"condition-{condition.id}"
            items.append(
                (
                    ids.url("Condition", key),
                    _condition(
                        assessment, condition, ids.id("Condition", key), subject, stamp, evidence
                    ),
                )
            )
        for test in assessment.tests:
            key = f"test-{test.id}"
            coding = [{"system": TEST_CODES, "code": test.id}]
            if loinc := loinc_of_test(kb, test.id):
                coding.append(_coding(LOINC, loinc))
            resource = {
                "resourceType": "ServiceRequest",
                "id": ids.id("ServiceRequest", key),
                "status": "draft",
                "intent": "proposal",
                "code": {"coding": coding, "text": test.name},
                "subject": subject,
                "authoredOn": stamp,
                "reasonCode": [{"text": test.why}],
            }
            items.append((ids.url("ServiceRequest", key), resource))
    return {
        "resourceType": "Bundle",
        "id": ids.id("Bundle", now.isoformat()),
        "type": "collection",
        "timestamp": now.isoformat(),
        "entry": [{"fullUrl": url, "resource": resource} for url, resource in items],
    }


class _Ids:
    def __init__(self, diary_id: str) -> None:
        self._diary = diary_id

    def id(self, kind: str, key: str) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{self._diary}/{kind}/{key}"))

    def url(self, kind: str, key: str) -> str:
        return f"urn:uuid:{self.id(kind, key)}"


def _coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    coding = {"system": system, "code": code}
    if display:
        coding["display"] = display
    return coding


def _concept(system: str, code: str, text: str) -> dict[str, Any]:
    return {"coding": [_coding(system, code, text)], "text": text}


def _quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def _component(code: str, text: str, **value: Any) -> dict[str, Any]:
    return {"code": _concept(DIARY_CODES, code, text), **value}


_SURVEY = [{"coding": [_coding(OBSERVATION_CATEGORY, "survey", "Survey")]}]
_LABORATORY = [{"coding": [_coding(OBSERVATION_CATEGORY, "laboratory", "Laboratory")]}]


def loinc_of_test(kb: KnowledgeBase, test_id: str) -> str | None:
    """The LOINC code of a test to discuss that is one laboratory value, if any."""
    if test_id in TEST_FINDINGS:
        return kb.loinc.get(TEST_FINDINGS[test_id])
    return TEST_LOINC.get(test_id)


def _laboratory(
    kb: KnowledgeBase,
    saved: SavedInterview,
    response_url: str,
    ids: _Ids,
    subject: Mapping[str, str],
) -> list[tuple[str, dict[str, Any]]]:
    """A LOINC-coded Observation per laboratory value given in a saved interview."""
    found = []
    for finding, loinc in kb.loinc.items():
        value = saved.values.get(finding)
        if isinstance(value, bool) or not isinstance(value, float | int):
            continue  # not given, or "I don't know"
        definition = kb.findings.get(finding)
        text = definition.means if definition is not None else finding
        unit = definition.unit if definition is not None else None
        quantity: dict[str, Any] = {"value": value}
        if unit:
            quantity["unit"] = unit
            if unit in UCUM_CODES:
                quantity |= {"system": UCUM, "code": UCUM_CODES[unit]}
        key = f"lab-{saved.interview_id}-{finding}"
        resource = {
            "resourceType": "Observation",
            "id": ids.id("Observation", key),
            "status": "final",
            "category": _LABORATORY,
            "code": {"coding": [_coding(LOINC, loinc)], "text": text},
            "subject": dict(subject),
            "issued": saved.saved_at.isoformat(),
            "valueQuantity": quantity,
            "derivedFrom": [{"reference": response_url}],
            "note": [
                {
                    "text": (
                        "Reported by the person in the nightlegs interview (as they read it "
                        "from their laboratory result), converted to the unit shown."
                    )
                }
            ],
        }
        found.append((ids.url("Observation", key), resource))
    return found


def _questionnaire_response(
    kb: KnowledgeBase, saved: SavedInterview, ids: _Ids, subject: Mapping[str, str]
) -> dict[str, Any]:
    order = {finding: index for index, finding in enumerate(kb.findings)}
    findings = sorted(saved.values, key=lambda f: (order.get(f, len(order)), f))
    return {
        "resourceType": "QuestionnaireResponse",
        "id": ids.id("QuestionnaireResponse", saved.interview_id),
        "questionnaire": f"{QUESTIONNAIRE}|{saved.kb_version}",
        "status": "completed" if saved.done else "in-progress",
        "subject": dict(subject),
        "authored": saved.saved_at.isoformat(),
        "item": [_answer_item(kb, finding, saved.values[finding]) for finding in findings],
    }


def _answer_item(kb: KnowledgeBase, finding: str, value: str | float) -> dict[str, Any]:
    definition = kb.findings.get(finding)
    item: dict[str, Any] = {"linkId": finding}
    if definition is not None:
        item["text"] = definition.means
    if value == "unknown":
        answer: dict[str, Any] = {"valueCoding": _coding(DATA_ABSENT, "unknown", "Unknown")}
    elif isinstance(value, float | int):
        unit = definition.unit if definition is not None else None
        answer = (
            {"valueQuantity": {"value": value, "unit": unit}} if unit else {"valueDecimal": value}
        )
    elif value in ("present", "absent") and (definition is None or definition.type == "boolean"):
        answer = {"valueBoolean": value == "present"}
    else:
        answer = {"valueCoding": _coding(f"{SYSTEM}/CodeSystem/{finding}", str(value))}
    item["answer"] = [answer]
    return item


def _night(entry: Entry, resource_id: str, subject: Mapping[str, str]) -> dict[str, Any]:
    components = [
        _component("severity", "Worst severity (0-10)", valueInteger=entry.severity),
        _component("episodes", "Episodes", valueInteger=entry.episodes),
        _component(
            "minutes-awake",
            "Time awake because of the legs",
            valueQuantity=_quantity(entry.minutes_awake, "min", "min"),
        ),
    ]
    for symptom in entry.symptoms:
        components.append(
            _component(
                "symptom",
                "Symptom",
                valueCodeableConcept=_concept(SYMPTOM_CODES, symptom, _DISPLAY[symptom]),
            )
        )
    for trigger in entry.triggers:
        components.append(
            _component(
                "trigger",
                "Possible trigger",
                valueCodeableConcept=_concept(TRIGGER_CODES, trigger, _DISPLAY[trigger]),
            )
        )
    for tried in entry.tried:
        components.append(
            {
                "code": _concept(
                    MEASURE_CODES, tried.measure, f"Tried: {_DISPLAY[tried.measure]}; it helped"
                ),
                "valueBoolean": tried.helped,
            }
        )
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": _SURVEY,
        "code": _concept(DIARY_CODES, "night", "Night leg symptoms (diary entry)"),
        "subject": dict(subject),
        "effectiveDateTime": entry.date.isoformat(),
        "valueBoolean": entry.has_symptoms,
        "component": components,
    }
    if entry.note:
        resource["note"] = [{"text": entry.note}]
    return resource


def _week(week: WeekFigures, resource_id: str, subject: Mapping[str, str]) -> dict[str, Any]:
    components = [
        _component("recorded-nights", "Nights recorded", valueInteger=week.recorded_nights),
        _component(
            "minutes-awake",
            "Time awake because of the legs",
            valueQuantity=_quantity(week.minutes_awake, "min", "min"),
        ),
    ]
    if week.mean_severity is not None:
        components.append(
            _component(
                "mean-severity",
                "Mean severity of the nights with symptoms (0-10)",
                valueQuantity=_quantity(round(week.mean_severity, 2), "score", "{score}"),
            )
        )
    if week.max_severity is not None:
        components.append(
            _component("max-severity", "Worst severity of the week", valueInteger=week.max_severity)
        )
    return {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": _SURVEY,
        "code": _concept(DIARY_CODES, "symptom-nights-week", "Nights with leg symptoms in a week"),
        "subject": dict(subject),
        "effectivePeriod": {"start": week.start.isoformat(), "end": week.end.isoformat()},
        "valueQuantity": _quantity(week.symptom_nights, "nights", "{nights}"),
        "component": components,
    }


def _summary(summary: Summary, resource_id: str, subject: Mapping[str, str]) -> dict[str, Any]:
    per_week = "nights a week (rate among recorded nights)"
    components = []
    if summary.nights_per_week_4w is not None:
        components.append(
            _component(
                "nights-per-week-4w",
                f"Symptom {per_week}, last 4 weeks",
                valueQuantity=_quantity(round(summary.nights_per_week_4w, 2), "/wk", "/wk"),
            )
        )
    if summary.nights_per_week_12w is not None:
        components.append(
            _component(
                "nights-per-week-12w",
                f"Symptom {per_week}, last 12 weeks",
                valueQuantity=_quantity(round(summary.nights_per_week_12w, 2), "/wk", "/wk"),
            )
        )
    for code, text, flag in (
        ("regular", "Regular: at least 2 symptom nights a week", summary.regular),
        ("worsening", "Worsening severity (Mann-Kendall p < 0.05)", summary.worsening),
        (
            "sleep-disturbance",
            "Awake because of the legs 2 nights a week or more",
            summary.sleep_disturbance,
        ),
    ):
        if flag is not None:
            components.append(_component(code, text, valueBoolean=flag))
    if summary.severity_slope is not None:
        components.append(
            _component(
                "severity-slope",
                "Severity trend, Theil-Sen slope (points a week)",
                valueQuantity=_quantity(round(summary.severity_slope, 3), "score/wk", "{score}/wk"),
            )
        )
    if summary.severity_slope_ci_low is not None and summary.severity_slope_ci_high is not None:
        components.append(
            _component(
                "severity-slope-ci",
                "95% confidence interval of the slope",
                valueRange={
                    "low": _quantity(
                        round(summary.severity_slope_ci_low, 3), "score/wk", "{score}/wk"
                    ),
                    "high": _quantity(
                        round(summary.severity_slope_ci_high, 3), "score/wk", "{score}/wk"
                    ),
                },
            )
        )
    if summary.severity_p_value is not None:
        components.append(
            _component(
                "severity-p-value",
                "Mann-Kendall two-sided p-value",
                valueQuantity=_quantity(round(summary.severity_p_value, 4), "1", "1"),
            )
        )
    return {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": _SURVEY,
        "code": _concept(DIARY_CODES, "diary-summary", "Night leg symptoms diary summary"),
        "subject": dict(subject),
        "effectivePeriod": {
            "start": summary.last_12_weeks.start.isoformat(),
            "end": summary.as_of.isoformat(),
        },
        "component": components,
    }


def _condition(
    assessment: Assessment,
    condition: Any,
    resource_id: str,
    subject: Mapping[str, str],
    stamp: str,
    evidence: list[dict[str, Any]],
) -> dict[str, Any]:
    codings = [
        _coding(system, code)
        for key, system in (("icd10", ICD10), ("icd10cm", ICD10CM), ("snomed", SNOMED))
        if (code := condition.codes.get(key))
    ]
    resource: dict[str, Any] = {
        "resourceType": "Condition",
        "id": resource_id,
        "verificationStatus": {
            "coding": [_coding(VERIFICATION_STATUS, "provisional", "Provisional")]
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
