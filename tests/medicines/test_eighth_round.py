"""The eighth round of the medicine names (docs/parsing.md, "Medicines said not to be
taken, and the second blind medicine strings"), each tried in other words than the blind
strings' own."""

# ruff: noqa: RUF001 - Ukrainian and Russian text is meant to contain Cyrillic letters

from __future__ import annotations

import pytest

from nightlegs.complaints.medicine_list import taken_list
from nightlegs.languages import Language
from nightlegs.medicines import Table, read_list


@pytest.mark.parametrize(
    ("text", "language", "inns", "findings"),
    [
        ("проноран по 50 тричі", "uk", ["piribedil"], ["med_dopamine_agonist"]),
        ("Трифас 5 мг утром", "ru", ["torasemide"], ["med_loop_diuretic"]),
        ("burinex 1mg in the morning", "en", ["bumetanide"], ["med_loop_diuretic"]),
        ("Sando K twice a day", "en", ["potassium"], ["med_potassium_supplement"]),
        ("ezetrol 10", "en", ["ezetimibe"], []),
        ("Депакин хроно 300", "ru", ["valproic acid"], []),
        ("ламіктал 50", "uk", ["lamotrigine"], []),
        ("ксалатан в очі", "uk", ["latanoprost"], []),
        ("амоксиклав 875 на 7 днів", "uk", ["amoxicillin + clavulanic acid"], []),
        (
            "терафлю на ніч від застуди",
            "uk",
            ["paracetamol + pheniramine + phenylephrine"],
            ["med_sedating_antihistamine"],
        ),
        ("цитрамон від голови", "uk", ["acetylsalicylic acid + paracetamol + caffeine"], []),
        (
            "anoro ellipta one puff",
            "en",
            ["umeclidinium + vilanterol"],
            ["med_long_acting_beta_agonist"],
        ),
        ("вітамін С 1000", "uk", ["ascorbic acid"], []),
        ("Магнелис В6 2 таблетки", "ru", ["magnesium"], ["med_magnesium_supplement"]),
        ("кселода", "ru", ["capecitabine"], []),
        ("fosamax weekly", "en", ["alendronic acid"], []),
    ],
)
def test_medicines_added_in_the_eighth_round(
    table: Table, text: str, language: Language, inns: list[str], findings: list[str]
) -> None:
    found = read_list(table, text, language).medicines
    assert [m.inn for m in found] == inns
    assert sorted({f for m in found for f in m.findings}) == findings


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("vitamins and a blue inhaler", "en"),
        ("вітаміни різні", "uk"),
    ],
)
def test_vitamins_in_general_are_no_medicine(table: Table, text: str, language: Language) -> None:
    assert read_list(table, text, language).medicines == []


@pytest.mark.parametrize(
    ("text", "language", "taken", "named"),
    [
        ("Конкор 5, кинула пити аторис", "uk", ["bisoprolol"], ["bisoprolol", "atorvastatin"]),
        ("Лізиноприл. Ксарелто відмінили минулого тижня", "uk", ["lisinopril"], None),
        ("бросила пить флуоксетин, сейчас Паксил", "ru", ["paroxetine"], None),
        ("finished capecitabine in May, now only letrozole", "en", [], None),
        ("stopped my atorvastatin, now only ezetimibe", "en", ["ezetimibe"], None),
        ("раніше пила Корвалол", "uk", [], None),
    ],
)
def test_a_list_leaves_out_what_it_says_is_not_taken_now(
    table: Table, text: str, language: Language, taken: list[str], named: list[str] | None
) -> None:
    assert [m.inn for m in taken_list(table, text, language).medicines] == taken
    if named is not None:  # the names themselves are still found
        assert sorted(m.inn for m in read_list(table, text, language).medicines) == sorted(named)
