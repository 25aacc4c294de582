"""The simulated person answers as the cases README says.

The first two tests use the real knowledge base; the others a tiny hand-made
one (``fakes.py``), so they hold whatever the vocabulary holds today.
"""

from __future__ import annotations

from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from tests.evaluation.fakes import tiny_kb


def question(*findings: str) -> dict[str, object]:
    return {"id": "q", "items": [{"finding": f} for f in findings]}


def test_answers_come_from_the_profile_and_defaults_follow_the_readme(kb: KnowledgeBase) -> None:
    person = SimulatedPerson(kb, {"age": 54, "urge_to_move": "present", "ferritin": "unknown"})
    answers = person.answer(
        question(
            "age",  # in the profile: a number stays a number
            "urge_to_move",  # in the profile
            "ferritin",  # written unknown
            "numbness",  # boolean not in the profile
            "family_history_rls",  # boolean people often cannot know
            "sex",  # choice not in the profile
            "potassium",  # number not in the profile
        )
    )
    assert {a["finding"]: a["value"] for a in answers} == {
        "age": 54,
        "urge_to_move": "present",
        "ferritin": "unknown",
        "numbness": "absent",
        "family_history_rls": "unknown",
        "sex": "unknown",
        "potassium": "unknown",
    }
    assert person.questions == 1
    assert person.asked_twice == []


def test_a_finding_asked_again_after_a_known_answer_is_noted(kb: KnowledgeBase) -> None:
    person = SimulatedPerson(kb, {"saddle_numbness": "unknown"})
    person.answer(question("numbness", "saddle_numbness"))
    person.answer(question("saddle_numbness"))  # re-asking after "I don't know" is allowed
    assert person.asked_twice == []
    person.answer(question("numbness"))
    assert person.asked_twice == ["numbness"]
    assert person.questions == 3


def test_a_choice_offering_none_is_answered_none_when_the_profile_is_silent() -> None:
    person = SimulatedPerson(tiny_kb(), {"age": 61})
    answers = person.answer(question("foot_wound", "leg_ulcer", "sex", "potassium", "numbness"))
    assert {a["finding"]: a["value"] for a in answers} == {
        "foot_wound": "none",  # a choice whose values include none
        "leg_ulcer": "none",
        "sex": "unknown",  # a choice without none
        "potassium": "unknown",  # a number
        "numbness": "absent",  # a boolean
    }


def test_the_profile_wins_over_the_none_default() -> None:
    person = SimulatedPerson(tiny_kb(), {"foot_wound": "wound_not_healing", "leg_ulcer": "unknown"})
    answers = person.answer(question("foot_wound", "leg_ulcer"))
    assert {a["finding"]: a["value"] for a in answers} == {
        "foot_wound": "wound_not_healing",
        "leg_ulcer": "unknown",  # written unknown: never turned into none
    }


def test_often_unknown_booleans_and_unknown_findings_are_answered_unknown() -> None:
    person = SimulatedPerson(tiny_kb(), {})
    assert person.answer_value("family_history_rls") == "unknown"
    assert person.answer_value("numbness") == "absent"
    assert person.answer_value("not_in_the_vocabulary") == "unknown"


def test_an_explicit_unknown_is_answered_unknown_at_every_ask() -> None:
    person = SimulatedPerson(tiny_kb(), {"saddle_numbness": "unknown", "foot_wound": "unknown"})
    for _ in range(3):  # the first ask and two re-asks of the red flag
        answers = person.answer(question("saddle_numbness", "foot_wound"))
        assert [a["value"] for a in answers] == ["unknown", "unknown"]
    assert person.answered == {"saddle_numbness": "unknown", "foot_wound": "unknown"}
    assert person.asked_twice == []  # re-asking after "I don't know" is allowed
    assert person.questions == 3
