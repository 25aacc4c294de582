"""The laboratory table: each value the patient gave, with its unit, the range the
assessment judges it by, the test's date and its LOINC code; values out of range first.

The range comes from the knowledge base, not from here: it is where the predicate
``lab_out_of_range`` (kb/predicates.yaml, "beyond a threshold of this page") stops
holding for this patient's sex and pregnancy, found by trying the predicate at and
beside every limit it compares the value with. So the table and the assessment can
never disagree, and a change of a threshold in the knowledge base changes both.
"""

# ruff: noqa: RUF001, RUF002, RUF003 - en dashes in ranges are meant

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from babel.numbers import format_decimal

from nightlegs.i18n import format_number
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import EvalContext, Expr, Value
from nightlegs.report.answers import Words

__all__ = ["OUT_OF_RANGE", "LabRow", "LabTable", "Limit", "Range", "lab_table", "range_of"]

#: The knowledge base's predicate for a laboratory value beyond its limits.
OUT_OF_RANGE = "lab_out_of_range"

#: Findings that decide which limits apply to a value (haemoglobin's differ by sex).
CONTEXT = ("sex", "pregnancy")

_COMPARISONS = frozenset({"lt", "le", "gt", "ge"})

Flag = Literal["low", "high", ""]


@dataclass(frozen=True, slots=True)
class Limit:
    value: float
    inclusive: bool


@dataclass(frozen=True, slots=True)
class Range:
    """Where a value is within limits: above ``low`` and below ``high`` (either may be open)."""

    low: Limit | None
    high: Limit | None

    def flag(self, value: float) -> Flag:
        if self.low is not None and (
            value < self.low.value or (value == self.low.value and not self.low.inclusive)
        ):
            return "low"
        if self.high is not None and (
            value > self.high.value or (value == self.high.value and not self.high.inclusive)
        ):
            return "high"
        return ""

    def text(self, language: str) -> str:
        """ "3,5–5" both ends; "≥ 60", "> 75", "< 6,5", "≤ 300" one end; "—" none."""
        if self.low is not None and self.high is not None:
            # Both ends with as many decimals as the finer one: "3,5–5,0", not "3,5–5".
            places = max(_places(self.low.value), _places(self.high.value))
            pattern = "0." + "0" * places if places else "0"
            low, high = (
                format_decimal(x.value, format=pattern, locale=language)
                for x in (self.low, self.high)
            )
            return f"{low}–{high}"
        if self.low is not None:
            sign = "≥" if self.low.inclusive else ">"
            return f"{sign} {format_number(self.low.value, language)}"
        if self.high is not None:
            sign = "≤" if self.high.inclusive else "<"
            return f"{sign} {format_number(self.high.value, language)}"
        return "—"


def _places(value: float) -> int:
    """Decimal places ``value`` is written with (0.7 has 1; 300 has none)."""
    text = repr(float(value))
    return 0 if text.endswith(".0") else len(text.split(".", 1)[1])


@dataclass(frozen=True, slots=True)
class LabRow:
    finding: str
    name: str
    #: The value with its unit, as the language writes it.
    value: str
    reference: str
    flag: Flag
    loinc: str | None


@dataclass(frozen=True, slots=True)
class LabTable:
    rows: tuple[LabRow, ...]
    #: Tests the patient was asked about and did not know the result of.
    unknown: tuple[str, ...]


def lab_table(words: Words) -> LabTable:
    """The values given (out of range first, each group in interview order) and the
    tests asked about but not known."""
    kb, values = words.kb, words.values
    context = {f: values[f] for f in CONTEXT if f in values}
    rows = []
    for finding in sorted(kb.units, key=words.rank):
        value = values.get(finding)
        if not isinstance(value, float | int):
            continue
        limits = range_of(kb, finding, context)
        rows.append(
            LabRow(
                finding=finding,
                name=words.term(finding),
                value=words.number(finding, float(value)),
                reference=limits.text(words.language) if limits else "—",
                flag=limits.flag(float(value)) if limits else "",
                loinc=kb.loinc.get(finding),
            )
        )
    rows.sort(key=lambda row: row.flag == "")  # stable: interview order within each group
    unknown = tuple(
        words.term(f) for f in sorted(kb.units, key=words.rank) if words.status(f) == "unknown"
    )
    return LabTable(rows=tuple(rows), unknown=unknown)


def range_of(kb: KnowledgeBase, finding: str, context: Mapping[str, Value]) -> Range | None:
    """The range ``lab_out_of_range`` leaves ``finding`` in, for a patient described by
    ``context`` (sex, pregnancy); None when the knowledge base sets it no limit, or not
    one range."""
    expr = kb.predicate_exprs.get(OUT_OF_RANGE)
    if expr is None:
        return None
    limits = sorted(_limits(kb, expr, finding))
    if not limits:
        return None

    def within(value: float) -> bool:
        ctx = EvalContext(values={**context, finding: value}, predicates=kb.predicates)
        return kb.predicates[OUT_OF_RANGE](ctx) is not True

    # Every place the answer can change: below, at and beside each limit, above.
    points: list[float] = [limits[0] - 1.0]
    for limit in limits:
        step = max(abs(limit), 1.0) * 1e-9
        points += [limit - step, limit, limit + step]
    points.append(limits[-1] + 1.0)
    inside = [within(p) for p in points]
    if True not in inside:
        return None
    first = inside.index(True)
    last = len(inside) - 1 - inside[::-1].index(True)
    if not all(inside[first : last + 1]):
        return None  # more than one range: not one reference to print
    low = None if first == 0 else _limit(points, first, lower=True)
    high = None if last == len(points) - 1 else _limit(points, last, lower=False)
    return Range(low=low, high=high)


def _limit(points: list[float], index: int, *, lower: bool) -> Limit:
    """The limit at ``points[index]`` (the first or last point within range): a limit
    itself when it is within range, otherwise the limit just past it."""
    # Points come in threes around each limit: limit - step, limit, limit + step.
    position = (index - 1) % 3
    limit = points[index - position + 1]
    return Limit(limit, inclusive=position == 1)


def _limits(
    kb: KnowledgeBase, expr: Expr, finding: str, seen: frozenset[str] = frozenset()
) -> set[float]:
    """Every number ``expr`` compares ``finding`` with, through the predicates it names."""
    found = {float(e.arg) for e in expr.walk() if e.finding == finding and e.op in _COMPARISONS}
    for name in expr.refs("ref") - seen:
        inner = kb.predicate_exprs.get(name)
        if inner is not None:
            found |= _limits(kb, inner, finding, seen | {name})
    return found
