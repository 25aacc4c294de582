"""One skeleton for the ways a name is written: uk, ru, Latin, transliterated."""

# ruff: noqa: RUF001 - Cyrillic spellings are meant

from __future__ import annotations

import re

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from nightlegs.medicines.spelling import fold, joined, skeleton


@pytest.mark.parametrize(
    "spellings",
    [
        ("Гідрохлортіазид", "гидрохлортиазид"),
        ("фуросемід", "Фуросемид", "furosemid", "FUROSEMID"),
        ("Церукал", "Cerucal", "tserukal"),
        ("Гептрал", "Heptral"),
        ("Мільгама", "Мильгамма", "Milgamma"),
        ("Флебодія", "Phlebodia"),
        ("Эутирокс", "Еутирокс", "Euthyrox"),
        ("Ксарелто", "Xarelto"),
        ("Лірика", "Lyrica", "Лирика"),
        ("кветіапін", "кветиапин", "kvetiapin"),
        ("Гізаар", "Hyzaar"),
        ("Янумет", "Janumet"),
        ("пʼю", "п'ю", "п’ю"),
        ("Нолiпрел", "Ноліпрел", "Нолипрел"),  # a Latin i typed inside Cyrillic
    ],
)
def test_spellings_of_one_name_share_a_skeleton(spellings: tuple[str, ...]) -> None:
    assert len({skeleton(s) for s in spellings}) == 1, [skeleton(s) for s in spellings]


@pytest.mark.parametrize(
    ("a", "b"), [("лозап", "лазолван"), ("магнікор", "магнікум"), ("Енап", "Енам")]
)
def test_different_names_keep_different_skeletons(a: str, b: str) -> None:
    assert skeleton(a) != skeleton(b)


@given(st.text())
@example("\U0001d4d0")  # a mathematical script A: its lower case only after NFKD (found by CI)
@example("\u0131")  # a dotless i: its upper case is a plain "I"
def test_a_skeleton_is_plain_letters_and_digits_without_doubles(text: str) -> None:
    result = skeleton(text)
    assert re.fullmatch(r"[a-z0-9#]*", result)
    assert not re.search(r"(.)\1", result)
    # Case alone never changes a skeleton. Letters whose upper case is another letter
    # (a dotless i to "I", "ß" to "SS", a final sigma to a capital one) change more than case.
    if text.upper().casefold() == text.casefold():
        assert skeleton(text.upper()) == result


def test_joined_words_are_one_skeleton_at_the_seam() -> None:
    assert joined([skeleton("Лозап"), skeleton("плюс")]) == joined([skeleton("лозапплюс")])
    assert fold("Ещё") == "еще"
