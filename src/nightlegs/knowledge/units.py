"""Laboratory units (``units.yaml``): what each unit is called in each language and how
people type it, the units each finding accepts, how each converts to the vocabulary's
unit, the values plausible in it, and each value's LOINC code."""

from __future__ import annotations

from dataclasses import dataclass, field

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


def unit_label(kb: KnowledgeBase, unit: str, language: str) -> str:
    """How ``unit`` (an id or any spelling) is written in ``language`` ("мкг/л")."""
    named = kb.unit_spellings.get(unit_key(unit), unit)
    label = kb.unit_labels.get(named)
    return label.get(language) if label is not None else unit


def base_unit(kb: KnowledgeBase, finding: str) -> UnitConversion | None:
    """The unit the vocabulary stores ``finding`` in (the first accepted), if it has units."""
    return next(iter((kb.units.get(finding) or {}).values()), None)
