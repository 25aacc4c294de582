"""A number item of a question: read as people type it, shown with its unit in the page's
language, read back, and asked about when the value is implausible for its unit.

The reading rules are :mod:`nightlegs.knowledge.numbers` (the same in the API's unit
table, the diary and the terminal; ``static/js/numbers.js`` reads the same way for the
read-back as the person types). The form sends the number under the finding's id, the
unit list's choice under ``{finding}__unit``, the page's language under
``{finding}__lang`` (it decides what "1,200" means) and, once the page has asked which
value was meant, the choice under ``{finding}__confirm``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

from nightlegs.engine import Answer, KnowledgeBase, Question, Value
from nightlegs.engine.models import QuestionItem as Item
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge.numbers import format_value, read_number, read_quantity, unit_key
from nightlegs.knowledge.units import (
    Meant,
    base_unit,
    conversion_for,
    in_range,
    likely_meant,
    typed_unit,
    unit_label,
)
from nightlegs.pages.views import Option

Problem = Literal["missing", "number", "range", "unit", "choice", "contradiction", "implausible"]

LANGUAGE_SUFFIX = "__lang"
CONFIRM_SUFFIX = "__confirm"

RANGE_MESSAGE = N_("Please enter a number from %(low)s to %(high)s.")
LAB_HINT = N_("The number on your results form, for example %(example)s.")
MEANT_ONE = N_("You entered %(typed)s. Did you mean %(meant)s?")
MEANT_MANY = N_("You entered %(typed)s. Which did you mean?")
AS_TYPED = N_("%(value)s: yes, this is right")
CONVERTED = N_("%(value)s (that is %(converted)s)")
CORRECT_IT = N_("Choose one, or correct the number above.")

#: The example of the laboratory hint: a format, not a value to copy ("4,5" or "4.5").
EXAMPLE = 4.5


@dataclass(frozen=True, slots=True)
class Raw:
    """What the form said about one item, to show it again."""

    value: str = ""
    unit: str | None = None
    unknown: bool = False
    #: The value was implausible for its unit: the page asks which value was meant.
    asked: bool = False


@dataclass(frozen=True, slots=True)
class Confirmation:
    """The question about an implausible value ("You entered 34 mmol/L. Did you mean
    3,4 mmol/L?") and its answers (sent as ``{finding}__confirm``)."""

    text: str
    options: list[Option]
    note: str


@dataclass(frozen=True, slots=True)
class Readback:
    """For the read-back as the person types ("You entered: ferritin 18,5 µg/L"): the
    item as named in a sentence, what stands between it and the number, the unit shown
    when there is no list, and every spelling of the item's units with the label to
    read back (JSON, ``{unit_key: label}``; "" for the item's own unit words)."""

    label: str
    separator: str
    unit: str
    spellings: str


@dataclass(frozen=True, slots=True)
class NumberParts:
    """What the number item's template shows besides the label and the error."""

    units: list[Option]
    unit_label: str | None
    hint: str | None
    #: The number as the field shows it (the page's decimal mark), and that language.
    value: str = ""
    language: str = "uk"
    confirm: Confirmation | None = None
    readback: Readback | None = None


def read(
    kb: KnowledgeBase,
    finding: str,
    value: str,
    unit: str | None,
    form: Mapping[str, Sequence[str]] | None = None,
) -> tuple[Answer | None, Problem | None]:
    """The answer a typed number gives ``finding``, or the problem with it.

    A unit typed after the number wins over the unit list. A value implausible for its
    unit, when something else is likely meant, is an "implausible" problem until the
    form confirms one of :func:`options`.
    """
    form = form or {}
    reading = read_quantity(value, _first(form, finding + LANGUAGE_SUFFIX))
    if reading is None:
        return None, "number"
    table = kb.units.get(finding)
    if reading.unit:
        typed = typed_unit(kb, finding, reading.unit)
        if typed is None:
            return None, "unit" if table else "number"
        unit = typed or unit
    if table and unit is not None:
        conversion = conversion_for(kb, finding, unit)
        if conversion is None:
            return None, "unit"
        unit = conversion.name
    unit = unit if table else None
    choices = options(kb, finding, reading.value, unit)
    if choices:
        confirmed = _first(form, finding + CONFIRM_SUFFIX)
        for choice in choices:
            if option_key(choice) == confirmed:
                return Answer(finding, choice.value, choice.unit), None
        return None, "implausible"
    if not in_range(kb, finding, reading.value, unit):
        return None, "range"
    return Answer(finding, reading.value, unit), None


def options(kb: KnowledgeBase, finding: str, value: float, unit: str | None) -> list[Meant]:
    """What the page offers for an implausible value: the likely meant values, then the
    value as typed when it is possible at all; empty when the value is plausible."""
    meant = likely_meant(kb, finding, value, unit)
    if not meant:
        return []
    typed = unit or (base.name if (base := base_unit(kb, finding)) else None)
    if typed is not None and in_range(kb, finding, value, typed):
        meant.append(Meant(value, typed))
    return meant


def option_key(meant: Meant) -> str:
    """The form value of one answer to "which did you mean?" (exact, in any language)."""
    return f"{meant.value!r} {meant.unit}"


def _first(form: Mapping[str, Sequence[str]], name: str) -> str | None:
    return next((value.strip() for value in form.get(name, ()) if value.strip()), None)


def parts(kb: KnowledgeBase, item: Item, given: Raw, t: Translator) -> NumberParts:
    """A number with its unit (a list when the knowledge base converts units), or its
    plain range as a hint; with the question about an implausible value once asked."""
    language = t.language
    conversions = list((kb.units.get(item.finding) or {}).values())
    chosen = conversion_for(kb, item.finding, given.unit) if given.unit else None
    selected = chosen.name if chosen else (conversions[0].name if conversions else None)
    units = [
        Option(c.name, unit_label(kb, c.name, language), c.name == selected) for c in conversions
    ]
    if conversions:
        hint = t(LAB_HINT, example=format_value(EXAMPLE, language))
    elif item.min is not None and item.max is not None:
        hint = t(
            RANGE_MESSAGE,
            low=format_value(item.min, language),
            high=format_value(item.max, language),
        )
    else:
        hint = None
    number = read_number(given.value, language)
    shown = format_value(number, language) if number is not None else given.value
    fixed = None if conversions else item.unit_label
    return NumberParts(
        units=units,
        unit_label=fixed,
        hint=hint,
        value=given.value if given.asked else shown,
        language=language,
        confirm=_confirmation(kb, item, given, t) if given.asked else None,
        readback=_readback(kb, item, fixed, language),
    )


def _confirmation(kb: KnowledgeBase, item: Item, given: Raw, t: Translator) -> Confirmation | None:
    """The question "did you mean ...?" about the value typed, with its answers."""
    language = t.language
    reading = read_quantity(given.value, language)
    if reading is None:
        return None
    unit = given.unit
    if reading.unit:
        unit = typed_unit(kb, item.finding, reading.unit) or unit
    conversion = conversion_for(kb, item.finding, unit) if unit else base_unit(kb, item.finding)
    if conversion is None:
        return None
    choices = options(kb, item.finding, reading.value, conversion.name)
    if not choices:
        return None
    typed = _quantity(kb, reading.value, conversion.name, language)
    offered = []
    for choice in choices:
        label = _quantity(kb, choice.value, choice.unit, language)
        if choice.unit != conversion.name:
            stored = _convert(kb, item.finding, choice, conversion.name)
            label = t(
                CONVERTED, value=label, converted=_quantity(kb, stored, conversion.name, language)
            )
        elif choice.value == reading.value:
            label = t(AS_TYPED, value=label)
        offered.append(Option(option_key(choice), label, False))
    meant = [c for c in choices if not (c.value == reading.value and c.unit == conversion.name)]
    if len(meant) == 1:
        text = t(MEANT_ONE, typed=typed, meant=offered[0].label)
    else:
        text = t(MEANT_MANY, typed=typed)
    return Confirmation(text, offered, t(CORRECT_IT))


def _convert(kb: KnowledgeBase, finding: str, meant: Meant, unit: str) -> float:
    """``meant`` in another of the finding's units."""
    source, target = conversion_for(kb, finding, meant.unit), conversion_for(kb, finding, unit)
    assert source is not None
    assert target is not None
    stored = meant.value * source.factor + source.offset
    return (stored - target.offset) / target.factor


def _quantity(kb: KnowledgeBase, value: float, unit: str, language: str) -> str:
    return f"{format_value(value, language)} {unit_label(kb, unit, language)}"


def _readback(kb: KnowledgeBase, item: Item, fixed: str | None, language: str) -> Readback:
    """What the read-back as the person types needs (numbers.js)."""
    accepted = {c.name for c in (kb.units.get(item.finding) or {}).values()}
    spellings = {
        key: unit_label(kb, unit, language)
        for key, unit in kb.unit_spellings.items()
        if unit in accepted
    }
    source = kb.items.get(item.finding)
    if source is not None and source.unit_label is not None and not accepted:
        spellings.update(dict.fromkeys(map(unit_key, source.unit_label.model_dump().values()), ""))
    unit = fixed if fixed and _invariant(fixed) else ""
    return Readback(
        label=lower_first(item.label),
        separator=" " if accepted else ": ",
        unit=unit,
        spellings=json.dumps(spellings, ensure_ascii=False, sort_keys=True),
    )


def _invariant(unit: str) -> bool:
    """A unit that reads the same after any number ("з 10", "%"), unlike "років"."""
    return any(char.isdigit() for char in unit) or not any(char.isalpha() for char in unit)


def lower_first(label: str) -> str:
    """A label as it reads inside a sentence: "Феритин" -> "феритин"; names written with
    capitals inside ("HbA1c", "ТТГ", "TSH") stay as they are."""
    first = label.split(" ", 1)[0]
    if len(first) > 1 and first[1:] == first[1:].lower():
        return label[0].lower() + label[1:]
    return label


def read_back(
    kb: KnowledgeBase, question: Question, values: Mapping[str, Value], t: Translator
) -> list[str]:
    """What the person entered for the number items of ``question``, as they should read
    it back in the page's language, one line per item answered with a number:
    "феритин 18,5 мкг/л" (a laboratory value, in the vocabulary's unit, which is what
    is stored), "вік: 45", "сила відчуттів, 0-10: 7 з 10"."""
    language = t.language
    lines = []
    for item in question.items:
        if item.choices is not None:
            continue
        value = values.get(item.finding)
        if not isinstance(value, float | int) or isinstance(value, bool):
            continue
        number = format_value(float(value), language)
        base = base_unit(kb, item.finding)
        if base is not None:
            lines.append(
                f"{lower_first(item.label)} {number} {unit_label(kb, base.name, language)}"
            )
            continue
        unit = item.unit_label if item.unit_label and _invariant(item.unit_label) else None
        lines.append(f"{lower_first(item.label)}: {number}" + (f" {unit}" if unit else ""))
    return lines


def range_message(kb: KnowledgeBase, finding: str, t: Translator) -> str | None:
    """The finding's range in the page's words and decimal mark, a laboratory value's
    with its unit ("Введіть число від 0,1 до 5 ммоль/л."); None when it has none."""
    definition = kb.findings[finding]
    if definition.minimum is None or definition.maximum is None:
        return None
    language = t.language
    high = format_value(definition.maximum, language)
    base = base_unit(kb, finding)
    if base is not None:
        high = f"{high} {unit_label(kb, base.name, language)}"
    return t(RANGE_MESSAGE, low=format_value(definition.minimum, language), high=high)


def plain_number(value: float) -> str:
    """A number as the form sends it back when it is shown again ("54", "4.5"); shown in
    the page's language by :func:`parts`."""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
