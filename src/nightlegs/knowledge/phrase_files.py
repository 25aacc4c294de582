"""Reading the phrase files (``kb/phrases/*.yaml``), with their parsed form kept between
processes as the knowledge base's is (:func:`nightlegs.knowledge.loader.cache_dir`):
parsing the YAML is most of a load, and an edited file has another hash."""

from __future__ import annotations

import hashlib
import os
import pickle
from pathlib import Path

from nightlegs.knowledge.loader import cache_dir
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
    if target is not None and target.exists():
        try:
            with target.open("rb") as handle:
                # Written by this function only, under a hash of the content.
                files: dict[str, SourceFile] = pickle.load(handle)
            return files
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            pass  # a damaged cache is ignored and rewritten
    files = _read(directory)
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(files, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(target)
        except OSError:
            pass  # a read-only home is fine: we just parse every time
    return files


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
