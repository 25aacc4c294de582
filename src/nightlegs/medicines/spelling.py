"""One spelling for every way a medicine name is written: its skeleton.

People write the same name in Ukrainian (Гідрохлортіазид), Russian (Гидрохлоротиазид),
Latin letters (Hydrochlorothiazide), and in Latin transliterations of the Cyrillic
("furosemid", "tserukal"). A skeleton maps them onto one alphabet before any comparison:
Cyrillic letters to plain Latin ones, Latin digraphs to the letter they stand for
(ph→f, th→t, ts→c, c before e/i→c else k, h→g as in Heptral/Гептрал, ch→h as in
chloro/хлоро), letters that differ only between uk and ru folded together (і/и/ы, е/є/э,
г/ґ), soft signs and apostrophes dropped, doubled letters collapsed (Мільгама, Milgamma).
Typo tolerance is measured between skeletons.
"""

# ruff: noqa: RUF001, RUF002 - Cyrillic letters and apostrophes are meant

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["fold", "joined", "skeleton"]

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "є": "e",
    "ё": "e", "э": "e", "ж": "zh", "з": "z", "и": "i", "і": "i", "ї": "i", "ы": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "c", "ч": "ch", "ш": "sh",
    "щ": "sh", "ь": "", "ъ": "", "ю": "iu", "я": "ia",
}  # fmt: skip
# Latin digraphs first (placeholders in upper case keep them from the later steps).
_LATIN_STEPS: tuple[tuple[str, str], ...] = (
    (r"sch", "S"), (r"ch", "H"), (r"kh", "H"), (r"sh", "S"), (r"zh", "Z"),
    (r"ph", "f"), (r"th", "t"), (r"h", "g"), (r"ck", "k"), (r"qu", "kv"),
    (r"c(?=[eiy])", "C"), (r"c", "k"), (r"t[sz]", "C"), (r"x", "ks"), (r"w", "v"),
    (r"[yj]", "i"), (r"q", "k"),
)  # fmt: skip
_LATIN_BACK = str.maketrans({"C": "c", "H": "h", "S": "sh", "Z": "zh"})
_DOUBLES = re.compile(r"(.)\1+")
_APOSTROPHES = str.maketrans({"\u02bc": None, "\u2019": None, "'": None, "`": None})


def fold(word: str) -> str:
    """A word as the word lists compare it: lower case, no apostrophes, ё as е."""
    return word.casefold().translate(_APOSTROPHES).replace("ё", "е")


@lru_cache(maxsize=65536)
def skeleton(text: str) -> str:
    """The skeleton of ``text``: letters and digits only, in one plain Latin alphabet."""
    # Lower case after the compatibility forms are taken apart: a mathematical script A
    # (U+1D4D0) becomes "A" only then.
    folded = unicodedata.normalize("NFKD", text).casefold().translate(_APOSTROPHES)
    plain = "".join(
        ch for ch in unicodedata.normalize("NFKD", folded) if not unicodedata.combining(ch)
    )
    out: list[str] = []
    latin: list[str] = []
    for ch in plain:
        if ch.isascii() and ch.isalnum():
            latin.append(ch)
            continue
        if latin:  # a Latin run ends: its digraphs are read as one
            out.append(_latin("".join(latin)))
            latin.clear()
        if ch in _CYRILLIC:
            out.append(_CYRILLIC[ch])
        elif ch.isalnum():
            out.append("#")  # a letter of neither alphabet: it never matches ours
    if latin:
        out.append(_latin("".join(latin)))
    return _DOUBLES.sub(r"\1", "".join(out))


def _latin(run: str) -> str:
    for pattern, replacement in _LATIN_STEPS:
        run = re.sub(pattern, replacement, run)
    return run.translate(_LATIN_BACK)


def joined(skeletons: list[str]) -> str:
    """The skeleton of several words written together ("Лозап" "плюс": as one word)."""
    if len(skeletons) == 1:
        return skeletons[0]  # a skeleton has no doubled letters left to join
    return _DOUBLES.sub(r"\1", "".join(skeletons))
