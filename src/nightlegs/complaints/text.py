"""Text to tokens: each word or number with its place in the text as sent.

Punctuation is not a token: what stands between two tokens (:func:`gap`) says whether a
sentence or a part of one ends there. Offsets are into the original string, so the
person's own words can be shown back. The
token's ``norm`` is what the matcher compares: lower case, "ё" as "е", every apostrophe as
"'", and Latin letters that look Cyrillic turned Cyrillic inside a Cyrillic word ("нiч"
typed with a Latin "i" is "ніч").
"""

# ruff: noqa: RUF001, RUF002 - Cyrillic letters, apostrophes and dashes are meant

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Script = Literal["cyrillic", "latin", "none"]
Kind = Literal["word", "number"]
Break = Literal["none", "dash", "weak", "strong"]

_TOKEN = re.compile(
    r"(?P<number>\d+(?:[.,]\d+)?)"
    r"|(?P<word>[^\W\d_][\w]*(?:['’ʼ`´‘][^\W\d_]+)*(?:-[^\W\d_]+)*)"
    r"|(?P<mark>[^\w\s])"
)
#: Characters that end a sentence, those that end a part of one, and the dashes that
#: stand between a condition and its result ("похожу — легшає", "stretch - it goes").
_STRONG = frozenset(".!?;\n…")
_WEAK = frozenset(',:()[]/"«»')
_DASHES = frozenset("—–-")
_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "´": "'", "‘": "'", "ё": "е"})
#: Latin letters typed for the Cyrillic letters they look like.
_HOMOGLYPHS = str.maketrans(
    {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у", "k": "к"}
    | {"m": "м", "t": "т", "h": "н", "b": "в"}
)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z]")


@dataclass(frozen=True, slots=True)
class Token:
    norm: str
    start: int
    end: int
    kind: Kind
    script: Script

    @property
    def value(self) -> float:
        """A number token's value ("7,5" is 7.5)."""
        return float(self.norm.replace(",", "."))


def tokenize(text: str) -> list[Token]:
    """Every word and number of ``text``, in order."""
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        if match["mark"]:
            continue
        kind: Kind = "number" if match["number"] else "word"
        norm = match.group().lower().translate(_APOSTROPHES)
        script = script_of(norm) if kind == "word" else "none"
        if kind == "word" and script == "cyrillic" and _LATIN.search(norm):
            norm = norm.translate(_HOMOGLYPHS)
        tokens.append(Token(norm, match.start(), match.end(), kind, script))
    return _lone_latin_letters(tokens)


def gap(text: str, before: Token | None, after: Token) -> Break:
    """What stands between two tokens: the end of a sentence, of a part of one, a dash
    alone (a pause inside one statement: "встану, похожу — легшає"), or nothing."""
    between = text[before.end if before else 0 : after.start]
    if _STRONG.intersection(between):
        return "strong"
    if _WEAK.intersection(between):
        return "weak"
    return "dash" if _DASHES.intersection(between) else "none"


def script_of(word: str) -> Script:
    """Cyrillic when the word has a Cyrillic letter, else Latin when it has a Latin one."""
    if _CYRILLIC.search(word):
        return "cyrillic"
    return "latin" if _LATIN.search(word) else "none"


def _lone_latin_letters(tokens: list[Token]) -> list[Token]:
    """In a mostly Cyrillic text, a one-letter Latin word ("i" for "і") is Cyrillic."""
    words = [t for t in tokens if t.kind == "word"]
    cyrillic = sum(t.script == "cyrillic" for t in words)
    if cyrillic * 2 <= len(words):
        return tokens
    return [
        Token(t.norm.translate(_HOMOGLYPHS), t.start, t.end, t.kind, "cyrillic")
        if t.kind == "word" and t.script == "latin" and len(t.norm) == 1
        else t
        for t in tokens
    ]
