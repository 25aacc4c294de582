"""A complaint in the person's own words, turned into statements to confirm, and the
confirmed statements into evidence (issue 10, the complaint box).

:func:`understand` reads the text (:mod:`nightlegs.complaints`) into :class:`Statement` s:
one per finding read, and one per medicine named (its class findings together, offered
with the medicine's sentence, "Фуросемід — сечогінний: так?"). The text itself is used
here and forgotten: a statement carries finding ids and values only (:func:`encode`), so
the page that shows them never needs the text again.

:func:`evidence` makes the interview's first evidence of the person's choices: a statement
confirmed gives its answers; corrected, the opposite of a yes/no finding (anything else:
nothing, the interview asks); removed or left unanswered, nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from nightlegs.complaints import Candidate, parser
from nightlegs.engine import Answer, EvidenceError, KnowledgeBase, Value, merge
from nightlegs.engine.evidence import contradictions
from nightlegs.languages import DEFAULT_LANGUAGE, is_language
from nightlegs.medicines import confirmation, lookup

__all__ = [
    "CHOICES",
    "Choice",
    "Statement",
    "StatementError",
    "choices_of",
    "decode",
    "encode",
    "evidence",
    "understand",
]

Choice = Literal["confirm", "correct", "remove"]
CHOICES: tuple[Choice, ...] = ("confirm", "correct", "remove")

#: One answer of a statement: the finding, its value, the unit of a number (or None).
Pair = tuple[str, str | float, str | None]

_OPPOSITE = {"present": "absent", "absent": "present"}


class StatementError(ValueError):
    """A statement sent back that is not one :func:`encode` made (a forged form)."""


@dataclass(frozen=True, slots=True)
class Statement:
    """What the text seemed to say, for the person to confirm: a finding with its value,
    or a medicine with the class findings it implies (``sentence``: its question)."""

    kind: Literal["finding", "medicine"]
    answers: tuple[Pair, ...]
    sentence: str | None = None


def understand(
    kb: KnowledgeBase, text: str, language: str, *, uk_dictionary: bool = True
) -> list[Statement]:
    """The statements ``text`` makes, in the order they stand in it."""
    reader = parser(kb, uk_dictionary)
    result = reader.parse(text, language)
    page = language if is_language(language) else DEFAULT_LANGUAGE
    matches = {
        (m.start, m.end): m
        for m in lookup(reader.table, text, page, known_word=reader.morphology.known)
    }
    placed: list[tuple[int, Statement]] = []
    from_medicine: set[tuple[str, int, int]] = set()
    for mention in result.medicines:
        match = matches.get((mention.start, mention.end))
        sentence = confirmation(reader.table, match, page) if match else None
        if sentence is None or not mention.findings:
            continue  # a medicine that implies no finding has nothing to confirm
        answers = tuple((f, "present", None) for f in mention.findings)
        placed.append((mention.start, Statement("medicine", answers, sentence)))
        from_medicine.update((f, mention.start, mention.end) for f in mention.findings)
    for candidate in result.candidates:
        if (candidate.finding, candidate.start, candidate.end) in from_medicine:
            continue
        placed.append((candidate.start, _statement(candidate)))
    return [statement for _, statement in sorted(placed, key=lambda p: p[0])]


def _statement(candidate: Candidate) -> Statement:
    return Statement("finding", ((candidate.finding, candidate.value, candidate.unit),))


def encode(statement: Statement) -> str:
    """The statement as a form field carries it: ``kind:finding=value[@unit];...``."""
    pairs = ";".join(
        f"{finding}={_number(value)}" + (f"@{unit}" if unit else "")
        for finding, value, unit in statement.answers
    )
    return f"{statement.kind}:{pairs}"


def decode(field: str) -> Statement:
    """A statement back from :func:`encode`; raises :class:`StatementError`."""
    kind, _, rest = field.partition(":")
    if kind not in ("finding", "medicine") or not rest:
        raise StatementError("not a statement")
    answers: list[Pair] = []
    for piece in rest.split(";"):
        finding, equals, value_unit = piece.partition("=")
        value, _, unit = value_unit.partition("@")
        if not equals or not finding or not value:
            raise StatementError("not a statement")
        answers.append((finding, _value(value), unit or None))
    return Statement("finding" if kind == "finding" else "medicine", tuple(answers))


def evidence(
    kb: KnowledgeBase, chosen: Iterable[tuple[Statement, Choice | None]]
) -> dict[str, Value]:
    """The evidence the person's choices give (every answer checked by the engine).

    Raises :class:`StatementError` for an answer the engine refuses. Answers that
    contradict each other are all left out: the interview asks them.
    """
    asked_first = urgent_findings(kb)
    answers = [
        answer
        for statement, choice in chosen
        for answer in _answers(statement, choice)
        # "No, that's wrong" about an urgent sign may mean "not quite like that" (weeks,
        # not days): it never stores "absent"; the urgent questions ask it in full.
        if not (choice == "correct" and answer.finding in asked_first)
    ]
    try:
        values = merge(kb, answers)
    except EvidenceError as exc:
        raise StatementError("an answer the knowledge base refuses") from exc
    for contradiction in contradictions(kb, values):
        for finding in contradiction.source.findings:
            values.pop(finding, None)
    return values


def urgent_findings(kb: KnowledgeBase) -> frozenset[str]:
    """The urgent questions' findings and every red flag: a correction never answers them."""
    urgent = {f for q in kb.questions if q.source.stage == "urgent" for f in q.findings}
    return frozenset(urgent | kb.red_flags)


def _answers(statement: Statement, choice: Choice | None) -> list[Answer]:
    if choice == "confirm":
        return [Answer(finding, value, unit) for finding, value, unit in statement.answers]
    if choice == "correct" and statement.kind == "finding":
        # "No, that's wrong" about a yes/no finding says the opposite; about a number or a
        # choice it says nothing of the right value, which the interview asks.
        return [
            Answer(finding, _OPPOSITE[value])
            for finding, value, _unit in statement.answers
            if isinstance(value, str) and value in _OPPOSITE
        ]
    # A medicine "not right" may be a misread name or another of its class: nothing.
    return []


def choices_of(
    statements: Sequence[Statement], form: Mapping[str, Sequence[str]], prefix: str
) -> list[tuple[Statement, Choice | None]]:
    """Each statement with the choice posted under ``<prefix><index>`` (None: none)."""
    chosen: list[tuple[Statement, Choice | None]] = []
    for index, statement in enumerate(statements):
        sent = next(iter(form.get(f"{prefix}{index}", [])), None)
        chosen.append((statement, next((c for c in CHOICES if c == sent), None)))
    return chosen


def _number(value: str | float) -> str:
    if isinstance(value, float):
        return f"{value:g}" if value == int(value) else repr(value)
    return value


def _value(text: str) -> str | float:
    try:
        return float(text)
    except ValueError:
        return text
