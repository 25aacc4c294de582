"""docs/licences.md names every locked runtime package at its locked version, and every
vendored file with the checksum of the file in the repository: a new or upgraded package,
or a refreshed asset, cannot pass without its licence written down."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LICENCES = ROOT / "docs" / "licences.md"


def locked(lock: str) -> dict[str, str]:
    """``{package: version}`` of a pip lock file with hashes."""
    return dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+) \\$", lock, flags=re.MULTILINE))


def listed(page: str) -> dict[str, str]:
    """``{package: version}`` of the page's table of packages (``| name | version | ...``)."""
    return dict(re.findall(r"^\| ([a-z0-9_.-]+) \| (\d[^ |]*) \| ", page, flags=re.MULTILINE))


def test_every_locked_package_is_listed_at_its_version() -> None:
    packages = locked((ROOT / "requirements" / "lock.txt").read_text(encoding="utf-8"))
    assert len(packages) > 30
    assert listed(LICENCES.read_text(encoding="utf-8")) == packages


def test_every_vendored_file_is_listed_with_its_checksum() -> None:
    page = LICENCES.read_text(encoding="utf-8")
    vendored = [
        path
        for folder in ("src/nightlegs/pages/static/vendor", "tests/browser/vendor")
        for path in sorted((ROOT / folder).glob("*.js"))
    ]
    assert len(vendored) >= 2
    for path in vendored:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        row = f"| `{path.relative_to(ROOT)}` |"
        assert row in page, path.name
        assert digest in page.split(row, 1)[1].split("\n", 1)[0], path.name


def test_the_readers_see_a_change() -> None:
    lock = "alpha==1.0 \\\n    --hash=sha256:00\nbeta==2.1 \\\n"
    assert locked(lock) == {"alpha": "1.0", "beta": "2.1"}
    page = "| alpha | 1.0 | MIT | |\n| beta | 2.0 | MIT | |\n"
    assert listed(page) != locked(lock)
