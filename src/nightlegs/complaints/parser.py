"""The complaint parser: text in, candidate findings out.

The steps: words and their forms (:mod:`.morphology`), the phrases and context words they
match (:mod:`.matcher`), numbers (:mod:`.numbers`, :mod:`.labs`), what the context does to
each reading (:mod:`.context`), then the rules of ``kb/phrases/rules.yaml``
(:mod:`.resolve`): one reading per finding, the findings a reading implies, family history,
and never an urgent sign as "absent".
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass

from nightlegs.complaints import matcher
from nightlegs.complaints.context import Context
from nightlegs.complaints.drinks import DRINKS
from nightlegs.complaints.labs import BELOW, read_lab
from nightlegs.complaints.medicine_mentions import medicines_taken, without_the_medicines
from nightlegs.complaints.models import Candidate, ParseResult
from nightlegs.complaints.morphology import Morphology
from nightlegs.complaints.numbers import AGO, NumberReading, NumberWords, in_range, read_numbers
from nightlegs.complaints.phrasebook import NUMBER, CompiledBook, compile_book, normal, vocabulary
from nightlegs.complaints.proxy import Proxy
from nightlegs.complaints.resolve import Reading, Resolver, never_absent
from nightlegs.complaints.speaker import NOT_SELF, SEX, speaker_readings
from nightlegs.complaints.text import Break, Token, gap, tokenize
from nightlegs.knowledge import KnowledgeBase, load_kb
from nightlegs.knowledge.phrases import PhraseBook, load_phrases
from nightlegs.languages import DEFAULT_LANGUAGE, is_language
from nightlegs.medicines import load_table, lookup

__all__ = ["MAX_CHARACTERS", "Parser", "parse", "parser"]

#: The longest text the parser reads (the API refuses longer ones).
MAX_CHARACTERS = 2000
#: A Latin-letter text is English when at least this share of its words are English words
#: of the phrase book; otherwise it is Ukrainian or Russian typed in Latin letters.
_ENGLISH_SHARE = 0.3


@dataclass(frozen=True, slots=True)
class _Words:
    text: str
    tokens: list[Token]
    forms: list[frozenset[str]]
    #: What stands before each token: a sentence's end, a part's end, or nothing.
    breaks: list[Break]
    #: The characters before each token.
    gaps: list[str]


class Parser:
    """The phrase book compiled against one knowledge base, ready to read texts."""

    def __init__(self, kb: KnowledgeBase, book: PhraseBook, uk_dictionary: bool = True) -> None:
        self.kb = kb
        self.book = book
        self.morphology = Morphology(uk_dictionary)
        self.compiled: CompiledBook = compile_book(book, morphology=self.morphology)
        ordinary = [w for p in book.languages.values() for w in p.words.get("ordinary", ())]
        words = self.compiled.words
        self.morphology.set_vocabulary(lambda: vocabulary(words, self.morphology), ordinary)
        self.numbers = NumberWords(book, self.morphology)
        self.english = self._english_words()
        #: Words that say a number is an age ("I'm 45 m"): a one-letter mark after it is
        #: the sex even when set apart.
        self.age_words = frozenset(
            normal(w)
            for p in book.languages.values()
            for w in p.number_kinds.get("age_before", ())
            if len(w) > 1
        )
        self.table = load_table()
        #: The findings never read as absent: the urgent signs (docs/parsing.md, "Safety").
        self.urgent = never_absent(kb, book.rules)
        self.resolver = Resolver(kb, book.rules, self.urgent)

    def parse(self, text: str, language: str) -> ParseResult:
        """The candidates ``text`` states, in the order they stand in it."""
        words = self._words(text[:MAX_CHARACTERS])
        if not words.tokens:
            return ParseResult(language, ())
        found = matcher.hits(self.compiled, words.tokens, words.forms)
        context_matches = self._rough_numbers(
            words,
            matcher.context_matches(self.compiled, found, words.tokens, words.forms, words.breaks),
        )
        writer = Proxy(context_matches)
        context_matches = writer.context(context_matches)
        where = matcher.layout(words.breaks, context_matches)
        matches = matcher.finding_matches(
            self.compiled, found, words.tokens, words.forms, where, wide=self.urgent
        )
        # "Доброго вечора" is a greeting, not the time of a complaint.
        greeting = {p for m in context_matches if m.phrase.value == "greeting" for p in m.positions}
        matches = [m for m in matches if greeting.isdisjoint(m.positions)]
        taken = frozenset(p for match in matches for p in match.positions)
        context = Context(context_matches, where, taken)
        readings = self._readings(words, matches, where, writer.for_someone)
        # "Калій 3,2" is a result, not the potassium tablets: a name with its value is a lab.
        labs = {m.phrase.finding for m in matches if m.phrase.value == "number"}
        results = {p for r in readings if r.number and r.finding in labs for p in r.positions}
        page = language if is_language(language) else DEFAULT_LANGUAGE
        named_here = lookup(self.table, words.text, page, known_word=self._ordinary)
        taken_now = medicines_taken(
            named_here, words.tokens, context, context_matches, results, matches
        )
        readings = without_the_medicines(
            readings, taken_now.named, words.tokens, where, self.book.rules.medicine_times
        )
        medicines, medicine_readings = taken_now.mentions, taken_now.readings
        if writer.for_someone:  # the writer's grammar is not the patient's
            readings = [r for r in readings if r.finding != SEX] + writer.sex()
        elif not any(r.finding == SEX for r in readings):  # a phrase said it: "я жінка", "66F"
            body = [p for m in context_matches if m.phrase.value == NOT_SELF for p in m.positions]
            readings.extend(
                speaker_readings(words.tokens, language, self.morphology, where.clause, body)
            )
        resolved = self.resolver.resolve([*readings, *medicine_readings], context)
        candidates = tuple(self._candidate(words, r) for r in resolved)
        unrecognised = _unrecognised(words, resolved)
        return ParseResult(language, candidates, medicines, unrecognised, taken_now.stopped)

    def _rough_numbers(self, words: _Words, matches: list[matcher.Match]) -> list[matcher.Match]:
        """A doubt word right before a number says the number is rough, not that the
        complaint is in doubt ("happens maybe once a month", «мабуть 3 рази на тиждень»,
        «наверное раза три»)."""
        tokens = words.tokens

        def rough(match: matcher.Match) -> bool:
            following = match.last + 1
            if match.phrase.value != "uncertainty" or following >= len(tokens):
                return False
            said = self.numbers.value_of(tokens[following]) is not None
            times = "times" in self.numbers.kinds_of(words.forms[following])
            return words.breaks[following] == "none" and (said or times)

        return [m for m in matches if not rough(m)]

    def _words(self, text: str) -> _Words:
        tokens = tokenize(text)
        latin = [t for t in tokens if t.script == "latin"]
        english = sum(t.norm in self.english for t in latin)
        transliterate = len(latin) >= 2 and english < _ENGLISH_SHARE * len(latin)
        forms = []
        for token in tokens:
            if token.kind == "number":
                forms.append(frozenset({token.norm, NUMBER}))
            elif token.script == "none":
                forms.append(frozenset({token.norm}))
            elif token.script == "cyrillic":
                forms.append(self.morphology.cyrillic_forms(token.norm))
            else:
                forms.append(self.morphology.latin_forms(token.norm, transliterate))
        breaks = [gap(text, tokens[i - 1] if i else None, t) for i, t in enumerate(tokens)]
        gaps = [text[tokens[i - 1].end if i else 0 : t.start] for i, t in enumerate(tokens)]
        return _Words(text, tokens, forms, breaks, gaps)

    def _readings(
        self,
        words: _Words,
        matches: Sequence[matcher.Match],
        where: matcher.Layout,
        for_someone: bool,
    ) -> list[Reading]:
        readings, below = self._phrase_readings(words, matches, where)
        taken = {p for r in [*readings, *below] if r.number for p in r.positions}
        # A number beside a condition is the condition's ("діабет 10 років").
        owned = {
            where.segment[p]
            for r in readings
            if r.finding in self.book.rules.numbers_belong_to
            for p in r.positions
        }
        numbers = read_numbers(
            words.tokens,
            words.forms,
            (where.segment, where.sentence),
            words.gaps,
            self.numbers,
            self.book.rules,
            for_someone,
        )
        ago = [r for r in numbers if r.finding == AGO]
        # "температура, 38": the value of a name the lab reader did not reach, not an age.
        named_values = {m.last + 1 for m in matches if m.phrase.value == "number"}
        for reading in numbers:
            if taken.intersection(reading.positions) or not in_range(reading, self.kb.findings):
                continue
            if reading.finding == "age" and named_values.intersection(reading.positions):
                continue
            mine = reading.finding in self.book.rules.numbers_kept or (
                reading.finding == "age" and self._marked_age(words, reading.positions[0])
            )
            if mine or not owned.intersection(where.segment[p] for p in reading.positions):
                readings.append(_from_number(reading))
        # "A bottle of wine every night": the drinking's time, not the complaint's.
        drinking = {p for r in readings if r.number and r.finding == DRINKS for p in r.positions}
        readings = [r for r in readings if r.number or not drinking.issuperset(r.positions)]
        return [r for r in readings if self._recent(r, ago, where)]

    def _phrase_readings(
        self, words: _Words, matches: Sequence[matcher.Match], where: matcher.Layout
    ) -> tuple[list[Reading], list[Reading]]:
        """The readings of the phrases, laboratory values included; and the temperatures
        under fever ("температура 37": no fever said, none denied)."""
        readings: list[Reading] = []
        below: list[Reading] = []
        for match in matches:
            finding, value = match.phrase.finding, match.phrase.value
            if value != "number":
                if not _letter_apart(words, match.positions, self.age_words):
                    readings.append(Reading(finding, value, match.positions))
                continue
            lab = read_lab(
                finding,
                match.positions,
                words.text,
                words.tokens,
                where.segment,
                words.gaps,
                self.kb.findings,
                self.kb.units,
                self.book.rules,
            )
            if lab is not None:
                (below if lab.value == BELOW else readings).append(_from_number(lab))
        readings = [r for r in readings if not any(_same_words(r, b) for b in below)]
        return readings, below

    def _marked_age(self, words: _Words, first: int) -> bool:
        """An age said as one ("мені 69", "she's 80"): no condition's number, even in a
        run of words with a condition in it ("мені 69 років, синдром неспокійних ніг")."""
        kinds = self.numbers.kinds_of(words.forms[first - 1]) if first else frozenset()
        return bool(kinds & _AGE_MARKS)

    def _recent(
        self, reading: Reading, ago: Sequence[NumberReading], where: matcher.Layout
    ) -> bool:
        """False for a surgery, journey or cancer treatment the clause dates longer ago than
        ``recent_weeks`` ("операція 2 роки тому"), and for a birth longer ago than
        ``postpartum_weeks`` ("gave birth 2 years ago")."""
        if reading.finding == "pregnancy" and reading.value == "postpartum":
            limit: float | None = self.book.rules.postpartum_weeks
        else:
            limit = self.book.rules.recent_weeks.get(reading.finding)
        if limit is None:
            return True
        clauses = {where.clause[p] for p in reading.positions}
        return not any(
            isinstance(a.value, float)
            and a.value > limit
            and where.clause[a.positions[0]] in clauses
            for a in ago
        )

    def _candidate(self, words: _Words, reading: Reading) -> Candidate:
        start = min(words.tokens[p].start for p in reading.positions)
        end = max(words.tokens[p].end for p in reading.positions)
        return Candidate(
            reading.finding, reading.value, start, end, words.text[start:end], reading.unit
        )

    def _ordinary(self, word: str) -> bool:
        """A word of the language, never read as a misspelt medicine: one a dictionary
        knows, or, for English, which has no dictionary here, a word of the phrase book."""
        return word.casefold() in self.english or self.morphology.known(word)

    def _english_words(self) -> frozenset[str]:
        phrases = self.book.languages.get("en")
        if phrases is None:
            return frozenset()
        words: set[str] = set()
        for texts in [*phrases.words.values(), *phrases.number_kinds.values()]:
            for text in texts:
                words.update(text.lower().split())
        for by_value in phrases.findings.values():
            for texts in by_value.values():
                for text in texts:
                    for slot in text.lower().split():
                        words.update(w.strip("=*") for w in slot.split("|"))
        return frozenset(words)


def _letter_apart(words: _Words, positions: Sequence[int], age_words: frozenset[str]) -> bool:
    """A number and a one-letter word set apart from it ("50 m" is metres): a mark such as
    "31M", "66F" is written onto its number, follows a number said to be an age ("I'm
    45 m"), or stands with it alone as a sentence ("... my legs. 52 f")."""
    tokens, breaks = words.tokens, words.breaks

    def alone(p: int) -> bool:
        starts = p == 0 or breaks[p] == "strong"
        return starts and (p + 2 >= len(tokens) or breaks[p + 2] == "strong")

    return any(
        tokens[p].kind == "number"
        and p + 1 < len(tokens)
        and p + 1 in positions
        and len(tokens[p + 1].norm) == 1
        and words.gaps[p + 1] != ""
        and not (p > 0 and tokens[p - 1].norm in age_words)
        and not alone(p)
        for p in positions
    )


#: The number kinds of the words that mark the number after them as an age.
_AGE_MARKS = frozenset({"age_before", "age_of_them"})


def _same_words(reading: Reading, other: Reading) -> bool:
    return reading.finding == other.finding and bool(set(reading.positions) & set(other.positions))


def _from_number(reading: NumberReading) -> Reading:
    return Reading(reading.finding, reading.value, reading.positions, reading.unit, number=True)


def _unrecognised(words: _Words, readings: Sequence[Reading]) -> tuple[str, ...]:
    """The parts of the text (between punctuation) that gave no candidate."""
    used = {p for r in readings for p in r.positions}
    parts: list[list[int]] = []
    for index, kind in enumerate(words.breaks):
        if not parts or kind != "none":
            parts.append([])
        parts[-1].append(index)
    result = []
    for part in parts:
        if used.intersection(part) or not any(words.tokens[p].kind == "word" for p in part):
            continue
        result.append(words.text[words.tokens[part[0]].start : words.tokens[part[-1]].end])
    return tuple(result)


_PARSERS: dict[tuple[str, bool], Parser] = {}
_LOCK = threading.Lock()


def parser(kb: KnowledgeBase | None = None, uk_dictionary: bool = True) -> Parser:
    """The parser of ``kb`` (default: the packaged knowledge base), with or without the
    Ukrainian dictionary, built once per process."""
    kb = kb or load_kb()
    key = (kb.content_hash, uk_dictionary)
    found = _PARSERS.get(key)
    if found is None:
        with _LOCK:
            found = _PARSERS.get(key)
            if found is None:
                found = Parser(kb, load_phrases(), uk_dictionary)
                _PARSERS[key] = found
    return found


def parse(
    text: str, language: str, kb: KnowledgeBase | None = None, uk_dictionary: bool = True
) -> ParseResult:
    """Read ``text`` (Ukrainian, Russian or English, mixed too) for candidate findings;
    ``uk_dictionary=False`` reads Ukrainian without its dictionary (docs/licences.md)."""
    return parser(kb, uk_dictionary).parse(text, language)
