"""The house rules of the source tree: imports point one way, files and functions stay small.

``ALLOWED`` is the one list of the arrows: each part of ``nightlegs`` and the parts it may
import. An import that is not on it fails the build, wherever it stands (top of the file,
inside a function, under ``TYPE_CHECKING``). docs/architecture.md draws the same picture.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[2] / "src" / "nightlegs"

#: The leaves anything may use: the language list, the settings (with their rate-limit
#: values), the catalogues.
LEAVES = frozenset({"languages", "rates", "settings", "i18n"})
_PURE = frozenset({"languages"})

#: Each part and the parts it may import (besides itself and the package's ``__version__``).
ALLOWED: dict[str, frozenset[str]] = {
    "languages": frozenset(),
    "rates": frozenset(),
    "settings": _PURE | {"rates"},
    "i18n": _PURE,
    # The pure core: evidence in, assessment out; no I/O of the delivery, no settings.
    "knowledge": _PURE,
    "engine": _PURE | {"knowledge"},
    "diary": _PURE | {"knowledge", "engine", "i18n"},
    # Reading people's own words: medicine names, and complaints (which name medicines).
    "medicines": _PURE | {"knowledge"},
    "complaints": _PURE | {"knowledge", "medicines"},
    # Storage knows rows only, never the domain above it.
    "store": _PURE | {"settings"},
    # The use-cases, called by the API and the pages alike.
    "services": LEAVES | {"knowledge", "engine", "diary", "store", "medicines", "complaints"},
    "report": LEAVES | {"knowledge", "engine", "diary", "medicines"},
    # HTTP concerns shared by the API and the pages.
    "http": LEAVES | {"knowledge", "services"},
    "api": LEAVES | {"knowledge", "engine", "diary", "services", "http", "medicines", "complaints"},
    "pages": LEAVES
    | {"knowledge", "engine", "diary", "services", "http", "report", "medicines", "complaints"},
    # The app is assembled at the top; the command line and the evaluation sit beside it.
    "app": LEAVES | {"knowledge", "store", "services", "http", "api", "pages"},
    # The evaluation answers the complaint page through the page's own use-case.
    "evaluation": LEAVES
    | {"knowledge", "engine", "store", "app", "services", "medicines", "complaints"},
    "cli": LEAVES
    | {"knowledge", "engine", "store", "report", "evaluation", "services", "app"}
    | {"medicines", "complaints"},
    "__main__": frozenset({"cli"}),
}
MAX_FILE_LINES = 400
MAX_FUNCTION_LINES = 60


def modules() -> Iterator[Path]:
    for path in sorted(SOURCE.rglob("*.py")):
        if "migrations" not in path.parts:
            yield path


def part_of(path: Path) -> str:
    relative = path.relative_to(SOURCE)
    return relative.parts[0].removesuffix(".py")


def imported_parts(tree: ast.AST) -> Iterator[tuple[int, str]]:
    """``(line, part)`` for each import of ``nightlegs.<part>``."""
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "nightlegs":
                names = [f"nightlegs.{alias.name}" for alias in node.names]
            else:
                names = [node.module]
        for name in names:
            pieces = name.split(".")
            if pieces[0] == "nightlegs" and len(pieces) > 1 and pieces[1] != "__version__":
                yield node.lineno, pieces[1]


def test_every_part_is_listed() -> None:
    parts = {part_of(path) for path in modules()} - {"__init__", "kb"}
    assert parts <= set(ALLOWED), sorted(parts - set(ALLOWED))


def test_imports_point_the_allowed_way() -> None:
    wrong = []
    for path in modules():
        part = part_of(path)
        if part == "__init__":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, target in imported_parts(tree):
            if target != part and target not in ALLOWED[part]:
                wrong.append(f"{path.relative_to(SOURCE)}:{line}: {part} -> {target}")
    assert not wrong, "imports against the arrows:\n" + "\n".join(wrong)


def test_the_checker_sees_a_wrong_arrow() -> None:
    tree = ast.parse("def f():\n    from nightlegs.pages import common\n")
    assert list(imported_parts(tree)) == [(2, "pages")]
    assert "pages" not in ALLOWED["engine"]


@pytest.mark.parametrize("path", list(modules()), ids=lambda p: str(p.relative_to(SOURCE)))
def test_files_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    lines = len(text.splitlines())
    assert lines <= MAX_FILE_LINES, f"{lines} lines"
    long = [
        f"{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for node in ast.walk(ast.parse(text))
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, long
