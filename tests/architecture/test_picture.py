"""docs/architecture.md draws every part that ``ALLOWED`` lists, as a folder (``api/``) or a
module (``settings.py``), so that a new part cannot be added without its place in the
picture."""

from __future__ import annotations

import re
from pathlib import Path

from tests.architecture.test_layout import ALLOWED, SOURCE

PICTURE = Path(__file__).resolve().parents[2] / "docs" / "architecture.md"


def drawn(text: str) -> set[str]:
    """The parts a text names: ``name/`` for a package, ``name.py`` for a module."""
    return set(re.findall(r"\b(\w+)(?:/|\.py\b)", text))


def test_every_part_is_drawn() -> None:
    parts = set(ALLOWED) - {"__main__"}
    missing = parts - drawn(PICTURE.read_text(encoding="utf-8"))
    assert not missing, f"docs/architecture.md does not draw {sorted(missing)}"


def test_every_package_is_a_folder_and_every_module_a_file() -> None:
    for part in set(ALLOWED) - {"__main__"}:
        assert (SOURCE / part).is_dir() or (SOURCE / f"{part}.py").is_file(), part


def test_a_part_left_out_is_seen() -> None:
    assert drawn("api/ ──► knowledge/, settings.py") == {"api", "knowledge", "settings"}
    assert "complaints" not in drawn("services/ engine/ knowledge/")
