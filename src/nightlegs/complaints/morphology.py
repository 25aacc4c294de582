"""Words to the forms the matcher compares: lemmas, stems, transliterations, corrections.

Ukrainian and Russian words go through pymorphy3 with both dictionaries, whatever the
page's language, so that mixed and surzhyk text ("ноги крутить по ночам, не можу спать")
finds the lemmas of either. The analyzers are loaded on first use, once per process. A
word that neither dictionary knows may be a typo: it is compared, with rapidfuzz, with the
words of the phrases (every form of them), and read as the nearest one when it is close
enough. English words are normalised by a few suffix rules (``english_stem``). Latin
letters typed for a Ukrainian or Russian text ("nogi krutit") are transliterated.
"""

# ruff: noqa: RUF001 - Cyrillic letters are meant (transliteration)

from __future__ import annotations

import bisect
import importlib.util
import re
import threading
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import OSA

__all__ = ["DICTIONARIES", "Morphology", "english_stem", "transliterations"]

#: pymorphy3's dictionary package for each language it reads.
DICTIONARIES = {"uk": "pymorphy3_dicts_uk", "ru": "pymorphy3_dicts_ru"}
_IRREGULAR = {
    "feet": "foot",
    "swollen": "swell",
    "woke": "wake",
    "waking": "wake",
    "slept": "sleep",
    "fell": "fall",
    "felt": "feel",
    "lying": "lie",
    "lay": "lie",
    "worse": "worse",
    "children": "child",
    "men": "man",
    "women": "woman",
    "wives": "wife",
}
#: Parts of speech of the small words that hold a sentence together (OpenCorpora tags).
_FUNCTION_WORDS = frozenset({"CONJ", "PREP", "PRCL", "NPRO", "INTJ"})
#: First letters typed for one another (an unstressed vowel), besides the letter itself.
_FIRST_VOWELS = {"а": "о", "о": "а", "е": "иіє", "и": "еі", "і": "иеї", "є": "е", "ї": "і"}
_VOWELS = frozenset("аеєиіїоуюяыэ")
_DOUBLE_END = re.compile(r"([bdfgklmnprtz])\1$")
_LATIN_TO_CYRILLIC: dict[str, list[tuple[str, str]]] = {
    "ru": [
        ("shch", "щ"), ("sch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"),
        ("ts", "ц"), ("yu", "ю"), ("ya", "я"), ("yo", "е"), ("ye", "е"), ("ju", "ю"),
        ("ja", "я"), ("iy", "ий"), ("yy", "ый"), ("'", "ь"), ("a", "а"), ("b", "б"),
        ("v", "в"), ("g", "г"), ("d", "д"), ("e", "е"), ("z", "з"), ("i", "и"), ("y", "ы"),
        ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"),
        ("s", "с"), ("t", "т"), ("u", "у"), ("f", "ф"), ("h", "х"), ("c", "ц"), ("w", "в"),
        ("x", "кс"), ("j", "й"), ("q", "к"),
    ],
    "uk": [
        ("shch", "щ"), ("zh", "ж"), ("kh", "х"), ("ch", "ч"), ("sh", "ш"), ("ts", "ц"),
        ("yu", "ю"), ("ya", "я"), ("ye", "є"), ("yi", "ї"), ("ju", "ю"), ("ja", "я"),
        ("'", "'"), ("a", "а"), ("b", "б"), ("v", "в"), ("h", "г"), ("g", "г"), ("d", "д"),
        ("e", "е"), ("z", "з"), ("y", "и"), ("i", "і"), ("k", "к"), ("l", "л"), ("m", "м"),
        ("n", "н"), ("o", "о"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
        ("f", "ф"), ("c", "ц"), ("w", "в"), ("j", "й"), ("x", "кс"), ("q", "к"),
    ],
}  # fmt: skip


def english_stem(word: str) -> str:
    """A light English stem: "legs" and "leg", "burning" and "burn", "tingling" and
    "tingle" compare equal. Applied alike to the phrases and the text."""
    word = word.replace("'", "")
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3:
        return word
    for suffix, replacement in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + replacement
            break
    else:
        if word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    word = _DOUBLE_END.sub(r"\1", word)
    return word[:-1] if word.endswith("e") and len(word) > 3 else word


def transliterations(word: str) -> dict[str, str]:
    """``word`` in Latin letters read as Russian and as Ukrainian Cyrillic."""
    result = {}
    for language, table in _LATIN_TO_CYRILLIC.items():
        out, i = [], 0
        while i < len(word):
            for latin, cyrillic in table:
                if word.startswith(latin, i):
                    out.append(cyrillic)
                    i += len(latin)
                    break
            else:
                out.append(word[i])
                i += 1
        result[language] = "".join(out)
    return result


class Morphology:
    """The analyzers (loaded lazily) and the forms of each word, cached."""

    def __init__(self, uk_dictionary: bool = True) -> None:
        #: Whether the Ukrainian dictionary is used when installed (its data's licence is
        #: non-commercial: docs/licences.md); without it, Ukrainian is read less well.
        self.uk_dictionary = uk_dictionary
        self._analyzers: dict[str, Any] | None = None
        self._lock = threading.RLock()
        self._vocabulary: dict[tuple[int, str], list[str]] | None = None
        self._words: Callable[[], Iterable[str]] = tuple
        self._ordinary: frozenset[str] = frozenset()
        self.known = lru_cache(maxsize=50_000)(self._known)
        self.cyrillic_forms = lru_cache(maxsize=50_000)(self._cyrillic_forms)
        self.latin_forms = lru_cache(maxsize=50_000)(self._latin_forms)
        self.parses = lru_cache(maxsize=50_000)(self._parses)

    @property
    def analyzers(self) -> dict[str, Any]:
        """pymorphy3's analyzer per language whose dictionary is installed."""
        if self._analyzers is None:
            with self._lock:
                if self._analyzers is None:
                    self._analyzers = _load_analyzers(self.uk_dictionary)
        return self._analyzers

    def lemmas(self, word: str, language: str) -> frozenset[str]:
        """The lemmas of ``word`` in ``language``'s dictionary; empty if it does not know it.

        A word that can be a conjunction, preposition, particle or pronoun is read as that
        alone: "коли" (when) is not also a form of "колоти" (to prick).
        """
        analyzer = self.analyzers.get(language)
        if analyzer is None or not analyzer.word_is_known(word):
            return frozenset()
        parses = analyzer.parse(word)
        small = [p for p in parses if p.tag.POS in _FUNCTION_WORDS]
        return frozenset(p.normal_form.replace("ё", "е") for p in (small or parses))

    def _parses(self, word: str, language: str) -> tuple[Any, ...]:
        """pymorphy's readings of a Cyrillic word: in ``language``'s dictionary when it
        knows the word, else in the first other that does; empty when none does."""
        order = [language, *(code for code in self.analyzers if code != language)]
        for code in order:
            analyzer = self.analyzers.get(code)
            if analyzer is not None and analyzer.word_is_known(word):
                return tuple(analyzer.parse(word))
        return ()

    def _known(self, word: str) -> bool:
        """Whether a dictionary knows the word (cached as :attr:`known`)."""
        return any(a.word_is_known(word) for a in self.analyzers.values())

    def inflections(self, word: str, language: str) -> set[str]:
        """Every form of every lexeme ``word`` may belong to (for the typo vocabulary)."""
        analyzer = self.analyzers.get(language)
        if analyzer is None or not analyzer.word_is_known(word):
            return {word}
        forms = {word}
        for parse in analyzer.parse(word)[:3]:
            forms.update(item.word.replace("ё", "е") for item in parse.lexeme)
        return forms

    def set_vocabulary(self, words: Callable[[], Iterable[str]], ordinary: Iterable[str]) -> None:
        """The words a typo may be corrected to (made when first needed), and the words
        that are never taken for a typo ("right" is not a typo of "night")."""
        self._words = words
        self._vocabulary = None
        self._ordinary = frozenset(ordinary)
        self.cyrillic_forms.cache_clear()
        self.latin_forms.cache_clear()

    @property
    def vocabulary(self) -> dict[tuple[int, str], list[str]]:
        """The correction vocabulary by length and first letter."""
        if self._vocabulary is None:
            with self._lock:
                if self._vocabulary is None:
                    grouped: dict[tuple[int, str], set[str]] = {}
                    for word in self._words():
                        grouped.setdefault((len(word), word[:1]), set()).add(word)
                    self._vocabulary = {key: sorted(ws) for key, ws in grouped.items()}
        return self._vocabulary

    def correct(self, word: str) -> str | None:
        """The vocabulary word nearest ``word`` if it is near enough to be a typo of it.

        Short words are never corrected (one letter off is another word), nor English
        words under six letters, whose neighbours are too often real words; an English
        word keeps its first letter.
        """
        script = _script(word)
        shortest = 6 if script == "latin" else 4
        if len(word) < shortest or word in self._ordinary or self._in_vocabulary(word):
            return None
        limit = 1 if len(word) < 9 else 2  # edits: one, two from nine letters
        # English words keep their first letter ("turning" is no typo of "burning");
        # a Cyrillic word's first vowel may be its neighbour ("атекают" for "отекают").
        firsts = word[0] + ("" if script == "latin" else _FIRST_VOWELS.get(word[0], ""))
        best: tuple[str, int] | None = None
        for length in range(len(word) - limit, len(word) + limit + 1):
            for first in firsts:
                choices = self.vocabulary.get((length, first))
                if not choices:
                    continue
                for found, distance, _ in process.extract(
                    word, choices, scorer=OSA.distance, score_cutoff=limit, limit=2
                ):
                    if found != word and (best is None or distance < best[1]):
                        best = (found, int(distance))
        return best[0] if best else None

    def _in_vocabulary(self, word: str) -> bool:
        """A word of the phrases is itself, never a typo of its neighbour ("fatter" is not
        "father")."""
        words = self.vocabulary.get((len(word), word[:1]), [])
        at = bisect.bisect_left(words, word)
        return at < len(words) and words[at] == word

    def _cyrillic_forms(self, word: str) -> frozenset[str]:
        forms = {word} | self.lemmas(word, "uk") | self.lemmas(word, "ru")
        if len(forms) == 1 and not self.known(word):
            corrected = self.correct(word)
            if corrected is not None:
                forms |= {corrected} | self.lemmas(corrected, "uk") | self.lemmas(corrected, "ru")
        return frozenset(forms)

    def _latin_forms(self, word: str, transliterate: bool) -> frozenset[str]:
        stem = english_stem(word)
        forms = {word, stem}
        if transliterate:
            for language, spelled in transliterations(word).items():
                lemmas = self.lemmas(spelled, language)
                if not lemmas and language == "ru" and spelled.startswith("е"):
                    # A Russian word's first "e" is as often "э" ("eto", "erekcija").
                    lemmas = self.lemmas("э" + spelled[1:], language)
                    spelled = "э" + spelled[1:] if lemmas else spelled
                if not lemmas and spelled[-1:] not in _VOWELS:
                    # The soft sign is mostly left out in Latin letters ("spat" for "спать").
                    spelled += "ь"
                    lemmas = self.lemmas(spelled, language)
                forms |= lemmas | ({spelled} if lemmas else set())
            if len(forms) <= 2:
                spelled = transliterations(word)["ru"]
                corrected = self.correct(spelled)
                if corrected is not None:
                    forms |= (
                        {corrected} | self.lemmas(corrected, "uk") | self.lemmas(corrected, "ru")
                    )
        if len(forms) <= 2 and not transliterate:
            corrected = self.correct(word)
            if corrected is not None:
                forms |= {corrected, english_stem(corrected)}
        return frozenset(forms)


def _script(word: str) -> str:
    return "latin" if word[:1].isascii() else "cyrillic"


def _load_analyzers(uk_dictionary: bool = True) -> dict[str, Any]:
    """pymorphy3 for each language whose dictionary package is installed (the Ukrainian
    one only with ``uk_dictionary``).

    Without the Ukrainian dictionary (switched off or left out of a build for its licence:
    docs/licences.md), Ukrainian is read by word forms, stems and the Russian lemmas.
    """
    import pymorphy3  # type: ignore[import-untyped]

    analyzers = {}
    for language, package in DICTIONARIES.items():
        if language == "uk" and not uk_dictionary:
            continue
        if importlib.util.find_spec(package) is not None:
            # Without the probability estimator: its scores are not used, and it costs a
            # quarter of each parse.
            analyzers[language] = pymorphy3.MorphAnalyzer(
                lang=language, probability_estimator_cls=None
            )
    return analyzers
