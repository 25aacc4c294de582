"""The laboratory table: values with units, the range the assessment judges by (from the
knowledge base), LOINC codes, values out of range first (low ferritin at the top)."""

# ruff: noqa: RUF001 - Cyrillic units and en dashes are meant

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN, EvalContext
from nightlegs.report.answers import Words
from nightlegs.report.labs import OUT_OF_RANGE, lab_table, range_of
from tests.fixtures.profiles import examples
from tests.report.conftest import interview_values


def _table(kb: KnowledgeBase, evidence, language: str = "uk"):
    return lab_table(Words(kb, evidence, translator(language)))


def test_low_ferritin_comes_first_with_unit_range_and_code(kb: KnowledgeBase, profiles) -> None:
    evidence = {
        **interview_values(kb, profiles["rls-low-ferritin-ssri"]),
        "tsat": 30.0,
        "haemoglobin": 135.0,
        "potassium": 3.2,
    }
    table = _table(kb, evidence)
    rows = [row.finding for row in table.rows]
    assert rows[0] == "ferritin"
    first = table.rows[0]
    assert first.flag == "low"
    assert first.value == "22 мкг/л"
    assert first.name == "Феритин"
    assert first.loinc == kb.loinc["ferritin"] == "2276-4"
    # Out of range first (interview order within), then the values within range.
    assert [row.flag for row in table.rows] == ["low", "low", "", ""]
    assert rows == ["ferritin", "potassium", "tsat", "haemoglobin"]
    assert {row.finding: row.reference for row in table.rows}["potassium"] == "3,5–5,0"
    for row in table.rows:
        assert row.loinc == kb.loinc[row.finding]


def test_unknown_results_are_listed(kb: KnowledgeBase, profiles) -> None:
    evidence = interview_values(kb, profiles["rls-classic"])
    table = _table(kb, evidence, "en")
    assert table.rows == ()
    unknown = [f for f in kb.units if evidence.get(f) == UNKNOWN]
    assert unknown, "this case no longer has a result the patient did not know"
    assert "Ferritin" in table.unknown
    assert len(table.unknown) == len(unknown)


@pytest.mark.parametrize(
    ("context", "expected"),
    [
        ({"sex": "female", "pregnancy": "not_pregnant"}, "≥ 120"),
        ({"sex": "male"}, "≥ 130"),
        ({"sex": "female", "pregnancy": "trimester_2"}, "≥ 105"),
    ],
)
def test_the_haemoglobin_range_follows_sex_and_pregnancy(
    kb: KnowledgeBase, context, expected: str
) -> None:
    limits = range_of(kb, "haemoglobin", context)
    assert limits is not None
    assert limits.text("uk") == expected


def test_one_sided_and_two_sided_ranges(kb: KnowledgeBase) -> None:
    texts = {}
    for finding in ("egfr", "hba1c", "tsh", "ferritin", "tsat"):
        limits = range_of(kb, finding, {})
        assert limits is not None, finding
        texts[finding] = limits.text("en")
    assert texts == {
        "egfr": "≥ 60",
        "hba1c": "< 6.5",
        "tsh": "0.4–4.0",
        "ferritin": "75–300",
        "tsat": "20–45",
    }


def _out_of_range(kb: KnowledgeBase, finding: str, value: float, context) -> bool:
    ctx = EvalContext(values={**context, finding: value}, predicates=kb.predicates)
    return kb.predicates[OUT_OF_RANGE](ctx) is True


@settings(deadline=None, max_examples=examples(300))
@given(data=st.data())
def test_the_flag_agrees_with_the_knowledge_base(kb: KnowledgeBase, data: st.DataObject) -> None:
    """A value is flagged exactly when the knowledge base's own predicate calls it out of
    range: the table can never say "normal" of a value the assessment acts on."""
    finding = data.draw(st.sampled_from(sorted(kb.units)))
    definition = kb.findings[finding]
    low, high = definition.minimum or 0.0, definition.maximum or 1000.0
    limits = range_of(kb, finding, {})
    edges = []
    if limits is not None:
        edges = [x.value for x in (limits.low, limits.high) if x is not None]
    value = data.draw(
        st.one_of(
            st.floats(min_value=low, max_value=high, allow_nan=False),
            st.sampled_from(edges or [low]),
        )
    )
    context = data.draw(
        st.sampled_from([{}, {"sex": "male"}, {"sex": "female", "pregnancy": "trimester_1"}])
    )
    limits = range_of(kb, finding, context)
    flagged = bool(limits.flag(value)) if limits else False
    assert flagged == _out_of_range(kb, finding, value, context), (finding, value, context)
