"""Code systems, units and ids of the FHIR export, and the small JSON shapes
(Coding, CodeableConcept, Quantity, Observation) every resource is built from.

Local codes live under ``https://nightlegs.example/fhir/``: ``.example`` is a
domain reserved for examples (RFC 2606), so these names can never clash with
anyone's real code system; they do not resolve.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from nightlegs.knowledge import KnowledgeBase

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
#: The WHO ATC classification (the medicines confirmed by name).
ATC = "http://www.whocc.no/atc"
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

#: The English display of the diary's local codes (symptoms, triggers, measures).
DISPLAY = {
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


def loinc_of_test(kb: KnowledgeBase, test_id: str) -> str | None:
    """The LOINC code of a test to discuss that is one laboratory value, if any."""
    if test_id in TEST_FINDINGS:
        return kb.loinc.get(TEST_FINDINGS[test_id])
    return TEST_LOINC.get(test_id)


class Ids:
    """Resource ids as UUIDs derived from the diary id and the item, so that
    exporting twice gives the same ids."""

    def __init__(self, diary_id: str) -> None:
        self._diary = diary_id

    def id(self, kind: str, key: str) -> str:
        return str(uuid.uuid5(_NAMESPACE, f"{self._diary}/{kind}/{key}"))

    def url(self, kind: str, key: str) -> str:
        return f"urn:uuid:{self.id(kind, key)}"


def coding(system: str, code: str, display: str | None = None) -> dict[str, Any]:
    result = {"system": system, "code": code}
    if display:
        result["display"] = display
    return result


def concept(system: str, code: str, text: str) -> dict[str, Any]:
    return {"coding": [coding(system, code, text)], "text": text}


def quantity(value: float, unit: str, code: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": code}


def component(code: str, text: str, **value: Any) -> dict[str, Any]:
    """A component of a diary Observation, coded in the diary's own codes."""
    return {"code": concept(DIARY_CODES, code, text), **value}


SURVEY = [{"coding": [coding(OBSERVATION_CATEGORY, "survey", "Survey")]}]
LABORATORY = [{"coding": [coding(OBSERVATION_CATEGORY, "laboratory", "Laboratory")]}]


def observation(
    resource_id: str,
    category: list[dict[str, Any]],
    code: dict[str, Any],
    subject: Mapping[str, str],
    **fields: Any,
) -> dict[str, Any]:
    """A final Observation; ``fields`` follow the common ones in their order."""
    return {
        "resourceType": "Observation",
        "id": resource_id,
        "status": "final",
        "category": category,
        "code": code,
        "subject": dict(subject),
        **fields,
    }
