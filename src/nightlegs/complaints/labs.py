"""Laboratory values and temperatures: a number a few words after its name.

"феритин 12", "ферритин был 15 нг/мл", "TSH 5.2", "температура 38,5". The unit is taken
when the words after the number spell one the knowledge base accepts for that finding
(``kb/units.yaml``; Cyrillic spellings read through ``rules.yaml`` ``unit_letters``);
without one, the vocabulary's unit is meant. A value outside the finding's range, after
converting its unit, is dropped, never clamped. A temperature makes ``fever`` present from
``rules.yaml`` ``fever_celsius`` up, and says nothing below it (a red flag is never read
as absent).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from nightlegs.complaints.numbers import NumberReading
from nightlegs.complaints.text import Token
from nightlegs.knowledge.compiled import FindingDef, UnitConversion
from nightlegs.knowledge.phrases import PhraseRules
from nightlegs.knowledge.units import normalise_unit

#: A temperature under fever: the word "температура" then says no fever (and denies none).
BELOW = "below"
#: How many words after its name the value may stand ("феритин був 12", "ferritin came back at 19").
REACH = 4
#: What may stand between a name and its value across a part of a sentence.
_LABEL_MARKS = frozenset("/:\u2014\u2013-")
#: How many words a unit may be spelled in ("нг / мл", "mmol/L").
_UNIT_WORDS = 3


def read_lab(
    finding: str,
    name_positions: tuple[int, ...],
    text: str,
    words: Sequence[Token],
    segment: Sequence[int],
    gaps: Sequence[str],
    definitions: Mapping[str, FindingDef],
    units: Mapping[str, Mapping[str, UnitConversion]],
    rules: PhraseRules,
) -> NumberReading | None:
    last = name_positions[-1]
    for position in range(last + 1, min(last + 1 + REACH, len(words))):
        # "B12 — 145", "ферритин: 12": a dash or a colon before the value is its label's.
        if segment[position] != segment[last] and not _LABEL_MARKS.intersection(gaps[position]):
            break
        if words[position].kind != "number":
            continue
        value = words[position].value
        positions = (*name_positions, position)
        definition = definitions.get(finding)
        if definition is not None and definition.type == "boolean":
            said = "present" if value >= rules.fever_celsius else BELOW
            return NumberReading(finding, said, positions)
        accepted = units.get(finding, {})
        if text[words[position].end : words[position].end + 2].strip().startswith("%"):
            unit, unit_end = ("%" if "%" in accepted else None), position
        else:
            unit, unit_end = _unit(position, words, gaps, accepted, rules)
        conversion = units.get(finding, {}).get(normalise_unit(unit)) if unit else None
        converted = value * conversion.factor + conversion.offset if conversion else value
        if definition is None or not _inside(converted, definition):
            return None
        extra = tuple(range(position + 1, unit_end + 1))
        name = conversion.name if conversion else None
        return NumberReading(finding, value, (*positions, *extra), name)
    return None


def _unit(
    position: int,
    words: Sequence[Token],
    gaps: Sequence[str],
    accepted: Mapping[str, UnitConversion],
    rules: PhraseRules,
) -> tuple[str | None, int]:
    """The longest run of words after the number that spells an accepted unit."""
    found: tuple[str | None, int] = (None, position)
    spelled = ""
    for end in range(position + 1, min(position + 1 + _UNIT_WORDS, len(words))):
        if end > position + 1:
            if "/" not in gaps[end]:
                break
            spelled += "/"
        spelled += latin(words[end].norm, rules.unit_letters)
        if normalise_unit(spelled) in accepted:
            found = (spelled, end)
    return found


def latin(word: str, letters: Mapping[str, str]) -> str:
    """A unit typed in Cyrillic in Latin letters: "нг" "ng", "мкмоль" "umol"."""
    for cyrillic in sorted(letters, key=len, reverse=True):
        word = word.replace(cyrillic, letters[cyrillic])
    return word


def _inside(value: float, definition: FindingDef) -> bool:
    low = definition.minimum if definition.minimum is not None else float("-inf")
    high = definition.maximum if definition.maximum is not None else float("inf")
    return low <= value <= high
