"""Cases written from policy version 2 to break the engine (tests/cases/adversarial-v2.yaml).

They were written from the policy's sentences, not from the public cases:
thresholds on both sides, rule combinations, every advice contraindication and
every routing row. The direct way must pass every one. The interview way is held
to the gaps listed below, each a known limit of what the interview asks; a new
failure, or an advice-safety violation or critical under-triage outside the
list, fails the build.
"""

from __future__ import annotations

import pytest

from nightlegs.evaluation import Case, load_cases
from nightlegs.evaluation.scoring import Outcome, score
from nightlegs.evaluation.ways import http_interview_client, run_direct, run_interview
from nightlegs.knowledge import KnowledgeBase
from tests.conftest import TESTS

pytestmark = pytest.mark.slow

ADVERSARIAL = TESTS / "cases" / "adversarial-v2.yaml"

#: Interview-way failures that are known limits, with the reason each is accepted.
KNOWN_INTERVIEW_GAPS = {
    # Laboratory results are asked where they bear on the likely condition;
    # a value nobody asks about cannot be used.
    "glu-7.0": "fasting glucose is asked only with diabetes or suspected neuropathy",
    "hb-69-cramps": "haemoglobin is asked only with restless legs or known iron deficiency",
    "tsat-15-ferritin-unknown": "TSAT is skipped once ferritin is not known (same panel)",
    # Out of the tool's population: the interview stops asking details.
    "age16-potassium-marked": "under 18: laboratory results are not asked",
    "age17-akathisia": "under 18: medicines are not asked",
    "noleg-k-6.2": "no leg symptoms: laboratory results are not asked",
    "noleg-k-5.7": "no leg symptoms: laboratory results are not asked",
    "noleg-akathisia-suicidal": "no leg symptoms: medicines (so suicidal thoughts) are not asked",
    "noleg-akathisia": "no leg symptoms: medicines are not asked",
}


@pytest.fixture(scope="module")
def cases(kb: KnowledgeBase) -> list[Case]:
    return load_cases(ADVERSARIAL, kb)


def test_the_direct_way_passes_every_adversarial_case(kb: KnowledgeBase, cases: list[Case]) -> None:
    outcomes = [score(case, run_direct(kb, case).assessment) for case in cases]
    failing = {o.case_id: o.reasons for o in outcomes if not o.passed}
    assert len(cases) >= 250
    assert not failing


def test_the_interview_way_fails_only_where_a_known_gap_says_so(
    kb: KnowledgeBase, cases: list[Case]
) -> None:
    outcomes: list[Outcome] = []
    with http_interview_client() as client:
        for case in cases:
            run = run_interview(kb, client, case)
            assert not run.problems, f"{case.id}: {run.problems}"
            outcomes.append(score(case, run.assessment, questions=run.questions))
    failing = {o.case_id: o.reasons for o in outcomes if not o.passed}
    unexpected = {k: v for k, v in failing.items() if k not in KNOWN_INTERVIEW_GAPS}
    assert not unexpected
    assert not [o.case_id for o in outcomes if o.violations]  # never unsafe advice
    fixed = set(KNOWN_INTERVIEW_GAPS) - set(failing)
    assert not fixed, f"these now pass: remove them from KNOWN_INTERVIEW_GAPS: {sorted(fixed)}"
