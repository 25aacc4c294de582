"""POST /api/v1/complaints/parse (contract v2, "Free text and medicine names").

The contract's own example, offsets into the text as sent, the 2,000-character cap, and
the text kept out of every log: the app's (caplog, a failing parse too) and a real
server's, its access log included.
"""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import httpx2 as httpx
import pytest
from starlette.testclient import TestClient

from nightlegs.api import complaints as endpoint
from nightlegs.complaints import ParseResult
from nightlegs.knowledge import KnowledgeBase
from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.servers import environment, server

URL = "/api/v1/complaints/parse"
EXAMPLE = "крутить ноги вночі, не можу заснути, треба ходити; набряків немає"
MARKER = "пурпуровий-ліхтар-4417"  # in no answer of ours: were it logged or echoed, it shows


def test_the_contract_example(client: TestClient) -> None:
    response = client.post(URL, json={"language": "uk", "text": EXAMPLE})
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == {"language", "candidates", "medicines", "unrecognised"}
    assert body["language"] == "uk"
    # The contract's three candidates, to the character (the parser gives a few more).
    for finding, value, start, end, text in (
        ("evening_night_predominance", "present", 13, 18, "вночі"),
        ("urge_to_move", "present", 37, 49, "треба ходити"),
        ("evening_swelling", "absent", 51, 65, "набряків немає"),
    ):
        candidate = {"finding": finding, "value": value, "start": start, "end": end, "text": text}
        assert candidate in body["candidates"]
    assert body["medicines"] == []


@pytest.mark.parametrize(
    "text",
    [
        EXAMPLE,
        "  Ноги КРУТИТЬ 🦵 вночі!!\n\tмені 63, судоми 3 рази на тиждень",
        "leg cramps — every night; ferritin 12 ng/mL",
        "п'ю фуросемід і аторвакор, зводить литку",
    ],
)
def test_offsets_are_into_the_text_as_sent(client: TestClient, text: str) -> None:
    body = client.post(URL, json={"language": "uk", "text": text}).json()
    assert body["candidates"]
    for item in [*body["candidates"], *body["medicines"]]:
        assert text[item["start"] : item["end"]] == item["text"], item


def test_numbers_carry_their_unit_and_stay_numbers(client: TestClient) -> None:
    body = client.post(URL, json={"text": "мені 63, феритин 12 нг/мл"}).json()
    by_finding = {c["finding"]: c for c in body["candidates"]}
    assert by_finding["age"]["value"] == 63
    assert by_finding["ferritin"] == {**by_finding["ferritin"], "value": 12, "unit": "ng/mL"}
    assert "unit" not in by_finding["age"]


def test_medicines_come_back_with_their_class_findings(client: TestClient) -> None:
    body = client.post(URL, json={"language": "uk", "text": "п'ю фуросемід, зводить литку"})
    medicines = body.json()["medicines"]
    assert [m["inn"] for m in medicines] == ["furosemide"]
    assert medicines[0]["findings"] == ["med_loop_diuretic"]
    assert ("med_loop_diuretic", "present") in {
        (c["finding"], c["value"]) for c in body.json()["candidates"]
    }


def test_the_language_defaults_to_the_servers(client: TestClient) -> None:
    body = client.post(URL, json={"text": "ноги крутить"}).json()
    assert body["language"] == "uk"


def test_two_thousand_characters_are_read_one_more_is_refused_without_echo(
    client: TestClient,
) -> None:
    longest = ("ноги крутить " * 200)[:2000]
    assert client.post(URL, json={"text": longest}).status_code == 200
    refused = client.post(URL, json={"text": longest + MARKER})
    assert refused.status_code == 422
    assert MARKER not in refused.text
    assert "ноги крутить" not in refused.text


@pytest.mark.parametrize(
    "body",
    [{}, {"text": 5}, {"text": "ноги", "language": "de"}, {"text": "ноги", "extra": 1}],
)
def test_a_malformed_body_is_refused(client: TestClient, body: dict[str, object]) -> None:
    assert client.post(URL, json=body).status_code == 422


def test_the_text_never_reaches_a_log(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client.post(URL, json={"language": "uk", "text": f"ноги крутить {MARKER}"})
    client.post(URL, json={"language": "uk", "text": MARKER * 200})

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError(f"could not read {MARKER}")

    monkeypatch.setattr(endpoint, "parse", broken)
    with TestClient(client.app, raise_server_exceptions=False) as failing:
        assert failing.post(URL, json={"text": MARKER}).status_code == 500
    logged = "\n".join(f"{r.name}: {r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert caplog.records, "the failure was logged (without its text)"
    assert MARKER not in logged
    assert "крутить" not in logged


def test_the_published_request_refuses_unknown_fields_and_caps_the_text(
    client: TestClient,
) -> None:
    schema = client.get("/openapi.json").json()["components"]["schemas"]["ComplaintRequest"]
    assert schema["additionalProperties"] is False
    assert schema["properties"]["text"]["maxLength"] == 2000


@pytest.mark.slow
def test_a_real_servers_logs_hold_no_text(tmp_path: Path, settings: Settings) -> None:
    """Everything a served parse prints (its access log at the info level too)."""
    migrate.upgrade(settings)
    env = {
        **environment(database_url=settings.database_url, log_level="debug"),
        "PYTHONUNBUFFERED": "1",
    }
    log = tmp_path / "server.log"
    with server(env, log) as (base, process):
        for text in (f"ноги крутить {MARKER}", MARKER * 300):
            httpx.post(f"{base}{URL}", json={"text": text}, timeout=30)
        process.terminate()
        process.wait(timeout=10)
    logged = log.read_text(errors="replace")
    assert '"POST /api/v1/complaints/parse HTTP/1.1" 200' in logged, logged
    assert '"POST /api/v1/complaints/parse HTTP/1.1" 422' in logged, logged
    assert MARKER not in logged
    assert "крутить" not in logged


def test_a_medicine_has_the_lookups_shape(client: TestClient) -> None:
    """One model of a medicine found, for both endpoints: published once, and the parser's
    medicines equal the lookup's for the same words."""
    schemas = client.get("/openapi.json").json()["components"]["schemas"]
    parsed_items = schemas["ComplaintParse"]["properties"]["medicines"]["items"]
    looked_up_items = schemas["MedicineLookup"]["properties"]["medicines"]["items"]
    assert parsed_items == looked_up_items == {"$ref": "#/components/schemas/MedicineFound"}
    text = "п'ю фуросемід і аторвакор"
    parsed = client.post(URL, json={"language": "uk", "text": text}).json()["medicines"]
    looked_up = client.post(
        "/api/v1/medicines/lookup", json={"language": "uk", "text": text}
    ).json()["medicines"]
    assert [m["inn"] for m in parsed] == ["furosemide", "atorvastatin"]
    assert parsed == looked_up


@pytest.mark.parametrize("uk_dictionary", [True, False])
def test_the_setting_chooses_the_ukrainian_dictionary(
    make_settings: Callable[..., Settings],
    make_client: Callable[..., TestClient],
    monkeypatch: pytest.MonkeyPatch,
    uk_dictionary: bool,
) -> None:
    """NIGHTLEGS_UK_DICTIONARY reaches the parser (docs/licences.md)."""
    asked: list[bool] = []
    real = endpoint.parse

    def spy(text: str, language: str, kb: KnowledgeBase, uk_dictionary: bool) -> ParseResult:
        asked.append(uk_dictionary)
        return real(text, language, kb, uk_dictionary=uk_dictionary)

    monkeypatch.setattr(endpoint, "parse", spy)
    monkeypatch.setenv("NIGHTLEGS_UK_DICTIONARY", str(uk_dictionary).lower())
    client = make_client(make_settings())
    response = client.post(URL, json={"language": "uk", "text": EXAMPLE})
    assert response.status_code == 200, response.text
    assert asked == [uk_dictionary]
