"""The FHIR export's codes: LOINC on every laboratory value, WHO ICD-10 and ICD-10-CM
each under its own system (kb/CHANGELOG.md, "2026.11.1 — codes")."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from ruamel.yaml import YAML

from nightlegs.diary import fhir
from nightlegs.diary.model import SavedInterview
from nightlegs.diary.trends import summarise
from nightlegs.engine import Assessment, assess
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import Value
from tests.conftest import CASES_FILE, values

NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)

#: A value for every laboratory finding, in the vocabulary's unit.
LABS: dict[str, float] = {
    "ferritin": 40,
    "tsat": 18,
    "haemoglobin": 128,
    "magnesium": 0.8,
    "potassium": 4.1,
    "calcium": 2.3,
    "hba1c": 6.1,
    "fasting_glucose": 5.4,
    "egfr": 72,
    "tsh": 2.1,
    "vitamin_b12": 260,
}

#: The codes checked against the published LOINC table (kb/CHANGELOG.md).
CHECKED = {
    "ferritin": "2276-4",
    "tsat": "2502-3",
    "haemoglobin": "718-7",
    "magnesium": "2601-3",
    "potassium": "2823-3",
    "calcium": "2000-8",
    "hba1c": "4548-4",
    "fasting_glucose": "14771-0",
    "egfr": "98979-8",
    "tsh": "3016-3",
    "vitamin_b12": "14685-2",
}


def loinc_check_digit(code: str) -> bool:
    """LOINC's mod-10 check digit (the digit after the hyphen)."""
    number, _, check = code.partition("-")
    total = 0
    for position, digit in enumerate(reversed(number)):
        value = int(digit) * (2 if position % 2 == 0 else 1)
        total += value // 10 + value % 10
    return check == str((10 - total % 10) % 10)


def case_values(case: str) -> dict[str, Value]:
    cases = YAML(typ="safe").load(CASES_FILE.read_text(encoding="utf-8"))
    return values(next(c["profile"] for c in cases if c["id"] == case))


def saved(evidence: dict[str, Value], interview_id: str = "interview-1") -> SavedInterview:
    return SavedInterview(
        interview_id=interview_id,
        language="en",
        values={k: v for k, v in evidence.items() if isinstance(v, str | float | int)},
        done=True,
        kb_version="2026.11.0",
        interview_created_at=NOW - dt.timedelta(minutes=10),
        saved_at=NOW - dt.timedelta(minutes=5),
    )


def export(
    kb: KnowledgeBase, evidence: dict[str, Value], assessment: Assessment | None
) -> dict[str, Any]:
    data = fhir.bundle(
        kb=kb,
        diary_id="diary-1",
        entries=[],
        summary=summarise([], NOW.date()),
        interviews=[saved(evidence)],
        assessment=assessment,
        now=NOW,
    )
    Bundle.model_validate(data)  # a valid FHIR R4B bundle
    return data


def resources(data: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in data["entry"] if e["resource"]["resourceType"] == kind]


def laboratory(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        o
        for o in resources(data, "Observation")
        if o["category"][0]["coding"][0]["code"] == "laboratory"
    ]


def test_every_laboratory_finding_has_its_checked_loinc_code(kb: KnowledgeBase) -> None:
    assert set(kb.loinc) == set(kb.units)  # every value with units has a code
    assert kb.loinc == CHECKED
    for code in (*kb.loinc.values(), *fhir.TEST_LOINC.values()):
        assert loinc_check_digit(code), code
    assert not loinc_check_digit("2601-4")  # the check digit is checked


def test_every_laboratory_unit_has_a_ucum_code(kb: KnowledgeBase) -> None:
    for finding in kb.loinc:
        assert kb.findings[finding].unit in fhir.UCUM_CODES, finding


def test_each_laboratory_value_is_a_loinc_coded_observation(kb: KnowledgeBase) -> None:
    evidence: dict[str, Value] = {**case_values("rls-classic"), **LABS}
    data = export(kb, evidence, assess(kb, evidence, "en"))
    observations = {o["code"]["coding"][0]["code"]: o for o in laboratory(data)}
    assert set(observations) == set(CHECKED.values())
    (response,) = [
        e for e in data["entry"] if e["resource"]["resourceType"] == "QuestionnaireResponse"
    ]
    for finding, code in CHECKED.items():
        observation = observations[code]
        assert observation["code"]["coding"] == [{"system": "http://loinc.org", "code": code}]
        assert observation["code"]["text"] == kb.findings[finding].means
        assert observation["status"] == "final"
        quantity = observation["valueQuantity"]
        assert quantity["value"] == LABS[finding]
        assert quantity["system"] == "http://unitsofmeasure.org"
        assert quantity["code"] == fhir.UCUM_CODES[kb.findings[finding].unit]
        assert observation["derivedFrom"] == [{"reference": response["fullUrl"]}]
    assert observations["2823-3"]["valueQuantity"]["code"] == "mmol/L"  # moles, not mass
    assert observations["14685-2"]["valueQuantity"]["code"] == "pmol/L"
    assert observations["98979-8"]["valueQuantity"]["code"] == "mL/min/{1.73_m2}"
    assert observations["3016-3"]["valueQuantity"]["code"] == "m[IU]/L"


def test_an_unknown_laboratory_value_is_not_an_observation(kb: KnowledgeBase) -> None:
    evidence: dict[str, Value] = {
        **case_values("rls-classic"),
        "ferritin": "unknown",
        "potassium": 3.2,
    }
    data = export(kb, evidence, None)
    assert [o["code"]["coding"][0]["code"] for o in laboratory(data)] == ["2823-3"]


def test_laboratory_observations_have_stable_ids(kb: KnowledgeBase) -> None:
    evidence: dict[str, Value] = {**case_values("rls-classic"), **LABS}
    first = [e["fullUrl"] for e in export(kb, evidence, None)["entry"]]
    assert first == [e["fullUrl"] for e in export(kb, evidence, None)["entry"]]


def test_icd10_cm_only_code_goes_under_the_cm_system(kb: KnowledgeBase) -> None:
    evidence = case_values("akathisia")
    assessment = assess(kb, evidence, "en")
    assert assessment.conditions[0].id == "drug_induced_akathisia"
    assert "icd10" not in assessment.conditions[0].codes
    data = export(kb, evidence, assessment)
    conditions = {c["code"]["text"]: c for c in resources(data, "Condition")}
    akathisia = conditions[assessment.conditions[0].name]
    systems = {c["system"]: c["code"] for c in akathisia["code"]["coding"]}
    assert systems["http://hl7.org/fhir/sid/icd-10-cm"] == "G25.71"
    assert "http://hl7.org/fhir/sid/icd-10" not in systems


def test_who_and_cm_codes_each_under_their_own_system(kb: KnowledgeBase) -> None:
    evidence = case_values("rls-classic")
    assessment = assess(kb, evidence, "en")
    data = export(kb, evidence, assessment)
    rls = next(
        c
        for c in resources(data, "Condition")
        if c["code"]["text"] == assessment.conditions[0].name
    )
    assert assessment.conditions[0].id == "restless_legs_syndrome"
    codings = {(c["system"], c["code"]) for c in rls["code"]["coding"]}
    assert ("http://hl7.org/fhir/sid/icd-10", "G25.8") in codings
    assert ("http://hl7.org/fhir/sid/icd-10-cm", "G25.81") in codings
    assert ("http://hl7.org/fhir/sid/icd-10", "G25.81") not in codings


@pytest.mark.parametrize(
    ("test_id", "code"),
    [
        ("ferritin", "2276-4"),
        ("thyroid_function", "3016-3"),
        ("vitamin_b12", "14685-2"),
        ("creatine_kinase", "2157-6"),
        ("iron_panel", None),  # a panel has no single code
        ("blood_count", None),
    ],
)
def test_a_test_to_discuss_that_is_one_value_has_its_loinc_code(
    kb: KnowledgeBase, test_id: str, code: str | None
) -> None:
    assert test_id in kb.test_names
    assert fhir.loinc_of_test(kb, test_id) == code


def test_service_requests_carry_the_loinc_code(kb: KnowledgeBase) -> None:
    evidence = case_values("rls-low-ferritin-ssri")
    assessment = assess(kb, evidence, "en")
    data = export(kb, evidence, assessment)
    requests = {
        r["code"]["coding"][0]["code"]: r["code"]["coding"]
        for r in resources(data, "ServiceRequest")
    }
    assert requests["ferritin"][1] == {"system": "http://loinc.org", "code": "2276-4"}
    assert len(requests["iron_panel"]) == 1
