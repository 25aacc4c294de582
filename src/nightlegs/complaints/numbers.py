"""Numbers in a complaint: how often, how long, how old, how bad, and laboratory values.

Each reading names the vocabulary's number finding (or a choice value a number decides)
with the words it was read from. The patterns, in the order they take words:

- a score: "7 з 10", "7/10", "на 8 балів" -> ``severity``;
- a frequency: "3 рази на тиждень", "twice a week", "щоночі" (7), "через ніч" (3.5),
  "раз на місяць" (a quarter) -> ``nights_per_week``;
- an age: "мені 63", "I'm 63", "63 years old", "31M", "63 роки" when nothing says it is
  how long and it is 18 or more, a number alone at a sentence's edge ("smoker, 74.") ->
  ``age``;
- a pregnancy: "32 тижні" or "7 місяць" where the segment says pregnant ->
  ``pregnancy`` (trimester by the weeks in ``rules.yaml``); "три тижні як народила" ->
  ``postpartum`` up to ``postpartum_weeks``;
- a length of time: "півроку", "років п'ять", "два тижні", "вже рік" -> ``duration_months``
  ("... тому", "ago" only with "почалося", "started");
- minutes and hours of one episode -> ``episode_duration``;
- a laboratory value or a temperature after its name ("феритин 12 нг/мл",
  "температура 38,5") -> that finding, with the unit when the text gave one;
- cups of coffee -> ``caffeine_cups_per_day``;
- glasses, bottles or pints of alcohol a week or a day -> ``alcohol_drinks_per_week``.

Vague amounts ("кілька разів", "часто") give nothing: the interview asks for the number.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence

from nightlegs.complaints.drinks import alcohol, coffee, drinks_every_day, every_day
from nightlegs.complaints.number_text import DAYS_PER_WEEK, NumberReading, NumberText
from nightlegs.complaints.numbers_grammar import (
    DAYS_PER_MONTH,
    MONTHS,
    NumberWords,
    Quantity,
    quantities,
)
from nightlegs.complaints.text import Token
from nightlegs.knowledge.compiled import FindingDef
from nightlegs.knowledge.phrases import PhraseRules

__all__ = ["AGO", "NumberReading", "NumberWords", "read_numbers"]

#: A reading of how long ago something happened ("2 роки тому"), in weeks: no finding.
AGO = "ago"
#: How many weeks a month counts for in a frequency ("раз на місяць": a quarter night).
WEEKS_PER_MONTH = 4
#: A score is out of ten; a number so many words after "від 0 до 10" is the score.
_TEN = 10
_SCALE_REACH = 6
EVERY_NIGHT = float(DAYS_PER_WEEK)
EVERY_OTHER_NIGHT = DAYS_PER_WEEK / 2
#: The ages a number standing alone at the end of a sentence may be ("Чоловік, 52").
_BARE_AGE = (18, 110)
#: What stands around such a number (a comma, a sentence's end, one of them at least),
#: and what makes it part of another number instead ("140/90", "2-3").
_PUNCTUATION = frozenset(",.!?;\n")
_SENTENCE_END = frozenset(".!?;\n")
_NOT_BARE = frozenset("/-\u2013:%+")
#: A number written with one decimal ("38,9", "39.2").
_ONE_DECIMAL = re.compile(r"\d{2}[.,]\d")


def read_numbers(
    words: Sequence[Token],
    forms: Sequence[frozenset[str]],
    where: tuple[Sequence[int], Sequence[int]],
    gaps: Sequence[str],
    grammar: NumberWords,
    rules: PhraseRules,
    for_someone: bool = False,
) -> list[NumberReading]:
    """Every number reading of the text, each quantity read once (``where``: each word's
    segment and sentence)."""
    kinds = [grammar.kinds_of_word(w, f) for w, f in zip(words, forms, strict=True)]
    values = [grammar.value_of(w) for w in words]
    text = NumberText(words, kinds, where[0], where[1], gaps, values, for_someone)
    readings: list[NumberReading] = []
    taken: set[int] = set()
    for every in _every_night(text):
        readings.append(every)
        taken.update(every.positions)
    for quantity in quantities(values, kinds, gaps):
        if taken.intersection(quantity.positions):
            continue
        reading = _read(text, quantity, rules)
        if reading is not None:
            readings.append(reading)
            taken.update(reading.positions)
    return readings


def _every_night(text: NumberText) -> Iterator[NumberReading]:
    """ "щоночі", "кожну ніч", "every night" (7); "через ніч", "every other night" (3.5)."""
    position = 0
    while position < len(text.words):
        if text.kind(position - 1, "vague"):
            pass  # "майже щоночі": too vague to be a number of nights
        elif every_day(text, position) and text.segment_has(position, "alcohol"):
            # «пляшку пива кожен вечір»: how often they drink, not a night of the complaint
            drinks = drinks_every_day(text, position)
            if drinks is not None:
                yield drinks
        elif text.kind(position, "every_night"):
            yield NumberReading("nights_per_week", EVERY_NIGHT, (position,))
        elif text.kind(position, "every") and text.kind(position + 1, "night"):
            yield NumberReading("nights_per_week", EVERY_NIGHT, (position, position + 1))
            position += 1
        elif text.kind(position, "every_other") and text.kind(position + 1, "night"):
            yield NumberReading("nights_per_week", EVERY_OTHER_NIGHT, (position, position + 1))
            position += 1
        elif (
            text.kind(position, "every")
            and text.kind(position + 1, "every_other")
            and text.kind(position + 2, "night")
        ):
            yield NumberReading(
                "nights_per_week", EVERY_OTHER_NIGHT, (position, position + 1, position + 2)
            )
            position += 2
        position += 1


def _read(text: NumberText, q: Quantity, rules: PhraseRules) -> NumberReading | None:
    readers = (
        _temperature,
        _score,
        _frequency,
        _age,
        _pregnancy,
        _birth,
        _duration,
        _episode,
        coffee,
        alcohol,
    )
    for reader in readers:
        reading = reader(text, q, rules)
        if reading is not None:
            return reading
    return None


def _temperature(text: NumberText, q: Quantity, rules: PhraseRules) -> NumberReading | None:
    """A number with one decimal after «було», "hit" (``temperature_before``), from fever
    up («вчора ввечері було 38,9», "hit 39.2 last night"): a temperature with no name. Only
    after such a word: "vitamin D 38.4" and «взуття 38,5» are not. Below fever it says
    nothing (a red flag is never read as absent)."""
    first = q.positions[0]
    one_decimal = len(q.positions) == 1 and _ONE_DECIMAL.fullmatch(text.words[first].norm)
    said = first > 0 and text.kind(first - 1, "temperature_before")
    if (
        not (one_decimal and said)
        or q.unit is not None
        or text.segment[first - 1] != text.segment[first]
    ):
        return None
    if rules.fever_celsius <= q.value <= rules.hottest_celsius:
        return NumberReading("fever", "present", q.positions)
    return None


def _score(text: NumberText, q: Quantity, _rules: PhraseRules) -> NumberReading | None:
    after = q.end + 1
    ten = after
    while ten < after + 2 and text.kind(ten, "out_of"):
        ten += 1  # "з", «из», "out of"
    if ten > after and _is_ten(text, ten):
        return NumberReading("severity", q.value, (*q.positions, *range(after, ten + 1)))
    if after < len(text.gaps) and "/" in text.gaps[after] and _is_ten(text, after):
        return NumberReading("severity", q.value, (*q.positions, after))
    if text.kind(after, "point"):
        return NumberReading("severity", q.value, (*q.positions, after))
    return _on_a_scale(text, q)


def _on_a_scale(text: NumberText, q: Quantity) -> NumberReading | None:
    """ "Якщо від 0 до 10, то 9", "on a scale from 1 to 10 it's an 8": a number up to ten
    within a few words after a scale of ten said in words."""
    first = q.positions[0]
    if q.unit is not None or not 0 <= q.value <= _TEN:
        return None
    for ten in range(first - 1, max(first - _SCALE_REACH, 2) - 1, -1):
        if (
            _is_ten(text, ten)
            and text.kind(ten - 1, "scale_to")
            and text.values[ten - 2] in (0, 1)
            and text.kind(ten - 3, "scale_from")
        ):
            return NumberReading(
                "severity", q.value, (ten - 3, *range(ten - 2, ten + 1), *q.positions)
            )
    return None


def _is_ten(text: NumberText, position: int) -> bool:
    """Ten, in digits or in words ("з 10", «из десяти», "out of ten")."""
    return position < len(text.values) and text.values[position] == 10


def _frequency(text: NumberText, q: Quantity, _rules: PhraseRules) -> NumberReading | None:
    position = q.end + 1
    counted = q.unit in ("times", "night")
    # "рік з половиною, раз на місяць": a comma between says the "раз" is another number's.
    joined = position < len(text.gaps) and not _PUNCTUATION.intersection(text.gaps[position])
    said = joined and (text.kind(position, "times") or text.kind(position, "night"))
    if not (counted or said):
        return None
    if not counted:
        position += 1
    if text.kind(position, "per"):
        position += 1
    words = (*q.positions, *range(q.end + 1, position + 1))
    if text.kind(position, "week"):
        return NumberReading("nights_per_week", q.value, words)
    if text.kind(position, "month"):
        # A month of four weeks, as people count it: "once a month" is a quarter night.
        return NumberReading("nights_per_week", round(q.value / WEEKS_PER_MONTH, 2), words)
    return None


def _age(text: NumberText, q: Quantity, _rules: PhraseRules) -> NumberReading | None:
    start = q.positions[0]
    # "Мне 52 года, женщина. Уже года три ...": a word of another sentence marks nothing.
    same = start >= 2 and text.sentence[start - 2] == text.sentence[start]
    marked_before = (
        text.kind(start - 1, "age_before")
        or (same and text.kind(start - 2, "age_before") and text.kind(start - 1, "duration"))
        or (text.for_someone and text.kind(start - 1, "age_of_them"))
        # "she is 78", "my dad turned 80"
        or (
            text.for_someone
            and same
            and text.kind(start - 2, "age_of_them")
            and text.kind(start - 1, "age_link")
        )
    )
    if q.unit not in (None, "year"):
        return None
    unit_at = q.end if q.unit == "year" else q.end + 1
    has_year = q.unit == "year" or text.kind(unit_at, "year")
    after = unit_at + (1 if has_year else 0)
    # A one-letter mark ("31M", "45f") only written onto the number: "50 m" is metres.
    marked_after = text.kind(after, "age_after") and (
        len(text.words[after].norm) > 1 or not text.gaps[after] or _a_sentence(text, start, after)
    )
    if marked_before or marked_after:
        extra = (unit_at,) if has_year and unit_at > q.end else ()
        return NumberReading("age", q.value, (*q.positions, *extra))
    if has_year and q.value >= 18 and not _said_how_long(text, q, unit_at):
        extra = (unit_at,) if unit_at > q.end else ()
        return NumberReading("age", q.value, (*q.positions, *extra))
    if _bare(text, q):
        return NumberReading("age", q.value, q.positions)
    return None


def _a_sentence(text: NumberText, first: int, last: int) -> bool:
    """Whether the words from ``first`` to ``last`` are a sentence of their own ("... my
    legs. 52 f"): a one-letter mark set apart from its number is then no unit of length."""
    own = text.sentence[first]
    starts = first == 0 or text.sentence[first - 1] != own
    ends = last + 1 >= len(text.sentence) or text.sentence[last + 1] != own
    return starts and ends and text.sentence[last] == own


def _bare(text: NumberText, q: Quantity) -> bool:
    """A whole number of an adult's years standing alone between punctuation at the start
    or the end of a sentence ("smoker, 74.", "... day and night. 35", "59, мужчина"): how
    people add their age. Never a number with a unit ("10 хвилин") or part of another
    ("140/90", "2-3", "38,5")."""
    start, end = q.positions[0], q.end
    token = text.words[start]
    if len(q.positions) > 1 or token.kind != "number" or not token.norm.isdigit():
        return False
    low, high = _BARE_AGE
    if not low <= q.value <= high:
        return False
    before = text.gaps[start] if start else "."
    after = text.gaps[end + 1] if end + 1 < len(text.gaps) else "."
    if _NOT_BARE.intersection(before + after):
        return False
    alone = bool(_PUNCTUATION.intersection(before)) and bool(_PUNCTUATION.intersection(after))
    return alone and bool(_SENTENCE_END.intersection(before + after))


def _said_how_long(text: NumberText, q: Quantity, unit_at: int) -> bool:
    start = q.positions[0]
    return (
        text.kind(start - 1, "duration")
        or text.kind(unit_at + 1, "ago")
        or text.segment_has(start, "duration")
        or text.segment_has(start, "started")
    )


def _pregnancy(text: NumberText, q: Quantity, rules: PhraseRules) -> NumberReading | None:
    unit_at = q.end if q.unit else q.end + 1
    unit = q.unit or next((u for u in ("week", "month") if text.kind(unit_at, u)), None)
    if unit not in ("week", "month") or not text.sentence_has(q.positions[0], "pregnant"):
        return None
    weeks = q.value if unit == "week" else q.value * 52 / 12
    second, third = rules.trimester_weeks
    value = "trimester_1" if weeks < second else "trimester_2" if weeks < third else "trimester_3"
    return NumberReading("pregnancy", value, tuple(sorted({*q.positions, unit_at})))


def _birth(text: NumberText, q: Quantity, rules: PhraseRules) -> NumberReading | None:
    """ "Три тижні як народила", "gave birth 3 weeks ago": postpartum up to
    ``postpartum_weeks``; longer ago, when it was (no finding, and no complaint's length)."""
    unit_at = q.end if q.unit else q.end + 1
    unit = q.unit or next((u for u in MONTHS if text.kind(unit_at, u)), None)
    if unit not in MONTHS or not text.segment_has(q.positions[0], "birth"):
        return None
    weeks = round(q.value * MONTHS[unit] * DAYS_PER_MONTH / 7, 1)
    ago = (unit_at + 1,) if text.kind(unit_at + 1, "ago") else ()
    words = tuple(sorted({*q.positions, unit_at, *ago}))
    if weeks <= rules.postpartum_weeks:
        return NumberReading("pregnancy", "postpartum", words)
    return NumberReading(AGO, weeks, words)


def _duration(text: NumberText, q: Quantity, _rules: PhraseRules) -> NumberReading | None:
    unit_at = q.end if q.unit else q.end + 1
    unit = q.unit or next((u for u in MONTHS if text.kind(unit_at, u)), None)
    if unit not in MONTHS:
        return None
    start = q.positions[0]
    # "вже рік", "over a year" (an article between), "рік тому": one, unsaid.
    said = text.kind(start - 1, "duration") or (
        text.kind(start - 1, "per") and text.kind(start - 2, "duration")
    )
    if q.implicit and not (said or text.kind(unit_at + 1, "ago")):
        return None
    months = round(q.value * MONTHS[unit], 1)
    if text.kind(unit_at + 1, "ago") and not text.segment_has(unit_at, "started"):
        # "Операція 2 роки тому": when something happened, not how long the complaint
        # lasts; kept (in weeks) to tell whether it was recent.
        weeks = round(q.value * MONTHS[unit] * DAYS_PER_MONTH / 7, 1)
        return NumberReading(AGO, weeks, tuple(sorted({*q.positions, unit_at, unit_at + 1})))
    return NumberReading("duration_months", months, tuple(sorted({*q.positions, unit_at})))


def _episode(text: NumberText, q: Quantity, rules: PhraseRules) -> NumberReading | None:
    unit_at = q.end if q.unit else q.end + 1
    unit = q.unit or next((u for u in ("second", "minute", "hour") if text.kind(unit_at, u)), None)
    if unit not in ("second", "minute", "hour"):
        return None
    if text.kind(q.positions[0] - 1, "within") or text.kind(unit_at + 1, "ago"):
        return None  # "за годину", "годину тому": when, not how long
    if text.segment_has(q.positions[0], "activity"):
        return None  # "14 годин за кермом", "12 hour shifts": a drive or a day's work
    minutes = {"second": 1 / 60, "minute": 1.0, "hour": 60.0}[unit] * q.value
    value = "under_10_min" if minutes < rules.episode_minutes else "over_10_min"
    return NumberReading("episode_duration", value, tuple(sorted({*q.positions, unit_at})))


def in_range(reading: NumberReading, findings: Mapping[str, FindingDef]) -> bool:
    """Whether a number reading is one the finding accepts (never clamped: dropped)."""
    definition = findings.get(reading.finding)
    if definition is None or isinstance(reading.value, str):
        return definition is not None
    low = definition.minimum if definition.minimum is not None else float("-inf")
    high = definition.maximum if definition.maximum is not None else float("inf")
    return low <= reading.value <= high
