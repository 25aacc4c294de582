"""The diary's entries as CSV (pure).

One row per night, oldest first, under a header row; the columns are
:data:`COLUMNS`, always in that order. Lists are joined with ``;`` in the
fixed order of :mod:`nightlegs.diary.model`; ``tried`` names every measure
tried and ``helped`` those that helped; ``medicines`` names each medicine of the night
as "INN (ATC)", as the table knows it. The text is UTF-8 with a byte-order
mark, so that spreadsheet programs read Cyrillic notes right, and CRLF line
ends (RFC 4180). A note that a spreadsheet would take for a formula (it starts
with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return) gets a leading
``'`` (OWASP's advice on CSV injection); the JSON export keeps it as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from nightlegs.diary.model import Entry

__all__ = ["COLUMNS", "entries_csv"]

COLUMNS = (
    "date",
    "symptoms",
    "episodes",
    "severity",
    "minutes_awake",
    "triggers",
    "tried",
    "helped",
    "note",
    # Added after the others, so that a sheet made from an older file keeps its columns.
    "medicines",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def entries_csv(entries: Iterable[Entry]) -> bytes:
    """The CSV file of ``entries`` (sorted by date), as UTF-8 bytes with a BOM."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in sorted(entries, key=lambda e: e.date):
        canonical = entry.canonical()
        writer.writerow(
            (
                entry.date.isoformat(),
                ";".join(canonical.symptoms),
                canonical.episodes,
                canonical.severity,
                canonical.minutes_awake,
                ";".join(canonical.triggers),
                ";".join(item.measure for item in canonical.tried),
                ";".join(item.measure for item in canonical.tried if item.helped),
                _defused(canonical.note),
                ";".join(f"{m.inn} ({m.atc})" for m in canonical.medicines),
            )
        )
    return buffer.getvalue().encode("utf-8-sig")


def _defused(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_STARTS) else text
