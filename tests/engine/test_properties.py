"""Invariants of the engine, checked on generated evidence (hypothesis)."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from nightlegs.engine import Answer, decide, merge
from nightlegs.engine.interview import RECHECK_ID, InterviewState, next_step
from nightlegs.knowledge import load_kb
from tests.fixtures.profiles import examples

KB = load_kb()
FINDINGS = sorted(KB.findings)
BOOLEANS = [f for f in FINDINGS if KB.findings[f].type == "boolean"]
RED_FLAGS = sorted(f for f in KB.red_flags if KB.findings[f].type == "boolean")
#: A red flag that is a choice (foot_wound): any value but "none" is the sign.
CHOICE_RED_FLAGS = sorted(f for f in KB.red_flags if KB.findings[f].type == "choice")
SETTINGS = settings(
    max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


def value_for(finding: str) -> st.SearchStrategy[object]:
    definition = KB.findings[finding]
    if definition.type == "boolean":
        return st.sampled_from(["present", "present", "absent", "unknown"])
    if definition.type == "choice":
        return st.sampled_from([*definition.values, "unknown"])
    low, high = definition.minimum or 0.0, definition.maximum or 100.0
    probes = [p for p in KB.probe_values.get(finding, ()) if low <= p <= high]
    numbers = st.floats(min_value=low, max_value=high, allow_nan=False)
    return st.one_of(numbers, st.sampled_from(probes or [low]), st.just("unknown"))


@st.composite
def evidence(draw: st.DrawFn) -> dict[str, object]:
    chosen = draw(st.lists(st.sampled_from(FINDINGS), unique=True, max_size=12))
    # Most generated people have leg symptoms, like the people who use the tool.
    result = {"leg_symptoms": draw(st.sampled_from(["present"] * 4 + ["absent", "unknown"]))}
    for finding in chosen:
        result[finding] = draw(value_for(finding))
    return result


def level(values: dict[str, object]) -> int:
    return decide(KB, values).level  # type: ignore[arg-type]


@SETTINGS
@given(evidence(), st.sampled_from(RED_FLAGS))
def test_adding_a_red_flag_never_lowers_urgency(values, flag):
    assert level({**values, flag: "present"}) >= level(values)


@SETTINGS
@given(evidence(), st.sampled_from(CHOICE_RED_FLAGS), st.data())
def test_a_choice_red_flag_never_lowers_urgency_against_none(values, flag, data):
    sign = data.draw(st.sampled_from([v for v in KB.findings[flag].values if v != "none"]))
    assert level({**values, flag: sign}) >= level({**values, flag: "none"})


@SETTINGS
@given(evidence(), st.sampled_from(BOOLEANS))
@example(
    # One weak pattern: "no" to a criterion must not hide it (and so raise the
    # "unrecognised complaint" consultation) where "I don't know" keeps it shown.
    {"leg_symptoms": "present", "urge_to_move": "present", "worse_at_rest": "absent"},
    "relief_with_movement",
)
def test_unknown_never_gives_lower_urgency_than_absent(values, finding):
    assert level({**values, finding: "unknown"}) >= level({**values, finding: "absent"})


@SETTINGS
@given(evidence(), st.randoms(use_true_random=False))
def test_the_order_of_answers_never_changes_the_assessment(values, rng):
    answers = [Answer(f, v) for f, v in values.items()]
    shuffled = answers[:]
    rng.shuffle(shuffled)
    first, second = merge(KB, answers), merge(KB, shuffled)
    assert decide(KB, first).key(KB) == decide(KB, second).key(KB)
    assert [c.id for c in decide(KB, first).conditions] == [
        c.id for c in decide(KB, second).conditions
    ]


@SETTINGS
@given(evidence())
def test_advice_never_holds_an_item_with_a_possible_contraindication(values):
    decision = decide(KB, values)  # type: ignore[arg-type]
    given_ids = {a.id for a in decision.advice}
    assert not given_ids & {w.advice.id for w in decision.withheld}
    if decision.level >= KB.suppression_rank:
        assert all(a.source.kind == "safety" for a in decision.advice)


def interview(answer_for) -> InterviewState:  # type: ignore[no-untyped-def]
    state = InterviewState({})
    for _ in range(100):
        step = next_step(KB, state)
        if step.done:
            return state
        assert step.planned is not None
        new = dict(state.values)
        for finding in step.planned.findings:
            new[finding] = answer_for(finding)
        state = InterviewState(new, (*state.asked, step.planned.record()))
    raise AssertionError("the interview did not stop")


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1), st.floats(0.0, 1.0))
def test_the_interview_asks_nothing_twice_and_ends_within_the_limit(seed, unknown_share):
    rng = random.Random(seed)
    profile: dict[str, object] = {}

    def answer_for(finding: str) -> object:
        if finding not in profile:
            unknown = rng.random() < unknown_share
            profile[finding] = "unknown" if unknown else _random_value(rng, finding)
        return profile[finding]

    state = interview(answer_for)
    assert len(state.asked) <= KB.meta.interview.max_questions
    seen: dict[str, int] = {}
    for asked in state.asked:
        for finding in asked.findings:
            seen[finding] = seen.get(finding, 0) + 1
            if asked.question_id == RECHECK_ID:
                # A red flag answered "I don't know" is asked once more, in other words.
                assert finding in KB.red_flags
                assert seen[finding] == 2
            else:
                assert seen[finding] == 1, f"{finding} asked twice"


def _random_value(rng: random.Random, finding: str) -> object:
    definition = KB.findings[finding]
    if definition.type == "number":
        low, high = definition.minimum or 0.0, definition.maximum or 100.0
        probes = [p for p in KB.probe_values.get(finding, ()) if low <= p <= high]
        return rng.choice(probes) if probes and rng.random() < 0.7 else rng.uniform(low, high)
    if definition.type == "boolean":
        return rng.choice(["present", "absent", "absent", "unknown"])
    return rng.choice([*definition.values, "unknown"])
