from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import StatementError
from sqlalchemy.orm import Session

from nightlegs.store import repository
from nightlegs.store.models import Interview

pytestmark = pytest.mark.every_database

TTL = timedelta(hours=72)


def create(session: Session, **overrides):
    fields = {
        "language": "uk",
        "values": {"leg_symptoms": "present", "age": 54.0, "ferritin": 22.5},
        "asked": [{"question_id": "q-one", "findings": ["leg_symptoms"]}],
        "pending": {"question_id": "q-two", "findings": ["urge_to_move", "worse_at_rest"]},
        "done": False,
        "kb_version": "2026.11.0",
        "kb_hash": "a" * 64,
        **overrides,
    }
    return repository.create(session, **fields)


def test_an_interview_round_trips(sessions):
    with sessions.begin() as session:
        interview_id = create(session).id
    with sessions() as session:
        interview = repository.get(session, interview_id, ttl=TTL)
        assert interview is not None
        assert interview.language == "uk"
        assert interview.values == {"leg_symptoms": "present", "age": 54.0, "ferritin": 22.5}
        assert interview.asked == [{"question_id": "q-one", "findings": ["leg_symptoms"]}]
        assert interview.pending == {
            "question_id": "q-two",
            "findings": ["urge_to_move", "worse_at_rest"],
        }
        assert interview.done is False
        assert interview.created_at.tzinfo is not None
        assert interview.created_at == interview.updated_at
        assert abs(datetime.now(UTC) - interview.created_at) < timedelta(minutes=1)


def test_ids_are_opaque_and_unique(sessions):
    with sessions.begin() as session:
        ids = {create(session).id for _ in range(20)}
    assert len(ids) == 20
    assert all(len(i) >= 22 and i.replace("-", "").replace("_", "").isalnum() for i in ids)


def test_an_unknown_id_is_none(sessions):
    with sessions() as session:
        assert repository.get(session, "nope", ttl=TTL) is None
        assert repository.get(session, "x" * 500, ttl=TTL) is None


def test_saving_answers_replaces_the_state(sessions):
    with sessions.begin() as session:
        interview_id = create(session).id
    later = datetime.now(UTC) + timedelta(seconds=5)
    with sessions.begin() as session:
        interview = repository.get(session, interview_id, ttl=TTL, for_update=True)
        assert interview is not None
        repository.save_answers(
            session,
            interview,
            values={**interview.values, "urge_to_move": "absent", "name": "Тетяна"},
            asked=[*interview.asked, {"question_id": "q-two", "findings": ["urge_to_move"]}],
            pending=None,
            done=True,
            kb_version="2026.12.0",
            kb_hash="b" * 64,
            now=later,
        )
    with sessions() as session:
        interview = session.get(Interview, interview_id)
        assert interview is not None
        assert interview.values["urge_to_move"] == "absent"
        assert interview.values["name"] == "Тетяна"
        assert len(interview.asked) == 2
        assert interview.pending is None
        assert interview.done is True
        assert interview.kb_version == "2026.12.0"
        assert interview.updated_at == later.replace(microsecond=later.microsecond)
        assert interview.created_at < interview.updated_at


def test_a_rolled_back_change_is_not_stored(sessions):
    with sessions.begin() as session:
        interview_id = create(session).id

    def clear_and_fail():
        with sessions.begin() as session:
            interview = repository.get(session, interview_id, ttl=TTL)
            assert interview is not None
            interview.values = {}
            session.flush()
            raise RuntimeError

    with pytest.raises(RuntimeError):
        clear_and_fail()
    with sessions() as session:
        interview = repository.get(session, interview_id, ttl=TTL)
        assert interview is not None
        assert interview.values != {}


def test_expired_interviews_are_gone(sessions):
    now = datetime.now(UTC)
    with sessions.begin() as session:
        old = create(session, now=now - TTL - timedelta(minutes=1)).id
        fresh = create(session, now=now - TTL + timedelta(minutes=1)).id
    with sessions() as session:
        assert repository.get(session, old, ttl=TTL) is None
        assert repository.get(session, fresh, ttl=TTL) is not None
    with sessions.begin() as session:
        assert repository.delete_expired(session, ttl=TTL) == 1
    with sessions() as session:
        assert repository.count(session) == 1
        assert session.get(Interview, old) is None


def test_naive_datetimes_are_refused(sessions):
    with sessions() as session, pytest.raises(StatementError, match="naive"):
        create(session, now=datetime(2026, 1, 1))
