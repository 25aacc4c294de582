"""Every date a person or a doctor reads is on the clinic's calendar (NIGHTLEGS_TIMEZONE)."""

from __future__ import annotations

import datetime as dt

import pytest

from nightlegs.pages.diary.words import moment
from nightlegs.services import diaries
from nightlegs.settings import Settings

# 23:30 UTC on 26 November is already 01:30 on 27 November in Kyiv (UTC+2 in winter).
LATE_EVENING_UTC = dt.datetime(2026, 11, 26, 23, 30, tzinfo=dt.UTC)


def test_today_is_the_clinics_date_not_the_servers() -> None:
    kyiv = Settings(timezone="Europe/Kyiv")
    assert diaries.today(kyiv, now=LATE_EVENING_UTC) == dt.date(2026, 11, 27)
    assert diaries.today(Settings(timezone="UTC"), now=LATE_EVENING_UTC) == dt.date(2026, 11, 26)


def test_the_default_zone_is_kyiv() -> None:
    assert Settings().timezone == "Europe/Kyiv"


def test_the_latest_night_allowed_follows_the_clinics_date() -> None:
    kyiv = Settings(timezone="Europe/Kyiv")
    utc = Settings(timezone="UTC")
    tolerance = diaries.latest_entry_date_allowed(utc, on=dt.date(2026, 11, 26)) - dt.date(
        2026, 11, 26
    )
    assert diaries.latest_entry_date_allowed(kyiv, on=diaries.today(kyiv, LATE_EVENING_UTC)) == (
        dt.date(2026, 11, 27) + tolerance
    )


def test_a_share_log_time_is_on_the_clinics_clock() -> None:
    written = moment(LATE_EVENING_UTC, "en", Settings().zone, dt.date(2026, 11, 27))
    assert "27" in written, written
    assert "1:30" in written, written
    assert "UTC" not in written


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "Europe/Kiev/x"])
def test_an_unknown_zone_is_refused_at_start_up(name: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        Settings(timezone=name)
