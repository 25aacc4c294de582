"""The evaluation harness: run the acceptance cases direct and through the interview."""

from nightlegs.evaluation.cases import Case, CaseError, Expect, load_cases
from nightlegs.evaluation.report import Figures, Report, WayReport
from nightlegs.evaluation.runner import WAYS, Way, evaluate
from nightlegs.evaluation.scoring import Outcome, score

__all__ = [
    "WAYS",
    "Case",
    "CaseError",
    "Expect",
    "Figures",
    "Outcome",
    "Report",
    "Way",
    "WayReport",
    "evaluate",
    "load_cases",
    "score",
]
