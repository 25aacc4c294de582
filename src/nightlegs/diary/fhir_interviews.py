"""The interviews saved in a diary, as FHIR: a ``QuestionnaireResponse`` each, a
LOINC-coded ``laboratory`` Observation per laboratory value given in it, and a
``MedicationStatement`` per medicine confirmed by name (coded in WHO ATC)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nightlegs.diary.fhir_codes import (
    DATA_ABSENT,
    LABORATORY,
    LOINC,
    QUESTIONNAIRE,
    SYSTEM,
    UCUM,
    UCUM_CODES,
    Ids,
    coding,
    observation,
)
from nightlegs.diary.fhir_medicines import statement
from nightlegs.diary.model import SavedInterview
from nightlegs.knowledge import KnowledgeBase

_REPORTED = (
    "Reported by the person in the nightlegs interview (as they read it "
    "from their laboratory result), converted to the unit shown."
)


def questionnaire_response(
    kb: KnowledgeBase, saved: SavedInterview, ids: Ids, subject: Mapping[str, str]
) -> dict[str, Any]:
    """The answers in the vocabulary's order of findings."""
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
        answer: dict[str, Any] = {"valueCoding": coding(DATA_ABSENT, "unknown", "Unknown")}
    elif isinstance(value, float | int):
        unit = definition.unit if definition is not None else None
        answer = (
            {"valueQuantity": {"value": value, "unit": unit}} if unit else {"valueDecimal": value}
        )
    elif value in ("present", "absent") and (definition is None or definition.type == "boolean"):
        answer = {"valueBoolean": value == "present"}
    else:
        answer = {"valueCoding": coding(f"{SYSTEM}/CodeSystem/{finding}", str(value))}
    item["answer"] = [answer]
    return item


def laboratory(
    kb: KnowledgeBase,
    saved: SavedInterview,
    response_url: str,
    ids: Ids,
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
        resource = observation(
            ids.id("Observation", key),
            LABORATORY,
            {"coding": [coding(LOINC, loinc)], "text": text},
            subject,
            issued=saved.saved_at.isoformat(),
            valueQuantity=quantity,
            derivedFrom=[{"reference": response_url}],
            note=[{"text": _REPORTED}],
        )
        found.append((ids.url("Observation", key), resource))
    return found


def medication_statements(
    saved: SavedInterview, response_url: str, ids: Ids, subject: Mapping[str, str]
) -> list[tuple[str, dict[str, Any]]]:
    """Each medicine confirmed by name: taken, as the person said, with its ATC code."""
    return [
        statement(
            ids,
            f"{saved.interview_id}/{medicine.atc}/{medicine.inn}",
            medicine,
            subject,
            response_url,
            status="active",
            when={"dateAsserted": saved.saved_at.isoformat()},
        )
        for medicine in saved.medicines or ()
    ]
