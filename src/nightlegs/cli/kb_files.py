"""What ``nightlegs kb check`` reads: the knowledge base, its medicine table and the phrase
book, each with its own loader; every issue of all three is collected, so that one broken
file does not hide another's."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from nightlegs.knowledge import KnowledgeBase, KnowledgeBaseError
from nightlegs.knowledge.checker import finding_defs
from nightlegs.knowledge.compiled import FindingDef
from nightlegs.knowledge.loader import build
from nightlegs.knowledge.phrases import read_phrases
from nightlegs.knowledge.yaml_source import Issue, read
from nightlegs.medicines.check import check_medicines

__all__ = ["check_directory"]


def check_directory(directory: Path) -> tuple[KnowledgeBase | None, list[Issue]]:
    """The knowledge base of ``directory`` (None when it has issues) and every issue of its
    files, ``medicines.yaml`` and ``phrases/*.yaml`` included (a directory without a
    medicine table or a phrase book has none to check)."""
    issues: list[Issue] = []
    kb: KnowledgeBase | None = None
    try:
        kb = build(directory)
    except KnowledgeBaseError as exc:
        issues.extend(exc.issues)
    try:
        check_medicines(directory)
    except KnowledgeBaseError as exc:
        issues.extend(exc.issues)
    findings = kb.findings if kb is not None else _vocabulary_findings(directory)
    if (directory / "phrases").is_dir() and findings is not None:
        try:
            read_phrases(directory / "phrases", findings)
        except KnowledgeBaseError as exc:
            issues.extend(exc.issues)
    return (None if issues else kb), issues


def _vocabulary_findings(directory: Path) -> Mapping[str, FindingDef] | None:
    """The vocabulary's findings while the rest of the knowledge base is broken, so that the
    phrase book is still checked; None when the vocabulary itself cannot be read (its own
    issues are already reported by the knowledge base's check)."""
    try:
        vocabulary = read(directory / "vocabulary.yaml").data
        return finding_defs(vocabulary["findings"])
    except (KnowledgeBaseError, OSError, LookupError, TypeError, AttributeError, ValueError):
        return None
