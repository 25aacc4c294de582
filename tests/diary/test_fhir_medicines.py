"""The medicines confirmed by name in a saved interview: a MedicationStatement each in
the FHIR export, coded in WHO ATC, pointing at the interview's answers."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationstatement import MedicationStatement
from starlette.testclient import TestClient

from nightlegs.diary import fhir
from nightlegs.diary.fhir_codes import ATC
from nightlegs.diary.model import SavedInterview, SavedMedicine
from nightlegs.diary.trends import summarise
from nightlegs.knowledge import KnowledgeBase
from nightlegs.store.models import Interview
from tests.diary.conftest import Diary
from tests.fixtures.databases import app_sessions

NOW = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
MEDICINES = [
    SavedMedicine(inn="furosemide", atc="C03CA01"),
    SavedMedicine(inn="atorvastatin", atc="C10AA05"),
]


def saved(medicines: list[SavedMedicine] | None) -> SavedInterview:
    return SavedInterview(
        interview_id="interview-1",
        language="uk",
        values={"med_loop_diuretic": "present", "med_statin": "present"},
        done=True,
        kb_version="2026.11.0",
        medicines=medicines,
        interview_created_at=NOW - dt.timedelta(minutes=10),
        saved_at=NOW - dt.timedelta(minutes=5),
    )


def export(kb: KnowledgeBase, interview: SavedInterview) -> dict[str, Any]:
    data = fhir.bundle(
        kb=kb,
        diary_id="diary-1",
        entries=[],
        summary=summarise([], NOW.date()),
        interviews=[interview],
        assessment=None,
        now=NOW,
    )
    Bundle.model_validate(data)
    return data


def statements(data: dict[str, Any]) -> list[dict[str, Any]]:
    entries = data["entry"]
    assert isinstance(entries, list)
    return [
        e["resource"] for e in entries if e["resource"]["resourceType"] == "MedicationStatement"
    ]


def test_each_medicine_named_is_an_atc_coded_statement(kb: KnowledgeBase) -> None:
    data = export(kb, saved(MEDICINES))
    found = statements(data)
    assert len(found) == 2
    entries = data["entry"]
    assert isinstance(entries, list)
    response = next(
        e["fullUrl"] for e in entries if e["resource"]["resourceType"] == "QuestionnaireResponse"
    )
    for statement, medicine in zip(found, MEDICINES, strict=True):
        MedicationStatement.model_validate(statement)
        concept = statement["medicationCodeableConcept"]
        assert isinstance(concept, dict)
        assert concept["coding"] == [{"system": ATC, "code": medicine.atc, "display": medicine.inn}]
        assert statement["derivedFrom"] == [{"reference": response}]
    assert ATC == "http://www.whocc.no/atc"


def test_no_medicines_no_statement_and_ids_are_stable(kb: KnowledgeBase) -> None:
    assert statements(export(kb, saved(None))) == []
    first = [s["id"] for s in statements(export(kb, saved(MEDICINES)))]
    assert first == [s["id"] for s in statements(export(kb, saved(MEDICINES)))]
    assert len(set(first)) == 2


def test_the_saved_copy_reads_the_stored_medicines() -> None:
    row = SimpleNamespace(
        **{
            **saved(None).model_dump(exclude={"medicines"}),
            "medicines": [{"inn": "furosemide", "atc": "C03CA01"}],
        }
    )
    copy = SavedInterview.model_validate(row, from_attributes=True)
    assert copy.medicines == [SavedMedicine(inn="furosemide", atc="C03CA01")]


def test_a_saved_interview_carries_its_medicines_into_the_export(
    client: TestClient, diary: Diary
) -> None:
    started = client.post(
        "/api/v1/interviews",
        json={"language": "en", "evidence": [{"finding": "leg_symptoms", "value": "present"}]},
    )
    assert started.status_code in (200, 201), started.text
    interview_id = started.json()["id"]
    with app_sessions(client).begin() as session:
        row = session.get(Interview, interview_id)
        assert row is not None
        row.medicines = [m.model_dump() for m in MEDICINES]
    saved_copy = diary.post("/interviews", {"interview_id": interview_id})
    assert saved_copy.status_code == 200, saved_copy.text
    assert saved_copy.json()["medicines"] == [m.model_dump() for m in MEDICINES]
    exported = diary.get("/export/fhir", params={"language": "en"})
    assert exported.status_code == 200, exported.text
    Bundle.model_validate(exported.json())
    codes = [
        s["medicationCodeableConcept"]["coding"][0]["code"] for s in statements(exported.json())
    ]
    assert codes == ["C03CA01", "C10AA05"]
