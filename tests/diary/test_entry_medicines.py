"""The medicines noted on a night (issue 10): the API's round trip and refusals, the
rows on SQLite and PostgreSQL (old rows and old clients keep working, migration 0008
goes up and down), the FHIR export and the doctor's PDF section."""

# ruff: noqa: RUF001 - en dashes in ranges of dates and Cyrillic are meant

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
import sqlalchemy as sa
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.medicationstatement import MedicationStatement
from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.orm import Session

from nightlegs.diary import fhir, medicines
from nightlegs.diary.fhir_codes import ATC
from nightlegs.diary.model import MAX_MEDICINES, Entry, EntryBody, SavedMedicine
from nightlegs.diary.trends import summarise
from nightlegs.knowledge import KnowledgeBase
from nightlegs.medicines import load_table
from nightlegs.report.diary_section import LISTED_NIGHTS, diary_section
from nightlegs.services.diary_rows import entry_of
from nightlegs.settings import Settings
from nightlegs.store import make_engine, migrate
from nightlegs.store.diary_models import DiaryEntry
from tests.diary.conftest import Diary
from tests.fixtures.databases import app_sessions

FUROSEMIDE = {"inn": "furosemide", "atc": "C03CA01"}
ATORVASTATIN = {"inn": "atorvastatin", "atc": "C10AA05"}
SERTRALINE = {"inn": "sertraline", "atc": "N06AB06"}
NIGHT = dt.date(2026, 11, 20)


def body(**fields: Any) -> dict[str, Any]:
    return {"symptoms": ["cramp"], "episodes": 1, "severity": 5, **fields}


# --- the API ------------------------------------------------------------------------------


@pytest.mark.every_database
def test_medicines_go_in_and_come_back_in_the_order_of_their_atc_codes(
    diary: Diary, client: Any
) -> None:
    sent = body(medicines=[SERTRALINE, ATORVASTATIN, FUROSEMIDE], triggers=["new_medicine"])
    created = diary.put(NIGHT, sent)
    assert created.status_code == 201, created.text
    expected = [FUROSEMIDE, ATORVASTATIN, SERTRALINE]  # C03, C10, N06
    assert created.json()["medicines"] == expected
    assert diary.get(f"/entries/{NIGHT}").json()["medicines"] == expected
    (listed,) = diary.get("/entries").json()["entries"]
    assert listed["medicines"] == expected
    with app_sessions(client)() as session:
        row = session.scalars(select(DiaryEntry)).one()
        assert row.medicines == expected  # INN and ATC code, nothing else
    # Replaced without medicines: none left (a null in the row, as before the column).
    assert diary.put(NIGHT, body()).status_code == 200
    assert diary.get(f"/entries/{NIGHT}").json()["medicines"] == []
    with app_sessions(client)() as session:
        raw = session.execute(sa.text("SELECT medicines FROM diary_entries")).scalar_one()
        assert raw is None


@pytest.mark.every_database
def test_an_old_client_that_never_names_medicines_keeps_working(diary: Diary) -> None:
    old = {"symptoms": [], "note": "quiet"}
    assert diary.put(NIGHT, old).status_code == 201
    entry = diary.get(f"/entries/{NIGHT}").json()
    assert entry["medicines"] == []
    # What it read, sent back as it is (without the stored times), is still a valid body.
    resent = {k: v for k, v in entry.items() if k not in ("date", "created_at", "updated_at")}
    assert diary.put(NIGHT, resent).status_code == 200


@pytest.mark.parametrize(
    ("medicines", "where"),
    [
        ([{"inn": "my own pills", "atc": "X99XX99"}], ["body", "medicines", 0]),
        ([FUROSEMIDE, {"inn": "furosemide", "atc": "C10AA05"}], ["body", "medicines", 1]),
        ([FUROSEMIDE, FUROSEMIDE], ["body"]),
        ([{"inn": "furosemide"}], ["body", "medicines", 0, "atc"]),
        ([{**FUROSEMIDE, "text": "фуросемід"}], ["body", "medicines", 0, "text"]),
        ([FUROSEMIDE] * (MAX_MEDICINES + 1), ["body", "medicines"]),
        ("furosemide", ["body", "medicines"]),
    ],
    ids=["unknown", "wrong-code", "twice", "no-code", "typed-text", "too-many", "not-a-list"],
)
def test_a_medicine_not_of_the_table_is_refused_and_nothing_changes(
    diary: Diary, medicines: Any, where: list[Any]
) -> None:
    refused = diary.put(NIGHT, body(medicines=medicines))
    assert refused.status_code == 422, refused.text
    locations = [problem["loc"][: len(where)] for problem in refused.json()["detail"]]
    assert where in locations, refused.json()
    assert diary.get(f"/entries/{NIGHT}").status_code == 404


OLDICILLIN = {"inn": "oldicillin", "atc": "J01ZZ99"}  # a medicine the table has dropped


def give_the_night(client: Any, night: dt.date, medicines: list[dict[str, str]]) -> None:
    """Store the night's medicines directly, as a table of an older version had them."""
    with app_sessions(client).begin() as session:
        row = session.scalars(select(DiaryEntry).where(DiaryEntry.night == night)).one()
        row.medicines = medicines


@pytest.mark.every_database
def test_a_night_with_a_medicine_the_table_has_since_dropped_is_written_again_whole(
    diary: Diary, client: Any
) -> None:
    assert diary.put(NIGHT, body(medicines=[FUROSEMIDE])).status_code == 201
    give_the_night(client, NIGHT, [FUROSEMIDE, OLDICILLIN])
    entry = diary.get(f"/entries/{NIGHT}").json()
    assert entry["medicines"] == [FUROSEMIDE, OLDICILLIN]
    # Sent back as it was read: accepted, and nothing is lost.
    resent = {k: v for k, v in entry.items() if k not in ("date", "created_at", "updated_at")}
    again = diary.put(NIGHT, {**resent, "severity": 7})
    assert again.status_code == 200, again.text
    assert again.json()["medicines"] == [FUROSEMIDE, OLDICILLIN]
    # Another medicine the table lacks is still refused, and so is the dropped one on
    # another night: only what the night already holds may stay.
    newer = {"inn": "newicillin", "atc": "J01ZZ98"}
    refused = diary.put(NIGHT, body(medicines=[FUROSEMIDE, OLDICILLIN, newer]))
    assert refused.status_code == 422
    assert [p["loc"] for p in refused.json()["detail"]] == [["body", "medicines", 2]]
    other = diary.put(NIGHT - dt.timedelta(days=1), body(medicines=[OLDICILLIN]))
    assert other.status_code == 422
    # Left out when written again: gone, like any other.
    assert diary.put(NIGHT, body(medicines=[FUROSEMIDE])).json()["medicines"] == [FUROSEMIDE]
    assert diary.put(NIGHT, body(medicines=[OLDICILLIN])).status_code == 422


def test_every_medicine_of_the_table_is_accepted(diary: Diary) -> None:
    table = [{"inn": m.inn, "atc": m.atc} for m in load_table().data.medicines]
    for start in range(0, len(table), MAX_MEDICINES):
        night = NIGHT - dt.timedelta(days=start)
        response = diary.put(night, body(medicines=table[start : start + MAX_MEDICINES]))
        assert response.status_code == 201, response.text


def test_the_model_refuses_a_medicine_twice() -> None:
    with pytest.raises(ValidationError, match="medicines lists a medicine twice"):
        EntryBody(symptoms=[], medicines=[SavedMedicine(**FUROSEMIDE)] * 2)


# --- the rows: migration 0008 -------------------------------------------------------------


@pytest.mark.every_database
def test_rows_written_before_0008_read_fine_and_the_migration_goes_down_and_up(
    settings: Settings,
) -> None:
    def columns() -> set[str]:
        engine = make_engine(settings)
        try:
            return {c["name"] for c in sa.inspect(engine).get_columns("diary_entries")}
        finally:
            engine.dispose()

    migrate.upgrade(settings, "0007")
    assert "medicines" not in columns()
    engine = make_engine(settings)
    try:
        with engine.begin() as connection:  # a diary and a night as 0007 stored them
            connection.execute(
                sa.text(
                    "INSERT INTO diaries (id, lookup_key, code_hash, created_at) "
                    "VALUES ('d1', 'k1', 'h', :now)"
                ),
                {"now": dt.datetime(2026, 11, 1, tzinfo=dt.UTC)},
            )
            connection.execute(
                sa.text(
                    "INSERT INTO diary_entries (diary_id, night, symptoms, episodes, severity, "
                    "minutes_awake, triggers, tried, note, created_at, updated_at) VALUES "
                    "('d1', :night, '[\"cramp\"]', 1, 4, 0, '[]', '[]', 'old', :now, :now)"
                ),
                {"night": NIGHT, "now": dt.datetime(2026, 11, 21, tzinfo=dt.UTC)},
            )
    finally:
        engine.dispose()
    migrate.upgrade(settings)
    assert migrate.current(settings) == migrate.head()
    assert "medicines" in columns()
    engine = make_engine(settings)
    try:
        with Session(engine) as session:
            row = session.scalars(select(DiaryEntry)).one()
            entry = entry_of(row)
    finally:
        engine.dispose()
    assert entry.medicines == []
    assert (entry.symptoms, entry.severity, entry.note) == (["cramp"], 4, "old")

    migrate.downgrade(settings, "0007")
    assert "medicines" not in columns()
    migrate.upgrade(settings)
    assert "medicines" in columns()


# --- FHIR ---------------------------------------------------------------------------------


def night(day: dt.date, *medicines: dict[str, str], **fields: Any) -> Entry:
    noted = [SavedMedicine(**m) for m in medicines]
    return Entry.of(day, EntryBody(**{**body(), **fields}, medicines=noted))


def statements(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        e["resource"]
        for e in data["entry"]
        if e["resource"]["resourceType"] == "MedicationStatement"
    ]


def test_each_medicine_of_a_night_is_a_statement_dated_by_the_night(kb: KnowledgeBase) -> None:
    entries = [
        night(NIGHT - dt.timedelta(days=1), FUROSEMIDE),
        night(NIGHT, FUROSEMIDE, SERTRALINE),
    ]
    now = dt.datetime(2026, 11, 25, 9, 30, tzinfo=dt.UTC)
    data = fhir.bundle(
        kb=kb,
        diary_id="diary-1",
        entries=entries,
        summary=summarise(entries, now.date()),
        interviews=[],
        assessment=None,
        now=now,
    )
    Bundle.model_validate(data)
    urls = {e["resource"]["id"]: e["fullUrl"] for e in data["entry"]}
    nights = {
        e["resource"]["effectiveDateTime"]: e["fullUrl"]
        for e in data["entry"]
        if e["resource"]["resourceType"] == "Observation"
        and e["resource"]["code"]["coding"][0]["code"] == "night"
    }
    found = statements(data)
    assert [(s["effectiveDateTime"], s["medicationCodeableConcept"]["coding"]) for s in found] == [
        ("2026-11-19", [{"system": ATC, "code": "C03CA01", "display": "furosemide"}]),
        ("2026-11-20", [{"system": ATC, "code": "C03CA01", "display": "furosemide"}]),
        ("2026-11-20", [{"system": ATC, "code": "N06AB06", "display": "sertraline"}]),
    ]
    for statement in found:
        MedicationStatement.model_validate(statement)
        assert statement["status"] == "completed"
        assert statement["derivedFrom"] == [{"reference": nights[statement["effectiveDateTime"]]}]
        assert urls[statement["id"]].endswith(statement["id"])
    assert len({s["id"] for s in found}) == 3


@pytest.mark.every_database
def test_the_export_through_the_api_carries_the_nights_medicines(diary: Diary) -> None:
    assert diary.put(NIGHT, body(medicines=[FUROSEMIDE])).status_code == 201
    assert diary.put(NIGHT - dt.timedelta(days=1), {"symptoms": []}).status_code == 201
    exported = diary.get("/export/fhir", params={"language": "uk"})
    assert exported.status_code == 200
    Bundle.model_validate(exported.json())
    found = statements(exported.json())
    assert [(s["effectiveDateTime"], s["medicationCodeableConcept"]["text"]) for s in found] == [
        (NIGHT.isoformat(), "furosemide")
    ]
    everything = diary.get("/export/json").json()
    assert [e["medicines"] for e in everything["entries"]] == [[], [FUROSEMIDE]]


# --- the doctor's PDF section -------------------------------------------------------------


def test_the_pdf_section_names_the_medicines_with_their_nights() -> None:
    as_of = dt.date(2026, 11, 26)
    entries = [
        night(as_of - dt.timedelta(days=90), SERTRALINE),  # before the 12 weeks: left out
        night(dt.date(2026, 11, 20), FUROSEMIDE),
        night(dt.date(2026, 11, 24), FUROSEMIDE, ATORVASTATIN),
        *(night(dt.date(2026, 10, 1) + dt.timedelta(days=d), ATORVASTATIN) for d in range(8)),
    ]
    summary = summarise(entries, as_of)
    uk = diary_section(summary, "uk", entries).medicines
    assert uk == (
        "Фуросемід (C03CA01): 20–21 лист., 24–25 лист.; "
        "Аторвастатин (C10AA05): 9 ночей, з 1–2 жовт. до 24–25 лист."
    )
    en = diary_section(summary, "en", entries).medicines
    assert en.startswith("Furosemide (C03CA01): Nov 20\u2009–\u200921, Nov 24\u2009–\u200925; ")
    assert "Atorvastatin (C10AA05): 9 nights, from Oct 1\u2009–\u20092 to" in en
    assert "ertraline" not in uk + en
    assert LISTED_NIGHTS < 9
    quiet = [night(as_of, **{"symptoms": [], "episodes": 0, "severity": 0})]
    assert diary_section(summarise(quiet, as_of), "ru", quiet).medicines == ""


def test_a_medicine_the_table_has_since_dropped_still_reads_by_its_inn() -> None:
    gone = SavedMedicine(inn="oldicillin", atc="J01ZZ99")
    entry = Entry.of(NIGHT, EntryBody(symptoms=[], medicines=[gone]))
    assert medicines.of_table(gone) is None
    assert medicines.unknown([SavedMedicine(**FUROSEMIDE), gone]) == [1]
    assert medicines.name(gone, "uk") == "Oldicillin"
    assert medicines.name(SavedMedicine(**FUROSEMIDE), "ru") == "Фуросемид"
    section = diary_section(summarise([entry], NIGHT), "en", [entry])
    assert section.medicines.startswith("Oldicillin (J01ZZ99): ")
