"""Parsed YAML kept on disk between runs, under a hash of its content.

The knowledge base, its phrase files and the medicine table are parsed once and
pickled under ``cache_dir()``; the next process loads the pickle when the content
hash matches. A damaged pickle is ignored and rewritten; a read-only home means
parsing every time. Only this module writes these files, so loading them is safe.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cached(target: Path | None, parse: Callable[[], T]) -> T:
    """What ``parse`` returns, from the pickle at ``target`` when there is a good one."""
    if target is not None and target.exists():
        try:
            with target.open("rb") as handle:
                # Written by this function only, under a hash of the content.
                found: T = pickle.load(handle)
            return found
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            pass  # a damaged cache is ignored and rewritten
    parsed = parse()
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(parsed, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(target)
        except OSError:
            pass  # a read-only home is fine: we just parse every time
    return parsed
