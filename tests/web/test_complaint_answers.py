"""The statements of a complaint and the evidence the person's choices give
(nightlegs.services.complaint_answers)."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nightlegs.engine import KnowledgeBase
from nightlegs.knowledge import load_kb
from nightlegs.services.complaint_answers import (
    Statement,
    StatementError,
    choices_of,
    decode,
    encode,
    evidence,
    understand,
    urgent_findings,
)

KB: KnowledgeBase = load_kb()
BOOLEANS = sorted(f for f, d in KB.findings.items() if d.type == "boolean")
URGENT = urgent_findings(KB)

finding_ids = st.sampled_from(sorted(KB.findings))
values = st.one_of(
    st.sampled_from(["present", "absent", "one", "both"]),
    st.floats(min_value=0, max_value=1e6, allow_nan=False).map(lambda v: round(v, 3)),
)
pairs = st.tuples(finding_ids, values, st.sampled_from([None, "ng/mL", "mmol/L"]))


@given(st.sampled_from(["finding", "medicine"]), st.lists(pairs, min_size=1, max_size=4))
def test_a_statement_comes_back_as_it_was_sent(kind: str, answers: list) -> None:  # type: ignore[type-arg]
    statement = Statement(kind, tuple(answers))  # type: ignore[arg-type]
    back = decode(encode(statement))
    assert back.kind == statement.kind
    assert [(f, u) for f, _v, u in back.answers] == [(f, u) for f, _v, u in answers]
    for (_f, sent, _u), (_g, got, _w) in zip(answers, back.answers, strict=True):
        assert got == (float(sent) if isinstance(sent, float) else sent)


@pytest.mark.parametrize(
    "field", ["", "finding:", "x:a=b", "finding:a", "finding:=1", "finding:a="]
)
def test_a_field_not_made_here_is_refused(field: str) -> None:
    with pytest.raises(StatementError):
        decode(field)


@given(st.sampled_from(BOOLEANS), st.sampled_from(["present", "absent"]))
def test_only_a_confirmed_or_corrected_yes_no_gives_evidence(finding: str, value: str) -> None:
    statement = Statement("finding", ((finding, value, None),))
    opposite = "absent" if value == "present" else "present"
    assert evidence(KB, [(statement, "confirm")]) == {finding: value}
    corrected = {} if finding in URGENT else {finding: opposite}
    assert evidence(KB, [(statement, "correct")]) == corrected
    assert evidence(KB, [(statement, "remove")]) == {}
    assert evidence(KB, [(statement, None)]) == {}


def test_a_wrong_number_or_medicine_gives_nothing() -> None:
    age = Statement("finding", (("age", 54.0, None),))
    medicine = Statement("medicine", (("med_loop_diuretic", "present", None),))
    assert evidence(KB, [(age, "correct"), (medicine, "correct")]) == {}
    assert evidence(KB, [(age, "confirm"), (medicine, "confirm")]) == {
        "age": 54.0,
        "med_loop_diuretic": "present",
    }


def test_answers_that_contradict_each_other_are_left_to_the_questions() -> None:
    # "вагітна" and "чоловік 45" both confirmed: the knowledge base's pregnancy-male.
    chosen = [
        (Statement("finding", (("pregnancy", "trimester_2", None),)), "confirm"),
        (Statement("finding", (("sex", "male", None),)), "confirm"),
        (Statement("finding", (("leg_symptoms", "present", None),)), "confirm"),
    ]
    assert evidence(KB, chosen) == {"leg_symptoms": "present"}  # type: ignore[arg-type]


def test_choices_are_read_by_index_and_anything_else_is_no_choice() -> None:
    statements = [Statement("finding", (("leg_symptoms", "present", None),))] * 3
    form = {"c0": ["confirm"], "c1": ["delete everything"]}
    assert [c for _s, c in choices_of(statements, form, "c")] == ["confirm", None, None]


def test_a_medicine_and_its_findings_are_one_statement() -> None:
    found = understand(KB, "зводить литку вночі, п'ю фуросемід і аторвакор", "uk")
    medicines = [s for s in found if s.kind == "medicine"]
    assert len(medicines) == 2
    assert all(s.sentence and s.sentence.endswith("?") for s in medicines)
    findings = [a[0] for s in found for a in s.answers]
    assert findings.count("med_loop_diuretic") == 1
    assert findings.count("med_statin") == 1


@pytest.mark.parametrize("finding", ["sudden_unilateral_swelling", "acute_cold_painful_leg"])
def test_a_corrected_urgent_sign_is_left_to_the_urgent_questions(finding: str) -> None:
    assert finding in URGENT
    statement = Statement("finding", ((finding, "present", None),))
    assert evidence(KB, [(statement, "correct")]) == {}
    assert evidence(KB, [(statement, "confirm")]) == {finding: "present"}
