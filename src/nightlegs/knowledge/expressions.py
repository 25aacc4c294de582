"""The small rule language of the knowledge base, compiled to closures.

Rules are written in YAML as nested mappings, for example::

    {all: [{finding: calf_pain_walking_relieved_by_rest}, {finding: smoking}]}
    {finding: nights_per_week, ge: 2}
    {suspected: peripheral_artery_disease}

Every expression evaluates with Kleene's three-valued logic: ``True``, ``False``
or ``None`` (unknown). A finding that was answered "I don't know" is unknown, and
so is a finding that was never given, except in the "cannot be ruled out" mode
used for advice contraindications, where a finding nobody asked about counts as
not present and only an explicit "I don't know" stays unknown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

UNKNOWN = "unknown"
Truth = bool | None
Value = str | float


class ExpressionError(ValueError):
    """A malformed expression; ``path`` points into the YAML document."""

    def __init__(self, path: tuple[str | int, ...], message: str) -> None:
        super().__init__(message)
        self.path = path
        self.message = message


@dataclass(slots=True)
class EvalContext:
    """What an expression can look at. Filled stage by stage by the engine."""

    values: Mapping[str, Value]
    missing: Truth = None
    probabilities: Mapping[str, float] = field(default_factory=dict)
    moderate: float = 1.0
    listed: frozenset[str] = frozenset()
    leading: str | None = None
    factors: frozenset[str] = frozenset()
    level: int = 0
    out_of_scope: bool = False
    predicates: Mapping[str, Compiled] = field(default_factory=dict)


Compiled = Callable[[EvalContext], Truth]

_COMPARATORS: dict[str, Callable[[float, float], bool]] = {
    "ge": lambda a, b: a >= b,
    "gt": lambda a, b: a > b,
    "le": lambda a, b: a <= b,
    "lt": lambda a, b: a < b,
}


@dataclass(frozen=True, slots=True)
class Expr:
    """A parsed expression: an operator, its argument and sub-expressions."""

    op: str
    arg: Any = None
    children: tuple[Expr, ...] = ()
    finding: str | None = None

    def walk(self) -> Iterator[Expr]:
        yield self
        for child in self.children:
            yield from child.walk()

    def findings(self) -> set[str]:
        return {e.finding for e in self.walk() if e.finding is not None}

    def refs(self, op: str) -> set[str]:
        found: set[str] = set()
        for e in self.walk():
            if e.op == op:
                if isinstance(e.arg, list | tuple):
                    found.update(str(a) for a in e.arg)
                else:
                    found.add(str(e.arg))
        return found


_CONTEXT_OPS = {
    "present",
    "answered_unknown",
    "known",
    "unknown",
    "ref",
    "suspected",
    "listed",
    "leading",
    "factor",
    "level_at_least",
    "out_of_scope",
    "none_listed",
}


def parse(data: Any, path: tuple[str | int, ...] = ()) -> Expr:
    """Parse the YAML form of an expression, refusing anything unexpected."""
    if not isinstance(data, Mapping) or not data:
        raise ExpressionError(path, "an expression must be a non-empty mapping")
    keys = set(data)
    if keys & {"all", "any"}:
        if len(keys) != 1:
            raise ExpressionError(path, f"'all'/'any' stand alone, got keys {sorted(keys)}")
        op = next(iter(keys))
        items = data[op]
        if not isinstance(items, list) or not items:
            raise ExpressionError((*path, op), f"'{op}' takes a non-empty list")
        children = tuple(parse(item, (*path, op, i)) for i, item in enumerate(items))
        return Expr(op, children=children)
    if "not" in keys:
        if len(keys) != 1:
            raise ExpressionError(path, "'not' stands alone")
        return Expr("not", children=(parse(data["not"], (*path, "not")),))
    if "finding" in keys:
        return _parse_finding(data, path)
    if len(keys) != 1:
        raise ExpressionError(path, f"unknown expression with keys {sorted(keys)}")
    op = next(iter(keys))
    if op not in _CONTEXT_OPS:
        raise ExpressionError(path, f"unknown operator '{op}'")
    arg = data[op]
    if op in {"known", "unknown", "present", "answered_unknown"}:
        return Expr(op, arg=str(arg), finding=str(arg))
    if op in {"out_of_scope", "none_listed"}:
        if not isinstance(arg, bool):
            raise ExpressionError((*path, op), f"'{op}' takes true or false")
        return Expr(op, arg=arg)
    if op == "leading" and isinstance(arg, list):
        return Expr(op, arg=tuple(str(a) for a in arg))
    if not isinstance(arg, str):
        raise ExpressionError((*path, op), f"'{op}' takes an id")
    return Expr(op, arg=arg)


def _parse_finding(data: Mapping[str, Any], path: tuple[str | int, ...]) -> Expr:
    finding = data["finding"]
    if not isinstance(finding, str):
        raise ExpressionError((*path, "finding"), "'finding' takes an id")
    rest = {k: v for k, v in data.items() if k != "finding"}
    if not rest:
        return Expr("is", arg="present", finding=finding)
    if len(rest) != 1:
        raise ExpressionError(path, f"a finding test takes one comparison, got {sorted(rest)}")
    op, arg = next(iter(rest.items()))
    if op == "is":
        if arg not in ("present", "absent"):
            raise ExpressionError((*path, op), "'is' takes present or absent")
        return Expr("is", arg=arg, finding=finding)
    if op == "in":
        if not isinstance(arg, list) or not arg:
            raise ExpressionError((*path, op), "'in' takes a non-empty list")
        return Expr("in", arg=tuple(str(a) for a in arg), finding=finding)
    if op in _COMPARATORS:
        if isinstance(arg, bool) or not isinstance(arg, int | float):
            raise ExpressionError((*path, op), f"'{op}' takes a number")
        return Expr(op, arg=float(arg), finding=finding)
    raise ExpressionError((*path, op), f"unknown comparison '{op}'")


def compile_expr(expr: Expr) -> Compiled:
    """Turn a parsed expression into a closure over an :class:`EvalContext`."""
    op = expr.op
    if op in ("all", "any"):
        return _kleene(tuple(compile_expr(c) for c in expr.children), decisive=op == "any")
    if op == "not":
        inner = compile_expr(expr.children[0])

        def negate(ctx: EvalContext) -> Truth:
            result = inner(ctx)
            return None if result is None else not result

        return negate
    if expr.finding is not None and op not in {"known", "unknown", "present", "answered_unknown"}:
        return _compile_finding(expr)
    return _compile_context(expr)


def _kleene(parts: tuple[Compiled, ...], decisive: bool) -> Compiled:
    """Kleene's "and" (``decisive`` False) or "or" (``decisive`` True): the first
    part that is ``decisive`` settles it; otherwise any unknown part makes it unknown."""
    otherwise = not decisive

    def test(ctx: EvalContext) -> Truth:
        unknown = False
        for part in parts:
            result = part(ctx)
            if result is decisive:
                return decisive
            if result is None:
                unknown = True
        return None if unknown else otherwise

    return test


_MISSING: Any = object()


def _compile_finding(expr: Expr) -> Compiled:
    finding = expr.finding
    assert finding is not None
    op, arg = expr.op, expr.arg
    if op == "is":
        wanted = arg

        def test_is(ctx: EvalContext) -> Truth:
            value = ctx.values.get(finding, _MISSING)
            if value is _MISSING:
                # "Counts as absent" (missing=False) makes "is absent" true.
                if ctx.missing is False:
                    return bool(wanted == "absent")
                return ctx.missing
            if value == UNKNOWN:
                return None
            return bool(value == wanted)

        return test_is
    if op == "in":
        options = frozenset(arg)

        def test_in(ctx: EvalContext) -> Truth:
            value = ctx.values.get(finding, _MISSING)
            if value is _MISSING:
                return ctx.missing
            if value == UNKNOWN:
                return None
            return value in options

        return test_in
    compare = _COMPARATORS[op]
    limit = float(arg)

    def test_number(ctx: EvalContext) -> Truth:
        value = ctx.values.get(finding, _MISSING)
        if value is _MISSING:
            return ctx.missing
        if not isinstance(value, float | int):
            return None
        return compare(float(value), limit)

    return test_number


def _compile_context(expr: Expr) -> Compiled:
    op, arg = expr.op, expr.arg
    if op == "known":
        return lambda ctx: ctx.values.get(arg, UNKNOWN) != UNKNOWN
    if op == "unknown":
        return lambda ctx: ctx.values.get(arg, UNKNOWN) == UNKNOWN
    if op == "present":
        # Definite: true only for an answer "present"; never unknown.
        return lambda ctx: ctx.values.get(arg) == "present"
    if op == "answered_unknown":
        # Definite: true only for an explicit "I don't know" (not for a finding
        # nobody gave): the unresolved red flags and laboratory gates of policy v2.
        return lambda ctx: ctx.values.get(arg) == UNKNOWN
    if op == "ref":
        return lambda ctx: ctx.predicates[arg](ctx)
    if op == "suspected":
        return lambda ctx: ctx.probabilities.get(arg, 0.0) >= ctx.moderate
    if op == "listed":
        return lambda ctx: arg in ctx.listed
    if op == "leading":
        options = arg if isinstance(arg, tuple) else (arg,)
        return lambda ctx: ctx.leading in options
    if op == "factor":
        return lambda ctx: arg in ctx.factors
    if op == "level_at_least":
        # Resolved to a number by the loader (see ``bind_levels``).
        level = int(arg)
        return lambda ctx: ctx.level >= level
    if op == "out_of_scope":
        return lambda ctx: ctx.out_of_scope is arg
    if op == "none_listed":
        return lambda ctx: (not ctx.listed) is arg
    raise ExpressionError((), f"cannot compile operator '{op}'")  # pragma: no cover


def bind_levels(expr: Expr, levels: Mapping[str, int]) -> Expr:
    """Replace level names in ``level_at_least`` with their rank."""
    if expr.op == "level_at_least":
        if expr.arg not in levels:
            raise ExpressionError((), f"unknown triage level '{expr.arg}'")
        return Expr(expr.op, arg=levels[expr.arg])
    if not expr.children:
        return expr
    children = tuple(bind_levels(c, levels) for c in expr.children)
    return Expr(expr.op, arg=expr.arg, children=children, finding=expr.finding)


def thresholds(expr: Expr) -> dict[str, set[float]]:
    """Numeric limits per finding, used to choose informative test answers."""
    found: dict[str, set[float]] = {}
    for e in expr.walk():
        if e.finding is not None and e.op in _COMPARATORS:
            found.setdefault(e.finding, set()).add(float(e.arg))
    return found
