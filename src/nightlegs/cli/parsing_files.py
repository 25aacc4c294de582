"""Reading a labelled set of complaints (``tests/parsing/complaints.yaml``), each label
checked against the vocabulary, every mistake named with its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nightlegs.complaints.scoring import LabelledComplaint, Value
from nightlegs.knowledge import KnowledgeBase, KnowledgeBaseError
from nightlegs.knowledge.yaml_source import SourceFile, read
from nightlegs.languages import LANGUAGES


class LabelError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def read_labelled(path: Path, kb: KnowledgeBase) -> list[LabelledComplaint]:
    """The complaints of ``path``; :class:`LabelError` naming every problem found."""
    try:
        source = read(path, str(path))
    except KnowledgeBaseError as exc:
        raise LabelError([str(issue) for issue in exc.issues]) from exc
    except OSError as exc:
        raise LabelError([f"{path}: cannot read: {exc.strerror or exc}"]) from exc
    if not isinstance(source.data, list):
        raise LabelError([f"{path}:1: a list of complaints is expected"])
    items: list[LabelledComplaint] = []
    problems: list[str] = []
    for index, raw in enumerate(source.data):
        item = _item(source, index, raw, kb, problems)
        if item is not None:
            items.append(item)
    if problems:
        raise LabelError(problems)
    return items


def _item(
    source: SourceFile, index: int, raw: Any, kb: KnowledgeBase, problems: list[str]
) -> LabelledComplaint | None:
    where = f"{source.name}:{source.line((index,))}"
    if not isinstance(raw, dict) or set(raw) != {"language", "text", "expect"}:
        problems.append(f"{where}: an item has exactly language, text and expect")
        return None
    language, text, expect = raw["language"], raw["text"], raw["expect"] or {}
    if language not in LANGUAGES or not isinstance(text, str) or not isinstance(expect, dict):
        problems.append(f"{where}: language must be uk, ru or en; text a string; expect a map")
        return None
    values: dict[str, Value] = {}
    for finding, value in expect.items():
        problem = _check(kb, finding, value)
        if problem:
            problems.append(f"{where}: {problem}")
        else:
            values[finding] = float(value) if isinstance(value, int | float) else str(value)
    return LabelledComplaint(language, text, values)


def _check(kb: KnowledgeBase, finding: str, value: Any) -> str | None:
    definition = kb.findings.get(finding)
    if definition is None:
        return f"unknown finding {finding}"
    if definition.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            return f"{finding} takes a number, not {value!r}"
        return None
    allowed = ("present", "absent") if definition.type == "boolean" else definition.values
    if value not in allowed:
        return f"{finding} takes {', '.join(allowed)}, not {value!r}"
    return None
