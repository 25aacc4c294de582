"""The vendored htmx is the version and file its VENDOR.md names."""

from __future__ import annotations

import hashlib
import re
from importlib import resources

VENDOR = resources.files("nightlegs.pages") / "static" / "vendor"


def test_every_vendored_file_has_the_recorded_checksum() -> None:
    table = (VENDOR / "VENDOR.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| (\S+) \| .+ \| ([0-9a-f]{64}) \|$", table, flags=re.MULTILINE)
    assert rows
    for name, digest in rows:
        assert hashlib.sha256((VENDOR / name).read_bytes()).hexdigest() == digest, name
    files = {p.name for p in VENDOR.iterdir() if p.name != "VENDOR.md"}
    assert files == {name for name, _ in rows}


def test_the_pages_load_the_vendored_htmx_version() -> None:
    base = (resources.files("nightlegs.pages") / "templates" / "base.html").read_text("utf-8")
    htmx = (VENDOR / "htmx-2.0.11.min.js").read_text(encoding="utf-8")
    assert 'version:"2.0.11"' in htmx
    assert 'src="/static/vendor/htmx-2.0.11.min.js"' in base
