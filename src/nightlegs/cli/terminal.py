"""The whole interview in a terminal, driven by the engine (no server, nothing stored).

Every item is answered by the number of a choice, ``?`` for "I don't know",
``b`` to go back to the previous question (its answers are removed and it is
asked again) or ``q`` to quit. Number items take a number as people write it
(``18,5``, ``18.5``, ``1 200``), optionally followed by a unit (``40 ng/mL``,
``40 нг/мл``): :mod:`nightlegs.knowledge.numbers` reads it, as the pages do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from nightlegs.cli.texts import words
from nightlegs.engine import Answer, EvidenceError, InterviewState, merge, next_step
from nightlegs.engine.evidence import normalise_answer
from nightlegs.engine.interview import localize
from nightlegs.engine.models import Question, QuestionItem
from nightlegs.i18n import Translator
from nightlegs.knowledge.compiled import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.knowledge.numbers import read_quantity
from nightlegs.knowledge.units import typed_unit, unit_label

#: Reads one line of input after showing a prompt; raises EOFError at the end.
Reader = Callable[[str], str]

BACK = "b"
QUIT = "q"
DONT_KNOW = "?"


class _Back(Exception):
    """The person asked to go back to the previous question."""


class _Quit(Exception):
    """The person asked to stop."""


@dataclass(slots=True)
class TerminalInterview:
    kb: KnowledgeBase
    console: Console
    language: str
    read: Reader

    def run(self) -> InterviewState | None:
        """Ask until the interview is done; the final state, or None if the person quit."""
        self.console.print(Text(self._hint_help(), style="dim"))
        history: list[InterviewState] = []
        state = InterviewState({}, ())
        while True:
            step = next_step(self.kb, state)
            if step.done or step.planned is None:
                return state
            question = localize(self.kb, step.planned, self.language)
            self._show(question, len(state.asked) + 1, step.progress)
            try:
                answers = self.ask(question)
            except _Quit:
                return None
            except _Back:
                if history:
                    state = history.pop()
                    self._note(self._t.gettext("Back to the previous question."))
                else:
                    self._note(
                        self._t.gettext(
                            "This is the first question; there is nothing to go back to."
                        )
                    )
                continue
            history.append(state)
            state = InterviewState(
                merge(self.kb, answers, state.values),
                (*state.asked, step.planned.record()),
            )

    # -- showing ----------------------------------------------------------------

    @property
    def _t(self) -> Translator:
        return words(self.language)

    def _hint_help(self) -> str:
        return self._t.gettext(
            "Type the number of your answer; ? = I don't know, b = back, q = quit."
        )

    def _note(self, text: str) -> None:
        self.console.print(Text(text, style="dim"))

    def _warn(self, text: str) -> None:
        self.console.print(Text(text, style="yellow"))

    def _invalid_choice(self) -> None:
        self._warn(self._t.gettext("Please type one of the numbers shown, ?, b or q."))

    def _show(self, question: Question, number: int, progress: float) -> None:
        percent = round(progress * 100)
        numbered = self._t.gettext("Question %(num)d", num=number)
        title = f"{question.stage_label} · {numbered} · {percent} %"
        self.console.print()
        self.console.rule(escape(title), align="left")
        self.console.print(Text(question.text, style="bold"))
        if question.explanation:
            self.console.print(Text(question.explanation, style="dim italic"))

    def _choices_line(self, item: QuestionItem) -> str:
        return "  ".join(f"{i}) {c.label}" for i, c in enumerate(item.choices or [], 1))

    # -- asking -------------------------------------------------------------------

    def ask(self, question: Question) -> list[Answer]:
        """The answers to every item of one question; raises _Back or _Quit."""
        if question.type == "group_single":
            return self._ask_one_of(question)
        answers: list[Answer] = []
        for item in question.items:
            show_label = len(question.items) > 1 or item.label != question.text
            if show_label:
                self.console.print(Text(f"• {item.label}"))
            if item.choices is None:
                answers.append(self._ask_number(item))
            else:
                answers.append(self._ask_choice(item))
        return answers

    def _read(self, prompt: str = "> ") -> str:
        try:
            line = self.read(prompt)
        except EOFError:
            raise _Quit from None
        text = line.strip()
        if text.lower() == QUIT:
            raise _Quit
        if text.lower() == BACK:
            raise _Back
        return text

    def _ask_choice(self, item: QuestionItem) -> Answer:
        choices = item.choices or []
        if len(choices) > 3:
            for index, choice in enumerate(choices, 1):
                self.console.print(f"    {index}) {escape(choice.label)}")
        else:
            self.console.print(f"    {escape(self._choices_line(item))}")
        while True:
            text = self._read()
            if text == DONT_KNOW:
                return Answer(item.finding, UNKNOWN)
            if text.isascii() and text.isdigit() and 1 <= int(text) <= len(choices):
                return Answer(item.finding, choices[int(text) - 1].value)
            self._invalid_choice()

    def _ask_one_of(self, question: Question) -> list[Answer]:
        items = question.items
        dont_know = len(items) + 1
        for index, item in enumerate(items, 1):
            self.console.print(f"    {index}) {escape(item.label)}")
        unknown_label = self.kb.question_texts.answers["unknown"].get(self.language)
        self.console.print(f"    {dont_know}) {escape(unknown_label)}")
        self._note(self._t.gettext("Pick one (its number), or ? if you don't know"))
        while True:
            text = self._read()
            if text == DONT_KNOW or text == str(dont_know):
                return [Answer(item.finding, UNKNOWN) for item in items]
            if text.isascii() and text.isdigit() and 1 <= int(text) <= len(items):
                picked = items[int(text) - 1].finding
                return [
                    Answer(item.finding, "present" if item.finding == picked else "absent")
                    for item in items
                ]
            self._invalid_choice()

    def _ask_number(self, item: QuestionItem) -> Answer:
        unit = f", {item.unit_label or item.unit}" if item.unit_label or item.unit else ""
        low, high = _fmt(item.min), _fmt(item.max)
        span = f", {low}-{high}" if low and high else ""
        hint = self._t.gettext(
            "Type a number%(unit)s%(range)s, or ? if you don't know", unit=unit, range=span
        )
        if item.units:
            units = ", ".join(unit_label(self.kb, unit, self.language) for unit in item.units)
            hint += "; " + self._t.gettext(
                "you may add a unit after a space: %(units)s", units=units
            )
        self._note(hint)
        while True:
            text = self._read()
            if text == DONT_KNOW:
                return Answer(item.finding, UNKNOWN)
            # Read as the pages read it (knowledge/numbers.py): "18,5", "1 200", "40 нг/мл".
            reading = read_quantity(text, self.language)
            if reading is None:
                self._warn(
                    self._t.gettext(
                        "That is not a number. For example 40, or 40 ng/mL; ? = I don't know."
                    )
                )
                continue
            own_words = typed_unit(self.kb, item.finding, reading.unit) == ""
            answer = Answer(
                item.finding, reading.value, None if own_words else reading.unit or None
            )
            try:
                normalise_answer(self.kb, answer)
            except EvidenceError as exc:
                self._warn(exc.message)
                continue
            return answer


def _fmt(number: float | None) -> str:
    if number is None:
        return ""
    return str(int(number)) if float(number).is_integer() else f"{number:g}"
