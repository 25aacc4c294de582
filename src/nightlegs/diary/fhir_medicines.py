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
from nightlegs.diary.model import Entry


def night_statements(
    entry: Entry, night_url: str, ids: Ids, subject: Mapping[str, str]
) -> list[tuple[str, dict[str, Any]]]:
    """Each medicine of the night's entry: taken on the night's date, as the person said."""
    items: list[tuple[str, dict[str, Any]]] = []
    for medicine in entry.medicines:
        key = f"night-{entry.date.isoformat()}/{medicine.atc}/{medicine.inn}"
        statement = {
            "resourceType": "MedicationStatement",
            "id": ids.id("MedicationStatement", key),
            "status": "completed",
            "medicationCodeableConcept": {
                "coding": [coding(ATC, medicine.atc, medicine.inn)],
                "text": medicine.inn,
            },
            "subject": dict(subject),
            "effectiveDateTime": entry.date.isoformat(),
            "informationSource": dict(subject),
            "derivedFrom": [{"reference": night_url}],
        }
        items.append((ids.url("MedicationStatement", key), statement))
    return items
