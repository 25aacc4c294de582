"""The figures of an evaluation, per way (``tests/cases/README.md``, "Figures").

Every percentage counts only the cases that have the expectation it measures:

- triage exact and over-triage: every case (every case names a triage level);
- top-1: the cases that name a ``condition`` (an id, a list or ``none``); a
  case that leaves ``condition`` out expects no condition and is left out of
  the top-1 percentage;
- top-3: the cases that name a ``condition`` or ``also`` conditions;
- factor recall: per expected factor id, over every case;
- specialist: the cases that name a ``specialist``.

How many cases each of top-1 and top-3 counted is reported with it
(``top-1 97.7 % (42/43)``), so a case left out is never mistaken for a case
that passed. A figure with nothing to count is 100 %.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

from nightlegs.evaluation.scoring import Outcome


@dataclass(frozen=True, slots=True)
class Figures:
    way: str
    cases: int
    triage_exact: float
    under_triage: int
    critical_under_triage: int
    over_triage: float
    top1: float
    #: Cases right for top-1, of the cases scored for top-1 (those naming a condition).
    top1_right: int
    top1_scored: int
    top3: float
    #: Cases right for top-3, of the cases scored for top-3.
    top3_right: int
    top3_scored: int
    factor_recall: float
    factors_found: int
    factors_expected: int
    specialist: float
    advice_violations: int
    advice_missing: int
    failing: int
    questions_median: float | None
    questions_max: int | None
    seconds: float

    @property
    def safe(self) -> bool:
        """No critical under-triage and no advice-safety violation."""
        return self.critical_under_triage == 0 and self.advice_violations == 0

    def summary(self) -> str:
        """One line with every figure, easy to grep (``direct: triage exact 100.0 %``)."""
        parts = [
            f"{self.way}: triage exact {_pct(self.triage_exact)}",
            f"under-triage {self.under_triage}",
            f"critical under-triage {self.critical_under_triage}",
            f"over-triage {_pct(self.over_triage)}",
            f"top-1 {self._top1()}",
            f"top-3 {self._top3()}",
            f"factor recall {self._recall()}",
            f"specialist {_pct(self.specialist)}",
            f"advice violations {self.advice_violations}",
        ]
        if self.questions_median is not None:
            parts.append(f"questions median {_num(self.questions_median)} max {self.questions_max}")
        parts.append(f"cases {self.cases}, failing {self.failing}")
        return ", ".join(parts)

    def rows(self) -> list[tuple[str, str]]:
        """(figure, value) pairs in the README's order, for a table."""
        return [
            ("cases", str(self.cases)),
            ("triage exact", _pct(self.triage_exact)),
            ("under-triage", str(self.under_triage)),
            ("critical under-triage", str(self.critical_under_triage)),
            ("over-triage", _pct(self.over_triage)),
            ("top-1", self._top1()),
            ("top-3", self._top3()),
            ("factor recall", self._recall()),
            ("specialist", _pct(self.specialist)),
            ("advice violations", str(self.advice_violations)),
            ("advice missing", str(self.advice_missing)),
            ("questions median", _num(self.questions_median)),
            ("questions max", _num(self.questions_max)),
            ("failing cases", str(self.failing)),
            ("seconds", f"{self.seconds:.2f}"),
        ]

    def _top1(self) -> str:
        return f"{_pct(self.top1)} ({self.top1_right}/{self.top1_scored})"

    def _top3(self) -> str:
        return f"{_pct(self.top3)} ({self.top3_right}/{self.top3_scored})"

    def _recall(self) -> str:
        return f"{_pct(self.factor_recall)} ({self.factors_found}/{self.factors_expected})"


@dataclass(frozen=True, slots=True)
class WayReport:
    figures: Figures
    outcomes: tuple[Outcome, ...]

    @property
    def failing(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


@dataclass(frozen=True, slots=True)
class Report:
    source: str
    ways: tuple[WayReport, ...]

    @property
    def safe(self) -> bool:
        return all(w.figures.safe for w in self.ways)

    @property
    def passed(self) -> bool:
        return all(not w.failing for w in self.ways)

    def failure_lines(self) -> list[str]:
        """``FAIL <way> <case>: <reason>; <reason>`` for every failing case."""
        return [
            f"FAIL {way.figures.way} {outcome.case_id}: {'; '.join(outcome.reasons)}"
            for way in self.ways
            for outcome in way.failing
        ]

    def way(self, name: str) -> WayReport:
        for way in self.ways:
            if way.figures.way == name:
                return way
        raise KeyError(name)

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "safe": self.safe,
            "passed": self.passed,
            "ways": {
                w.figures.way: {
                    "figures": asdict(w.figures),
                    "failing": [{"case": o.case_id, "reasons": list(o.reasons)} for o in w.failing],
                    "cases": [
                        {
                            "case": o.case_id,
                            "passed": o.passed,
                            "triage": o.triage,
                            "expected_triage": o.expected_triage,
                            "top1": o.top1,
                            "top3": o.top3,
                            "questions": o.questions,
                        }
                        for o in w.outcomes
                    ],
                }
                for w in self.ways
            },
        }


def figures(way: str, outcomes: Sequence[Outcome], seconds: float = 0.0) -> Figures:
    """Aggregate the outcomes of one way."""
    n = len(outcomes)
    expected = sum(o.factors_expected for o in outcomes)
    found = sum(o.factors_found for o in outcomes)
    with_specialist = [o for o in outcomes if o.specialist is not None]
    questions = [o.questions for o in outcomes if o.questions is not None]
    top1 = [o.top1 for o in outcomes if o.top1 is not None]
    top3 = [o.top3 for o in outcomes if o.top3 is not None]
    return Figures(
        way=way,
        cases=n,
        triage_exact=_percent(sum(o.triage_result == "exact" for o in outcomes), n),
        under_triage=sum(o.triage_result == "under" for o in outcomes),
        critical_under_triage=sum(o.critical for o in outcomes),
        over_triage=_percent(sum(o.triage_result == "over" for o in outcomes), n),
        top1=_percent(sum(top1), len(top1)),
        top1_right=sum(top1),
        top1_scored=len(top1),
        top3=_percent(sum(top3), len(top3)),
        top3_right=sum(top3),
        top3_scored=len(top3),
        factor_recall=_percent(found, expected),
        factors_found=found,
        factors_expected=expected,
        specialist=_percent(sum(bool(o.specialist) for o in with_specialist), len(with_specialist)),
        advice_violations=sum(len(o.violations) for o in outcomes),
        advice_missing=sum(len(o.missing_advice) for o in outcomes),
        failing=sum(not o.passed for o in outcomes),
        questions_median=statistics.median(questions) if questions else None,
        questions_max=max(questions) if questions else None,
        seconds=round(seconds, 3),
    )


def _percent(part: int, whole: int) -> float:
    """A percentage rounded to one decimal; 100 when nothing was expected."""
    return 100.0 if whole == 0 else round(100.0 * part / whole, 1)


def _pct(value: float) -> str:
    return f"{value:.1f} %"


def _num(value: float | None) -> str:
    if value is None:
        return "-"
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
