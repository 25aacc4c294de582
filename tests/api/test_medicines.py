"""POST /api/v1/medicines/lookup: the shapes of the contract, the size limit, no logging."""

from __future__ import annotations

import logging

import pytest
from starlette.testclient import TestClient

from nightlegs.api import medicines as endpoint

URL = "/api/v1/medicines/lookup"
MARKER = "аторвакор-орхідея-4417"  # in no answer of ours: were it logged, it would show


def test_the_contract_example(client: TestClient) -> None:
    response = client.post(URL, json={"language": "ru", "text": "церукал, аторвакор, гептрал"})
    assert response.status_code == 200
    assert response.json() == {
        "medicines": [
            {"text": "церукал", "start": 0, "end": 7, "inn": "metoclopramide", "atc": "A03FA01",
             "name": "метоклопрамид", "findings": ["med_dopamine_antagonist"]},
            {"text": "аторвакор", "start": 9, "end": 18, "inn": "atorvastatin", "atc": "C10AA05",
             "name": "аторвастатин", "findings": ["med_statin"]},
            {"text": "гептрал", "start": 20, "end": 27, "inn": "ademetionine", "atc": "A16AA02",
             "name": "адеметионин", "findings": []},
        ],
        "unrecognised": [],
    }  # fmt: skip


def test_a_class_description_is_unrecognised_and_the_language_defaults(client: TestClient) -> None:
    response = client.post(URL, json={"text": "фуросемід, ліки від тиску"})
    body = response.json()
    assert [(m["inn"], m["name"]) for m in body["medicines"]] == [("furosemide", "фуросемід")]
    assert body["unrecognised"] == ["ліки від тиску"]


def test_offsets_are_into_the_text_as_sent(client: TestClient) -> None:
    text = "П'ю:\n  Лозап плюс 50/12,5\n  канкор 5 мг"
    body = client.post(URL, json={"language": "en", "text": text}).json()
    assert [(m["inn"], text[m["start"] : m["end"]]) for m in body["medicines"]] == [
        ("losartan + hydrochlorothiazide", "Лозап плюс"),
        ("bisoprolol", "канкор"),
    ]
    assert [m["name"] for m in body["medicines"]] == [
        "losartan + hydrochlorothiazide",
        "bisoprolol",
    ]


def test_two_thousand_characters_are_read_and_more_are_refused_without_echo(
    client: TestClient,
) -> None:
    longest = ("конкор, " * 250)[:2000]
    assert client.post(URL, json={"text": longest}).status_code == 200
    response = client.post(URL, json={"text": longest + MARKER})
    assert response.status_code == 422
    assert MARKER not in response.text
    assert "конкор" not in response.text


@pytest.mark.parametrize(
    "body",
    [{}, {"text": 5}, {"text": "конкор", "language": "de"}, {"text": "конкор", "extra": 1}],
)
def test_a_malformed_body_is_refused(client: TestClient, body: dict[str, object]) -> None:
    assert client.post(URL, json=body).status_code == 422


def test_the_text_never_reaches_a_log(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(URL, json={"language": "uk", "text": f"фуросемід, {MARKER}"})
    client.post(URL, json={"language": "uk", "text": MARKER * 200})

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"could not read {MARKER}")

    monkeypatch.setattr(endpoint, "taken_list", broken)
    with TestClient(client.app, raise_server_exceptions=False) as failing:
        assert failing.post(URL, json={"text": MARKER}).status_code == 500
    logged = "\n".join(f"{r.name}: {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert caplog.records, "the failure was logged (without its text)"
    assert MARKER not in logged
    assert "фуросемід" not in logged


def test_the_published_request_refuses_unknown_fields_and_caps_the_text(
    client: TestClient,
) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["MedicineLookupRequest"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["text"]["maxLength"] == 2000
