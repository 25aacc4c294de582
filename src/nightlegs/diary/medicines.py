"""The medicines noted on the diary's nights: each checked against the knowledge base's
medicine table, named in a language, and gathered night by night for the doctor.

An entry keeps a medicine as its INN and WHO ATC code only (never the words the person
typed). A pair the table does not have is refused when an entry is written
(:func:`unknown`), unless the night's entry already holds it: one the table has since
dropped still reads, named by its INN, and stays when the night is written again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from nightlegs.diary.model import Entry, SavedMedicine
from nightlegs.knowledge.medicine_table import Medicine, MedicineTable, load_medicine_table
from nightlegs.languages import is_language

__all__ = ["Noted", "name", "noted", "of_table", "unknown"]


@dataclass(frozen=True, slots=True)
class Noted:
    """A medicine and the nights it was noted on, oldest first."""

    medicine: SavedMedicine
    nights: tuple[dt.date, ...]


def of_table(medicine: SavedMedicine) -> Medicine | None:
    """The table's entry with this INN and ATC code, if it has one."""
    return _by_key().get((medicine.inn, medicine.atc))


def unknown(medicines: Sequence[SavedMedicine], stored: Sequence[SavedMedicine] = ()) -> list[int]:
    """The positions of the medicines the table does not have and ``stored`` (the night's
    entry as saved) does not hold."""
    return [
        index
        for index, medicine in enumerate(medicines)
        if of_table(medicine) is None and medicine not in stored
    ]


def name(medicine: SavedMedicine, language: str) -> str:
    """The INN as written in ``language``, capitalised ("Фуросемід"); a medicine the table
    no longer has, by the INN it was kept with."""
    found = of_table(medicine)
    text = medicine.inn
    if found is not None and is_language(language):
        text = found.name[language]
    return text[:1].upper() + text[1:]


def noted(entries: Iterable[Entry]) -> list[Noted]:
    """Each medicine of the entries with its nights, in the order of their ATC codes."""
    nights: dict[SavedMedicine, list[dt.date]] = {}
    for entry in sorted(entries, key=lambda e: e.date):
        for medicine in entry.medicines:
            nights.setdefault(medicine, []).append(entry.date)
    return [
        Noted(medicine, tuple(nights[medicine]))
        for medicine in sorted(nights, key=lambda m: (m.atc, m.inn))
    ]


#: The table last indexed, and its index (the table is read once per process).
_index: tuple[MedicineTable, dict[tuple[str, str], Medicine]] | None = None


def _by_key() -> dict[tuple[str, str], Medicine]:
    global _index
    table = load_medicine_table()
    if _index is None or _index[0] is not table:
        _index = (table, {(m.inn, m.atc): m for m in table.medicines})
    return _index[1]
