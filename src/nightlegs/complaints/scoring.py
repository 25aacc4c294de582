"""How well the parser reads a labelled set of complaints (``nightlegs eval-parse``).

Every figure counts (finding, value) pairs:

- **precision**: the pairs the parser gave that the label has; **recall**: the label's
  pairs the parser gave; **F1** their harmonic mean. Numbers match within 0.05.
- **urgent-sign recall**: of the label's urgent signs (present, or a choice value other
  than "none"), the share the parser gave.
- **urgent signs turned absent**: pairs the parser gave with an urgent sign as "absent"
  (or "none"). The parser's design makes this 0 (docs/parsing.md, "Safety").
- **polarity errors**: of the yes/no pairs the parser gave for a finding the label has as
  yes/no, the share with the opposite value (present for absent, or absent for present).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from nightlegs.complaints.models import ParseResult
from nightlegs.complaints.resolve import NO

Value = str | float
Pair = tuple[str, Value]
#: Numbers within this of each other are the same value.
TOLERANCE = 0.05
_YES_NO = frozenset({"present", "absent"})


@dataclass(frozen=True, slots=True)
class LabelledComplaint:
    language: str
    text: str
    expect: Mapping[str, Value]


@dataclass(frozen=True, slots=True)
class Miss:
    """A complaint the parser did not read exactly as labelled."""

    language: str
    text: str
    missing: tuple[Pair, ...]
    extra: tuple[Pair, ...]


@dataclass
class ParseScore:
    complaints: int = 0
    predicted: int = 0
    expected: int = 0
    right: int = 0
    urgent_expected: int = 0
    urgent_found: int = 0
    urgent_absent: int = 0
    polarity_compared: int = 0
    polarity_errors: int = 0
    misses: list[Miss] = field(default_factory=list)

    def plus(self, other: ParseScore) -> ParseScore:
        """The figures of both sets together."""
        return ParseScore(
            complaints=self.complaints + other.complaints,
            predicted=self.predicted + other.predicted,
            expected=self.expected + other.expected,
            right=self.right + other.right,
            urgent_expected=self.urgent_expected + other.urgent_expected,
            urgent_found=self.urgent_found + other.urgent_found,
            urgent_absent=self.urgent_absent + other.urgent_absent,
            polarity_compared=self.polarity_compared + other.polarity_compared,
            polarity_errors=self.polarity_errors + other.polarity_errors,
            misses=[*self.misses, *other.misses],
        )

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.expected if self.expected else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def urgent_recall(self) -> float:
        return self.urgent_found / self.urgent_expected if self.urgent_expected else 1.0

    @property
    def polarity_error_share(self) -> float:
        compared = self.polarity_compared
        return self.polarity_errors / compared if compared else 0.0


def score(
    parse: Callable[[str, str], ParseResult],
    items: Sequence[LabelledComplaint],
    urgent: frozenset[str],
) -> ParseScore:
    """The figures of ``parse`` on ``items`` (``urgent``: the findings never absent)."""
    result = ParseScore()
    for item in items:
        got = {(c.finding, c.value) for c in parse(item.text, item.language).candidates}
        expected = set(item.expect.items())
        right = {pair for pair in got if _has(expected, pair)}
        result.complaints += 1
        result.predicted += len(got)
        result.expected += len(expected)
        result.right += len(right)
        for finding, value in expected:
            if finding in urgent and value not in NO:
                result.urgent_expected += 1
                result.urgent_found += _has(got, (finding, value))
        result.urgent_absent += sum(f in urgent and v in NO for f, v in got)
        for finding, value in got:
            labelled = item.expect.get(finding)
            if value in _YES_NO and labelled in _YES_NO:
                result.polarity_compared += 1
                result.polarity_errors += labelled != value
        missing = tuple(sorted((p for p in expected if not _has(got, p)), key=str))
        extra = tuple(sorted((p for p in got if not _has(expected, p)), key=str))
        if missing or extra:
            result.misses.append(Miss(item.language, item.text, missing, extra))
    return result


def _has(pairs: set[Pair], pair: Pair) -> bool:
    if pair in pairs:
        return True
    finding, value = pair
    if isinstance(value, str):
        return False
    return any(
        f == finding and not isinstance(v, str) and abs(v - value) <= TOLERANCE for f, v in pairs
    )
