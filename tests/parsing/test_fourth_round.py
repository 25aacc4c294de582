"""The fourth round of the parser (docs/parsing.md, "The fourth round"): what the blind
set's tuning half still missed, each written here in other words than the set's own."""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

from collections.abc import Callable

import pytest

from nightlegs.complaints import Parser
from tests.parsing.conftest import Pairs

Read = Callable[..., Pairs]


@pytest.mark.parametrize(
    ("text", "language", "finding"),
    [
        # An urgent sign whose subject is named once and its signs listed over commas.
        (
            "годину тому раптом заболіла права нога, ступня й гомілка бліді, холодні на дотик",
            "uk",
            "acute_cold_painful_leg",
        ),
        (
            "вдруг схватило правую ногу, стопа и пальцы синюшные, ледяные, ничего не чувствую",
            "ru",
            "acute_cold_painful_leg",
        ),
        (
            "права литка за два дні роздулася, гаряча, тверда, болить коли притиснеш",
            "uk",
            "calf_tenderness_one_leg",
        ),
        ("my right calf is way fatter than the left one", "en", "one_leg_swollen"),
        ("еле двигаю ногой, она как чужая", "ru", "leg_weakness"),
        ("не можу поворушити стопою", "uk", "leg_weakness"),
        ("I can't move my foot properly since this morning", "en", "leg_weakness"),
        (
            "в интимном плане ничего не получается, поясницу ломит",
            "ru",
            CAUDA := "cauda_equina_sexual_dysfunction",
        ),
        ("з чоловіком в ліжку нічого не виходить, спина болить", "uk", CAUDA),
    ],
)
def test_urgent_signs_in_long_sentences(
    pairs: Read, text: str, language: str, finding: str
) -> None:
    assert (finding, "present") in pairs(text, language)


def test_a_word_of_the_phrases_is_not_a_typo_of_its_neighbour(reader: Parser) -> None:
    """ "fatter" was corrected to "father", so "my calf got fatter" became the father's."""
    assert reader.morphology.correct("fatter") is None
    assert reader.morphology.correct("swolen") == "swollen"  # a real typo still is


@pytest.mark.parametrize(
    ("text", "language", "not_read"),
    [
        ("летом жара, ноги сводит по ночам", "ru", "fever"),
        ("спека і жара, ноги гудуть", "uk", "fever"),
        ("the dose was bumped up twice", "en", "after_injury"),
        (
            "numb feet, started in the toes and creeping up to the ankles",
            "en",
            "unpleasant_sensations",
        ),
        (
            "numb feet, started in the toes and creeping up to the ankles",
            "en",
            "sudden_muscle_contraction",
        ),
        ("ankles puff up by evening, feet up on the sofa helps", "en", "worse_at_rest"),
    ],
)
def test_readings_it_no_longer_makes(pairs: Read, text: str, language: str, not_read: str) -> None:
    assert not_read not in dict(pairs(text, language))


@pytest.mark.parametrize(
    ("text", "language", "pair"),
    [
        ("у меня жар и нога красная", "ru", ("fever", "present")),
        ("I banged my shin on the car door", "en", ("after_injury", "present")),
        (
            "numb feet, started in the toes and creeping up",
            "en",
            ("stocking_distribution", "present"),
        ),
        ("creepy crawly feeling in my calves at night", "en", ("unpleasant_sensations", "present")),
        ("у дружини ноги крутить", "uk", None),
    ],
)
def test_what_it_still_reads(
    pairs: Read, text: str, language: str, pair: tuple[str, str] | None
) -> None:
    found = pairs(text, language)
    if pair is None:  # a wife's complaint is still hers
        assert not found, found
    else:
        assert pair in found, found
