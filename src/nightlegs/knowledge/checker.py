"""The checks made while the knowledge base compiles: shapes, ids and sources.

A check never raises: it records an :class:`Issue` with the file and the line
and lets compiling go on, so that one load names every problem at once
(``nightlegs kb check``).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from nightlegs.knowledge.compiled import FindingDef, Rule
from nightlegs.knowledge.expressions import (
    Expr,
    ExpressionError,
    bind_levels,
    compile_expr,
    parse,
)
from nightlegs.knowledge.yaml_source import Issue, NodePath, SourceFile

#: Comparisons that need a number finding.
_NUMBER_OPS = frozenset({"ge", "gt", "le", "lt"})


class Checker:
    """The files being compiled, the ids they may refer to, and the issues found.

    The ids are filled in by the compiler as it reads the files that declare
    them (sources, vocabulary, triage levels), before any rule is compiled.
    """

    def __init__(self, files: dict[str, SourceFile]) -> None:
        self.files = files
        self.issues: list[Issue] = []
        self.source_ids: set[str] = set()
        self.vocabulary: dict[str, Any] = {}
        self.findings: dict[str, FindingDef] = {}
        self.condition_ids: set[str] = set()
        self.factor_ids: set[str] = set()
        self.level_ranks: dict[str, int] = {}

    def complain(self, file: str, path: NodePath, message: str) -> None:
        self.issues.append(self.files[file].issue(path, message))

    def model(self, file: str, adapter: Any, data: Any, base: NodePath = ()) -> Any:
        """``data`` validated as ``adapter`` (a model or a type), or None with issues."""
        source = self.files[file]
        try:
            if isinstance(adapter, type) and issubclass(adapter, BaseModel):
                return adapter.model_validate(data, strict=False)
            return TypeAdapter(adapter).validate_python(data)
        except ValidationError as exc:
            for error in exc.errors():
                path = (*base, *error["loc"])
                where = ".".join(str(p) for p in path) or "(top)"
                self.issues.append(source.issue(path, f"{where}: {error['msg']}"))
            return None

    def expr(self, file: str, path: NodePath, data: Any) -> Rule | None:
        """The compiled rule written at ``path``, or None with issues."""
        try:
            parsed = bind_levels(parse(data, path), self.level_ranks)
        except ExpressionError as exc:
            self.issues.append(self.files[file].issue(exc.path or path, exc.message))
            return None
        self._check_ids(file, path, parsed)
        return Rule(parsed, compile_expr(parsed))

    def optional_expr(self, file: str, path: NodePath, data: Any) -> Rule | None:
        """Like :meth:`expr`, for a rule that may be left out (None)."""
        return None if data is None else self.expr(file, path, data)

    def sources_exist(self, file: str, path: NodePath, ids: list[str] | None) -> None:
        for source_id in ids or []:
            if source_id not in self.source_ids:
                self.complain(file, path, f"unknown source '{source_id}'")

    def findings_exist(self, file: str, path: NodePath, findings: list[str]) -> None:
        for finding in findings:
            if finding not in self.findings:
                self.complain(file, path, f"unknown finding {finding}")

    def _check_ids(self, file: str, path: NodePath, expr: Expr) -> None:
        """Every id an expression names is declared, and every test suits its finding."""
        kinds = {
            "suspected": self.condition_ids,
            "listed": self.condition_ids,
            "leading": self.condition_ids,
            "factor": self.factor_ids,
            "ref": set(self.files["predicates"].data or {}),
        }
        for node in expr.walk():
            if node.finding is not None:
                self._check_finding_test(file, path, node)
            if node.op in kinds:
                args = node.arg if isinstance(node.arg, tuple) else (node.arg,)
                for arg in args:
                    if arg not in kinds[node.op]:
                        self.complain(file, path, f"unknown {node.op} id '{arg}'")

    def _check_finding_test(self, file: str, path: NodePath, node: Expr) -> None:
        definition = self.findings.get(node.finding or "")
        if definition is None:
            self.complain(file, path, f"unknown finding '{node.finding}'")
        elif node.op == "in":
            for value in node.arg:
                if value not in definition.values:
                    self.complain(file, path, f"'{value}' is not a value of {node.finding}")
        elif node.op == "is" and definition.type != "boolean":
            self.complain(file, path, f"{node.finding} is not a yes/no finding")
        elif node.op in _NUMBER_OPS and definition.type != "number":
            self.complain(file, path, f"{node.finding} is not a number finding")


def finding_defs(raw: dict[str, Any]) -> dict[str, FindingDef]:
    """The vocabulary's findings (``vocabulary.yaml`` ``findings``) as definitions."""
    result = {}
    for finding_id, data in raw.items():
        bounds = data.get("range") or [None, None]
        result[finding_id] = FindingDef(
            id=finding_id,
            type=data["type"],
            means=str(data.get("means", "")),
            unit=data.get("unit"),
            minimum=None if bounds[0] is None else float(bounds[0]),
            maximum=None if bounds[1] is None else float(bounds[1]),
            values=tuple(str(v) for v in data.get("values", ())),
        )
    return result
