"""What the words around a phrase do to it: deny it, doubt it, put it in the past, or give
it to someone else.

The rules (docs/parsing.md has them with examples):

- **negation**: a negation word at most :data:`REACH_BEFORE` words before the phrase, or
  an "there is none" word ("немає", "нет", "none") at most :data:`REACH_AFTER` words
  after it, in the same segment, denies it. Words like "не тільки", "не дуже" deny
  nothing. A phrase's own words ("не можу заснути") never deny it.
- **nearly** ("майже не", «почти нет», "hardly"): where a negation would deny the
  phrase, it is neither denied nor said: left out.
- **doubt** ("здається", "наверное", "maybe", "I think"): its segment is left out, up to
  :data:`DOUBT_REACH` words either side of it (a run-on typed without a stop is not
  doubted whole); when the word stands alone ("здається, ..."), the next segment too.
- **the past** ("раніше", "колись", "used to"): from its segment to the end of the
  sentence, until a word of the present ("зараз", "now"); not when it dates the start of
  what is there now ("it started years ago").
- **other people** ("у мами", "my father"): from their segment to the end of the
  sentence, until the person speaks of themself again ("а в мене", "I"); "у мами теж",
  a whole statement, reaches its own segment only, and in a run-on typed without a stop
  only a word or two past its "теж"; in a run-on, nothing before the relative is theirs.
"""

# ruff: noqa: RUF002, RUF003 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from nightlegs.complaints.matcher import Layout, Match

#: How many words before a phrase a negation word reaches.
REACH_BEFORE = 3
#: How many words after a phrase a "there is none" word reaches.
REACH_AFTER = 2
#: A segment of at most this many words that holds a doubt word is the doubt word alone.
ALONE = 3
#: How many words before and after it a doubt word reaches in its segment.
DOUBT_REACH = 8
#: How many words after a relative a word of speech makes them the one who says it.
SPEECH_REACH = 2
#: A segment of more than this many words is a run-on typed without a stop.
RUN_ON = 12
#: How many words after its "тоже" a relative's statement ("у мамы тоже такое было") goes on.
STATEMENT_TAIL = 2
#: How many words after a comparison word its relative stands ("як у мами", "like my mum's").
COMPARED_REACH = 3

Other = Literal["first", "other"]


@dataclass(frozen=True, slots=True)
class Situation:
    negated: bool = False
    uncertain: bool = False
    past: bool = False
    #: Whose complaint: None for the person's own, else a parent/sibling/child or anyone.
    other: Other | None = None
    #: The other person has "the same" ("у мами теж").
    same: bool = False
    #: The next segment denies it now ("раніше були судоми, зараз немає").
    denied_now: bool = False
    #: The words of the negation that denies it (shown with it: "набряків немає").
    negation: tuple[int, ...] = ()
    #: Nearly denied ("майже не п'ю", "hardly"): neither yes nor no.
    hedged: bool = False


class Context:
    """The context words of one text and where they reach."""

    def __init__(
        self, matches: Sequence[Match], where: Layout, taken: frozenset[int] = frozenset()
    ) -> None:
        self.where = where
        #: Each segment's words, in order (several rules ask for them).
        self.segment_words: dict[int, list[int]] = {}
        for position, number in enumerate(where.segment):
            self.segment_words.setdefault(number, []).append(position)
        #: The words the findings' phrases took: a negation among them is theirs
        #: ("не можу заснути" denies nothing else).
        self.taken = taken
        by_kind: dict[str, list[Match]] = {}
        for match in matches:
            by_kind.setdefault(match.phrase.value, []).append(match)
        # "Майже не", "hardly": a negation that is only nearly one (:meth:`hedged`).
        self.hedges = [m for m in by_kind.get("almost_not", []) if not set(m.positions) <= taken]
        ignored = {
            p
            for kind in ("not_negation", "almost_not")
            for m in by_kind.get(kind, [])
            for p in m.positions
        }
        self.before = [m for m in by_kind.get("negation_before", []) if m.first not in ignored]
        self.after = [m for m in by_kind.get("negation_after", []) if m.first not in ignored]
        self.uncertain = self._uncertain_words(by_kind.get("uncertainty", []))
        # "It started years ago" dates what is there now: not the past.
        onset = {p for m in by_kind.get("not_past", []) for p in m.positions}
        past = [m for m in by_kind.get("past", []) if not onset.intersection(m.positions)]
        self.past = self._reach(past, by_kind.get("now", []))
        self.same_words = by_kind.get("same", [])
        self.same = {where.segment[m.first] for m in self.same_words}
        self._whose(by_kind)
        self.denied_now = self._denied_now(by_kind.get("now", []))

    def _whose(self, by_kind: dict[str, list[Match]]) -> None:
        """Which segments are a relative's (:attr:`others`), which are the person's own
        again after "у мами теж" (:attr:`own_again`), and the relatives compared."""
        where, taken = self.where, self.taken
        # "у мами теж" is a whole statement: what follows it is the person's own again.
        closed = self.same
        # "Як соседка сказала", "my wife says": whoever says it is its source, not its subject.
        sources = {m.first for m in by_kind.get("speech", [])}
        everyone = [*by_kind.get("relatives_first", []), *by_kind.get("relatives_other", [])]
        speaking = [
            m for m in everyone if sources & set(range(m.last + 1, m.last + 1 + SPEECH_REACH))
        ]
        closed = closed | {where.segment[m.first] for m in speaking}
        # "Крутить, як у мами", "just like my mum's": the person's own complaint, and a
        # relative who has the same; not the relative's alone.
        self.compared = _compared(by_kind.get("compared", []), everyone, speaking, where)
        own_too = set(self.compared)
        firsts = [m for m in by_kind.get("relatives_first", []) if m.positions not in own_too]
        first = self._reach(firsts, by_kind.get("self", []), closed)
        # A spouse a finding's own phrase names ("з дружиною нічого не виходить") is not
        # whose finding it is.
        spouses = [
            m
            for m in by_kind.get("relatives_other", [])
            if not set(m.positions) <= taken and m.positions not in own_too
        ]
        other = self._reach(spouses, by_kind.get("self", []), closed)
        self.others: dict[int, Other] = dict.fromkeys(other, "other")
        self.others.update(dict.fromkeys(first, "first"))
        self.own_again = self._after_the_statement([*by_kind.get("relatives_first", []), *spouses])
        self.own_again |= self._before_the_relative([*firsts, *spouses], by_kind.get("self", []))
        self.relatives = by_kind.get("relatives_first", [])

    def situation(self, positions: Sequence[int]) -> Situation:
        segments = {self.where.segment[p] for p in positions}
        other = next((self.others[s] for s in sorted(segments) if s in self.others), None)
        if self.own_again.issuperset(positions):
            other = None
        return Situation(
            negated=bool(negation := self.negation(positions)),
            uncertain=bool(self.uncertain.intersection(positions)),
            past=bool(segments & self.past),
            other=other,
            same=other is not None and self._same_reach(segments),
            denied_now=max(segments) + 1 in self.denied_now,
            negation=negation,
            hedged=self._hedged(positions),
        )

    def _hedged(self, positions: Sequence[int]) -> bool:
        """Whether "майже не", "почти нет", "hardly" stands where a negation would deny
        the words at ``positions``: «алкоголь почти нет» is neither none nor some."""
        first, last = min(positions), max(positions)
        segments = {self.where.segment[p] for p in positions}
        return any(
            self.where.segment[m.first] in segments
            and not set(m.positions) & set(positions)
            and (
                0 < first - m.last <= REACH_BEFORE
                or 0 < m.first - last <= REACH_AFTER
                or first < m.first < last
            )
            for m in self.hedges
        )

    def negation(self, positions: Sequence[int]) -> tuple[int, ...]:
        """The words of a negation that denies the words at ``positions`` (none: not
        denied): one before them (or among them) in their segment, or a "there is none"
        word just after (or among)."""
        own = set(positions)
        first, last = min(positions), max(positions)
        segments = {self.where.segment[p] for p in positions}
        for match in (*self.before, *self.after):
            words = set(match.positions)
            if (
                words & own
                or words <= self.taken
                or self.where.segment[match.first] not in segments
            ):
                continue
            if match in self.before and match.last < last and first - match.last <= REACH_BEFORE:
                return match.positions
            if match in self.after and match.first > first and match.first - last <= REACH_AFTER:
                return match.positions
        return ()

    def family_mentions(self) -> list[tuple[tuple[int, ...], bool]]:
        """Each close relative said to have "the same" ("у мами теж", "у батька такого не
        було"): the words, and whether it is denied."""
        segment = self.where.segment
        mentions = []
        for relative in self.relatives:
            own = segment[relative.first]
            comparison = self.compared.get(relative.positions)
            if comparison is not None and relative.first not in self.uncertain:
                mentions.append((tuple(sorted({*comparison, *relative.positions})), False))
                continue
            same = [m for m in self.same_words if segment[m.first] in (own, own + 1)]
            if not same or relative.first in self.uncertain:
                continue
            positions = tuple(sorted({*relative.positions, *same[0].positions}))
            reach = {segment[p] for p in positions}
            denied = any(segment[m.first] in reach for m in (*self.before, *self.after))
            mentions.append((positions, denied))
        return mentions

    def _denied_now(self, markers: Sequence[Match]) -> set[int]:
        """Segments that say "not now" and nothing else ("зараз немає", "not anymore")."""
        segment = self.where.segment
        negations = [*self.before, *self.after]
        found = set()
        for marker in markers:
            own = segment[marker.first]
            words = self.segment_words[own]
            alone = len(words) <= ALONE + 1 and not self.taken.intersection(words)
            if alone and any(segment[n.first] == own for n in negations):
                found.add(own)
        return found

    def _uncertain_words(self, markers: Sequence[Match]) -> set[int]:
        """The words a doubt word reaches: those of its segment at most
        :data:`DOUBT_REACH` words from it (a run-on typed without a stop is not doubted
        whole for one "maybe"); when it stands alone ("здається, ..."), the next segment
        of its sentence too."""
        segment, sentence = self.where.segment, self.where.sentence
        found: set[int] = set()
        for marker in markers:
            own = segment[marker.first]
            words = self.segment_words[own]
            found.update(
                p for p in words if marker.first - DOUBT_REACH <= p <= marker.last + DOUBT_REACH
            )
            following = self.segment_words.get(own + 1, [])
            alone = len(words) <= ALONE
            if alone and following and sentence[following[0]] == sentence[marker.first]:
                found.update(following)
        return found

    def _reach(
        self, markers: Sequence[Match], stops: Sequence[Match], closed: set[int] | None = None
    ) -> set[int]:
        """The segments from each marker's to the end of its sentence, up to a stop word
        (a stop in the marker's own segment, after the marker, ends it there too); a
        marker in a ``closed`` segment reaches that segment only."""
        segment, sentence = self.where.segment, self.where.sentence
        stop_segments = {segment[m.first]: m.first for m in stops}
        reached = set()
        for marker in markers:
            own = segment[marker.first]
            stop_at = stop_segments.get(own)
            if stop_at is not None and stop_at > marker.first:
                continue
            reached.add(own)
            if closed and own in closed:
                continue
            position = marker.first + 1
            while position < len(segment) and sentence[position] == sentence[marker.first]:
                if segment[position] != own and segment[position] in stop_segments:
                    break
                reached.add(segment[position])
                position += 1
        return reached

    def _before_the_relative(self, relatives: Sequence[Match], selves: Sequence[Match]) -> set[int]:
        """The words before the first relative named in its segment, when the segment is a
        run-on typed without a stop (more than :data:`RUN_ON` words) or the writer spoke
        of themself before the relative in it: the writer's own. «болить страшно мне 74
        года курю с армии жена говорит подожди» is the writer's pain and age."""
        segment = self.where.segment
        earliest: dict[int, int] = {}
        for relative in relatives:
            own = segment[relative.first]
            earliest[own] = min(earliest.get(own, relative.first), relative.first)
        found: set[int] = set()
        for own, first in earliest.items():
            words = self.segment_words[own]
            said_self = any(segment[m.first] == own and m.last < first for m in selves)
            if len(words) > RUN_ON or said_self:
                found.update(p for p in words if p < first)
        return found

    def _after_the_statement(self, relatives: Sequence[Match]) -> set[int]:
        """The words around "у мамы тоже такое было" in a run-on typed without a stop: the
        statement is over a word or two after its "тоже" (:data:`STATEMENT_TAIL`), and
        what stands before or after it in a segment of more than :data:`RUN_ON` words is
        the person's own. A short segment ("у мами теж крутить ноги") is the relative's."""
        segment = self.where.segment
        found: set[int] = set()
        for relative in relatives:
            own = segment[relative.first]
            words = self.segment_words[own]
            same = [m for m in self.same_words if segment[m.first] == own]
            if len(words) <= RUN_ON or not same:
                continue
            start = min(relative.first, *(m.first for m in same))
            end = max(relative.last, *(m.last for m in same)) + STATEMENT_TAIL
            found.update(p for p in words if p < start or p > end)
        return found

    def _same_reach(self, segments: set[int]) -> bool:
        return any(s in self.same or s - 1 in self.same for s in segments)


def _compared(
    comparisons: Sequence[Match],
    relatives: Sequence[Match],
    speaking: Sequence[Match],
    where: Layout,
) -> dict[tuple[int, ...], tuple[int, ...]]:
    """The relatives a comparison word stands just before in their segment ("як у мами",
    "like my mum's"), by their words, with the comparison's words. A relative who says
    something ("як мама каже") is its source, not compared."""
    found: dict[tuple[int, ...], tuple[int, ...]] = {}
    for relative in relatives:
        if relative in speaking:
            continue
        for comparison in comparisons:
            if (
                where.segment[comparison.first] == where.segment[relative.first]
                and 0 < relative.first - comparison.last <= COMPARED_REACH
            ):
                found[relative.positions] = comparison.positions
    return found
