"""The simulated person answers as the cases README says."""

from __future__ import annotations

from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase


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
