"""Fixtures for the doctor's report: public cases answered through the interview, and
WeasyPrint. Its libraries are Debian packages (the group ``run`` of
``scripts/system-packages.list``): when one is missing or WeasyPrint cannot load, the PDF
tests fail with the ``apt-get install`` line, unless ``NIGHTLEGS_SKIP_PDF=1`` skips them
(and the end of the run says so)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from datetime import datetime
from types import ModuleType
from typing import Any

import pytest
from ruamel.yaml import YAML

from nightlegs.diary.model import Entry, EntryBody, Tried
from nightlegs.engine import InterviewState, next_step
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import Value
from nightlegs.report.pdf import ReportUnavailable, load_weasyprint
from nightlegs.settings import Settings
from tests.conftest import CASES_FILE, values
from tests.fixtures.system import PDF

#: A fixed moment, so that the printed date is known.
NOW = datetime(2026, 11, 25, 9, 30)


@pytest.fixture(scope="session")
def weasyprint() -> ModuleType:
    """WeasyPrint; a failure with the apt-get line when it cannot load (or a skip on
    request, NIGHTLEGS_SKIP_PDF=1)."""
    PDF.check()
    try:
        return load_weasyprint()
    except ReportUnavailable as error:
        PDF.fail(f"WeasyPrint cannot load here: {error}")


@pytest.fixture(scope="session")
def profiles() -> dict[str, dict[str, Any]]:
    cases = YAML(typ="safe").load(CASES_FILE.read_text(encoding="utf-8"))
    return {case["id"]: case["profile"] for case in cases}


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings.model_validate({"database_url": "sqlite://"})


def interview_values(kb: KnowledgeBase, profile: Mapping[str, Any]) -> dict[str, Value]:
    """What the interview collects from a person answering from ``profile``
    (the simulated person of the evaluation: red flags are asked and answered)."""
    person = SimulatedPerson(kb, values(profile))
    state = InterviewState({})
    while True:
        step = next_step(kb, state)
        if step.done or step.planned is None:
            return dict(state.values)
        answered = dict(state.values)
        for finding in step.planned.findings:
            answered[finding] = person.answer_value(finding)
        state = InterviewState(answered, (*state.asked, step.planned.record()))


def diary_entries(as_of: dt.date, weeks: int = 12) -> list[Entry]:
    """A diary of ``weeks`` weeks, most nights with symptoms, easing over time."""
    entries = []
    for back in range(weeks * 7):
        if back % 9 == 4:
            continue  # a night not recorded now and then
        severity = min(10, 3 + back // 10)
        body = (
            EntryBody(symptoms=[])
            if back % 4 == 3
            else EntryBody(
                symptoms=["urge_to_move"],
                episodes=2,
                severity=severity,
                minutes_awake=30 if back % 3 == 0 else 0,
                tried=[Tried(measure="walking", helped=back % 2 == 0)],
            )
        )
        entries.append(Entry.of(as_of - dt.timedelta(days=back), body))
    return entries
