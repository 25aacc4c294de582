"""Numbers as people write them (knowledge/numbers.py): what is read, what is refused.

The property tests write any number as people in Ukrainian, Russian and English write it
(Babel's ``format_decimal``, with and without grouping, with the other decimal mark, a
unit after it, a full stop at the end, a minus sign) and read it back to the same value.
"""

# ruff: noqa: RUF001 - Ukrainian and Russian units are meant to contain Cyrillic letters

from __future__ import annotations

import re
import string
from decimal import Decimal

import pytest
from babel.numbers import format_decimal
from hypothesis import given, settings
from hypothesis import strategies as st

from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.numbers import (
    format_value,
    read_number,
    read_quantity,
    unit_key,
)
from tests.fixtures.profiles import examples

LANGUAGES = ("uk", "ru", "en")
SPACES = ("\u0020", "\u00a0", "\u202f", "\u2009")


def numbers() -> st.SearchStrategy[Decimal]:
    """Finite numbers with up to 7 decimals, from -10^12 to 10^12."""
    return st.integers(0, 7).flatmap(
        lambda places: st.decimals(
            min_value=-(10**12), max_value=10**12, places=places, allow_nan=False
        )
    )


def written(value: Decimal, language: str, grouping: bool) -> str:
    return format_decimal(
        value, locale=language, group_separator=grouping, decimal_quantization=False
    )


def english_thousands(text: str) -> bool:
    """English's "1,200": one comma after 1-3 digits (no leading 0) and before three."""
    return re.fullmatch(r"-?[1-9][0-9]{0,2},[0-9]{3}", text) is not None


@settings(max_examples=examples(600))
@given(st.sampled_from(LANGUAGES), numbers(), st.booleans())
def test_a_number_written_as_in_the_language_reads_back(
    language: str, value: Decimal, grouping: bool
) -> None:
    text = written(value, language, grouping)
    assert read_number(text, language) == float(value), text


@settings(max_examples=examples(600))
@given(st.sampled_from(("uk", "ru")), numbers(), st.booleans(), st.sampled_from(SPACES))
def test_ukrainian_and_russian_take_a_point_and_any_space_as_well(
    language: str, value: Decimal, grouping: bool, space: str
) -> None:
    text = written(value, language, grouping).replace(",", ".").replace("\u00a0", space)
    assert read_number(text, language) == float(value), text


@settings(max_examples=examples(600))
@given(numbers())
def test_english_takes_a_decimal_comma_unless_it_reads_as_thousands(value: Decimal) -> None:
    text = written(value, "en", False).replace(".", ",")
    if english_thousands(text):
        # "1,234" on an English page is 1234: the documented reading, never 1.234.
        whole, _, thousands = text.partition(",")
        sign = -1 if whole.startswith("-") else 1
        expected = sign * (abs(int(whole)) * 1000 + int(thousands))
        assert read_number(text, "en") == expected, text
    else:
        assert read_number(text, "en") == float(value), text


@settings(max_examples=examples(600))
@given(
    st.sampled_from(LANGUAGES),
    numbers(),
    st.booleans(),
    st.sampled_from(("", " ", "\u00a0")),
    st.booleans(),
    st.data(),
)
def test_a_unit_after_the_number_is_read_and_named(
    kb: KnowledgeBase,
    language: str,
    value: Decimal,
    grouping: bool,
    gap: str,
    full_stop: bool,
    data: st.DataObject,
) -> None:
    unit = data.draw(st.sampled_from(sorted(kb.unit_labels)))
    label = kb.unit_labels[unit]
    spelling = data.draw(st.sampled_from([unit, label.uk, label.ru, label.en]))
    text = written(value, language, grouping).replace("-", "\u2212") + gap + spelling
    reading = read_quantity(text + ("." if full_stop else ""), language)
    assert reading is not None, text
    assert reading.value == float(value), text
    assert reading.unit == spelling
    assert kb.unit_spellings[unit_key(reading.unit)] == unit


@pytest.mark.parametrize(
    ("typed", "unit"),
    [
        ("мкг/л", "ug/L"),
        ("µg/L", "ug/L"),
        ("μg/l", "ug/L"),
        ("ug/l", "ug/L"),
        ("mcg/L", "ug/L"),
        ("нг/мл", "ng/mL"),
        ("ng/ml", "ng/mL"),
        ("ммоль/л", "mmol/L"),
        ("MMOL/L", "mmol/L"),
        ("мкмоль/л", "umol/L"),
        ("мг/дл", "mg/dL"),
        ("мг%", "mg/dL"),
        ("г/л", "g/L"),
        ("г/дл", "g/dL"),
        ("пг/мл", "pg/mL"),
        ("пмоль/л", "pmol/L"),
        ("мМЕ/л", "mIU/L"),
        ("мМО/л", "mIU/L"),
        ("мкМЕ/мл", "uIU/mL"),
        ("мЕд/л", "mU/L"),
        ("мекв/л", "mEq/L"),
        ("мэкв/л", "mEq/L"),
        ("ммоль/моль", "mmol/mol"),
        ("мл/хв/1,73 м²", "mL/min/1.73m2"),
        ("mL/min/1.73m²", "mL/min/1.73m2"),
        ("%", "%"),
        ("мкг/л.", "ug/L"),
    ],
)
def test_unit_spellings_name_their_unit(kb: KnowledgeBase, typed: str, unit: str) -> None:
    assert kb.unit_spellings[unit_key(typed)] == unit


def test_every_unit_is_written_in_every_language_and_no_spelling_is_shared(
    kb: KnowledgeBase,
) -> None:
    accepted = {c.name for table in kb.units.values() for c in table.values()}
    assert accepted <= set(kb.unit_labels)
    cyrillic = re.compile("[\u0400-\u04ff]")
    for unit, label in kb.unit_labels.items():
        latin = any(char in string.ascii_letters for char in label.en)
        if latin:  # "мкг/л", not "ug/L", on Ukrainian and Russian pages
            assert cyrillic.search(label.uk), unit
            assert cyrillic.search(label.ru), unit
    assert kb.unit_labels["ug/L"].en == "µg/L"


@pytest.mark.parametrize(
    ("text", "language", "value"),
    [
        ("18,5", "uk", 18.5),
        ("18.5", "uk", 18.5),
        ("18,5", "en", 18.5),
        ("1 200", "uk", 1200),
        ("1\u00a0200,5", "ru", 1200.5),
        ("\u22124,5", "uk", -4.5),
        ("18,5.", "uk", 18.5),
        (",5", "uk", 0.5),
        ("1.234,5", "en", 1234.5),
        ("1,234.5", "uk", 1234.5),
        ("1.234.567", "ru", 1234567),
        # The ambiguity, decided by the page's language: a comma before three digits.
        ("1,200", "uk", 1.2),
        ("1,200", "ru", 1.2),
        ("1.200", "uk", 1.2),
        ("1,200", "en", 1200),
        ("1.200", "en", 1.2),
        ("0,123", "en", 0.123),
        ("12,34", "en", 12.34),
        ("1234,567", "en", 1234.567),
        ("1 234,567", "en", 1234.567),
        ("\uff15,\uff15", "uk", 5.5),
    ],
)
def test_the_rules_as_written(text: str, language: str, value: float) -> None:
    assert read_number(text, language) == value


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "abc",
        "inf",
        "nan",
        "Infinity",
        "1e3",
        "½",
        "12 5",
        "1 23",
        "4 5 6",
        "5,",
        "5..",
        "..5",
        "1.2.3",
        "1,2,3",
        "1,234,5",
        "1.234,567.8",
        "1 234.567.890",
        "1'200",
        "3-4",
        "+-5",
        "four",
        "п'ять",
        "1" * 101,
    ],
)
def test_what_is_not_a_number_is_refused(text: str) -> None:
    for language in LANGUAGES:
        assert read_number(text, language) is None, (text, language)


@settings(max_examples=examples(800))
@given(st.text(alphabet="0123456789.,- \u00a0\u2212+eE%/абвxyz", max_size=14), st.data())
def test_nothing_is_guessed(text: str, data: st.DataObject) -> None:
    """A text is a number only when it is made of a number's characters, and then its
    digits are the number's digits, in order, none added or dropped."""
    language = data.draw(st.sampled_from(LANGUAGES))
    value = read_number(text, language)
    if value is None:
        return
    body = text.strip().removesuffix(".")
    assert set(body) <= set("0123456789.,- \u00a0\u2212+"), text
    typed = re.sub(r"\D", "", body).lstrip("0")
    read = re.sub(r"\D", "", f"{Decimal(repr(abs(value))):f}").lstrip("0").rstrip("0")
    assert typed.rstrip("0") == read, (text, value)


@pytest.mark.parametrize(
    ("value", "language", "text"),
    [
        (18.5, "uk", "18,5"),
        (18.5, "ru", "18,5"),
        (18.5, "en", "18.5"),
        (1200.0, "uk", "1200"),
        (-0.0, "uk", "0"),
        (0.1 + 0.2, "en", "0.3"),
        (1e-7, "en", "0.0000001"),
        (1e21, "en", "1000000000000000000000"),
        (1234565.0, "en", "1234570"),
        (544.644, "uk", "544,644"),
    ],
)
def test_a_value_is_written_back_with_the_pages_decimal_mark(
    value: float, language: str, text: str
) -> None:
    assert format_value(value, language) == text


@settings(max_examples=examples(400))
@given(st.sampled_from(LANGUAGES), numbers())
def test_what_is_written_back_reads_back(language: str, value: Decimal) -> None:
    shown = format_value(float(value), language, digits=17)
    assert read_number(shown, language) == float(value), shown
