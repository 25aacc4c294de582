import pytest

from nightlegs import __version__

PATHS = {
    "/api/v1/health": {"get": "get_health"},
    "/api/v1/assessments": {"post": "create_assessment"},
    "/api/v1/interviews": {"post": "start_interview"},
    "/api/v1/interviews/{id}/answers": {"post": "answer_interview"},
    "/api/v1/interviews/{id}/result": {"get": "get_interview_result"},
}


@pytest.fixture
def schema(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_it_publishes_exactly_the_contract_paths(schema):
    published = {
        path: {method: operation["operationId"] for method, operation in item.items()}
        for path, item in schema["paths"].items()
    }
    assert published == PATHS


def test_it_names_the_service(schema):
    assert schema["info"]["title"] == "nightlegs"
    assert schema["info"]["version"] == __version__


@pytest.mark.parametrize(
    ("path", "method", "codes"),
    [
        ("/api/v1/health", "get", {"200"}),
        ("/api/v1/assessments", "post", {"200", "413", "422"}),
        ("/api/v1/interviews", "post", {"201", "413", "422"}),
        ("/api/v1/interviews/{id}/answers", "post", {"200", "404", "413", "422"}),
        ("/api/v1/interviews/{id}/result", "get", {"200", "404", "422"}),
    ],
)
def test_it_declares_every_status_it_answers(schema, path, method, codes):
    assert set(schema["paths"][path][method]["responses"]) == codes


def test_request_bodies_refuse_unknown_fields(schema):
    components = schema["components"]["schemas"]
    for name in ("AssessmentRequest", "InterviewStart", "Answers", "Evidence"):
        assert components[name]["additionalProperties"] is False, name


def test_the_evidence_value_is_a_string_or_a_number(schema):
    value = schema["components"]["schemas"]["Evidence"]["properties"]["value"]
    assert {option["type"] for option in value["anyOf"]} == {"string", "number"}


def test_a_422_body_names_the_finding(schema):
    problem = schema["components"]["schemas"]["Problem"]["properties"]
    assert {"loc", "msg", "type", "finding", "message"} <= set(problem)
