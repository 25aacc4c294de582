"""The API takes a unit in any spelling of the knowledge base's unit table (kb/units.yaml):
"нг/мл" as "ng/mL", "г/дл" as "g/dL"; numbers stay JSON numbers (the contract's Evidence)."""

# ruff: noqa: RUF001, RUF002 - Ukrainian and Russian units are meant to contain Cyrillic letters

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from nightlegs.knowledge import KnowledgeBase
from tests.api.helpers import RLS_EVIDENCE


def factors(client: TestClient, *evidence: dict[str, Any]) -> list[str]:
    response = client.post(
        "/api/v1/assessments", json={"language": "en", "evidence": [*RLS_EVIDENCE, *evidence]}
    )
    assert response.status_code == 200, response.text
    return [factor["id"] for factor in response.json()["factors"]]


@pytest.mark.parametrize("unit", ["ng/mL", "нг/мл", "NG/ML", "мкг/л", "µg/L", "mcg/L", "ug/l"])
def test_every_spelling_of_ferritins_units_is_taken(client: TestClient, unit: str) -> None:
    low = {"finding": "ferritin", "value": 18.5, "unit": unit}
    high = {"finding": "ferritin", "value": 185, "unit": unit}
    assert "iron_deficiency" in factors(client, low)
    assert "iron_deficiency" not in factors(client, high)


def test_every_spelling_in_the_table_converts_as_its_unit(
    client: TestClient, kb: KnowledgeBase
) -> None:
    """Haemoglobin 13,5 g/dL is 135 g/L: not anaemia, however "g/dL" is written; 13,5 g/L
    would be refused (outside the range)."""
    spellings = [key for key, unit in kb.unit_spellings.items() if unit == "g/dL"]
    assert {"г/дл", "g/dl"} <= set(spellings)
    for spelling in spellings:
        response = client.post(
            "/api/v1/assessments",
            json={"evidence": [{"finding": "haemoglobin", "value": 13.5, "unit": spelling}]},
        )
        assert response.status_code == 200, (spelling, response.text)


def test_a_unit_the_finding_does_not_take_is_refused_by_name(client: TestClient) -> None:
    response = client.post(
        "/api/v1/assessments",
        json={"evidence": [{"finding": "ferritin", "value": 18.5, "unit": "ммоль/л"}]},
    )
    assert response.status_code == 422
    assert "unknown unit 'ммоль/л' for ferritin" in response.text


@pytest.mark.parametrize("value", ["18,5", "18.5", "18,5 мкг/л"])
def test_a_number_is_a_json_number(client: TestClient, value: str) -> None:
    response = client.post(
        "/api/v1/assessments", json={"evidence": [{"finding": "ferritin", "value": value}]}
    )
    assert response.status_code == 422
