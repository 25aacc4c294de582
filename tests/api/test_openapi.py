import pytest

from nightlegs import __version__

PATHS = {
    "/api/v1/health": {"get": "get_health"},
    "/api/v1/assessments": {"post": "create_assessment"},
    "/api/v1/interviews": {"post": "start_interview"},
    "/api/v1/interviews/{id}/answers": {"post": "answer_interview"},
    "/api/v1/interviews/{id}/result": {"get": "get_interview_result"},
    # The night diary (docs/diary.md).
    "/api/v1/diaries": {"post": "create_diary"},
    "/api/v1/diaries/session": {"post": "sign_in_to_diary", "delete": "sign_out_of_diary"},
    "/api/v1/diaries/{id}": {"get": "get_diary", "delete": "delete_diary"},
    "/api/v1/diaries/{id}/entries": {"get": "list_diary_entries"},
    "/api/v1/diaries/{id}/entries/{date}": {
        "put": "put_diary_entry",
        "get": "get_diary_entry",
        "delete": "delete_diary_entry",
    },
    "/api/v1/diaries/{id}/summary": {"get": "get_diary_summary"},
    "/api/v1/diaries/{id}/interviews": {
        "post": "save_interview_to_diary",
        "get": "list_diary_interviews",
    },
    "/api/v1/diaries/{id}/assessment": {"get": "get_diary_assessment"},
    "/api/v1/diaries/{id}/export/csv": {"get": "export_diary_csv"},
    "/api/v1/diaries/{id}/export/fhir": {"get": "export_diary_fhir"},
    "/api/v1/diaries/{id}/export/json": {"get": "export_diary_json"},
    # Sharing with a doctor (docs/diary.md, "Sharing").
    "/api/v1/diaries/{id}/shares": {"post": "create_diary_share", "get": "list_diary_shares"},
    "/api/v1/diaries/{id}/shares/{share_id}": {"delete": "revoke_diary_share"},
    "/api/v1/shared/{token}": {"get": "get_shared_diary"},
    # Medicine names (contract v2, "Free text and medicine names").
    "/api/v1/medicines/lookup": {"post": "lookup_medicines"},
    "/api/v1/complaints/parse": {"post": "parse_complaint"},
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
        ("/api/v1/interviews", "post", {"201", "413", "422", "429"}),
        ("/api/v1/interviews/{id}/answers", "post", {"200", "404", "413", "422"}),
        ("/api/v1/interviews/{id}/result", "get", {"200", "404", "422"}),
        ("/api/v1/medicines/lookup", "post", {"200", "413", "422"}),
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
