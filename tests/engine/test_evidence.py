"""Evidence is validated against the vocabulary and laboratory units are converted."""

from __future__ import annotations

import pytest

from nightlegs.engine import Answer, EvidenceError, merge


@pytest.mark.parametrize(
    ("finding", "value", "unit", "expected"),
    [
        ("ferritin", 40, "ng/mL", 40.0),
        ("ferritin", 40, "µg/L", 40.0),
        ("magnesium", 1.7, "mg/dL", pytest.approx(0.7, abs=0.01)),
        ("calcium", 8.6, "mg/dL", pytest.approx(2.15, abs=0.01)),
        ("fasting_glucose", 126, "mg/dL", pytest.approx(7.0, abs=0.01)),
        ("hba1c", 48, "mmol/mol", pytest.approx(6.54, abs=0.02)),
        ("vitamin_b12", 200, "pg/mL", pytest.approx(147.6, abs=0.1)),
        ("haemoglobin", 12, "g/dL", 120.0),
        ("potassium", 3.2, "mEq/L", 3.2),
        ("tsh", 2.5, "uIU/mL", 2.5),
        ("age", 40, "years", 40.0),
        ("age", 40, None, 40.0),
    ],
)
def test_common_units_are_converted_to_the_vocabulary_unit(kb, finding, value, unit, expected):
    assert merge(kb, [Answer(finding, value, unit)])[finding] == expected


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        (Answer("no_such_finding", "present"), "unknown finding"),
        (Answer("urge_to_move", "yes"), "present, absent or unknown"),
        (Answer("urge_to_move", 1), "present, absent or unknown"),
        (Answer("pregnancy", "month_5"), "trimester_1"),
        (Answer("severity", 11), "outside its range"),
        (Answer("severity", "7"), "a number from 0 to 10"),
        (Answer("severity", True), "a number"),
        (Answer("ferritin", 40, "furlongs"), "unknown unit"),
        (Answer("age", 40, "months"), "unknown unit"),
        (Answer("magnesium", 17, "mg/dL"), "outside its range"),
    ],
)
def test_bad_answers_are_refused_naming_the_finding(kb, answer, says):
    with pytest.raises(EvidenceError) as error:
        merge(kb, [answer])
    assert error.value.finding == answer.finding
    assert says in error.value.message
    assert answer.finding in error.value.message


def test_unknown_is_accepted_for_every_type(kb):
    merged = merge(kb, [Answer(f, "unknown") for f in ("fever", "pregnancy", "ferritin")])
    assert set(merged.values()) == {"unknown"}


def test_a_later_answer_wins_and_a_refused_batch_changes_nothing(kb):
    base = merge(kb, [Answer("fever", "present")])
    assert merge(kb, [Answer("fever", "absent")], base)["fever"] == "absent"
    with pytest.raises(EvidenceError):
        merge(kb, [Answer("fever", "absent"), Answer("severity", 99)], base)
    assert base == {"fever": "present"}


def test_a_unit_on_a_yes_no_answer_is_refused(kb):
    with pytest.raises(EvidenceError, match="takes no unit"):
        merge(kb, [Answer("urge_to_move", "present", "mg")])


def test_a_huge_number_is_refused_not_crashed(kb):
    with pytest.raises(EvidenceError):
        merge(kb, [Answer("age", 10**400)])


def test_unit_names_keep_their_spelling_in_messages(kb):
    with pytest.raises(EvidenceError, match="ng/mL"):
        merge(kb, [Answer("ferritin", 40, "mmol/L")])
