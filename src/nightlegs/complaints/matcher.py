"""Where the phrases are in a text: the words they take, and the text's clauses.

A finding's phrase matches when each of its slots finds a word in one clause, the whole
within :data:`GAP` words more than the phrase has ("ноги крутить" and "крутить мені ноги"
alike; an English phrase's words in its order); a phrase written with a leading "^" only
as written, word after word, as a context phrase ("не було", "used to") always.

The parts of a text: a *sentence* ends at ". ! ? ;" or a new line and where a contrast
word ("але", "но", "but") starts a new one; a *clause* also ends at a comma, a colon or a
bracket, except the comma that sets off a clause of condition ("легшає, коли походжу",
"коли ходжу, болить литка"); a *segment* also there, at a dash ("похожу — легшає") and
before "і", "и", "and". Findings' phrases stay inside a clause; negation, doubt, the past
and other people reach only as far as the rules of :mod:`nightlegs.complaints.context`
say, mostly their own segment.
"""

# ruff: noqa: RUF002, RUF003 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from nightlegs.complaints.phrasebook import CONTEXT, CompiledBook, Phrase, Slot
from nightlegs.complaints.text import Break, Token

#: Words a finding's phrase may have besides its own, in all.
GAP = 3
#: The same for an urgent sign's phrase, which may reach over commas within its sentence.
WIDE_GAP = 6
#: Languages whose phrases keep their words' order (English word order says who does
#: what: "my back hurts" is not "hurts, flew back"); Ukrainian and Russian word order is free.
IN_ORDER = frozenset({"en"})

Hits = dict[tuple[int, int], list[int]]  # (phrase, anchor slot) -> word positions


@dataclass(frozen=True, slots=True)
class Match:
    phrase: Phrase
    positions: tuple[int, ...]

    @property
    def first(self) -> int:
        return self.positions[0]

    @property
    def last(self) -> int:
        return self.positions[-1]


@dataclass(frozen=True, slots=True)
class Layout:
    """Each word's sentence, clause and segment (numbered from 0, in order)."""

    sentence: tuple[int, ...]
    #: Between punctuation marks or contrast words: where a finding's phrase must fit.
    clause: tuple[int, ...]
    #: A clause cut also before "і", "and": how far a negation reaches.
    segment: tuple[int, ...]


def hits(book: CompiledBook, words: Sequence[Token], forms: Sequence[frozenset[str]]) -> Hits:
    """For each phrase, the words its anchor slot could take."""
    found: Hits = {}
    lengths = book.prefix_lengths
    for position, (token, token_forms) in enumerate(zip(words, forms, strict=True)):
        entries = set(book.by_surface.get(token.norm, ()))
        for form in token_forms:
            entries.update(book.by_key.get(form, ()))
            for length in lengths:
                if length > len(form):
                    break
                entries.update(book.by_prefix.get(form[:length], ()))
        for entry in entries:
            found.setdefault(entry, []).append(position)
    return found


def context_matches(
    book: CompiledBook,
    found: Hits,
    words: Sequence[Token],
    forms: Sequence[frozenset[str]],
    breaks: Sequence[Break],
) -> list[Match]:
    """The context phrases, each word right after the one before, within a sentence."""
    matches: list[Match] = []
    for (index, _anchor), starts in found.items():
        phrase = book.phrases[index]
        if phrase.finding != CONTEXT:
            continue
        rest = phrase.slots[1:]
        if not rest:  # most context phrases are one word: "не", "no", "мабуть"
            matches.extend(Match(phrase, (start,)) for start in starts)
            continue
        for start in starts:
            end = start + len(phrase.slots)
            if end <= len(words) and all(
                breaks[p] != "strong" and slot.takes(words[p].norm, forms[p])
                for p, slot in enumerate(rest, start + 1)
            ):
                matches.append(Match(phrase, tuple(range(start, end))))
    return matches


def layout(breaks: Sequence[Break], context: Sequence[Match]) -> Layout:
    """The sentences, clauses and segments, from punctuation and the boundary words.

    A dash alone ("похожу — легшає") and the comma before or after a clause of condition
    ("легшає, коли походжу"; "коли ходжу, болить литка"; "треба ходити, тоді легше") cut
    a segment, not a clause: the condition and what it does are one statement, while a
    negation still reaches its own part only ("ходжу — не легше" denies the easing).
    """
    starts = {
        m.first: m.phrase.value
        for m in context
        if m.phrase.value.endswith("boundary") or m.phrase.value == "condition"
    }
    levels: tuple[list[int], list[int], list[int]] = ([], [], [])
    current = [0, 0, 0]
    opened = False  # the sentence opens with a condition ("коли ходжу, ..."), up to its comma
    for position, kind in enumerate(breaks):
        word_kind = starts.get(position)
        sentence_starts = position == 0 or kind == "strong" or word_kind == "boundary"
        if position:
            if sentence_starts:
                current = [current[0] + 1, current[1] + 1, current[2] + 1]
            elif kind == "weak" and (word_kind == "condition" or opened):
                current[2] += 1
                opened = False
            elif kind == "weak":
                current = [current[0], current[1] + 1, current[2] + 1]
                opened = False
            elif kind == "dash" or word_kind == "weak_boundary":
                current[2] += 1
        if sentence_starts:
            opened = False
        if word_kind == "condition" and (sentence_starts or starts.get(position - 1) == "boundary"):
            opened = True
        for level, number in zip(levels, current, strict=True):
            level.append(number)
    return Layout(*(tuple(level) for level in levels))


def finding_matches(
    book: CompiledBook,
    found: Hits,
    words: Sequence[Token],
    forms: Sequence[frozenset[str]],
    where: Layout,
    wide: frozenset[str] = frozenset(),
) -> list[Match]:
    """Every placement of every finding's phrase, the longest first for each finding.

    The phrases of the ``wide`` findings (the urgent signs) may reach over a comma into
    the sentence ("не можу наступити на ногу, вона набрякла"), English ones in any order:
    a sign read wrongly is only offered to confirm, one missed is asked later; so may a
    phrase with a number ("Чоловік, 52"); other phrases stay in a clause.
    """
    matches = []
    possible = _SlotsInText(words, forms)
    for (index, anchor), positions in found.items():
        phrase = book.phrases[index]
        if phrase.finding == CONTEXT:
            continue
        if not all(possible(slot) for number, slot in enumerate(phrase.slots) if number != anchor):
            continue  # a word of the phrase is nowhere in the text
        generous = phrase.finding in wide
        # A word said with a number ("=чоловік #") is set off by a comma as often as not:
        # "Чоловік, 52", "мне 50, женщина".
        parts = where.sentence if generous or phrase.numbered else where.clause
        for start in positions:
            if phrase.strict:
                placed = _in_order(phrase, anchor, start, words, forms, where.clause)
            else:
                placed = _place(phrase, anchor, start, words, forms, parts, generous)
            if placed is not None:
                matches.append(Match(phrase, placed))
    return _longest(list(dict.fromkeys(matches)))


class _SlotsInText:
    """Whether a slot takes any word of the text (remembered per slot for one text)."""

    def __init__(self, words: Sequence[Token], forms: Sequence[frozenset[str]]) -> None:
        self.norms = frozenset(word.norm for word in words)
        self.forms: frozenset[str] = frozenset().union(*forms)
        self.known: dict[int, bool] = {}

    def __call__(self, slot: Slot) -> bool:
        found = self.known.get(id(slot))
        if found is None:
            found = (
                not slot.surfaces.isdisjoint(self.norms)
                or not slot.keys.isdisjoint(self.forms)
                or bool(slot.prefixes and any(f.startswith(slot.prefixes) for f in self.forms))
            )
            self.known[id(slot)] = found
        return found


def _place(
    phrase: Phrase,
    anchor: int,
    start: int,
    words: Sequence[Token],
    forms: Sequence[frozenset[str]],
    parts: Sequence[int],
    generous: bool = False,
) -> tuple[int, ...] | None:
    """The words of one placement of ``phrase`` around its anchor word at ``start``: each
    other slot takes the nearest free word of the same part (clause or sentence), the
    earlier of two as near; None if one finds none or the whole is longer than the phrase
    and :data:`GAP`. A ``generous`` placement (an urgent sign's) takes English words in
    any order too ("my leg is red" for "red leg")."""
    count = len(phrase.slots)
    gap = WIDE_GAP if generous else GAP
    reach = count - 1 + gap
    part = parts[start]
    chosen = [start]
    by_slot = {anchor: start}
    for index, slot in enumerate(phrase.slots):
        if index == anchor:
            continue
        taken = _nearest(slot, start, reach, part, chosen, words, forms, parts)
        if taken is None:
            return None
        chosen.append(taken)
        by_slot[index] = taken
    if phrase.language in IN_ORDER and not generous:
        ordered = [by_slot[i] for i in range(count)]
        if ordered != sorted(ordered):
            return None
    placed = tuple(sorted(chosen))
    return placed if placed[-1] - placed[0] + 1 <= count + gap else None


def _nearest(
    slot: Slot,
    start: int,
    reach: int,
    part: int,
    chosen: list[int],
    words: Sequence[Token],
    forms: Sequence[frozenset[str]],
    parts: Sequence[int],
) -> int | None:
    for distance in range(1, reach + 1):
        for position in (start - distance, start + distance):
            if (
                0 <= position < len(words)
                and parts[position] == part
                and position not in chosen
                and slot.takes(words[position].norm, forms[position])
            ):
                return position
    return None


def _in_order(
    phrase: Phrase,
    anchor: int,
    start: int,
    words: Sequence[Token],
    forms: Sequence[frozenset[str]],
    clause: Sequence[int],
) -> tuple[int, ...] | None:
    """A strict phrase's words, one after another as written, in one clause."""
    first = start - anchor
    span = range(first, first + len(phrase.slots))
    if first < 0 or span[-1] >= len(words) or clause[span[0]] != clause[span[-1]]:
        return None
    if all(slot.takes(words[p].norm, forms[p]) for slot, p in zip(phrase.slots, span, strict=True)):
        return tuple(span)
    return None


def _longest(matches: list[Match]) -> list[Match]:
    """Drop a match whose words all belong to a longer match of the same finding
    ("судома" inside "судома в литці"; "курити" inside "кинула курити"). The name of a
    value ("температура" before a number) and a phrase of the finding are kept both."""
    ordered = sorted(matches, key=lambda m: (-len(m.positions), m.first))
    kept: list[Match] = []
    covered: dict[tuple[str, bool], list[frozenset[int]]] = {}
    for match in ordered:
        words = frozenset(match.positions)
        longer = covered.setdefault((match.phrase.finding, match.phrase.value == "number"), [])
        if not any(words <= other for other in longer):
            kept.append(match)
            longer.append(words)
    return sorted(kept, key=lambda m: (m.first, m.last))
