"""A medicine list cut into segments of tokens, each token with its place in the text.

A segment ends at punctuation that separates names (comma, semicolon, slash, plus, a
full stop, a line break, a dash between spaces) and at a word that joins two names ("і",
"та", "и", "and"). Brackets do not: what they hold belongs to the name before them
("аторвакор (від холестерину)", "залізо (сорбіфер)"). A token is a word (letters,
apostrophes inside), a number
("5", "2,5"), or a vitamin-like code ("B6", "Д3", "в12": one letter and its digits). A
hyphen between letters joins nothing and separates nothing: "Ко-Діован" is the two tokens
"Ко" "Діован", matched together; "Фуросемід-Дарниця" a name and a maker.
"""

# ruff: noqa: RUF001, RUF002 - Cyrillic letters and apostrophes are meant

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Literal

from nightlegs.medicines.spelling import fold, skeleton

__all__ = ["Role", "Token", "segments"]

#: What a token is to the matcher: a possible part of a name, a word dropped around names
#: (taking, doses, makers), a word that is never a name, a word saying "nothing", a number.
Role = Literal["name", "filler", "generic", "nothing", "number"]

_TOKENS = re.compile(
    r"""
    (?P<code>(?<![^\W_])[^\W\d_]\d{1,2}(?![^\W_]))
    |(?P<number>\d+(?:[.,]\d+)*)
    |(?P<word>[^\W\d_]+(?:['’ʼ`][^\W\d_]+)*)
    |(?P<sep>[,;/+:|•·&\n\r]|(?<!\S)[-–—](?!\S)|\.)
    """,
    re.VERBOSE,
)
# A vitamin's letter written in Cyrillic ("в12", "Б6", "Д3") is the Latin one.
_CODE_LETTERS = str.maketrans({"в": "b", "б": "b", "д": "d", "В": "b", "Б": "b", "Д": "d"})


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str
    role: Role
    #: The word as the word lists compare it (see :func:`~nightlegs.medicines.spelling.fold`).
    folded: str
    skeleton: str

    @property
    def cyrillic(self) -> bool:
        return any("\u0400" <= ch <= "\u04ff" for ch in self.text)


def segments(text: str, role_of: Callable[[str], Role | None]) -> Iterator[list[Token]]:
    """The segments of ``text`` (none empty), in order.

    ``role_of(folded)`` says what a word is; ``None`` ends the segment (a joining word).
    """
    current: list[Token] = []
    for found in _TOKENS.finditer(text):
        kind = found.lastgroup
        value = found.group()
        if kind == "code":
            value = value.translate(_CODE_LETTERS)
        folded = fold(value)  # once: the role and the token both need it
        if kind == "sep":
            role: Role | None = None
        elif kind == "number":
            role = "number"
        elif kind == "code":
            role = "name"
        else:
            role = role_of(folded)
        if role is None:
            if current:
                yield current
            current = []
            continue
        start, end = found.span()
        current.append(Token(start, end, found.group(), role, folded, skeleton(value)))
    if current:
        yield current
