"""Medicines added in the seventh round (docs/parsing.md, "The seventh round, the fourth and fifth
blind set"), each tried in other words than the blind set's own strings."""

from __future__ import annotations

import pytest

from nightlegs.medicines import Table, read_list


@pytest.mark.parametrize(
    ("text", "language", "inns", "findings"),
    [
        ("дигоксин пів таблетки через день", "uk", ["digoxin"], []),
        (
            "Релвар 184/22 один вдих зранку",
            "uk",
            ["fluticasone + vilanterol"],
            ["med_long_acting_beta_agonist"],
        ),
        ("relvar ellipta", "en", ["fluticasone + vilanterol"], ["med_long_acting_beta_agonist"]),
        (
            "Бі-Престаріум 5/5",
            "uk",
            ["perindopril + amlodipine"],
            ["med_ace_inhibitor_or_arb", "med_calcium_channel_blocker"],
        ),
        ("престариум 5", "ru", ["perindopril"], ["med_ace_inhibitor_or_arb"]),
        (
            "hctz 12.5 and metoprolol",
            "en",
            ["hydrochlorothiazide", "metoprolol"],
            ["med_thiazide_diuretic"],
        ),
        (
            "co-amilozide",
            "en",
            ["amiloride + hydrochlorothiazide"],
            ["med_potassium_sparing_diuretic", "med_thiazide_diuretic"],
        ),
        ("колхікум під час нападу", "uk", ["colchicine"], []),
        ("фолієва кислота 5 мг", "uk", ["folic acid"], []),
        ("Эндоксан", "ru", ["cyclophosphamide"], []),
        ("levoxyl 100 mcg", "en", ["levothyroxine"], []),
    ],
)
def test_a_medicine_of_the_seventh_round_is_read(
    table: Table, text: str, language: str, inns: list[str], findings: list[str]
) -> None:
    found = read_list(table, text, language).medicines  # type: ignore[arg-type]
    assert [m.inn for m in found] == inns
    assert sorted({f for m in found for f in m.findings}) == findings


def test_the_inhaler_s_device_name_is_not_left_over(table: Table) -> None:
    assert read_list(table, "Релвар Еліпта 92/22", "uk").unrecognised == []
