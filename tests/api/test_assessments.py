import re

import pytest

from .helpers import RLS_EVIDENCE

CYRILLIC = re.compile("[\u0400-\u04ff]")


def post(client, body):
    return client.post("/api/v1/assessments", json=body)


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_it_assesses_restless_legs(client, language):
    response = post(client, {"language": language, "evidence": RLS_EVIDENCE})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["language"] == language
    assert body["provisional"] is False
    assert body["triage"]["level"] == "consultation"
    assert body["conditions"][0]["id"] == "restless_legs_syndrome"
    assert body["out_of_scope"] is False
    assert "neurologist" in [s["id"] for s in body["specialists"]]
    text = body["disclaimer"] + body["conditions"][0]["name"]
    assert bool(CYRILLIC.search(text)) is (language != "en")


def test_languages_give_different_texts(client):
    texts = {
        language: post(client, {"language": language, "evidence": RLS_EVIDENCE}).json()[
            "disclaimer"
        ]
        for language in ("en", "uk", "ru")
    }
    assert len(set(texts.values())) == 3


def test_the_language_defaults_to_the_settings(make_client, make_settings):
    client = make_client(make_settings(default_language="ru"))
    assert post(client, {"evidence": RLS_EVIDENCE}).json()["language"] == "ru"


def test_the_default_language_is_ukrainian(client):
    assert post(client, {"evidence": []}).json()["language"] == "uk"


def test_no_evidence_is_out_of_scope(client):
    response = post(client, {"language": "en"})
    assert response.status_code == 200
    assert response.json()["conditions"] == []


def test_warnings_use_the_emergency_numbers_of_the_settings(make_client, make_settings):
    client = make_client(make_settings(emergency_ambulance="0999", emergency_general="0888"))
    evidence = [
        {"finding": "leg_symptoms", "value": "present"},
        {"finding": "sudden_breathlessness_chest_pain", "value": "present"},
    ]
    body = post(client, {"language": "en", "evidence": evidence}).json()
    assert body["triage"]["level"] == "emergency_ambulance"
    assert "0999" in body["triage"]["safety_net"]
    assert "103" not in body["triage"]["safety_net"]


#: Refused evidence items, by test id: the item, and what the message says about it.
BAD_ITEMS = {
    "unknown-finding": ({"finding": "no_such_finding", "value": "present"}, "unknown finding"),
    "text-for-a-number": (
        {"finding": "severity", "value": "present"},
        "takes a number from 0 to 10",
    ),
    "number-for-a-boolean": (
        {"finding": "urge_to_move", "value": 1},
        "takes present, absent or unknown",
    ),
    "not-a-choice": ({"finding": "sex", "value": "maybe"}, "or unknown"),
    "out-of-range": ({"finding": "severity", "value": 11}, "outside its range"),
    "unknown-unit": (
        {"finding": "ferritin", "value": 40, "unit": "furlongs"},
        "unknown unit 'furlongs'",
    ),
}


@pytest.mark.parametrize(("item", "words"), BAD_ITEMS.values(), ids=BAD_ITEMS)
def test_bad_evidence_is_refused_naming_the_finding(client, item, words):
    evidence = [{"finding": "leg_symptoms", "value": "present"}, item]
    response = post(client, {"language": "en", "evidence": evidence})
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["finding"] == item["finding"]
    assert problem["loc"] == ["body", "evidence", 1]
    assert words in problem["message"]
    assert problem["msg"] == problem["message"]


def test_every_bad_item_is_reported(client):
    evidence = [
        {"finding": "severity", "value": 11},
        {"finding": "leg_symptoms", "value": "present"},
        {"finding": "nope", "value": "present"},
    ]
    response = post(client, {"evidence": evidence})
    assert response.status_code == 422
    assert [p["loc"][-1] for p in response.json()["detail"]] == [0, 2]


def test_an_out_of_range_message_says_what_is_accepted(client):
    response = post(client, {"evidence": [{"finding": "ferritin", "value": 6000}]})
    [problem] = response.json()["detail"]
    assert "a number from 0 to 5000" in problem["message"]


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"evidence": [], "unexpected": 1}, id="unknown-body-field"),
        pytest.param(
            {"evidence": [{"finding": "age", "value": 40, "extra": 1}]}, id="unknown-item-field"
        ),
        pytest.param({"language": "de", "evidence": []}, id="bad-language"),
        pytest.param({"evidence": [{"finding": "age", "value": True}]}, id="boolean-value"),
        pytest.param({"evidence": [{"finding": "age", "value": None}]}, id="null-value"),
        pytest.param({"evidence": [{"finding": "age", "value": [1]}]}, id="list-value"),
        pytest.param({"evidence": [{"value": 40}]}, id="no-finding"),
        pytest.param({"evidence": {"finding": "age", "value": 40}}, id="not-a-list"),
        pytest.param([], id="not-an-object"),
    ],
)
def test_a_malformed_body_is_refused(client, body):
    response = post(client, body)
    assert response.status_code == 422
    assert response.json()["detail"]


def test_invalid_json_is_refused(client):
    response = client.post(
        "/api/v1/assessments", content=b"{", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422


def test_numbers_json_cannot_carry_are_refused_not_a_server_error(client):
    for raw in (
        b'{"evidence": NaN}',
        b'{"evidence": [{"finding": "age", "value": NaN}]}',
        b'{"evidence": [{"finding": "age", "value": -Infinity}]}',
        b'{"evidence": [{"finding": "age", "value": 1e400}]}',
        b'{"evidence": [{"finding": "age", "value": 1' + b"0" * 400 + b"}]}",
    ):
        response = client.post(
            "/api/v1/assessments", content=raw, headers={"content-type": "application/json"}
        )
        assert response.status_code == 422, raw


def test_ferritin_in_ng_per_ml_is_accepted(client):
    evidence = [
        *RLS_EVIDENCE,
        {"finding": "ferritin", "value": 22, "unit": "ng/mL"},
    ]
    response = post(client, {"language": "en", "evidence": evidence})
    assert response.status_code == 200, response.text
    assert "iron_deficiency" in [f["id"] for f in response.json()["factors"]]


CRAMPS = [
    {"finding": "leg_symptoms", "value": "present"},
    {"finding": "sudden_muscle_contraction", "value": "present"},
]


def test_magnesium_in_mg_per_dl_is_converted(client):
    def factors(magnesium):
        body = post(client, {"language": "en", "evidence": [*CRAMPS, magnesium]}).json()
        return [f["id"] for f in body["factors"]]

    # 1.5 mg/dL is 0.62 mmol/L, under the 0.7 mmol/L limit; 1.5 mmol/L is not low.
    assert "magnesium_deficiency" in factors(
        {"finding": "magnesium", "value": 1.5, "unit": "mg/dL"}
    )
    assert "magnesium_deficiency" not in factors({"finding": "magnesium", "value": 1.5})
    assert "magnesium_deficiency" not in factors(
        {"finding": "magnesium", "value": 1.5, "unit": "mmol/L"}
    )


def test_the_range_is_checked_after_conversion(client):
    # 10 mg/dL is 4.1 mmol/L (in range); 10 mmol/L is not.
    ok = post(client, {"evidence": [{"finding": "magnesium", "value": 10, "unit": "mg/dL"}]})
    refused = post(client, {"evidence": [{"finding": "magnesium", "value": 10}]})
    assert ok.status_code == 200
    assert refused.status_code == 422


def test_unknown_is_accepted_for_every_kind_of_finding(client):
    evidence = [
        {"finding": "urge_to_move", "value": "unknown"},
        {"finding": "sex", "value": "unknown"},
        {"finding": "ferritin", "value": "unknown"},
    ]
    assert post(client, {"evidence": evidence}).status_code == 200
