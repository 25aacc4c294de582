"""A typed list of medicines, less those it says are not taken now.

The medicines field ("Які ліки ви приймаєте?") and ``POST /api/v1/medicines/lookup`` read
a list with :func:`nightlegs.medicines.read_list`; people write into it what they stopped
too: «Паксил 20, бросила пить флуоксетин», "stopped Zocor, now just Zetia", «раніше пила
Корвалол». The complaint parser's reading of the same text (:mod:`.medicine_mentions`:
the phrase book's ``not_taking`` words, negation and the past) says which of the names
are not taken; those are left out, so that their classes are not offered as "yes".
"""

from __future__ import annotations

from nightlegs.complaints.parser import parse
from nightlegs.languages import Language
from nightlegs.medicines import MedicineList, Table, read_list

__all__ = ["taken_list"]


def taken_list(table: Table, text: str, language: Language) -> MedicineList:
    """The medicines of ``text`` (:func:`~nightlegs.medicines.read_list`), less those the
    text says are not taken now."""
    listed = read_list(table, text, language)
    if not listed.medicines:
        return listed
    stopped = set(parse(text, language).not_taken)
    kept = [m for m in listed.medicines if (m.start, m.end) not in stopped]
    return MedicineList(kept, listed.unrecognised)
