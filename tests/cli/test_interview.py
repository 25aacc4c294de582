"""``nightlegs interview``: the whole interview from scripted keystrokes.

The keystrokes are worked out from a profile with the engine and the
evaluation's simulated person, so the script follows the knowledge base as it
changes.
"""

# ruff: noqa: RUF001 - Ukrainian text is meant to contain Cyrillic letters

from __future__ import annotations

import io
from collections.abc import Mapping

import pytest
from rich.console import Console

from nightlegs.cli.terminal import TerminalInterview
from nightlegs.engine import Answer, InterviewState, assess, merge, next_step
from nightlegs.engine.interview import localize
from nightlegs.engine.models import Assessment, Question
from nightlegs.evaluation.cases import ProfileValue
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from tests.cli.conftest import Invoke

CRAMPS: dict[str, ProfileValue] = {
    "age": 71,
    "sex": "male",
    "leg_symptoms": "present",
    "sudden_muscle_contraction": "present",
    "cramp_relieved_by_stretch": "present",
    "episode_duration": "under_10_min",
    "wakes_from_sleep": "present",
    "side": "alternating",
    "nights_per_week": 3,
    "duration_months": 6,
    "severity": 8,
    "sleep_disturbance": "present",
}


def keys(question: Question, values: Mapping[str, ProfileValue]) -> list[str]:
    """What a person types to give ``values`` to ``question``."""
    if question.type == "group_single":
        picked = [
            i for i, item in enumerate(question.items, 1) if values[item.finding] == "present"
        ]
        return [str(picked[0]) if picked else "?"]
    typed = []
    for item in question.items:
        value = values[item.finding]
        if value == "unknown":
            typed.append("?")
        elif item.choices is None:
            typed.append(str(value))
        else:
            typed.append(str([c.value for c in item.choices].index(str(value)) + 1))
    return typed


def script(
    kb: KnowledgeBase, profile: Mapping[str, ProfileValue]
) -> tuple[list[list[str]], Assessment]:
    """Keystrokes question by question, and the assessment they should lead to."""
    person = SimulatedPerson(kb, profile)
    state = InterviewState({}, ())
    typed: list[list[str]] = []
    while True:
        step = next_step(kb, state)
        if step.done or step.planned is None:
            return typed, assess(kb, state.values, "en")
        question = localize(kb, step.planned, "en")
        answers = person.answer(question.model_dump())
        typed.append(keys(question, {a["finding"]: a["value"] for a in answers}))
        evidence = [Answer(a["finding"], a["value"]) for a in answers]
        state = InterviewState(
            merge(kb, evidence, state.values), (*state.asked, step.planned.record())
        )


def lines(*groups: list[str]) -> str:
    return "".join(f"{key}\n" for group in groups for key in group)


def test_the_whole_interview_to_the_result(invoke: Invoke, kb: KnowledgeBase) -> None:
    typed, expected = script(kb, CRAMPS)
    result = invoke(["interview", "--lang", "en"], input=lines(*typed))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.count("Question ") == len(typed)
    assert "Urgent signs · Question 1 · 0 %" in out
    assert "First we rule out problems that need help straight away" in out  # why we ask
    assert "1) Yes  2) No  3) I don't know" in out
    assert "Result" in out
    assert expected.triage.name in out
    assert expected.triage.safety_net[:40] in out
    assert expected.conditions[0].id == "nocturnal_leg_cramps"
    assert f"1. {expected.conditions[0].name}" in out
    assert expected.specialists[0].name in out
    assert "Not advised for now" in out if expected.withheld_advice else True
    assert "This is not a diagnosis" in out
    assert "Interview stopped" not in out


def test_back_revises_the_previous_question(invoke: Invoke, kb: KnowledgeBase) -> None:
    typed, expected = script(kb, CRAMPS)
    first = typed[0]
    # First answer "I don't know" to the first urgent sign: the interview asks it
    # again in other words. Go back instead, and answer the first question anew.
    unsure = ["?", *first[1:]]
    result = invoke(["interview", "--lang", "en"], input=lines(unsure, ["b"], *typed))
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Once more about something important" in out  # the re-check was asked ...
    assert "Back to the previous question." in out  # ... and left
    assert out.count("Urgent signs · Question 1 ·") == 2
    assert f"1. {expected.conditions[0].name}" in out
    assert expected.triage.name in out
    assert "You could not answer" not in out  # the "don't know" is gone


def test_back_at_the_first_question_and_quit(invoke: Invoke) -> None:
    result = invoke(["interview", "--lang", "en"], input="b\n7\nq\n")
    assert result.exit_code == 0, result.output
    assert "This is the first question; there is nothing to go back to." in result.stdout
    assert "Please type one of the numbers shown, ?, b or q." in result.stdout
    assert "Interview stopped. Nothing was saved." in result.stdout
    assert "This is not a diagnosis" not in result.stdout


def test_the_interview_speaks_ukrainian(invoke: Invoke) -> None:
    result = invoke(["interview", "--lang", "uk"], input="q\n")
    assert result.exit_code == 0, result.output
    # "Запитання", as on the pages (the terminal said "Питання" until both used one catalogue).
    assert "Термінові ознаки · Запитання 1" in result.stdout
    assert "Введіть номер відповіді; ? — не знаю, b — назад, q — вийти." in result.stdout
    assert "1) Так  2) Ні  3) Не знаю" in result.stdout


def ask(kb: KnowledgeBase, question_id: str, typed: list[str]) -> tuple[list[Answer], str]:
    from nightlegs.engine.interview import PlannedQuestion

    compiled = kb.question(question_id)
    question = localize(kb, PlannedQuestion(compiled, compiled.findings), "en")
    replies = iter(typed)
    output = io.StringIO()
    terminal = TerminalInterview(kb, Console(file=output, width=200), "en", lambda _: next(replies))
    return terminal.ask(question), output.getvalue()


@pytest.mark.parametrize(
    ("typed", "value", "unit"),
    [
        (["40 ng/mL"], 40.0, "ng/mL"),
        (["22"], 22.0, None),
        (["abc", "?"], "unknown", None),
        (["12,5 µg/L"], 12.5, "µg/L"),
    ],
)
def test_number_items_take_a_number_a_unit_or_dont_know(
    kb: KnowledgeBase, typed: list[str], value: object, unit: str | None
) -> None:
    answers, _ = ask(kb, "q-ferritin", typed)
    assert answers == [Answer("ferritin", value, unit)]
    assert merge(kb, answers)["ferritin"] == (40.0 if unit == "ng/mL" else value)


def test_a_bad_unit_or_range_is_explained_and_asked_again(kb: KnowledgeBase) -> None:
    answers, out = ask(kb, "q-ferritin", ["40 furlongs", "100000", "35"])
    assert answers == [Answer("ferritin", 35.0, None)]
    assert "unknown unit 'furlongs' for ferritin" in out
    assert "outside its range" in out


def test_group_single_picks_one_item_or_dont_know(kb: KnowledgeBase) -> None:
    from nightlegs.engine.models import QuestionItem

    question = Question(
        id="q-which",
        type="group_single",
        stage="legs",
        stage_label="Your legs",
        text="Which is closest?",
        items=[
            QuestionItem(finding="urge_to_move", label="An urge to move"),
            QuestionItem(finding="sudden_muscle_contraction", label="A sudden cramp"),
        ],
    )

    def answer(typed: list[str]) -> list[Answer]:
        replies = iter(typed)
        console = Console(file=io.StringIO(), width=200)
        return TerminalInterview(kb, console, "en", lambda _: next(replies)).ask(question)

    assert answer(["2"]) == [
        Answer("urge_to_move", "absent"),
        Answer("sudden_muscle_contraction", "present"),
    ]
    unknown = [Answer("urge_to_move", "unknown"), Answer("sudden_muscle_contraction", "unknown")]
    assert answer(["3"]) == unknown  # the last number is "I don't know"
    assert answer(["9", "?"]) == unknown
