"""Drive the patient web app through its stable hooks, like the simulated person.

Only the hooks agreed for tests and integrations are used: ``main[data-page]``,
``form[data-question-id]``, inputs named after findings, ``button[name=action]
[value=next]``, ``button[name=none_of_these]``, ``button[name=not_sure]``,
``[data-action=start|back|continue|report|reset|change]``, ``[data-triage-level]`` and
``[data-condition]``. The person answers as in ``tests/cases/README.md``
(:class:`SimulatedPerson`): in a group of signs they tick those they have and press Next,
press "None of these" when they have none, and when one is not known they press "Not
sure" and answer each sign on the next page.

A visit counts the person's **taps**: each click or tick is one, and a text field typed
into is one.
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
#: A number item's field, whatever its type (text with inputmode, or number).
TEXT_FIELD = "input[name='{}']:not([type=radio]):not([type=checkbox]):not([type=hidden])"
#: The languages that write a decimal comma ("18,5").
DECIMAL_COMMA = ("uk", "ru")
#: True once no htmx request, swap or settle is under way (app.js has moved the focus).
SETTLED = "() => !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling')"
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
    # Until htmx has settled, app.js may still move the focus to the new page's heading:
    # typing started before that would land there, not in the field.
    page.wait_for_function(SETTLED)


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
    #: Clicks and ticks, and text fields typed into.
    taps: int = 0
    #: The words of every page read on the way (questions, emergency and check pages).
    words: int = 0
    #: The pages read on the way (each counted in ``words``).
    pages: int = 0

    def __post_init__(self) -> None:
        self.person = SimulatedPerson(self.kb, self.case.profile)

    # -- pages -------------------------------------------------------------------------

    def kind(self) -> str:
        kind = self.page.locator("main[data-page]").get_attribute("data-page")
        assert kind, f"no main[data-page] at {self.page.url}"
        return kind

    def read(self) -> None:
        """Read the page's main content (its words are counted)."""
        self.words += len(self.page.locator("main").inner_text().split())
        self.pages += 1

    def follow(self, target: Locator) -> None:
        """Tap a link or button that leads to another page."""
        self.taps += 1
        follow(self.page, self.js, target)

    def tick(self, target: Locator) -> None:
        """Tick a box or choose a radio (with Playwright's checks that it takes the click:
        with JavaScript on, the page may still be scrolling to the new question)."""
        self.taps += 1
        target.check()

    def start(self, *, read: bool = False) -> None:
        """Open the start page (reading it when ``read``), agree and start."""
        self.page.goto(f"/{self.lang}/")
        assert self.kind() == "start"
        if read:
            self.read()
        self.tick(self.page.locator('input[type=checkbox][name=consent][value="yes"]'))
        self.follow(self.page.locator("button[type=submit][data-action=start]"))
        if self.kind() == "complaint":  # "in your own words": this person skips it
            self.read()
            self.follow(self.page.locator("button[type=submit][data-action=skip-complaint]"))

    def back(self) -> None:
        self.follow(self.page.locator("a[data-action=back]"))

    def next(self) -> None:
        self.follow(self.page.locator("button[type=submit][name=action][value=next]"))

    def continue_after_emergency(self) -> None:
        self.follow(self.page.locator("[data-action=continue]"))

    def show_results(self) -> None:
        """On the check page: the answers are right, on to the results."""
        assert self.kind() == "check"
        self.follow(self.page.locator("button[type=submit][name=action][value=next]"))

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

    def group(self) -> bool:
        """A group of yes/no signs asked with a box per sign."""
        return any(i["type"] == "checkbox" and i["value"] == "present" for i in self.inputs())

    def prefilled(self) -> dict[str, ProfileValue]:
        """What the current form already holds, finding by finding (in a group of boxes,
        an empty box is "absent")."""
        held: dict[str, ProfileValue] = {}
        group = self.group()
        for i in self.inputs():
            name = i["name"]
            if i["type"] in ("radio", "checkbox") and i["checked"]:
                held[name] = i["value"]
            elif group and i["type"] == "checkbox":
                held.setdefault(name, "absent")
            elif i["type"] not in ("radio", "checkbox", "hidden") and i["value"]:
                held.setdefault(name, float(i["value"].replace(",", ".").replace(" ", "")))
        return held

    def number_text(self, value: float) -> str:
        """A number as the person writes it: "18,5" in uk and ru."""
        text = f"{value:g}"
        return text.replace(".", ",") if self.lang in DECIMAL_COMMA else text

    def fill(self, overrides: Mapping[str, ProfileValue] | None = None) -> dict[str, ProfileValue]:
        """Answer every item of the current question of radios and numbers (the person's
        answers, or overrides)."""
        question = self.question_id()
        where = f"question {question} ({self.lang}, js={self.js})"
        inputs = self.inputs()
        answers: dict[str, ProfileValue] = {}
        for finding in dict.fromkeys(i["name"] for i in inputs):
            value = (overrides or {}).get(finding, self.person.answer_value(finding))
            mine = [i for i in inputs if i["name"] == finding]
            named = f'[name="{finding}"]'
            if isinstance(value, int | float):
                field_ = self.form.locator(TEXT_FIELD.format(finding))
                assert field_.count() == 1, f"{where}: no number field for {finding}"
                if any(i["type"] == "checkbox" and i["checked"] for i in mine):
                    self.taps += 1
                    self.form.locator(f"input[type=checkbox]{named}").uncheck()
                self.taps += 1
                field_.fill(self.number_text(value))
            else:
                offered = [i for i in mine if i["value"] == value and i["type"] != "text"]
                assert offered, (
                    f"{where}: no input {finding}={value}; offered {[i['value'] for i in mine]}"
                )
                if not offered[0]["checked"]:
                    self.tick(self.form.locator(f'input{named}[value="{value}"]'))
            answers[finding] = value
        assert answers, f"{where}: no input named after a finding"
        return answers

    def answer_group(
        self, overrides: Mapping[str, ProfileValue] | None = None
    ) -> dict[str, ProfileValue]:
        """Answer a group of signs as the person does: tick what they have, then Next;
        "None of these" when they have none; "Not sure" and each sign on the next page
        when one is not known. Leaves the page of the next step."""
        question = self.question_id()
        findings = self.findings()
        answers = {f: (overrides or {}).get(f, self.person.answer_value(f)) for f in findings}
        held = self.prefilled()
        for finding, value in answers.items():
            box = self.form.locator(f'input[type=checkbox][name="{finding}"][value="present"]')
            if (value == "present") != (held.get(finding) == "present"):
                self.taps += 1
                box.set_checked(value == "present")
        present = [f for f, v in answers.items() if v == "present"]
        if any(v not in ("present", "absent") for v in answers.values()):
            self.follow(self.form.locator("button[type=submit][name=not_sure]"))
            assert self.question_id() == question, f"not_sure left {question}: {self.page.url}"
            self.read()
            shown = self.prefilled()
            assert {f for f, v in shown.items() if v == "present"} == set(present), shown
            self.fill(answers)
        elif not present:
            self.follow(self.form.locator("button[type=submit][name=none_of_these]"))
            return answers
        self.next()
        return answers

    def answer(self, overrides: Mapping[str, ProfileValue] | None = None) -> str:
        """Answer the current question, note what the engine makes of it, and go on."""
        question = self.question_id()
        if self.group():
            answers = self.answer_group(overrides)
        else:
            answers = self.fill(overrides)
            self.next()
        self.submitted |= answers
        self.values = merge(self.kb, [Answer(f, v) for f, v in answers.items()], self.values)
        self.questions.append(question)
        self.levels.append(self.kb.levels[decide(self.kb, self.values).level].id)
        return question

    # -- whole flows -------------------------------------------------------------------

    def run(
        self,
        *,
        on_page: Callable[[Visit, str], None] | None = None,
        max_pages: int = MAX_PAGES,
    ) -> Outcome:
        """Answer until the results page, acknowledging every emergency page and
        confirming the check of the answers."""
        self.walk_to("results", on_page=on_page, max_pages=max_pages)
        return self.outcome()

    def walk_to(
        self,
        until: str,
        *,
        on_page: Callable[[Visit, str], None] | None = None,
        max_pages: int = MAX_PAGES,
    ) -> None:
        """Go on as the person would until a page of kind ``until``."""
        for _ in range(max_pages):
            kind = self.kind()
            if on_page is not None:
                on_page(self, kind)
            if kind == until:
                return
            self.read()
            if kind == "emergency":
                self.emergencies.append(self.emergency())
                self.continue_after_emergency()
            elif kind == "check":
                self.show_results()
            elif kind == "question":
                self.answer()
            else:
                raise AssertionError(f"unexpected page {kind!r} at {self.page.url}")
        raise AssertionError(
            f"{self.case.id} ({self.lang}, js={self.js}): no {until} page after {max_pages} "
            f"pages; questions: {self.questions}"
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
