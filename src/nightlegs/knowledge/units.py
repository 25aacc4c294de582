"""Laboratory units (``units.yaml``): what each unit is called in each language and how
people type it, the units each finding accepts, how each converts to the vocabulary's
unit, the values plausible in it, and each value's LOINC code."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from nightlegs.knowledge import schema
from nightlegs.knowledge.checker import Checker
from nightlegs.knowledge.compiled import KnowledgeBase, UnitConversion
from nightlegs.knowledge.numbers import unit_key

#: A unit as compared ("µmol/L", "umol / l" and "μmol/L" are the same unit).
normalise_unit = unit_key


@dataclass(frozen=True, slots=True)
class UnitTables:
    """``units.yaml`` compiled: per finding its accepted units by :func:`unit_key`, its
    LOINC code; every unit's label, and every spelling's unit id."""

    conversions: dict[str, dict[str, UnitConversion]] = field(default_factory=dict)
    loinc: dict[str, str] = field(default_factory=dict)
    labels: dict[str, schema.LText] = field(default_factory=dict)
    spellings: dict[str, str] = field(default_factory=dict)


def units(check: Checker) -> UnitTables:
    """The unit tables of ``units.yaml``, with an issue for whatever does not add up."""
    data = check.model("units", schema.Units, check.files["units"].data)
    if data is None:
        return UnitTables()
    tables = UnitTables(labels={unit: name.label for unit, name in data.units.items()})
    for unit, name in data.units.items():
        for spelling in (unit, *name.label.model_dump().values(), *name.spellings):
            key = unit_key(spelling)
            other = tables.spellings.setdefault(key, unit)
            if other != unit:
                check.complain("units", ("units", unit), f"'{spelling}' also spells {other}")
    for i, item in enumerate(data.findings):
        path = ("findings", i)
        if check.findings.get(item.finding, None) is None:
            check.complain("units", path, f"unknown finding {item.finding}")
            continue
        check.sources_exist("units", path, item.sources)
        if item.loinc is not None:
            tables.loinc[item.finding] = item.loinc
        table: dict[str, UnitConversion] = {}
        for j, alias in enumerate(item.accepts):
            if alias.unit not in data.units:
                check.complain("units", (*path, "accepts", j), f"unknown unit {alias.unit}")
            if alias.plausible is not None and not alias.plausible[0] < alias.plausible[1]:
                check.complain("units", (*path, "accepts", j), "plausible needs low < high")
            conversion = UnitConversion(alias.unit, alias.factor, alias.offset, alias.plausible)
            table[unit_key(alias.unit)] = conversion
        tables.conversions[item.finding] = table
    return tables


def conversion_for(kb: KnowledgeBase, finding: str, unit: str) -> UnitConversion | None:
    """The accepted unit of ``finding`` that ``unit`` names, in any of its spellings."""
    table = kb.units.get(finding) or {}
    key = unit_key(unit)
    if key in table:
        return table[key]
    named = kb.unit_spellings.get(key)
    return table.get(unit_key(named)) if named is not None else None


def typed_unit(kb: KnowledgeBase, finding: str, text: str) -> str | None:
    """The unit id typed after a number ("нг/мл" is ng/mL); "" for a finding without
    laboratory units when the text is its question's own unit words ("45 років"); None
    when the finding does not take it."""
    if kb.units.get(finding):
        conversion = conversion_for(kb, finding, text)
        return conversion.name if conversion else None
    item = kb.items.get(finding)
    words = item.unit_label.model_dump().values() if item and item.unit_label else ()
    return "" if unit_key(text) in {unit_key(word) for word in words} else None


def unit_label(kb: KnowledgeBase, unit: str, language: str) -> str:
    """How ``unit`` (an id or any spelling) is written in ``language`` ("мкг/л")."""
    named = kb.unit_spellings.get(unit_key(unit), unit)
    label = kb.unit_labels.get(named)
    return label.get(language) if label is not None else unit


def base_unit(kb: KnowledgeBase, finding: str) -> UnitConversion | None:
    """The unit the vocabulary stores ``finding`` in (the first accepted), if it has units."""
    return next(iter((kb.units.get(finding) or {}).values()), None)


def in_range(kb: KnowledgeBase, finding: str, value: float, unit: str | None) -> bool:
    """Whether ``value`` in ``unit`` (None: the vocabulary's) is inside the finding's range."""
    definition = kb.findings[finding]
    conversion = conversion_for(kb, finding, unit) if unit is not None else None
    if unit is not None and conversion is None:
        return False
    stored = value * conversion.factor + conversion.offset if conversion else value
    low = definition.minimum if definition.minimum is not None else -math.inf
    high = definition.maximum if definition.maximum is not None else math.inf
    return low <= stored <= high


def likely_meant(kb: KnowledgeBase, finding: str, value: float, unit: str | None) -> list[Meant]:
    """What a person who typed ``value`` in ``unit`` more likely meant, when the value is
    implausible in that unit (``plausible`` in units.yaml); empty when it is plausible,
    has no plausible range, or nothing else is plausible either.

    Two slips are considered: the decimal mark lost ("34" for 3,4; "1850" for 185 or
    18,5: the two nearest plausible readings), and another unit the finding accepts
    (13,5 typed with g/L, read as g/dL).
    Each comes once, in the order given, inside the finding's range.
    """
    typed = conversion_for(kb, finding, unit) if unit is not None else base_unit(kb, finding)
    if typed is None or typed.plausible is None or _plausible(typed, value):
        return []
    found: list[Meant] = []
    if value > typed.plausible[1]:
        exact = Decimal(repr(value))
        shifted = [Meant(float(exact.scaleb(-shift)), typed.name) for shift in (1, 2, 3)]
        # The two nearest readings that are plausible: "1850" is 185 or 18,5, not 1,85.
        found += [m for m in shifted if _plausible(typed, m.value)][:2]
    others = (c for c in (kb.units.get(finding) or {}).values() if c.name != typed.name)
    found += [Meant(value, other.name) for other in others]
    meant: dict[float, Meant] = {}
    for candidate in found:
        conversion = conversion_for(kb, finding, candidate.unit)
        assert conversion is not None
        stored = round(candidate.value * conversion.factor + conversion.offset, 9)
        if _plausible(conversion, candidate.value) and in_range(
            kb, finding, candidate.value, candidate.unit
        ):
            meant.setdefault(stored, candidate)
    return list(meant.values())


@dataclass(frozen=True, slots=True)
class Meant:
    """A value a person may have meant, in one of the finding's units (its id)."""

    value: float
    unit: str


def _plausible(conversion: UnitConversion, value: float) -> bool:
    if conversion.plausible is None:
        return True
    low, high = conversion.plausible
    return low <= value <= high
