"""Laboratory units (``units.yaml``): the units a value may be given in, how each
converts to the vocabulary's unit, and each value's LOINC code."""

from __future__ import annotations

from nightlegs.knowledge import schema
from nightlegs.knowledge.checker import Checker
from nightlegs.knowledge.compiled import UnitConversion


def normalise_unit(unit: str) -> str:
    """A unit as compared: "µmol/L", "umol / l" and "μmol/L" are the same unit."""
    return unit.strip().replace("µ", "u").replace("μ", "u").replace(" ", "").lower()


def units(check: Checker) -> tuple[dict[str, dict[str, UnitConversion]], dict[str, str]]:
    """Per laboratory finding, its accepted units by normalised name; and its LOINC code."""
    items = check.model("units", list[schema.LabUnits], check.files["units"].data) or []
    table: dict[str, dict[str, UnitConversion]] = {}
    loinc: dict[str, str] = {}
    for i, item in enumerate(items):
        if check.findings.get(item.finding, None) is None:
            check.complain("units", (i,), f"unknown finding {item.finding}")
            continue
        check.sources_exist("units", (i,), item.sources)
        if item.loinc is not None:
            loinc[item.finding] = item.loinc
        table[item.finding] = {
            normalise_unit(alias.unit): UnitConversion(alias.unit, alias.factor, alias.offset)
            for alias in item.accepts
        }
    return table, loinc
