"""The medicines noted on a night, as FHIR: a ``MedicationStatement`` each, coded in WHO
ATC, dated by the night and derived from the night's Observation.

Status ``completed``: the statement says the medicine was taken that day or night, which
is over; the saved interviews' statements (:mod:`~nightlegs.diary.fhir_interviews`) say
``active``, what the person takes now.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from nightlegs.diary.fhir_codes import ATC, Ids, coding
from nightlegs.diary.model import Entry, SavedMedicine


def night_statements(
    entry: Entry, night_url: str, ids: Ids, subject: Mapping[str, str]
) -> list[tuple[str, dict[str, Any]]]:
    """Each medicine of the night's entry: taken on the night's date, as the person said."""
    night = entry.date.isoformat()
    return [
        statement(
            ids,
            f"night-{night}/{medicine.atc}/{medicine.inn}",
            medicine,
            subject,
            night_url,
            status="completed",
            when={"effectiveDateTime": night},
        )
        for medicine in entry.medicines
    ]


def statement(
    ids: Ids,
    key: str,
    medicine: SavedMedicine,
    subject: Mapping[str, str],
    source_url: str,
    *,
    status: str,
    when: Mapping[str, str],
) -> tuple[str, dict[str, Any]]:
    """One medicine as the person said it (the night's or the interview's), with its URL."""
    resource = {
        "resourceType": "MedicationStatement",
        "id": ids.id("MedicationStatement", key),
        "status": status,
        "medicationCodeableConcept": {
            "coding": [coding(ATC, medicine.atc, medicine.inn)],
            "text": medicine.inn,
        },
        "subject": dict(subject),
        **when,
        "informationSource": dict(subject),
        "derivedFrom": [{"reference": source_url}],
    }
    return ids.url("MedicationStatement", key), resource
