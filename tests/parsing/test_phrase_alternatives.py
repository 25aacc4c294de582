"""A space inside an alternative splits a phrase into other places than were meant.

"не успел|не успела до туалета" is read as the places «не», «успел|не», «успела», «до»,
«туалета»: it asks for two «не» and both verbs, and never matches what was meant. The
loader cannot see it (a space always separates places), and nine phrases were found
that way only when a text failed (docs/parsing.md, the seventh and eighth rounds). The
mark it leaves is a place whose last alternative is a small word (a preposition, a
negation, an article) that begins the next alternative's words; a place of small words
only («в|до|у») is meant. Write a place's small word first ("to|when"), or split the
phrase. A word written twice in one place is the other mark.
"""

# ruff: noqa: RUF001, RUF002 - Ukrainian and Russian words are meant to be Cyrillic

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest

from nightlegs.complaints.morphology import Morphology
from nightlegs.knowledge.phrases import load_phrases
from nightlegs.languages import LANGUAGES

#: English small words that begin phrases people write as one alternative.
_ENGLISH_SMALL = frozenset(
    {"a", "an", "the", "to", "of", "on", "in", "at", "by", "into", "over", "for", "with"}
    | {"any", "not", "no", "my"}
)
_NEGATIONS = frozenset({"не", "ні", "ни"})


@cache
def _analyzer(language: str) -> Any:
    return Morphology().analyzers[language]


def _small(word: str, language: str) -> bool:
    word = word.lstrip("=^")
    if language == "en":
        return word in _ENGLISH_SMALL
    if word in _NEGATIONS:
        return True
    return any(p.tag.POS == "PREP" for p in _analyzer(language).parse(word))


def _phrases(language: str) -> Iterator[tuple[str, str]]:
    book = load_phrases().languages[language]
    for finding, by_value in book.findings.items():
        for phrases in by_value.values():
            for phrase in phrases:
                yield finding, phrase
    for kind, phrases in book.words.items():
        for phrase in phrases:
            yield f"words: {kind}", phrase


def _suspect(phrase: str, language: str) -> list[str]:
    places = phrase.lstrip("^").split()
    found = []
    for index, place in enumerate(places):
        words = place.split("|")
        if len(words) < 2:
            continue
        twice = len(set(words)) < len(words)
        split = (
            index + 1 < len(places)
            and _small(words[-1], language)
            and not all(_small(w, language) for w in words)
        )
        if twice or split:
            found.append(place)
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_phrase_has_a_space_inside_an_alternative(language: str) -> None:
    suspects = [
        f"{where}: {phrase!r} at {places}"
        for where, phrase in _phrases(language)
        if (places := _suspect(phrase, language))
    ]
    assert not suspects, "\n".join(suspects)


@pytest.mark.parametrize(
    ("phrase", "language"),
    [
        ("не успел|не успела до туалета", "ru"),
        ("like after a workout|the gym", "en"),
        ("нічого|нічо не соображаю|не тямлю", "uk"),
        ("red|redness|red area spread", "en"),
    ],
)
def test_the_check_finds_the_mistakes_it_was_made_for(phrase: str, language: str) -> None:
    assert _suspect(phrase, language)


@pytest.mark.parametrize(
    ("phrase", "language"),
    [
        ("тягне в|до|у @calf", "uk"),
        ("hurts|sharp to|when breathe in", "en"),
        ("не успел|успела до туалета", "ru"),
    ],
)
def test_the_check_leaves_what_is_meant(phrase: str, language: str) -> None:
    assert not _suspect(phrase, language)
