"""Load, validate and compile the knowledge base; cache the result per directory."""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

from nightlegs.knowledge.compiled import KnowledgeBase
from nightlegs.knowledge.compiler import compile_kb
from nightlegs.knowledge.lint import lint
from nightlegs.knowledge.pickle_cache import cached
from nightlegs.knowledge.units import normalise_unit
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError, SourceFile, read
from nightlegs.languages import LANGUAGES

__all__ = [
    "FILES",
    "HASHED_FILES",
    "build",
    "cache_dir",
    "content_hash",
    "default_kb_dir",
    "load_kb",
    "normalise_unit",
    "read_files",
]

FILES = (
    "meta",
    "vocabulary",
    "sources",
    "units",
    "predicates",
    "conditions",
    "triage",
    "factors",
    "specialists",
    "tests",
    "advice",
    "questions",
    "texts",
    "consistency",
)
#: The files read by their own loaders (the medicine table, the complaint parser's phrase
#: book), paths relative to the directory: part of the knowledge base's identity all the
#: same, so that an assessment's hash names the words that were read into it.
HASHED_FILES = (
    "medicines.yaml",
    *(f"phrases/{name}.yaml" for name in ("rules", *LANGUAGES)),
)


def default_kb_dir() -> Path:
    return Path(str(resources.files("nightlegs") / "kb"))


def load_kb(directory: Path | None = None) -> KnowledgeBase:
    """The compiled knowledge base; loaded once per directory and then cached."""
    return _load_cached(str((directory or default_kb_dir()).resolve()))


@lru_cache(maxsize=8)
def _load_cached(directory: str) -> KnowledgeBase:
    return build(Path(directory), cache_dir=cache_dir())


def cache_dir() -> Path | None:
    """Where parsed YAML is kept between processes (``NIGHTLEGS_CACHE_DIR``; empty: none).

    Parsing the YAML is the slow part of a load; the parsed data is stored under
    the content hash, so an edited file is always read afresh.
    """
    configured = os.environ.get("NIGHTLEGS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nightlegs"


def content_hash(directory: Path) -> str:
    """SHA-256 over every file of the knowledge base, each under its name (a missing
    file counts as empty)."""
    digest = hashlib.sha256()
    for name in (*(f"{name}.yaml" for name in FILES), *HASHED_FILES):
        path = directory / name
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def read_files(directory: Path) -> dict[str, SourceFile]:
    """Parse every file, or raise with every file-level issue found."""
    issues: list[Issue] = []
    files: dict[str, SourceFile] = {}
    for name in FILES:
        path = directory / f"{name}.yaml"
        if not path.exists():
            issues.append(Issue(f"{name}.yaml", 1, "file is missing"))
            continue
        try:
            files[name] = read(path)
        except KnowledgeBaseError as exc:
            issues.extend(exc.issues)
    if issues:
        raise KnowledgeBaseError(issues)
    return files


def _cached_files(directory: Path, digest: str, cache: Path | None) -> dict[str, SourceFile]:
    target = cache / f"kb-{digest}.pickle" if cache else None
    return cached(target, lambda: read_files(directory))


def build(directory: Path, cache_dir: Path | None = None) -> KnowledgeBase:
    """Read every file of ``directory`` and compile it, or raise with every issue found."""
    digest = content_hash(directory)
    files = _cached_files(directory, digest, cache_dir)
    kb, issues = compile_kb(files, digest)
    issues = issues + (lint(kb, files) if kb is not None else [])
    if issues or kb is None:
        raise KnowledgeBaseError(issues)
    return kb
