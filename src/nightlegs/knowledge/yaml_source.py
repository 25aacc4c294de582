"""Read a YAML file with ruamel (YAML 1.2) and remember where every node was.

The result is plain Python data plus a map from a node's path (a tuple of keys
and indexes) to its 1-based line, so that every complaint about the knowledge
base can name the file and the line to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.constructor import DuplicateKeyError
from ruamel.yaml.error import MarkedYAMLError

NodePath = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem in the knowledge base, located as precisely as known."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class KnowledgeBaseError(Exception):
    """The knowledge base cannot be used; ``issues`` says why and where."""

    def __init__(self, issues: list[Issue]) -> None:
        self.issues = sorted(issues, key=lambda i: (i.file, i.line, i.message))
        super().__init__("\n".join(str(i) for i in self.issues))


@dataclass(frozen=True, slots=True)
class SourceFile:
    name: str
    data: Any
    lines: dict[NodePath, int]

    def line(self, path: NodePath) -> int:
        """The line of the deepest known node on ``path``."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return line
        return 1

    def issue(self, path: NodePath, message: str) -> Issue:
        return Issue(self.name, self.line(path), message)


def read(path: Path, name: str | None = None) -> SourceFile:
    label = name or path.name
    yaml = YAML(typ="rt")
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"))
    except DuplicateKeyError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise KnowledgeBaseError([Issue(label, line, f"duplicate key: {exc.problem}")]) from exc
    except MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else 1
        raise KnowledgeBaseError([Issue(label, line, f"invalid YAML: {exc.problem}")]) from exc
    lines: dict[NodePath, int] = {(): 1}
    data = _plain(raw, (), lines)
    return SourceFile(label, data, lines)


def _plain(node: Any, path: NodePath, lines: dict[NodePath, int]) -> Any:
    if isinstance(node, CommentedMap):
        result: dict[str, Any] = {}
        for key, value in node.items():
            child = (*path, str(key))
            try:
                lines[child] = node.lc.key(key)[0] + 1
            except (KeyError, TypeError):  # pragma: no cover - ruamel always records keys
                lines[child] = lines.get(path, 1)
            result[str(key)] = _plain(value, child, lines)
        return result
    if isinstance(node, CommentedSeq):
        items: list[Any] = []
        for index, value in enumerate(node):
            child = (*path, index)
            try:
                lines[child] = node.lc.item(index)[0] + 1
            except (KeyError, TypeError):  # pragma: no cover
                lines[child] = lines.get(path, 1)
            items.append(_plain(value, child, lines))
        return items
    if hasattr(node, "__float__") and not isinstance(node, bool | int):
        return float(node)
    if isinstance(node, str):
        return str(node)
    return node
