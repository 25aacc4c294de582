"""``nightlegs kb check`` for ``medicines.yaml``: the table's own checks, then the spellings'
(no two medicines spelled alike, every medicine reachable), as knowledge-base issues."""

from __future__ import annotations

from pathlib import Path

from nightlegs.knowledge.medicine_table import FILE, build_medicine_table
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError
from nightlegs.medicines.index import TableError, build_table

__all__ = ["check_medicines"]


def check_medicines(directory: Path) -> None:
    """Raise :class:`KnowledgeBaseError` for every problem of ``directory``'s medicine table
    (a directory without one has nothing to check)."""
    if not (directory / FILE).exists():
        return
    data = build_medicine_table(directory)
    try:
        build_table(data)
    except TableError as exc:
        raise KnowledgeBaseError(
            [Issue(FILE, 1, problem) for problem in str(exc).split("; ")]
        ) from exc
