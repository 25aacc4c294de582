"""Drive the patient web app through its stable hooks, like the simulated person.

Only the hooks agreed for tests and integrations are used: ``main[data-page]``,
``form[data-question-id]``, inputs named after findings, ``button[name=action]
[value=next]``, ``[data-action=start|back|continue|report|reset]``,
``[data-triage-level]`` and ``[data-condition]``. The person answers as in
``tests/cases/README.md`` (:class:`SimulatedPerson`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from nightlegs.engine import Answer, Value, decide, merge
from nightlegs.evaluation.cases import Case, ProfileValue
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase

EMERGENCY_LEVELS = ("emergency", "emergency_ambulance")
READ_INPUTS = (
    "els => els.map(e => ({name: e.name, type: e.type, value: e.value, checked: e.checked}))"
)
#: A flow that has not reached the results after this many pages is broken.
MAX_PAGES = 40


@dataclass(frozen=True, slots=True)
class Outcome:
    triage: str
    conditions: list[str]


@dataclass(frozen=True, slots=True)
class Emergency:
    #: How many questions had been answered when it appeared.
    after: int
    level: str
    #: The tel: links in the page's main content.
    calls: list[str]
    continue_buttons: int


def follow(page: Page, js: bool, target: Locator) -> None:
    """Click a link or button that leads to another page, and wait for that page: the
    navigation without JavaScript, the htmx swap (or a navigation) with it."""
    if not js:
        with page.expect_navigation():
            target.click()
        return
    old = target.element_handle()
    target.click()
    try:  # htmx swaps the clicked element out
        old.wait_for_element_state("hidden")
    except PlaywrightError as error:  # or a full navigation destroyed the old document
        if isinstance(error, PlaywrightTimeout):
            raise
    page.wait_for_load_state()


@dataclass
class Visit:
    """One person going through the app in one browser page."""

    page: Page
    lang: str
    js: bool
    kb: KnowledgeBase
    case: Case
    #: Question ids in the order they were answered.
    questions: list[str] = field(default_factory=list)
    #: The emergency pages, in order.
    emergencies: list[Emergency] = field(default_factory=list)
    #: The level the engine gives the evidence after each answered question.
    levels: list[str] = field(default_factory=list)
    #: What this visit submitted, finding by finding (the last answer wins).
    submitted: dict[str, ProfileValue] = field(default_factory=dict)
    values: dict[str, Value] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.person = SimulatedPerson(self.kb, self.case.profile)

    # -- pages -------------------------------------------------------------------------

    def kind(self) -> str:
        kind = self.page.locator("main[data-page]").get_attribute("data-page")
        assert kind, f"no main[data-page] at {self.page.url}"
        return kind

    def follow(self, target: Locator) -> None:
        follow(self.page, self.js, target)

    def start(self) -> None:
        self.page.goto(f"/{self.lang}/")
        assert self.kind() == "start"
        self.page.locator('input[type=checkbox][name=consent][value="yes"]').check()
        self.follow(self.page.locator("button[type=submit][data-action=start]"))

    def back(self) -> None:
        self.follow(self.page.locator("a[data-action=back]"))

    def next(self) -> None:
        self.follow(self.page.locator("button[type=submit][name=action][value=next]"))

    def continue_after_emergency(self) -> None:
        self.follow(self.page.locator("[data-action=continue]"))

    # -- the question form -------------------------------------------------------------

    @property
    def form(self) -> Locator:
        return self.page.locator("form[data-question-id]")

    def question_id(self) -> str:
        question = self.form.get_attribute("data-question-id")
        assert question, f"no data-question-id at {self.page.url}"
        return question

    def inputs(self) -> list[dict[str, Any]]:
        """Every named input of the question form: name, type, value, checked (one call)."""
        found: list[dict[str, Any]] = self.form.locator("input[name], select[name]").evaluate_all(
            READ_INPUTS
        )
        return [i for i in found if i["name"] in self.kb.findings]

    def findings(self) -> list[str]:
        """The findings the current question asks about (the inputs' names), in order."""
        return list(dict.fromkeys(i["name"] for i in self.inputs()))

    def prefilled(self) -> dict[str, ProfileValue]:
        """What the current form already holds, finding by finding."""
        held: dict[str, ProfileValue] = {}
        for i in self.inputs():
            if i["type"] in ("radio", "checkbox") and i["checked"]:
                held[i["name"]] = i["value"]
            elif i["type"] == "number" and i["value"] and i["name"] not in held:
                held[i["name"]] = float(i["value"])
        return held

    def fill(self, overrides: Mapping[str, ProfileValue] | None = None) -> dict[str, ProfileValue]:
        """Answer every item of the current question (the person's answers, or overrides)."""
        question = self.question_id()
        where = f"question {question} ({self.lang}, js={self.js})"
        inputs = self.inputs()
        answers: dict[str, ProfileValue] = {}
        for finding in dict.fromkeys(i["name"] for i in inputs):
            value = (overrides or {}).get(finding, self.person.answer_value(finding))
            mine = [i for i in inputs if i["name"] == finding]
            named = f'[name="{finding}"]'
            if isinstance(value, int | float):
                assert [i["type"] for i in mine if i["type"] == "number"] == ["number"], (
                    f"{where}: no number input for {finding}"
                )
                if any(i["type"] == "checkbox" and i["checked"] for i in mine):
                    self.form.locator(f"input[type=checkbox]{named}").uncheck()
                self.form.locator(f"input[type=number]{named}").fill(f"{value:g}")
            else:
                assert [i for i in mine if i["value"] == value and i["type"] != "number"], (
                    f"{where}: no input {finding}={value}; offered {[i['value'] for i in mine]}"
                )
                # A real click, with Playwright's checks that the input is stable
                # and takes the click: with JavaScript on, the page may still be
                # scrolling to the new question (focus moves after htmx settles),
                # and a forced click could land on the header's links instead.
                self.form.locator(f'input{named}[value="{value}"]').check()
            answers[finding] = value
        assert answers, f"{where}: no input named after a finding"
        return answers

    def answer(self, overrides: Mapping[str, ProfileValue] | None = None) -> str:
        """Fill the current question, note what the engine makes of it, and go on."""
        question = self.question_id()
        answers = self.fill(overrides)
        self.submitted |= answers
        self.values = merge(self.kb, [Answer(f, v) for f, v in answers.items()], self.values)
        self.questions.append(question)
        self.levels.append(self.kb.levels[decide(self.kb, self.values).level].id)
        self.next()
        return question

    # -- whole flows -------------------------------------------------------------------

    def run(
        self,
        *,
        on_page: Callable[[Visit, str], None] | None = None,
        max_pages: int = MAX_PAGES,
    ) -> Outcome:
        """Answer until the results page, acknowledging every emergency page."""
        for _ in range(max_pages):
            kind = self.kind()
            if on_page is not None:
                on_page(self, kind)
            if kind == "results":
                return self.outcome()
            if kind == "emergency":
                self.emergencies.append(self.emergency())
                self.continue_after_emergency()
            elif kind == "question":
                self.answer()
            else:
                raise AssertionError(f"unexpected page {kind!r} at {self.page.url}")
        raise AssertionError(
            f"{self.case.id} ({self.lang}, js={self.js}): no results after {max_pages} pages; "
            f"questions: {self.questions}"
        )

    def emergency(self) -> Emergency:
        """What the current emergency page offers."""
        level = self.page.locator("[data-triage-level]").first.get_attribute("data-triage-level")
        calls = self.page.locator('main a[href^="tel:"]').evaluate_all(
            "els => els.map(e => e.getAttribute('href'))"
        )
        buttons = self.page.locator("main [data-action=continue]").count()
        return Emergency(len(self.questions), str(level), calls, buttons)

    def check_interruptions(self) -> None:
        """Each rise to an emergency level was shown at once, with numbers to call."""
        rank = [level.id for level in self.kb.levels]
        rises = []  # (questions answered, level) where the engine's level rose to an emergency
        shown: str | None = None
        for index, level in enumerate(self.levels):
            if level in EMERGENCY_LEVELS and (
                shown is None or rank.index(level) > rank.index(shown)
            ):
                rises.append((index + 1, level))
            shown = level if level in EMERGENCY_LEVELS else None
        pages = [(e.after, e.level) for e in self.emergencies]
        assert pages == rises, f"emergency pages {pages}; rises {rises}; levels {self.levels}"
        for page in self.emergencies:
            assert {"tel:103", "tel:112"} <= set(page.calls), page
            assert page.continue_buttons == 1, page

    def outcome(self) -> Outcome:
        assert self.kind() == "results"
        triage = self.page.locator("[data-triage-level]").first.get_attribute("data-triage-level")
        conditions = self.page.locator("[data-condition]").evaluate_all(
            "els => els.map(e => e.getAttribute('data-condition'))"
        )
        return Outcome(str(triage), [str(c) for c in conditions])
