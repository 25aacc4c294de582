"""Synthetic diaries for the trend and export tests."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Sequence
from typing import Any

from nightlegs.diary.model import Entry

#: Symptom nights fall on these days of each week (0 = the week's first night).
THREE_A_WEEK = (0, 2, 4)


def night(date: dt.date, severity: int | None = None, **fields: Any) -> Entry:
    """An entry: with symptoms (a cramp) when ``severity`` is given, else a quiet night."""
    if severity is None:
        return Entry(date=date, symptoms=[], **fields)
    body: dict[str, Any] = {"symptoms": ["cramp"], "episodes": 1, "severity": severity}
    return Entry(date=date, **{**body, **fields})


def rising_severities(count: int, low: int = 2, high: int = 9) -> list[int]:
    """``count`` severities rising evenly from ``low`` to ``high``."""
    return [round(low + (high - low) * i / (count - 1)) for i in range(count)]


def weekly_diary(
    as_of: dt.date,
    *,
    weeks: int = 8,
    days: Sequence[int] = THREE_A_WEEK,
    severities: Sequence[int] | None = None,
    record_quiet_nights: bool = True,
) -> list[Entry]:
    """``weeks`` weeks ending at ``as_of`` with symptom nights on ``days`` of each week.

    Severities (oldest first) default to rising from 2 to 9; quiet nights are
    recorded as nights without symptoms unless ``record_quiet_nights`` is off.
    """
    start = as_of - dt.timedelta(days=7 * weeks - 1)
    symptom_dates = [
        start + dt.timedelta(days=7 * week + day) for week in range(weeks) for day in days
    ]
    chosen = list(severities or rising_severities(len(symptom_dates)))
    assert len(chosen) == len(symptom_dates)
    by_date = dict(zip(symptom_dates, chosen, strict=True))
    entries = []
    for offset in range(7 * weeks):
        date = start + dt.timedelta(days=offset)
        if date in by_date:
            entries.append(night(date, by_date[date]))
        elif record_quiet_nights:
            entries.append(night(date))
    return entries


def shuffled(values: Sequence[int], seed: int) -> list[int]:
    copy = list(values)
    random.Random(seed).shuffle(copy)
    return copy
