"""The rule language: Kleene three-valued logic and its operators."""

from __future__ import annotations

import pytest

from nightlegs.knowledge.expressions import (
    EvalContext,
    ExpressionError,
    compile_expr,
    parse,
)


def run(data: dict, values: dict, **ctx) -> bool | None:
    return compile_expr(parse(data))(EvalContext(values=values, **ctx))


@pytest.mark.parametrize(
    ("value", "expected"),
    [("present", True), ("absent", False), ("unknown", None), (None, None)],
)
def test_a_boolean_finding_is_true_false_or_unknown(value, expected):
    values = {} if value is None else {"urge_to_move": value}
    assert run({"finding": "urge_to_move"}, values) is expected


def test_a_finding_never_asked_counts_as_absent_only_in_cautious_mode():
    assert run({"finding": "numbness"}, {}, missing=False) is False
    assert run({"finding": "numbness"}, {"numbness": "unknown"}, missing=False) is None


@pytest.mark.parametrize(
    ("parts", "expected_all", "expected_any"),
    [
        ([True, True], True, True),
        ([True, None], None, True),
        ([False, None], False, None),
        ([None, None], None, None),
        ([False, False], False, False),
    ],
)
def test_all_and_any_follow_kleene_logic(parts, expected_all, expected_any):
    answer = {True: "present", False: "absent", None: "unknown"}
    findings = ["urge_to_move", "worse_at_rest"]
    values = {f: answer[p] for f, p in zip(findings, parts, strict=True)}
    items = [{"finding": f} for f in findings]
    assert run({"all": items}, values) is expected_all
    assert run({"any": items}, values) is expected_any


def test_not_keeps_unknown_unknown():
    assert run({"not": {"finding": "fever"}}, {"fever": "unknown"}) is None
    assert run({"not": {"finding": "fever"}}, {"fever": "absent"}) is True


def test_numbers_compare_and_unknown_numbers_stay_unknown():
    assert run({"finding": "ferritin", "le": 75}, {"ferritin": 75.0}) is True
    assert run({"finding": "ferritin", "lt": 75}, {"ferritin": 75.0}) is False
    assert run({"finding": "ferritin", "lt": 75}, {"ferritin": "unknown"}) is None


def test_present_and_known_are_definite():
    assert run({"present": "diabetes"}, {}) is False
    assert run({"present": "diabetes"}, {"diabetes": "unknown"}) is False
    assert run({"known": "ferritin"}, {"ferritin": 30.0}) is True
    assert run({"known": "ferritin"}, {"ferritin": "unknown"}) is False


@pytest.mark.parametrize(
    "bad",
    [
        {},
        {"all": []},
        {"all": [{"finding": "x"}], "any": [{"finding": "y"}]},
        {"finding": "x", "ge": "two"},
        {"finding": "x", "is": "maybe"},
        {"finding": "x", "ge": 1, "le": 2},
        {"frobnicate": "x"},
    ],
)
def test_malformed_expressions_are_refused(bad):
    with pytest.raises(ExpressionError):
        parse(bad)
