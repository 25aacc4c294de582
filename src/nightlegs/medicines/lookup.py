"""Medicine names found in a text: text in, matches out (no I/O, nothing kept).

Within each segment (see :mod:`~nightlegs.medicines.tokens`), from each token, the
longest run of up to four tokens that spells a key wins: exactly (the last word may be
inflected: «п'ю лористу», «без аспірину»), or else within a few typing errors.

A typo is tolerated only where it cannot make one medicine another: the word must not be
a filler or a generic word ("сечогінне" is never a medicine, however spelled), must begin
with the key's first letter, and must be within :func:`max_edits` of the key (counted
between skeletons, a swap of two letters as one edit: none below 5 letters, one up to 7,
two up to 12, three beyond). When keys of two different medicines are equally close, the
word is left unrecognised rather than guessed.
"""

# ruff: noqa: RUF001, RUF003 - Cyrillic letters and apostrophes are meant

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

from nightlegs.knowledge.medicine_table import Brand, Medicine
from nightlegs.languages import Language
from nightlegs.medicines.index import Key, Table
from nightlegs.medicines.spelling import joined, skeleton
from nightlegs.medicines.tokens import Token, segments

__all__ = ["Match", "MedicineList", "lookup", "max_edits", "read_list"]

#: Case endings tried on the last word of a name (Ukrainian and Russian), longest first;
#: the stem is tried as it is and with the nominative's -а/-я.
_ENDINGS = ("ою", "ею", "ом", "ем", "ой", "ей", "у", "ю", "а", "я", "і", "и", "ы", "е")
_SHORTEST_STEM = 3


@dataclass(frozen=True, slots=True)
class Match:
    """A medicine named in the text: ``text`` is ``text[start:end]`` of the text as sent."""

    text: str
    start: int
    end: int
    inn: str
    atc: str
    #: The INN in the language asked for.
    name: str
    #: The class findings the medicine implies (``med_*`` ids; often none).
    findings: tuple[str, ...]
    medicine: Medicine
    #: The brand the person wrote; None when they wrote the INN.
    brand: Brand | None
    #: Whether the text spelled a key exactly (else: within the typo tolerance).
    exact: bool
    #: The words also name a laboratory value ("магній", "вітамін Д"): in free text,
    #: "магній 0,6" is a result, "п'ю магній" a medicine; the caller tells them apart.
    lab_name: bool = False


@dataclass(frozen=True, slots=True)
class MedicineList:
    medicines: list[Match]
    #: The pieces of the text that name something no entry matched ("ліки від тиску").
    unrecognised: list[str]


KnownWord = Callable[[str], bool]


def max_edits(length: int) -> int:
    """The typing errors tolerated in a name whose skeleton has ``length`` characters."""
    if length < 5:
        return 0
    if length <= 7:
        return 1
    if length <= 12:
        return 2
    return 3


def lookup(
    table: Table, text: str, language: Language = "uk", known_word: KnownWord | None = None
) -> list[Match]:
    """The medicines named in ``text``, in order.

    ``known_word(word)``, when given, says that a word is an ordinary word of the
    language (a dictionary's): such a word is matched exactly or not at all. The
    complaint parser passes it for free text, where most words are not medicines.
    """
    matches: list[Match] = []
    for segment in segments(text, table.role_of):
        matches.extend(match for match, _ in _scan(table, text, segment, language, known_word))
    return matches


def read_list(table: Table, text: str, language: Language = "uk") -> MedicineList:
    """A list of medicines as a person types it: the medicines, and what was not recognised."""
    matches: list[Match] = []
    unrecognised: list[str] = []
    for segment in segments(text, table.role_of):
        found = list(_scan(table, text, segment, language, None))
        matches.extend(match for match, _ in found)
        covered = {index for _, span in found for index in span}
        unrecognised.extend(_leftovers(text, segment, covered, matched=bool(found)))
    return MedicineList(matches, unrecognised)


def _scan(
    table: Table, text: str, segment: list[Token], language: Language, known_word: KnownWord | None
) -> list[tuple[Match, range]]:
    found: list[tuple[Match, range]] = []
    index = 0
    while index < len(segment):
        hit = _best_at(table, segment, index, known_word)
        if hit is None:
            index += 1
            continue
        key, length, exact = hit
        first, last = segment[index], segment[index + length - 1]
        medicine = key.medicine
        match = Match(
            text=text[first.start : last.end],
            start=first.start,
            end=last.end,
            inn=medicine.inn,
            atc=medicine.atc,
            name=medicine.name[language],
            findings=medicine.findings,
            medicine=medicine,
            brand=key.brand,
            exact=exact,
            lab_name=key.lab,
        )
        found.append((match, range(index, index + length)))
        index += length
    return found


def _best_at(
    table: Table, segment: list[Token], index: int, known_word: KnownWord | None
) -> tuple[Key, int, bool] | None:
    """The longest key spelled from ``segment[index]`` on: exact before a typo at one length."""
    first = segment[index]
    if first.role == "number":
        return None
    if (
        first.skeleton
        and first.skeleton not in table.heads
        and not _may_be_misspelt(first, known_word)
    ):
        # No name of several words begins with this word (every beginning of one is in
        # ``heads``), and a typo search needs every word misspellable: only the word
        # alone can be a name, spelled exactly. Most words of a complaint end here.
        key = None if first.role == "generic" else _exact_word(table, first)
        return None if key is None else (key, 1, True)
    longest = 0
    while longest < table.max_words and index + longest < len(segment):
        if segment[index + longest].role == "number":
            break
        longest += 1
    for length in range(longest, 0, -1):
        tokens = segment[index : index + length]
        if all(token.role == "generic" for token in tokens):
            continue  # "vitamins" spells the key "витамин с" in Latin letters: still no name
        key = _exact(table, tokens)
        if key is not None:
            return key, length, True
        if all(_may_be_misspelt(token, known_word) for token in tokens):
            key = _near(table, joined([t.skeleton for t in tokens]), length)
            # A typo of generic words is no name ("железь": «железы» or iron?).
            if key is not None and not all(_near_generic(table, t.skeleton) for t in tokens):
                return key, length, False
    return None


def _exact(table: Table, tokens: list[Token]) -> Key | None:
    head = [t.skeleton for t in tokens[:-1]]
    if head and joined(head) not in table.heads:
        return None  # no name of several words begins so
    for number, spelling in enumerate(_inflections(tokens[-1])):
        key = table.exact.get(joined([*head, spelling]))
        if key is not None and _spelled(table, key, tokens, number):
            return key
    return None


def _exact_word(table: Table, token: Token) -> Key | None:
    """The key one word spells (:func:`_exact` for a single word, without the joining)."""
    for number, spelling in enumerate(_inflections(token)):
        key = table.exact.get(spelling)
        if key is not None and _spelled(table, key, [token], number):
            return key
    return None


def _spelled(table: Table, key: Key, tokens: list[Token], inflection: int) -> bool:
    """Whether ``tokens`` spell ``key`` (found by the last word's ``inflection``-th
    spelling, 0 for its skeleton): words that run a name together or split it spell it
    only as written, never from a stem («вітамінка» is not "vitamin C" run together), and
    never when the last of them is a generic word or nearly one ("вітамінкь")."""
    if key.words == len(tokens):
        return True
    return inflection == 0 and not _near_generic(table, tokens[-1].skeleton)


def _inflections(token: Token) -> tuple[str, ...]:
    """The last word's skeleton, then those of its stems (Cyrillic words only)."""
    if not token.cyrillic:
        return (token.skeleton,)
    return (token.skeleton, *_stems(token.folded))


@lru_cache(maxsize=50_000)
def _stems(word: str) -> tuple[str, ...]:
    """The skeletons of a Cyrillic word's stems, each also with an "a" and a "ya" ending
    (cached: the same words come back in every complaint)."""
    forms: list[str] = []
    for ending in _ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _SHORTEST_STEM:
            forms += [skeleton(stem), skeleton(stem + "а"), skeleton(stem + "я")]
    return tuple(forms)


def _may_be_misspelt(token: Token, known_word: KnownWord | None) -> bool:
    if token.role != "name":
        return False
    return known_word is None or not known_word(token.text)


def _near(table: Table, query: str, words: int) -> Key | None:
    """The key within the typo tolerance of ``query``, if exactly one medicine is nearest."""
    limit = max_edits(len(query))
    bucket = table.by_words_and_initial.get((words, query[0])) if query else None
    if limit == 0 or bucket is None:
        return None
    skeletons, keys = bucket
    nearest: list[tuple[int, Key]] = []
    for _, distance, position in process.extract(
        query, skeletons, scorer=OSA.distance, score_cutoff=limit, limit=None
    ):
        key = keys[position]
        shorter = min(len(query), len(key.skeleton))
        if distance <= max_edits(shorter):
            nearest.append((int(distance), key))
    if not nearest:
        return None
    best = min(distance for distance, _ in nearest)
    closest = {key.medicine.id: key for distance, key in nearest if distance == best}
    return next(iter(closest.values())) if len(closest) == 1 else None


def _near_generic(table: Table, query: str) -> bool:
    """Whether a skeleton is a generic word's or within the typo tolerance of one."""
    limit = max_edits(len(query))
    found = process.extractOne(query, table.generic, scorer=OSA.distance, score_cutoff=limit)
    return found is not None


def _leftovers(text: str, segment: list[Token], covered: set[int], matched: bool) -> list[str]:
    """The runs of the segment's unmatched tokens that name something."""
    pieces: list[str] = []
    run: list[Token] = []
    for index, token in enumerate([*segment, None]):
        if token is not None and index not in covered:
            run.append(token)
            continue
        # A lone letter is an abbreviation ("1т.", "2 р/д"), not a name.
        named = [t for t in run if t.role in ("name", "generic") and len(t.skeleton) > 1]
        # Beside a medicine, generic words describe it ("аторвакор від холестерину").
        if named and not (matched and all(t.role == "generic" for t in named)):
            pieces.append(text[named[0].start : named[-1].end])
        run = []
    return pieces
