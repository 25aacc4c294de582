import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from nightlegs.app import create_app
from nightlegs.engine.interview import RECHECK_ID
from nightlegs.knowledge import load_kb
from nightlegs.store import migrate
from nightlegs.store.models import Interview

from .helpers import RLS_EVIDENCE, answer, findings, neutral_answers

MAX_QUESTIONS = 30


def start(client, body):
    response = client.post("/api/v1/interviews", json=body)
    assert response.status_code == 201, response.text
    return response.json()


def result(client, interview_id):
    response = client.get(f"/api/v1/interviews/{interview_id}/result")
    assert response.status_code == 200, response.text
    return response.json()


def stored(app, interview_id):
    with app.state.nightlegs.sessions() as session:
        return session.scalars(select(Interview).where(Interview.id == interview_id)).one()


def test_it_starts_with_a_question(client):
    step = start(client, {"language": "en"})
    assert set(step) == {"id", "done", "progress", "question"}
    assert isinstance(step["id"], str)
    assert len(step["id"]) >= 16
    assert step["done"] is False
    assert step["progress"] == 0.0
    question = step["question"]
    assert question["type"] in {"single", "group_single", "group_multiple", "number", "choice"}
    assert question["text"]
    assert question["items"]
    for item in question["items"]:
        assert item["label"]


def test_ids_are_not_guessable(client):
    ids = {start(client, {"language": "en"})["id"] for _ in range(5)}
    assert len(ids) == 5


def test_the_question_is_in_the_interview_language(client):
    english = start(client, {"language": "en"})["question"]
    russian = start(client, {"language": "ru"})["question"]
    assert english["id"] == russian["id"]
    assert english["text"] != russian["text"]


def test_the_language_defaults_to_the_settings(client, app):
    step = start(client, {})
    assert stored(app, step["id"]).language == "uk"


@pytest.mark.parametrize("language", ["en", "uk", "ru"])
def test_answering_every_question_finishes(client, language):
    step = start(client, {"language": language})
    asked: set[str] = set()
    questions = 0
    progress = [step["progress"]]
    while not step["done"]:
        questions += 1
        assert questions <= MAX_QUESTIONS
        question = step["question"]
        assert not asked & set(findings(question)), f"{question['id']} repeats a finding"
        asked |= set(findings(question))
        step = answer(client, step["id"], neutral_answers(question))
        progress.append(step["progress"])
    assert step["question"] is None
    assert step["progress"] == 1.0
    assert progress == sorted(progress)
    assessment = result(client, step["id"])
    assert assessment["provisional"] is False
    assert assessment["language"] == language


def walk(client, step, evidence):
    """Answer from ``evidence`` where it has the finding, else neutrally; answers the last step
    and the findings asked."""
    known = {item["finding"]: item["value"] for item in evidence}
    asked: list[str] = []
    while not step["done"]:
        question = step["question"]
        assert len(asked) < 200
        repeated = set(asked) & set(findings(question))
        assert not repeated, f"{question['id']} asks again about {repeated}"
        asked.extend(findings(question))
        answers = [
            {"finding": item["finding"], "value": known[item["finding"]]}
            if item["finding"] in known
            else neutral
            for item, neutral in zip(question["items"], neutral_answers(question), strict=True)
        ]
        step = answer(client, step["id"], answers)
    return step, asked


def test_an_rls_interview_ends_with_rls(client):
    step, _ = walk(client, start(client, {"language": "en"}), RLS_EVIDENCE)
    assessment = result(client, step["id"])
    assert assessment["provisional"] is False
    assert assessment["conditions"][0]["id"] == "restless_legs_syndrome"


def test_a_question_never_asks_what_the_evidence_already_says(client):
    known = RLS_EVIDENCE[:6]
    step = start(client, {"language": "en", "evidence": known})
    _, asked = walk(client, step, RLS_EVIDENCE)
    assert not {item["finding"] for item in known} & set(asked)


def test_the_result_is_provisional_before_the_end(client):
    step = start(client, {"language": "en", "evidence": RLS_EVIDENCE[:5]})
    assessment = result(client, step["id"])
    assert assessment["provisional"] is True
    assert assessment["kb_version"] == load_kb().version


def test_a_later_answer_wins(client):
    first = start(client, {"language": "en"})
    urgent = first["question"]
    answers = neutral_answers(urgent)
    alarm = {"finding": "sudden_breathlessness_chest_pain", "value": "present"}
    assert alarm["finding"] in findings(urgent)
    answer(client, first["id"], [*answers, alarm])
    assert result(client, first["id"])["triage"]["level"] == "emergency_ambulance"

    revised = answer(client, first["id"], [{**alarm, "value": "absent"}])
    assert result(client, first["id"])["triage"]["level"] != "emergency_ambulance"
    assert alarm["finding"] not in findings(revised["question"] or {"items": []})


def test_going_back_keeps_the_pending_question(client, app):
    step = start(client, {"language": "en"})
    first = step["question"]
    step = answer(client, step["id"], neutral_answers(first))
    pending = step["question"]
    # Back to the first question, answered the same way again: the pending one is next.
    again = answer(client, step["id"], neutral_answers(first))
    assert again["question"] == pending
    assert [a["question_id"] for a in stored(app, step["id"]).asked] == [first["id"]]
    # Answering it moves on.
    after = answer(client, step["id"], neutral_answers(pending))
    assert after["question"]["id"] != pending["id"]


def test_answers_are_stored_normalised(client, app):
    step = start(client, {"language": "en"})
    answer(client, step["id"], [{"finding": "magnesium", "value": 1.8, "unit": "mg/dL"}])
    interview = stored(app, step["id"])
    assert interview.values["magnesium"] == pytest.approx(0.7407, abs=1e-3)
    assert interview.kb_version == load_kb().version
    assert interview.kb_hash == load_kb().content_hash


def test_a_partly_answered_question_asks_the_rest(client):
    step = start(client, {"language": "en"})
    question = step["question"]
    assert len(question["items"]) > 1
    answers = neutral_answers(question)
    step = answer(client, step["id"], answers[:1])
    assert step["question"]["id"] == question["id"]
    assert findings(step["question"]) == findings(question)[1:]


def test_an_unknown_red_flag_is_asked_once_more(client):
    step = start(client, {"language": "en"})
    question = step["question"]
    answers = [{"finding": f, "value": "unknown"} for f in findings(question)]
    step = answer(client, step["id"], answers)
    assert step["question"]["id"] == RECHECK_ID
    step = answer(client, step["id"], neutral_answers(step["question"]))
    assert step["question"]["id"] != RECHECK_ID


def test_a_done_interview_can_still_be_revised(client):
    step = start(client, {"language": "en"})
    while not step["done"]:
        step = answer(client, step["id"], neutral_answers(step["question"]))
    again = answer(client, step["id"], [{"finding": "fever", "value": "absent"}])
    assert again["done"] is True
    assert result(client, step["id"])["provisional"] is False


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("post", "/api/v1/interviews/{id}/answers", {"answers": []}),
        ("get", "/api/v1/interviews/{id}/result", None),
    ],
)
def test_an_unknown_interview_is_404(client, method, path, body):
    for unknown in ("nope", "x" * 200, "Ab3-_x" * 4):
        response = client.request(method, path.format(id=unknown), json=body)
        assert response.status_code == 404
        assert response.json() == {"detail": "interview not found"}


def test_an_expired_interview_is_404_and_deleted(make_client, make_settings):
    client = make_client(make_settings(interview_ttl_hours=1))
    step = start(client, {"language": "en"})
    context = client.app.state.nightlegs
    with context.sessions.begin() as session:
        interview = session.get(Interview, step["id"])
        interview.updated_at = interview.updated_at.replace(year=2000)
    assert client.get(f"/api/v1/interviews/{step['id']}/result").status_code == 404
    start(client, {"language": "en"})
    with context.sessions() as session:
        assert session.get(Interview, step["id"]) is None


def test_bad_evidence_at_the_start_stores_nothing(client, app):
    response = client.post(
        "/api/v1/interviews",
        json={"language": "en", "evidence": [{"finding": "severity", "value": 99}]},
    )
    assert response.status_code == 422
    assert response.json()["detail"][0]["finding"] == "severity"
    with app.state.nightlegs.sessions() as session:
        assert session.scalars(select(Interview)).all() == []


@pytest.mark.parametrize(
    "body",
    [
        pytest.param({"answers": [{"finding": "severity", "value": 99}]}, id="out-of-range"),
        pytest.param(
            {"answers": [{"finding": "fever", "value": "absent"}, {"finding": "x", "value": 1}]},
            id="one-bad-of-two",
        ),
        pytest.param({"answers": [{"finding": "fever", "value": "absent"}], "x": 1}, id="extra"),
        pytest.param({}, id="no-answers"),
    ],
)
def test_a_refused_answer_changes_nothing(client, app, body):
    step = start(client, {"language": "en"})
    step = answer(client, step["id"], neutral_answers(step["question"]))
    before = stored(app, step["id"])
    response = client.post(f"/api/v1/interviews/{step['id']}/answers", json=body)
    assert response.status_code == 422
    after = stored(app, step["id"])
    assert (after.values, after.asked, after.pending, after.done, after.updated_at) == (
        before.values,
        before.asked,
        before.pending,
        before.done,
        before.updated_at,
    )
    # ...and the interview carries on where it was.
    again = answer(client, step["id"], neutral_answers(step["question"]))
    assert again["done"] or again["question"]["id"] != step["question"]["id"]


def test_answer_errors_point_into_answers(client):
    step = start(client, {"language": "en"})
    response = client.post(
        f"/api/v1/interviews/{step['id']}/answers",
        json={
            "answers": [{"finding": "fever", "value": "absent"}, {"finding": "fever", "value": 3}]
        },
    )
    assert response.status_code == 422
    [problem] = response.json()["detail"]
    assert problem["loc"] == ["body", "answers", 1]
    assert problem["finding"] == "fever"


def test_it_survives_a_restart(settings):
    migrate.upgrade(settings)
    with TestClient(create_app(settings)) as first:
        step = start(first, {"language": "uk"})
        step = answer(first, step["id"], neutral_answers(step["question"]))
        pending = step["question"]

    with TestClient(create_app(settings)) as second:
        step = answer(second, step["id"], neutral_answers(pending))
        while not step["done"]:
            step = answer(second, step["id"], neutral_answers(step["question"]))
        assert result(second, step["id"])["language"] == "uk"
