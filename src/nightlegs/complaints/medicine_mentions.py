"""The medicines a complaint names, and what they do to its other readings.

A medicine the person takes now gives its class findings as readings; one denied,
doubted, in the past, another person's, stopped or not yet begun (:mod:`.taking`) gives
nothing. It began with the medicine: "після аторвастатину", "after sertraline" (an
``after_medicine`` word just before the name), or "п'ю індапамід, з нього все почалося",
"started on X, since then ..." (a ``since_medicine`` phrase after the name, in its sentence
or the next). The words of a name are no one's complaint, and the length and time said of
a medicine ("on pramipexole for 6 years", «Мірапекс 0,25 на ніч») are not the complaint's.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass

from nightlegs.complaints import matcher
from nightlegs.complaints.context import Context
from nightlegs.complaints.models import MedicineMention
from nightlegs.complaints.resolve import LENGTH, Reading
from nightlegs.complaints.taking import NOT_TAKING, not_taken
from nightlegs.complaints.text import Token
from nightlegs.medicines import Match

__all__ = ["MedicinesTaken", "medicines_taken", "without_the_medicines"]

#: The finding of a complaint that began with a medicine.
STARTED_AFTER = "started_after_new_medicine"
#: The value of a phrase that names a laboratory result ("феритин").
_RESULT = "number"
#: How many words of a dose may stand between a medicine's name and the time it is taken.
_DOSE_WORDS = 3
#: The longest word taken for part of a dose ("мг", "таб", "по").
_DOSE_LETTERS = 3


@dataclass(frozen=True, slots=True)
class MedicinesTaken:
    mentions: tuple[MedicineMention, ...]
    #: Their class findings, and "it began with it".
    readings: list[Reading]
    #: The words that name a medicine, taken or not.
    named: set[int]
    #: The medicines the text says are not taken now («кинула», "stopped", «раніше пила»),
    #: by their place in the text (start, end).
    stopped: tuple[tuple[int, int], ...] = ()


def medicines_taken(
    found: Sequence[Match],
    tokens: Sequence[Token],
    context: Context,
    context_matches: Sequence[matcher.Match],
    results: Collection[int],
    phrases: Sequence[matcher.Match] = (),
) -> MedicinesTaken:
    """The medicines of ``found`` (the table's lookup of the text) that the person takes
    now. ``results``: the words of a laboratory result ("калій 3,2" is no potassium tablet);
    ``phrases``: the findings' phrases, of which a name may be a word ("iron deficiency",
    «низьке залізо»: no iron tablet)."""
    after = {m.last for m in context_matches if m.phrase.value == "after_medicine"}
    since = [m for m in context_matches if m.phrase.value == "since_medicine"]
    stops = [m for m in context_matches if m.phrase.value == NOT_TAKING]
    contrast = {m.first for m in context_matches if m.phrase.value == "boundary"}
    sentence = context.where.sentence
    mentions: list[MedicineMention] = []
    readings: list[Reading] = []
    named: set[int] = set()
    stopped: list[tuple[int, int]] = []
    spans = [(match, positions) for match in found if (positions := _positions(tokens, match))]
    for index, (match, positions) in enumerate(spans):
        if set(results).intersection(positions):
            continue  # the name of a laboratory result
        if any(
            m.phrase.finding not in match.findings and set(positions) <= set(m.positions)
            for m in phrases
            if m.phrase.value != _RESULT  # a result's name: ``results`` says when it is one
        ):
            continue  # a word of what another finding's phrase says
        named.update(positions)
        if match.lab_name and _number_after(tokens, positions):
            continue  # "естрадіол 150": a result the vocabulary has no finding for
        situation = context.situation(positions)
        if situation.other or situation.uncertain:
            continue
        if (
            situation.negated
            or situation.past
            or not_taken([p for _, p in spans], index, stops, context.where, contrast)
        ):
            stopped.append((match.start, match.end))
            continue
        mentions.append(_mention(match))
        readings.extend(Reading(f, "present", positions) for f in match.findings)
        if positions[0] - 1 in after:
            readings.append(Reading(STARTED_AFTER, "present", (positions[0] - 1, *positions)))
            continue
        own = sentence[positions[-1]]
        later = next(
            (m for m in since if m.first > positions[-1] and sentence[m.first] in (own, own + 1)),
            None,
        )
        if later is not None and not _denied_part(context, later):
            words_said = tuple(sorted({*positions, *later.positions}))
            readings.append(Reading(STARTED_AFTER, "present", words_said))
    return MedicinesTaken(tuple(mentions), readings, named, tuple(stopped))


def without_the_medicines(
    readings: Sequence[Reading],
    named: set[int],
    tokens: Sequence[Token],
    where: matcher.Layout,
    times: Collection[str],
) -> list[Reading]:
    """The readings that are the complaint's: none on a medicine's name; no length in a
    medicine's segment ("on pramipexole for 6 years"); no time of day of ``times`` just
    after a name, with at most its dose between («Мірапекс 0,25 на ніч»)."""
    segment = where.segment
    parts = {segment[p] for p in named}

    def of_a_medicine(reading: Reading) -> bool:
        first = min(reading.positions)
        for between in range(_DOSE_WORDS + 1):
            name = first - 1 - between
            if name < 0 or segment[name] != segment[first]:
                return False
            if name in named:
                return True
            if not _dose_word(tokens[name]):
                return False
        return False

    return [
        r
        for r in readings
        if named.isdisjoint(r.positions)
        and not (r.finding == LENGTH and parts & {segment[p] for p in r.positions})
        and not (r.finding in times and of_a_medicine(r))
    ]


def _denied_part(context: Context, match: matcher.Match) -> bool:
    """A negation anywhere in the part of the text a phrase stands in ("відтоді нічого не
    змінилося": nothing began with it)."""
    segment = context.where.segment
    own = segment[match.first]
    return any(
        segment[n.first] == own and not set(n.positions) <= context.taken
        for n in (*context.before, *context.after)
    )


def _dose_word(token: Token) -> bool:
    """A number or a short word of a dose ("0,25", "мг", "по", "1/2", "mg")."""
    return token.kind == "number" or len(token.norm) <= _DOSE_LETTERS


def _positions(tokens: Sequence[Token], match: Match) -> tuple[int, ...]:
    """The words a medicine's name stands in."""
    return tuple(i for i, t in enumerate(tokens) if t.start < match.end and match.start < t.end)


def _number_after(tokens: Sequence[Token], positions: Sequence[int]) -> bool:
    following = positions[-1] + 1
    return following < len(tokens) and tokens[following].kind == "number"


def _mention(match: Match) -> MedicineMention:
    return MedicineMention(
        match.text, match.start, match.end, match.inn, match.atc, match.name, match.findings
    )
