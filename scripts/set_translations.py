"""Write translations into the three catalogues: ``scripts/messages set FILE.json``.

FILE holds ``{"message id": {"uk": "...", "ru": "...", "en": "..."}}``; a plural
message's value per language is a list (``["one", "few", "many"]`` in uk and ru).
Run by ``scripts/messages set``, after an update and under its lock, so that
several people adding messages at once do not overwrite each other's work.
The catalogues are written as ``pybabel update`` writes them (nothing else changes).
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

LOCALE = Path(__file__).resolve().parent.parent / "src" / "nightlegs" / "locale"
LANGUAGES = ("uk", "ru", "en")


def main(path: str) -> int:
    wanted = json.loads(Path(path).read_text(encoding="utf-8"))
    missing: set[str] = set()
    for language in LANGUAGES:
        po = LOCALE / language / "LC_MESSAGES" / "messages.po"
        catalog = read_po(io.BytesIO(po.read_bytes()), locale=language)
        for msgid, texts in wanted.items():
            if language not in texts:
                continue
            message = next((m for m in catalog if _singular(m.id) == msgid), None)
            if message is None:
                missing.add(msgid)
                continue
            text = texts[language]
            message.string = tuple(text) if isinstance(text, list) else text
        out = io.BytesIO()
        write_po(
            out,
            catalog,
            width=100,
            no_location=True,
            sort_output=True,
            ignore_obsolete=True,
            include_previous=False,
        )
        po.write_bytes(out.getvalue())
    for msgid in sorted(missing):
        print(f"messages: not in the code (extract found no such id): {msgid!r}", file=sys.stderr)
    return 1 if missing else 0


def _singular(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
