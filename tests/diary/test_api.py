"""The diary's JSON API, on SQLite and (when configured) PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import select, update
from starlette.testclient import TestClient

from nightlegs.diary.csv_export import COLUMNS
from nightlegs.knowledge.loader import load_kb
from nightlegs.store.diary_models import Diary as DiaryRow
from nightlegs.store.diary_models import DiaryEntry, DiaryInterview, DiaryToken
from nightlegs.store.models import Interview
from tests.diary.conftest import Diary
from tests.fixtures.databases import app_sessions, count_rows
from tests.profiles import RLS_MILD, evidence

pytestmark = pytest.mark.every_database

BODY: dict[str, Any] = {
    "symptoms": ["urge_to_move", "cramp"],
    "episodes": 2,
    "severity": 6,
    "minutes_awake": 30,
    "triggers": ["long_sitting_standing", "caffeine"],
    "tried": [
        {"measure": "walking", "helped": False},
        {"measure": "stretching", "helped": True},
    ],
    "note": "права литка; woke at 3",
}
# Occasional mild restless legs (tests/cases/public.yaml, rls-mild-intermittent): self care.
SELF_CARE_EVIDENCE = evidence(RLS_MILD)


def start_interview(client: TestClient, evidence=SELF_CARE_EVIDENCE) -> str:
    response = client.post("/api/v1/interviews", json={"language": "en", "evidence": evidence})
    assert response.status_code == 201, response.text
    return str(response.json()["id"])


def fill(diary: Diary, today: dt.date, nights: int, symptom_days=(0, 2, 4)) -> None:
    """``nights`` nights ending today; symptoms on ``symptom_days`` of each week."""
    for back in range(nights):
        night = today - dt.timedelta(days=back)
        if (nights - 1 - back) % 7 in symptom_days:
            body = {
                "symptoms": ["urge_to_move"],
                "episodes": 1,
                "severity": 3 + (nights - back) // 7,
                "minutes_awake": 20,
                "tried": [{"measure": "walking", "helped": True}],
            }
        else:
            body = {"symptoms": []}
        response = diary.put(night, body)
        assert response.status_code == 201, response.text


# --- creating and signing in -------------------------------------------------------------

#: Digits as some phone keyboards type them (U+FF10 to U+FF19).
FULL_WIDTH = str.maketrans("0123456789", "".join(chr(0xFF10 + d) for d in range(10)))


def test_create_shows_the_code_once_and_stores_no_secret(client, diary):
    assert re.fullmatch(r"\d{5}(-\d{5}){4}", diary.code), diary.code
    assert len(diary.token) >= 43
    with app_sessions(client)() as session:
        row = session.get_one(DiaryRow, diary.id)
        stored = " ".join(
            [row.lookup_key, row.code_hash, *session.scalars(select(DiaryToken.token_hash))]
        )
    assert diary.code not in stored
    assert diary.code.replace("-", "") not in stored
    assert diary.token not in stored
    assert row.code_hash.startswith("$argon2id$")
    info = diary.get()
    assert info.status_code == 200
    assert info.json() == {
        "id": diary.id,
        "created_at": info.json()["created_at"],
        "entries": 0,
        "interviews": 0,
    }
    assert info.headers["cache-control"] == "no-store"


@pytest.mark.parametrize(
    "retype",
    [
        lambda code: code,
        lambda code: code.replace("-", ""),
        lambda code: code.replace("-", " "),
        lambda code: " " + code.replace("-", " - ") + "\n",
        lambda code: code.replace("-", "").translate(FULL_WIDTH),
    ],
    ids=["as-shown", "run-together", "spaces", "spaced-dashes", "full-width"],
)
def test_sign_in_with_the_code(client, diary, retype):
    response = client.post("/api/v1/diaries/session", json={"recovery_code": retype(diary.code)})
    assert response.status_code == 200, response.text
    signed = response.json()
    assert signed["id"] == diary.id
    assert signed["token"] != diary.token
    assert response.headers["cache-control"] == "no-store"
    again = client.get(diary.url(), headers={"Authorization": f"Bearer {signed['token']}"})
    assert again.status_code == 200
    assert diary.get().status_code == 200  # the first sign-in still works


def test_a_wrong_code_reveals_nothing(client, diary, new_diary):
    other = new_diary()
    last = diary.code[-1]
    wrong = diary.code[:-1] + ("1" if last != "1" else "2")
    answers = [
        client.post("/api/v1/diaries/session", json={"recovery_code": code})
        for code in (wrong, "abandon " * 8, "0" * 25)
    ]
    assert [a.status_code for a in answers] == [401, 401, 401]
    assert answers[0].json() == answers[1].json() == {"detail": "recovery code not recognised"}
    assert other.get().status_code == 200


@pytest.mark.parametrize(
    "typed", ["one two", "12345-12345", "1" * 26, "12345-x2345-12345-12345-12345"]
)
def test_a_malformed_code_is_422(client, typed):
    response = client.post("/api/v1/diaries/session", json={"recovery_code": typed})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "recovery_code"]
    assert typed not in response.text
    extra = client.post("/api/v1/diaries/session", json={"recovery_code": "x", "more": 1})
    assert extra.status_code == 422


def test_sign_out(client, diary):
    assert client.delete("/api/v1/diaries/session", headers=diary.headers).status_code == 204
    assert diary.get().status_code == 404
    assert client.delete("/api/v1/diaries/session").status_code == 401


def test_an_expired_token_is_404(client, diary):
    with app_sessions(client).begin() as session:
        session.execute(
            update(DiaryToken).values(expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(seconds=1))
        )
    assert diary.get().status_code == 404


def test_the_diary_is_off_without_a_secret_key(make_client, make_settings):
    client = make_client(make_settings(secret_key=""))
    response = client.post("/api/v1/diaries")
    assert response.status_code == 503
    assert "NIGHTLEGS_SECRET_KEY" in response.json()["detail"]
    signed = client.post("/api/v1/diaries/session", json={"recovery_code": "a " * 8})
    assert signed.status_code == 503


def test_sign_ins_and_new_diaries_are_rate_limited(make_client, make_settings):
    client = make_client(make_settings(diary_rate_limit="3/minute"))
    assert client.post("/api/v1/diaries").status_code == 201
    codes = [
        client.post("/api/v1/diaries/session", json={"recovery_code": "abandon " * 8}).status_code
        for _ in range(3)
    ]
    assert codes == [401, 401, 429]
    refused = client.post("/api/v1/diaries")
    assert refused.status_code == 429
    assert int(refused.headers["retry-after"]) >= 1
    spec = client.get("/openapi.json").json()["paths"]
    for path in ("/api/v1/diaries", "/api/v1/diaries/session"):
        declared = spec[path]["post"]["responses"]["429"]
        assert "Retry-After" in declared["headers"]


# --- who may see a diary ---------------------------------------------------------------


def test_without_a_token_401(client, diary):
    response = client.get(diary.url("/entries"))
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


def test_another_diarys_id_is_404_exactly_like_none(client, diary, new_diary, today):
    other = new_diary()
    assert other.put(today, {"symptoms": []}).status_code == 201
    for path in ("", "/entries", "/summary", "/export/csv", f"/entries/{today}"):
        theirs = client.get(other.url(path), headers=diary.headers)
        nobody = client.get(f"/api/v1/diaries/no-such-diary{path}", headers=diary.headers)
        bad_token = client.get(other.url(path), headers={"Authorization": "Bearer nope"})
        assert theirs.status_code == nobody.status_code == bad_token.status_code == 404, path
        assert theirs.json() == nobody.json() == bad_token.json() == {"detail": "diary not found"}
    assert (
        diary.client.put(
            other.url(f"/entries/{today}"), json={"symptoms": []}, headers=diary.headers
        ).status_code
        == 404
    )
    assert client.delete(other.url("?confirm=delete"), headers=diary.headers).status_code == 404
    assert other.get("/entries").json()["entries"][0]["date"] == today.isoformat()


def test_the_cookie_works_from_the_apps_own_pages_only(client, diary, today):
    client.cookies.set("nightlegs_diary", diary.token)
    try:
        assert client.get(diary.url("/entries")).status_code == 200
        same = client.put(
            diary.url(f"/entries/{today}"),
            json={"symptoms": []},
            headers={"Sec-Fetch-Site": "same-origin"},
        )
        assert same.status_code == 201
        cross = client.put(
            diary.url(f"/entries/{today}"),
            json={"symptoms": ["cramp"], "severity": 3},
            headers={"Sec-Fetch-Site": "cross-site"},
        )
        assert cross.status_code == 403
        foreign = client.delete(
            diary.url(f"/entries/{today}"), headers={"Origin": "https://evil.example"}
        )
        assert foreign.status_code == 403
        assert client.get(diary.url(f"/entries/{today}")).json()["symptoms"] == []
    finally:
        client.cookies.clear()


# --- entries ---------------------------------------------------------------------------


def test_entries_crud(diary, today):
    yesterday = today - dt.timedelta(days=1)
    created = diary.put(yesterday, BODY)
    assert created.status_code == 201, created.text
    entry = created.json()
    assert entry["date"] == yesterday.isoformat()
    assert entry["symptoms"] == ["cramp", "urge_to_move"]  # the fixed order
    assert entry["triggers"] == ["caffeine", "long_sitting_standing"]
    assert [t["measure"] for t in entry["tried"]] == ["stretching", "walking"]
    assert entry["note"] == BODY["note"]

    replaced = diary.put(yesterday, {"symptoms": ["cramp"], "severity": 2})
    assert replaced.status_code == 200
    assert replaced.json()["severity"] == 2
    assert replaced.json()["tried"] == []
    assert replaced.json()["created_at"] == entry["created_at"]
    assert replaced.json()["updated_at"] > entry["updated_at"]

    assert diary.put(today, {"symptoms": []}).status_code == 201
    listed = diary.get("/entries").json()["entries"]
    assert [e["date"] for e in listed] == [yesterday.isoformat(), today.isoformat()]
    narrowed = diary.get("/entries", params={"from": today.isoformat()}).json()["entries"]
    assert [e["date"] for e in narrowed] == [today.isoformat()]
    upto = diary.get("/entries", params={"to": yesterday.isoformat()}).json()["entries"]
    assert [e["date"] for e in upto] == [yesterday.isoformat()]
    assert diary.get(f"/entries/{yesterday}").json()["severity"] == 2

    assert diary.delete(f"/entries/{yesterday}").status_code == 204
    assert diary.delete(f"/entries/{yesterday}").status_code == 404
    assert diary.get(f"/entries/{yesterday}").status_code == 404
    assert [e["date"] for e in diary.get("/entries").json()["entries"]] == [today.isoformat()]
    assert diary.get("/entries", params={"from": "2026-13-01"}).status_code == 422


def test_tomorrow_is_allowed_for_time_zones(diary, today):
    assert diary.put(today + dt.timedelta(days=1), {"symptoms": []}).status_code == 201


BAD_ENTRIES: list[tuple[str, dict[str, Any]]] = [
    ("future", {}),
    ("ok", {"severity": 11}),
    ("ok", {"severity": -1}),
    ("ok", {"episodes": 51}),
    ("ok", {"minutes_awake": 721}),
    ("ok", {"severity": 5.5}),
    ("ok", {"episodes": True}),
    ("ok", {"severity": "6"}),
    ("ok", {"mood": "bad"}),
    ("ok", {"note": "x" * 501}),
    ("ok", {"note": "bad\x00byte"}),
    ("ok", {"symptoms": ["cramp", "cramp"]}),
    ("ok", {"symptoms": ["itch"]}),
    ("ok", {"triggers": ["chocolate"]}),
    ("ok", {"tried": [{"measure": "yoga", "helped": True}]}),
    ("ok", {"tried": [{"measure": "walking"}]}),
    ("ok", {"tried": [{"measure": "walking", "helped": "yes"}]}),
    ("ok", {"tried": [{"measure": "walking", "helped": True, "how": "fast"}]}),
    ("ok", {"symptoms": [], "severity": 4}),
    ("ok", {"symptoms": None}),
    ("2026-02-30", {}),
    ("2026-1-5", {}),
    ("1999-12-31", {}),
    ("yesterday", {}),
]


def test_bad_entries_are_422_and_change_nothing(client, diary, today):
    yesterday = today - dt.timedelta(days=1)
    assert diary.put(yesterday, BODY).status_code == 201
    before = diary.get("/entries").json()
    for night, change in BAD_ENTRIES:
        date = {"future": today + dt.timedelta(days=2), "ok": yesterday}.get(night, night)
        response = diary.put(date, {**BODY, **change})
        assert response.status_code == 422, (night, change, response.text)
        assert isinstance(response.json()["detail"], list)
        assert diary.get("/entries").json() == before, (night, change)
    assert count_rows(client, DiaryEntry) == 1


def test_a_missing_symptoms_list_is_422(diary, today):
    assert diary.put(today, {"severity": 3}).status_code == 422


def test_a_note_of_500_characters_is_kept(diary, today):
    note = "ї" * 500
    response = diary.put(today, {"symptoms": ["cramp"], "note": note})
    assert response.status_code == 201
    assert diary.get(f"/entries/{today}").json()["note"] == note


# --- summary and the assessment -----------------------------------------------------------


def test_summary(diary, today):
    fill(diary, today, 28)
    summary = diary.get("/summary")
    assert summary.status_code == 200
    data = summary.json()
    for key in (
        "nights_per_week_4w",
        "nights_per_week_12w",
        "regular",
        "worsening",
        "severity_slope",
        "severity_slope_ci_low",
        "severity_slope_ci_high",
        "severity_p_value",
        "sleep_disturbance",
        "last_4_weeks",
        "last_12_weeks",
        "weeks",
        "what_helped",
        "evidence",
    ):
        assert key in data, key
    assert data["as_of"] == today.isoformat()
    assert data["nights_per_week_4w"] == pytest.approx(3.0)
    assert data["regular"] is True
    assert data["last_4_weeks"]["recorded_nights"] == 28
    walking = next(h for h in data["what_helped"] if h["measure"] == "walking")
    assert (walking["tried"], walking["helped"], walking["share"]) == (12, 12, 1.0)
    assert data["evidence"]["nights_per_week"] == pytest.approx(3.0)
    assert data["evidence"]["sleep_disturbance"] == "present"


def test_the_diary_raises_triage_as_the_policy_says(client, diary, today):
    interview = start_interview(client)
    alone = client.get(f"/api/v1/interviews/{interview}/result").json()
    assert alone["triage"]["level"] == "self_care"

    saved = diary.post("/interviews", {"interview_id": interview})
    assert saved.status_code == 200, saved.text
    assert saved.json()["values"]["nights_per_week"] == 0.5
    before = diary.get("/assessment").json()
    assert before["triage"]["level"] == "self_care"  # too few nights to say anything

    fill(diary, today, 28)  # 3 symptom nights a week
    after = diary.get("/assessment")
    assert after.status_code == 200
    result = after.json()
    assert result["triage"]["level"] == "consultation"
    assert result["language"] == "en"
    assert result["provisional"] is True  # the interview was not finished
    assert diary.get("/assessment", params={"language": "uk"}).json()["language"] == "uk"


def test_a_quiet_diary_never_lowers_what_the_interview_reported(client, diary, today):
    evidence = [e for e in SELF_CARE_EVIDENCE if e["finding"] != "nights_per_week"]
    interview = start_interview(client, [*evidence, {"finding": "nights_per_week", "value": 4}])
    assert client.get(f"/api/v1/interviews/{interview}/result").json()["triage"]["level"] == (
        "consultation"
    )
    assert diary.post("/interviews", {"interview_id": interview}).status_code == 200
    fill(diary, today, 28, symptom_days=(3,))  # the diary shows 1 night a week
    assert diary.get("/assessment").json()["triage"]["level"] == "consultation"


def test_saving_interviews(client, diary):
    assert diary.post("/interviews", {"interview_id": "no-such"}).status_code == 404
    first = start_interview(client)
    assert diary.post("/interviews", {"interview_id": first}).status_code == 200
    client.post(
        f"/api/v1/interviews/{first}/answers",
        json={"answers": [{"finding": "fever", "value": "absent"}]},
    )
    again = diary.post("/interviews", {"interview_id": first})
    assert again.json()["values"]["fever"] == "absent"
    second = start_interview(client)
    assert diary.post("/interviews", {"interview_id": second}).status_code == 200
    listed = diary.get("/interviews").json()["interviews"]
    assert [i["interview_id"] for i in listed] == [first, second]
    assert count_rows(client, DiaryInterview) == 2
    assert diary.get().json()["interviews"] == 2


# --- exports -----------------------------------------------------------------------------


def test_csv_export(diary, today):
    yesterday = today - dt.timedelta(days=1)
    medicines = [
        {"inn": "furosemide", "atc": "C03CA01"},
        {"inn": "atorvastatin", "atc": "C10AA05"},
    ]
    diary.put(yesterday, {**BODY, "note": "=HYPERLINK(1)", "medicines": medicines})
    diary.put(today, {"symptoms": []})
    response = diary.get("/export/csv")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert "attachment" in response.headers["content-disposition"]
    assert response.content.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert tuple(table[0]) == COLUMNS
    assert table[1] == [
        yesterday.isoformat(),
        "cramp;urge_to_move",
        "2",
        "6",
        "30",
        "caffeine;long_sitting_standing",
        "stretching;walking",
        "stretching",
        "'=HYPERLINK(1)",
        "furosemide (C03CA01);atorvastatin (C10AA05)",  # by ATC code
    ]
    assert table[2] == [today.isoformat(), "", "0", "0", "0", "", "", "", "", ""]
    assert len(table) == 3


def test_fhir_export_of_30_entries_and_an_interview_validates(client, diary, today):
    fill(diary, today, 30)
    labs = [{"finding": "potassium", "value": 4.1}, {"finding": "tsat", "value": 25}]
    interview = start_interview(client, SELF_CARE_EVIDENCE + labs)
    assert diary.post("/interviews", {"interview_id": interview}).status_code == 200
    response = diary.get("/export/fhir", params={"language": "en"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/fhir+json")
    data = response.json()
    bundle = Bundle.model_validate(data)
    assert bundle.type == "collection"

    resources = [entry["resource"] for entry in data["entry"]]
    kinds = [r["resourceType"] for r in resources]
    urls = [entry["fullUrl"] for entry in data["entry"]]
    assert len(set(urls)) == len(urls)
    assert all(url.startswith("urn:uuid:") for url in urls)
    assert kinds.count("Patient") == 1
    patient = next(r for r in resources if r["resourceType"] == "Patient")
    assert set(patient) == {"resourceType", "id"}  # no personal data at all

    (response_resource,) = [r for r in resources if r["resourceType"] == "QuestionnaireResponse"]
    assert response_resource["questionnaire"].endswith(f"|{load_kb().version}")
    answered = {item["linkId"]: item["answer"][0] for item in response_resource["item"]}
    assert answered["urge_to_move"] == {"valueBoolean": True}
    assert answered["age"]["valueQuantity"]["value"] == 31

    observations = [r for r in resources if r["resourceType"] == "Observation"]
    nights = [o for o in observations if o["code"]["coding"][0]["code"] == "night"]
    assert len(nights) == 30
    weekly = [o for o in observations if o["code"]["coding"][0]["code"] == "symptom-nights-week"]
    assert 4 <= len(weekly) <= 5
    assert [o for o in observations if o["code"]["coding"][0]["code"] == "diary-summary"]
    first = next(o for o in nights if o["valueBoolean"])
    parts = {c["code"]["coding"][0]["code"] for c in first["component"]}
    assert {"severity", "episodes", "minutes-awake", "symptom", "walking"} <= parts

    laboratory = [o for o in observations if o["category"][0]["coding"][0]["code"] == "laboratory"]
    assert {
        (
            o["code"]["coding"][0]["system"],
            o["code"]["coding"][0]["code"],
            o["valueQuantity"]["code"],
        )
        for o in laboratory
    } == {("http://loinc.org", "2823-3", "mmol/L"), ("http://loinc.org", "2502-3", "%")}

    conditions = [r for r in resources if r["resourceType"] == "Condition"]
    assert conditions
    for condition in conditions:
        assert condition["verificationStatus"]["coding"][0]["code"] == "provisional"
        systems = {c["system"] for c in condition["code"]["coding"]}
        assert systems <= {
            "http://hl7.org/fhir/sid/icd-10",
            "http://hl7.org/fhir/sid/icd-10-cm",
            "http://snomed.info/sct",
        }
    rls = next(c for c in conditions if c["code"]["text"] == "Restless legs syndrome")
    assert {(c["system"], c["code"]) for c in rls["code"]["coding"]} == {
        ("http://hl7.org/fhir/sid/icd-10", "G25.8"),
        ("http://hl7.org/fhir/sid/icd-10-cm", "G25.81"),
        ("http://snomed.info/sct", "32914008"),
    }

    requests = [r for r in resources if r["resourceType"] == "ServiceRequest"]
    assert requests
    assert {(r["status"], r["intent"]) for r in requests} == {("draft", "proposal")}
    assert "ferritin" in {r["code"]["coding"][0]["code"] for r in requests}
    again = diary.get("/export/fhir", params={"language": "en"}).json()
    assert [e["fullUrl"] for e in again["entry"]] == urls  # stable ids


def test_fhir_export_without_an_interview(diary, today):
    diary.put(today, {"symptoms": []})
    data = diary.get("/export/fhir").json()
    Bundle.model_validate(data)
    kinds = {entry["resource"]["resourceType"] for entry in data["entry"]}
    assert kinds == {"Patient", "Observation"}


def test_json_export_holds_everything_but_the_secrets(client, diary, today):
    diary.put(today, BODY)
    interview = start_interview(client)
    diary.post("/interviews", {"interview_id": interview})
    response = diary.get("/export/json")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    data = response.json()
    assert data["format"] == "nightlegs-diary-export"
    assert data["diary"]["id"] == diary.id
    assert data["entries"][0]["note"] == BODY["note"]
    assert data["interviews"][0]["interview_id"] == interview
    assert data["interviews"][0]["assessment"]["triage"]["level"] == "self_care"
    assert data["summary"]["entries"] == 1
    assert data["assessment"]["kb_version"] == load_kb().version
    assert data["share_links"] == []
    assert len(data["sign_ins"]) == 1
    text = response.text
    with app_sessions(client)() as session:
        row = session.get_one(DiaryRow, diary.id)
        digests = list(session.scalars(select(DiaryToken.token_hash)))
    for secret in (diary.token, diary.code, row.lookup_key, row.code_hash, *digests):
        assert secret not in text
    assert json.loads(text) == data


# --- deleting everything ---------------------------------------------------------------


def test_delete_everything(client, diary, new_diary, today):
    other = new_diary()
    other.put(today, {"symptoms": []})
    diary.put(today, BODY)
    interview = start_interview(client)
    kept = start_interview(client)
    diary.post("/interviews", {"interview_id": interview})
    other.post("/interviews", {"interview_id": kept})

    unconfirmed = diary.delete()
    assert unconfirmed.status_code == 422
    assert diary.delete(params={"confirm": "yes"}).status_code == 422
    assert diary.get("/entries").json()["entries"]

    assert diary.delete(params={"confirm": "delete"}).status_code == 204
    for path in ("", "/entries", "/summary", "/assessment", "/export/csv", "/export/fhir"):
        assert diary.get(path).status_code == 404, path
    assert diary.put(today, {"symptoms": []}).status_code == 404
    assert diary.delete(params={"confirm": "delete"}).status_code == 404
    signed = client.post("/api/v1/diaries/session", json={"recovery_code": diary.code})
    assert signed.status_code == 401
    assert client.get(f"/api/v1/interviews/{interview}/result").status_code == 404

    with app_sessions(client)() as session:
        assert session.get(DiaryRow, diary.id) is None
        assert session.get(Interview, interview) is None
        assert session.get(Interview, kept) is not None
        for model in (DiaryEntry, DiaryInterview, DiaryToken):
            left = session.scalars(select(model).where(model.diary_id == diary.id)).all()
            assert left == [], model
    assert other.get("/entries").json()["entries"]
    assert other.get("/interviews").json()["interviews"]


def test_the_openapi_document_lists_the_diary(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path, method in (
        ("/api/v1/diaries", "post"),
        ("/api/v1/diaries/session", "post"),
        ("/api/v1/diaries/{id}", "delete"),
        ("/api/v1/diaries/{id}/entries/{date}", "put"),
        ("/api/v1/diaries/{id}/entries", "get"),
        ("/api/v1/diaries/{id}/summary", "get"),
        ("/api/v1/diaries/{id}/assessment", "get"),
        ("/api/v1/diaries/{id}/interviews", "post"),
        ("/api/v1/diaries/{id}/export/fhir", "get"),
        ("/api/v1/diaries/{id}/export/csv", "get"),
        ("/api/v1/diaries/{id}/export/json", "get"),
    ):
        assert method in paths[path], (path, method)
    put = paths["/api/v1/diaries/{id}/entries/{date}"]["put"]
    assert {"200", "201", "401", "404", "422"} <= set(put["responses"])
    assert put["security"]
