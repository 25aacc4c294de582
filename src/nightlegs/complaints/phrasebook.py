"""The phrase book compiled for matching: each phrase as slots of word keys, indexed.

A phrase is a few slots; each slot is a set of alternatives: a word (any of its forms:
the keys are the word and its lemmas in the phrase's language), ``stem*`` (a prefix of
the text's word or of one of its lemmas) or ``=form`` (that form only). Findings' phrases
match in any order within a few words; the context words (negation, doubt ...) match as
written, word after word.
"""

# ruff: noqa: RUF001 - Cyrillic letters and apostrophes are meant

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from nightlegs.complaints.morphology import DICTIONARIES, Morphology, english_stem
from nightlegs.complaints.text import script_of
from nightlegs.knowledge.phrases import PhraseBook

#: The value of a context phrase's "finding": it is no finding, it is a word of context.
CONTEXT = ""
#: A slot that takes any number ("жінка #": "жінка 45").
NUMBER = "#"
_NORMAL = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "ё": "е"})


@dataclass(frozen=True, slots=True)
class Slot:
    keys: frozenset[str]
    surfaces: frozenset[str]
    prefixes: tuple[str, ...]

    def takes(self, norm: str, forms: frozenset[str]) -> bool:
        """Whether a word (its text as normalised, and its forms) fills this slot."""
        if norm in self.surfaces or not self.keys.isdisjoint(forms):
            return True
        return any(form.startswith(self.prefixes) for form in forms) if self.prefixes else False


@dataclass(frozen=True, slots=True, eq=False)
class Phrase:
    """One phrase of the book. Compared and hashed as itself: each is made once, and the
    matcher hashes its placements of it many times a text."""

    #: The finding id, or :data:`CONTEXT` for a context word.
    finding: str
    #: present, absent, denied, a choice value or number; for context: its kind.
    value: str
    slots: tuple[Slot, ...]
    text: str
    language: str
    #: Written with a leading "^": its words only one after another, as written.
    strict: bool = False
    #: A slot takes a number ("жінка #"). Set from the slots, never given.
    numbered: bool = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "numbered", any(NUMBER in slot.keys for slot in self.slots))

    @property
    def ordered(self) -> bool:
        return self.finding == CONTEXT or self.strict


Entry = tuple[int, int]  # (phrase index, the slot it is looked up by)


@dataclass
class CompiledBook:
    """The phrases, each looked up by one slot (its *anchor*: the first slot of a context
    phrase, the rarest slot of a finding's), the other slots checked around it."""

    phrases: list[Phrase] = field(default_factory=list)
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    by_surface: dict[str, list[Entry]] = field(default_factory=dict)
    by_prefix: dict[str, list[Entry]] = field(default_factory=dict)
    prefix_lengths: tuple[int, ...] = ()
    #: Every phrase word with its language: its forms are what a typo may be corrected to.
    words: set[tuple[str, str]] = field(default_factory=set)

    def add(self, phrase: Phrase) -> None:
        self.phrases.append(phrase)

    def index(self) -> None:
        """Index every phrase by its anchor slot."""
        common: dict[str, int] = {}
        for phrase in self.phrases:
            for slot in phrase.slots:
                for key in (*slot.keys, *slot.surfaces, *slot.prefixes):
                    common[key] = common.get(key, 0) + 1
        for index, phrase in enumerate(self.phrases):
            anchor = 0 if phrase.finding == CONTEXT else _rarest(phrase.slots, common)
            slot = phrase.slots[anchor]
            for key in slot.keys:
                self.by_key.setdefault(key, []).append((index, anchor))
            for surface in slot.surfaces:
                self.by_surface.setdefault(surface, []).append((index, anchor))
            for prefix in slot.prefixes:
                self.by_prefix.setdefault(prefix, []).append((index, anchor))
        self.prefix_lengths = tuple(sorted({len(p) for p in self.by_prefix}))


def _rarest(slots: tuple[Slot, ...], common: dict[str, int]) -> int:
    """The slot whose words the fewest phrases share (looked up least often)."""

    def how_common(slot: Slot) -> int:
        return sum(common[k] for k in (*slot.keys, *slot.surfaces, *slot.prefixes))

    return min(range(len(slots)), key=lambda i: (how_common(slots[i]), i))


def normal(word: str) -> str:
    return word.lower().translate(_NORMAL)


def compile_book(book: PhraseBook, morphology: Morphology) -> CompiledBook:
    """Every language's phrases and context words in one index: a text is read with all."""
    compiled = CompiledBook()
    keys = _Keys(morphology)
    words = compiled.words
    for language, phrases in book.languages.items():
        sets = {name: _expand(value, phrases.sets) for name, value in phrases.sets.items()}
        for finding, by_value in phrases.findings.items():
            for value, texts in by_value.items():
                for text in texts:
                    compiled.add(_phrase(finding, value, text, language, sets, keys))
        for kind, texts in phrases.words.items():
            for text in texts:
                compiled.add(_phrase(CONTEXT, kind, text, language, sets, keys))
        for kind_words in phrases.number_kinds.values():
            words.update((normal(word), language) for word in kind_words)
    compiled.index()
    for phrase in compiled.phrases:
        for slot in phrase.slots:
            words.update((key, phrase.language) for key in slot.keys)
    return compiled


def vocabulary(words: set[tuple[str, str]], morphology: Morphology) -> Iterator[str]:
    """Every form of every phrase word: what a typo may be corrected to. Made on the first
    word that needs correcting (it takes about a second)."""
    for word, language in words:
        yield from _inflections(word, language, morphology)


class _Keys:
    """:func:`word_keys`, once per word and language."""

    def __init__(self, morphology: Morphology) -> None:
        self.morphology = morphology
        self.known: dict[tuple[str, str], set[str]] = {}

    def __call__(self, word: str, language: str) -> set[str]:
        found = self.known.get((word, language))
        if found is None:
            found = self.known[(word, language)] = word_keys(word, language, self.morphology)
        return found


def _expand(alternatives: str, sets: Mapping[str, str], depth: int = 0) -> str:
    parts = []
    for part in alternatives.split("|"):
        if part.startswith("@") and depth < 3:
            parts.append(_expand(sets[part[1:]], sets, depth + 1))
        else:
            parts.append(part)
    return "|".join(parts)


def _phrase(
    finding: str,
    value: str,
    text: str,
    language: str,
    sets: Mapping[str, str],
    keys: _Keys,
) -> Phrase:
    strict = text.startswith("^")
    words = text.removeprefix("^").split(" ")
    slots = tuple(_slot(_expand(word, sets), language, keys) for word in words)
    return Phrase(finding, value, slots, text, language, strict)


def _slot(alternatives: str, language: str, word_keys: _Keys) -> Slot:
    keys: set[str] = set()
    surfaces: set[str] = set()
    prefixes: set[str] = set()
    for raw in alternatives.split("|"):
        word = normal(raw)
        if word == NUMBER:
            keys.add(NUMBER)
        elif word.startswith("="):
            surfaces.add(word[1:])
        elif word.endswith("*"):
            prefixes.add(word[:-1])
        else:
            keys.update(word_keys(word, language))
    return Slot(frozenset(keys), frozenset(surfaces), tuple(sorted(prefixes)))


def word_keys(word: str, language: str, morphology: Morphology) -> set[str]:
    """The keys a phrase word is found by: the word and its lemmas (or its English stem)."""
    if script_of(word) != "cyrillic":
        return {word, english_stem(word)}
    other = "ru" if language == "uk" else "uk"
    first = language if language in DICTIONARIES else "uk"
    lemmas = morphology.lemmas(word, first) or morphology.lemmas(word, other)
    return {word, *lemmas}


def _inflections(word: str, language: str, morphology: Morphology) -> Iterator[str]:
    if script_of(word) != "cyrillic":
        yield word
        return
    slavic = language if language in DICTIONARIES else "uk"
    yield from morphology.inflections(word, slavic)
