"""Reading the phrase files (``kb/phrases/*.yaml``), with their parsed form kept between
processes as the knowledge base's is (:func:`nightlegs.knowledge.loader.cache_dir`):
parsing the YAML is most of a load, and an edited file has another hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

from nightlegs.knowledge.loader import cache_dir
from nightlegs.knowledge.pickle_cache import cached
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError, SourceFile, read
from nightlegs.languages import LANGUAGES

#: The phrase files, without ".yaml".
NAMES = ("rules", *LANGUAGES)


def read_sources(directory: Path) -> dict[str, SourceFile]:
    """Every phrase file parsed, from the cache when its content was parsed before."""
    digest = hashlib.sha256()
    for name in NAMES:
        path = directory / f"{name}.yaml"
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    cache = cache_dir()
    target = cache / f"phrases-{digest.hexdigest()}.pickle" if cache else None
    return cached(target, lambda: _read(directory))


def _read(directory: Path) -> dict[str, SourceFile]:
    issues: list[Issue] = []
    files: dict[str, SourceFile] = {}
    for name in NAMES:
        label = f"phrases/{name}.yaml"
        try:
            files[name] = read(directory / f"{name}.yaml", label)
        except KnowledgeBaseError as exc:
            issues.extend(exc.issues)
        except OSError as exc:
            issues.append(Issue(label, 1, f"cannot read: {exc.strerror or exc}"))
    if issues:
        raise KnowledgeBaseError(issues)
    return files
