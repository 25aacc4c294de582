"""Evaluation cases: a person's answers (``profile``) and what must be concluded (``expect``).

The format is described in ``tests/cases/README.md``. Cases are read with
ruamel's safe loader (YAML 1.2), so numbers stay numbers and ``no`` stays a
string. Every id is checked against the knowledge base: a case that names an
unknown finding, value, condition, factor, specialist, advice item or triage
level is refused with the file, the line and the case id.

``expect.condition`` is read into :attr:`Expect.conditions`, a tuple:

- a single id ``x`` gives ``("x",)``: ``x`` must come first;
- ``none`` gives ``("none",)``: ``out_of_scope`` must be true;
- a list ``[x, y]`` gives ``("x", "y")``: any of them first is right (every id
  of the list is checked; ``none`` cannot be part of a list, and an empty list
  is refused: leave the key out instead);
- left out gives ``()``: no condition is expected, and the case is not scored
  for top-1 (nor for top-3 unless it lists ``also``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from nightlegs.engine.evidence import Answer, EvidenceError, normalise_answer
from nightlegs.knowledge.compiled import KnowledgeBase

#: A profile value as written in a case: a finding's value, a number or ``unknown``.
ProfileValue = str | int | float

#: ``condition: none`` means the right answer is ``out_of_scope: true``.
NO_CONDITION = "none"

_CASE_KEYS = frozenset({"id", "about", "profile", "expect"})
_EXPECT_KEYS = frozenset(
    {"triage", "condition", "also", "factors", "specialist", "never_advise", "advise"}
)
_LIST_KEYS = ("also", "factors", "specialist", "never_advise", "advise")


class CaseError(ValueError):
    """A cases file that cannot be used; ``problems`` lists every ``file:line: message``."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Expect:
    triage: str
    #: Any of these first is right; ``("none",)`` means ``out_of_scope`` must be
    #: true; empty when the case expects no condition (top-1 is not scored).
    conditions: tuple[str, ...] = ()
    also: tuple[str, ...] = ()
    factors: tuple[str, ...] = ()
    #: The first specialist must be one of these; empty when the case does not say.
    specialist: tuple[str, ...] = ()
    never_advise: tuple[str, ...] = ()
    advise: tuple[str, ...] = ()

    @property
    def out_of_scope(self) -> bool:
        """``condition: none``: the right answer is ``out_of_scope: true``."""
        return self.conditions == (NO_CONDITION,)

    @property
    def condition(self) -> str | None:
        """The one expected condition (or ``none``); ``None`` when the case expects none.

        Raises :class:`ValueError` for a case that accepts several conditions:
        read :attr:`conditions` there.
        """
        if not self.conditions:
            return None
        if len(self.conditions) > 1:
            raise ValueError(f"any of {', '.join(self.conditions)} is expected first")
        return self.conditions[0]


@dataclass(frozen=True, slots=True)
class Case:
    id: str
    about: str
    profile: Mapping[str, ProfileValue]
    expect: Expect
    file: str = ""
    line: int = 0

    def evidence(self) -> list[Answer]:
        """The whole profile as evidence (the direct way)."""
        return [Answer(finding, value) for finding, value in self.profile.items()]


def load_cases(path: Path, kb: KnowledgeBase) -> list[Case]:
    """Read and check a cases file; raise :class:`CaseError` naming every problem."""
    text = path.read_text(encoding="utf-8")
    label = str(path)
    try:
        data = YAML(typ="safe").load(text)
        root = YAML(typ="safe").compose(text)
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise CaseError([f"{label}:{line}: invalid YAML: {exc.problem}"]) from exc
    return parse_cases(data, kb, label=label, root=root)


def parse_cases(
    data: Any, kb: KnowledgeBase, *, label: str = "<cases>", root: Node | None = None
) -> list[Case]:
    """Check already-loaded case data (``root`` is the YAML node tree, for line numbers)."""
    lines = _Lines(root)
    problems: list[str] = []
    if not isinstance(data, list):
        raise CaseError([f"{label}:1: a cases file is a list of cases"])
    cases: list[Case] = []
    seen: dict[str, int] = {}
    for index, raw in enumerate(data):
        where = _Where(label, lines, index, problems)
        case_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(case_id, str) and case_id in seen:
            where.case_id = case_id
            where.problem((), f"duplicate case id (first at line {seen[case_id]})")
            continue
        if isinstance(case_id, str):
            seen[case_id] = lines.line((index,))
        case = _parse_case(raw, kb, where)
        if case is not None:
            cases.append(case)
    if problems:
        raise CaseError(problems)
    return cases


class _Lines:
    """1-based lines of the nodes of a composed YAML document, by path."""

    def __init__(self, root: Node | None) -> None:
        self.root = root

    def line(self, path: tuple[str | int, ...]) -> int:
        """The line of the deepest node on ``path`` that exists (a key's own line,
        a list item's own line)."""
        node = self.root
        if node is None:
            return 1
        best = _line(node)
        for step in path:
            child: Node | None = None
            if isinstance(node, SequenceNode) and isinstance(step, int):
                child = node.value[step] if step < len(node.value) else None
                best = _line(child) if child is not None else best
            elif isinstance(node, MappingNode):
                for key, value in node.value:
                    if key.value == step:
                        best = _line(key)
                        child = value
                        break
            if child is None:
                return best
            node = child
            if isinstance(node, MappingNode | SequenceNode):
                best = _line(node)
        return best


def _line(node: Node) -> int:
    return int(node.start_mark.line) + 1


@dataclass(slots=True)
class _Where:
    label: str
    lines: _Lines
    index: int
    problems: list[str]
    case_id: str | None = None

    def problem(self, path: tuple[str | int, ...], message: str) -> None:
        line = self.lines.line((self.index, *path))
        who = f"case '{self.case_id}'" if self.case_id else f"case #{self.index + 1}"
        self.problems.append(f"{self.label}:{line}: {who}: {message}")


def _parse_case(raw: Any, kb: KnowledgeBase, where: _Where) -> Case | None:
    if not isinstance(raw, dict):
        where.problem((), "a case is a mapping with id, profile and expect")
        return None
    case_id = raw.get("id")
    if not isinstance(case_id, str) or not case_id:
        where.problem((), "a case needs an id")
        return None
    where.case_id = case_id
    count = len(where.problems)
    for key in sorted(set(raw) - _CASE_KEYS):
        where.problem((key,), f"unknown key '{key}'")
    about = raw.get("about", "")
    if not isinstance(about, str):
        where.problem(("about",), "about must be text")
    profile = _parse_profile(raw.get("profile"), kb, where)
    expect = _parse_expect(raw.get("expect"), kb, where)
    if len(where.problems) > count or profile is None or expect is None:
        return None
    return Case(
        id=case_id,
        about=str(about),
        profile=profile,
        expect=expect,
        file=where.label,
        line=where.lines.line((where.index,)),
    )


def _parse_profile(raw: Any, kb: KnowledgeBase, where: _Where) -> dict[str, ProfileValue] | None:
    if not isinstance(raw, dict):
        where.problem(("profile",), "profile must map finding ids to values")
        return None
    profile: dict[str, ProfileValue] = {}
    for finding, value in raw.items():
        path = ("profile", finding)
        if finding not in kb.findings:
            where.problem(path, f"unknown finding '{finding}'")
            continue
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            where.problem(path, f"{finding}: write present, absent, a value or a number")
            continue
        try:
            normalise_answer(kb, Answer(finding, value))
        except EvidenceError as exc:
            where.problem(path, exc.message)
            continue
        profile[str(finding)] = value
    return profile


def _parse_expect(raw: Any, kb: KnowledgeBase, where: _Where) -> Expect | None:
    if not isinstance(raw, dict):
        where.problem(("expect",), "expect must be a mapping")
        return None
    ok = True
    for key in sorted(set(raw) - _EXPECT_KEYS):
        where.problem(("expect", key), f"unknown expectation '{key}'")
        ok = False
    levels = [level.id for level in kb.levels]
    conditions = {c.id for c in kb.conditions}
    known: dict[str, tuple[str, set[str]]] = {
        "also": ("condition", conditions),
        "factors": ("factor", set(kb.factors)),
        "specialist": ("specialist", set(kb.specialist_names)),
        "never_advise": ("advice", {a.id for a in kb.advice}),
        "advise": ("advice", {a.id for a in kb.advice}),
    }
    triage = raw.get("triage")
    if triage not in levels:
        where.problem(
            ("expect", "triage"),
            f"unknown triage level {triage!r}; levels: {', '.join(levels)}",
        )
        ok = False
    expected = _parse_condition(raw, conditions, where)
    lists: dict[str, tuple[str, ...]] = {}
    for key in _LIST_KEYS:
        items = raw.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
            where.problem(("expect", key), f"{key} must be a list of ids")
            ok = False
            continue
        kind, ids = known[key]
        for item in items:
            if item not in ids:
                where.problem(("expect", key), f"unknown {kind} '{item}' in {key}")
                ok = False
        lists[key] = tuple(items)
    if not ok or expected is None:
        return None
    return Expect(triage=str(triage), conditions=expected, **lists)


def _parse_condition(
    raw: dict[Any, Any], conditions: set[str], where: _Where
) -> tuple[str, ...] | None:
    """``expect.condition`` as a tuple (see the module docstring); None after a problem."""
    path = ("expect", "condition")
    if "condition" not in raw:
        return ()
    condition = raw["condition"]
    if isinstance(condition, str):
        if condition != NO_CONDITION and condition not in conditions:
            where.problem(path, f"unknown condition {condition!r}")
            return None
        return (condition,)
    if not isinstance(condition, list):
        where.problem(path, f"condition must be an id, none or a list of ids, not {condition!r}")
        return None
    if not condition:
        where.problem(path, "an empty condition list; leave condition out instead")
        return None
    ok = True
    for index, item in enumerate(condition):
        if not isinstance(item, str):
            where.problem((*path, index), f"condition list items must be ids, not {item!r}")
            ok = False
        elif item == NO_CONDITION:
            where.problem((*path, index), "none cannot be one of a list of conditions")
            ok = False
        elif item not in conditions:
            where.problem((*path, index), f"unknown condition '{item}' in condition")
            ok = False
    return tuple(condition) if ok else None
