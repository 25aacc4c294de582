"""The adaptive interview: red flags first, nothing asked twice, a principled stop."""

from __future__ import annotations

import pytest
from ruamel.yaml import YAML

from nightlegs.engine import decide
from nightlegs.engine.decide import context
from nightlegs.engine.interview import (
    RECHECK_ID,
    InterviewState,
    PlannedQuestion,
    localize,
    next_step,
)
from tests.conftest import CASES_FILE, values

CASES = {c["id"]: c for c in YAML(typ="safe").load(CASES_FILE.read_text(encoding="utf-8"))}


def answer(state: InterviewState, planned: PlannedQuestion, given: dict) -> InterviewState:
    new = dict(state.values)
    new.update({f: given[f] for f in planned.findings})
    return InterviewState(new, (*state.asked, planned.record()))


def simulate(kb, profile: dict) -> InterviewState:
    def reply(finding: str) -> object:
        if finding in profile:
            return profile[finding]
        if kb.findings[finding].type == "boolean" and finding != "family_history_rls":
            return "absent"
        return "unknown"

    state = InterviewState({})
    while not (step := next_step(kb, state)).done:
        assert step.planned is not None
        state = answer(state, step.planned, {f: reply(f) for f in step.planned.findings})
    return state


def test_urgent_signs_come_first_and_cover_every_red_flag(kb):
    state = simulate(kb, values(CASES["rls-classic"]["profile"]))
    urgent = [a for a in state.asked if kb.question(a.question_id).source.stage == "urgent"]
    assert [a.question_id for a in state.asked[: len(urgent)]] == [a.question_id for a in urgent]
    mandatory = {
        f
        for q in kb.questions
        if q.source.mandatory and q.source.stage == "urgent"
        for f in q.findings
    }
    assert mandatory <= {f for a in urgent for f in a.findings}
    # Policy v2: the other red flags are urgent follow-ups, asked as soon as they apply.
    for flag in kb.red_flags - mandatory:
        assert kb.question_by_finding[flag].source.stage == "urgent", flag


def test_a_red_flag_answered_unknown_is_asked_again_once_in_other_words(kb):
    state = InterviewState({})
    step = next_step(kb, state)
    assert step.planned is not None
    first = step.planned
    given = dict.fromkeys(first.findings, "absent")
    given["sudden_breathlessness_chest_pain"] = "unknown"
    state = answer(state, first, given)
    step = next_step(kb, state)
    assert step.planned is not None
    assert step.planned.id == RECHECK_ID
    assert step.planned.findings == ("sudden_breathlessness_chest_pain",)
    question = localize(kb, step.planned, "en")
    original = localize(kb, first, "en")
    assert question.items[0].label != original.items[0].label  # other words
    state = answer(state, step.planned, {"sudden_breathlessness_chest_pain": "unknown"})
    later = next_step(kb, state)
    assert later.planned is not None
    assert later.planned.id != RECHECK_ID
    assert "sudden_breathlessness_chest_pain" not in later.planned.findings


def test_known_findings_are_never_asked(kb):
    known = values({"leg_symptoms": "present", "urge_to_move": "present", "age": 50})
    state = InterviewState(known)
    while not (step := next_step(kb, state)).done:
        assert step.planned is not None
        assert not set(step.planned.findings) & set(known)
        state = answer(state, step.planned, dict.fromkeys(step.planned.findings, "unknown"))


@pytest.mark.slow
@pytest.mark.parametrize("case_id", sorted(CASES))
def test_when_it_stops_no_single_answer_could_change_the_triage(kb, case_id):
    state = simulate(kb, values(CASES[case_id]["profile"]))
    assert len(state.asked) <= kb.meta.interview.max_questions
    decision = decide(kb, state.values)
    level, ctx = decision.level, context(kb, decision)
    for question in kb.questions:
        if question.source.panel is not None:
            continue  # laboratory results are asked only when relevant (see KB)
        if question.ask_if is not None and question.ask_if.test(ctx) is False:
            continue  # e.g. pregnancy is not asked of a man
        for finding in question.findings:
            if finding in state.values:
                continue
            definition = kb.findings[finding]
            probes = (
                ("present", "absent")
                if definition.type == "boolean"
                else definition.values or kb.probe_values.get(finding, ())
            )
            for probe in probes:
                changed = decide(kb, {**state.values, finding: probe}).level
                assert changed == level, f"{finding}={probe} would change the triage"


def test_progress_grows_and_ends_at_one(kb):
    profile = values(CASES["cramps-classic-older"]["profile"])
    state, progress = InterviewState({}), []
    while not (step := next_step(kb, state)).done:
        progress.append(step.progress)
        assert step.planned is not None
        state = answer(
            state,
            step.planned,
            {
                f: profile.get(f, "absent" if kb.findings[f].type == "boolean" else "unknown")
                for f in step.planned.findings
            },
        )
    assert step.progress == 1.0
    assert progress[0] == 0.0
    assert all(0.0 <= p < 1.0 for p in progress)


@pytest.mark.parametrize("language", ["uk", "ru", "en"])
def test_questions_have_the_contract_shape(kb, language):
    state = InterviewState({})
    seen_types = set()
    while not (step := next_step(kb, state)).done:
        assert step.planned is not None
        question = localize(kb, step.planned, language)
        seen_types.add(question.type)
        assert question.text
        assert question.explanation
        assert [i.finding for i in question.items] == list(step.planned.findings)
        for item in question.items:
            definition = kb.findings[item.finding]
            if definition.type == "number":
                assert item.choices is None
                assert item.min is not None
                assert item.max is not None
            else:
                assert item.choices is not None
                assert item.choices[-1].value == "unknown"
        state = answer(
            state,
            step.planned,
            {
                f: "present" if kb.findings[f].type == "boolean" else "unknown"
                for f in step.planned.findings
            },
        )
    assert {"group_multiple", "number", "choice", "single"} <= seen_types
