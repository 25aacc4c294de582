"""Numbers as people write them, read one way everywhere (pages, diary, terminal).

The rules (``static/js/numbers.js`` reads the same way, for the read-back as the
person types; the server stays the authority):

- The text may end with one full stop ("18,5.") and may start with a sign: ``-``,
  the minus sign (U+2212) or a dash (U+2013), or ``+``.
- Digits are ASCII 0-9 (after Unicode NFKC, so full-width digits count).
- Spaces (also no-break and thin spaces) only group digits: every group after the
  first has exactly three digits ("1 200", "12 345,5"); "12 5" is refused.
- One mark, once, is the decimal mark: "4,5" and "4.5" are 4.5 in every language,
  and in Ukrainian and Russian "1,200" and "1.200" are 1.2 (a comma is how people
  there write a decimal, and a point is what phones offer).
- English writes a comma between thousands, so on an English page one comma
  followed by exactly three digits, after one to three digits not starting with
  0, groups them: "1,200" is 1200 there; "1,20", "0,123" and "12,5" are decimals.
- Both marks: the last one is the decimal mark and occurs once, the other groups
  thousands ("1,234.5" and "1.234,5" are 1234.5). A mark repeated without the
  other groups thousands ("1.234.567"); its groups must have three digits.
- Whatever follows the number is its unit ("18,5 мкг/л", "6,1%"); the caller
  decides whether it knows the unit. Exponents ("1e3"), fractions, words and
  anything else are refused: nothing is guessed.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from nightlegs.languages import DECIMAL_COMMA

#: Longer texts are not numbers anyone types (and are not worth reading).
MAX_LENGTH = 100

_SIGNS = {"-": "-", "\u2212": "-", "\u2013": "-", "+": ""}
_NUMERIC = frozenset("0123456789.,") | frozenset(_SIGNS)
_NUMBER = re.compile(r"[0-9.,]*[0-9](?:[0-9.,]|\s(?=[0-9]))*|[.,][0-9]+")
_DIGITS = re.compile(r"[0-9]+")
#: The first group of digits grouped in thousands ("1" of "1 200"; never "0").
_HEAD = re.compile(r"[1-9][0-9]{0,2}")


@dataclass(frozen=True, slots=True)
class Reading:
    """A number read from text, and the text that followed it (its unit, or "")."""

    value: float
    unit: str = ""


def read_quantity(text: str, language: str | None = None) -> Reading | None:
    """The number at the start of ``text`` and the unit after it (as typed); None if
    there is no number by the rules above. ``language`` decides only what "1,200" means."""
    stripped = text.strip()
    if not stripped or len(stripped) > MAX_LENGTH:
        return None
    if stripped.endswith(".") and len(stripped) > 1:
        stripped = stripped[:-1].rstrip()
    end = 0
    while end < len(stripped) and _numeric(stripped[end]):
        end += 1
    head = unicodedata.normalize("NFKC", stripped[:end])
    sign = ""
    if head[:1] in _SIGNS:
        sign = _SIGNS[head[0]]
        head = head[1:].lstrip()
    found = _NUMBER.match(head)
    if found is None:
        return None
    canonical = _canonical(found.group(0), language)
    if canonical is None:
        return None
    value = float(sign + canonical)
    if not math.isfinite(value):
        return None
    unit = (head[found.end() :] + stripped[end:]).strip()
    return Reading(0.0 if value == 0 else value, unit)


def _numeric(char: str) -> bool:
    """A character of the number part: a digit of any width, a mark, a sign, a space."""
    return char.isspace() or unicodedata.normalize("NFKC", char) in _NUMERIC


def read_number(text: str, language: str | None = None) -> float | None:
    """A number with nothing after it ("4,5", "1 200", "-3"); None otherwise."""
    reading = read_quantity(text, language)
    return reading.value if reading is not None and not reading.unit else None


def _canonical(body: str, language: str | None) -> str | None:
    """``body`` (digits, marks and spaces) as "1234.5", or None if it breaks a rule."""
    body = re.sub(r"\s", " ", body)
    if body[-1] in ".,":
        return None
    marks = [char for char in body if char in ".,"]
    decimal: str | None = None
    if "." in marks and "," in marks:
        decimal = marks[-1]
        if marks.count(decimal) != 1 or " " in body:
            return None
    elif len(marks) == 1 and not _english_thousands(body, language):
        decimal = marks[0]
    elif marks and " " in body:
        return None  # two ways of grouping in one number
    whole, _, fraction = body.rpartition(decimal) if decimal else (body, "", "")
    if decimal and not fraction.isdigit():
        return None
    groups = re.split(r"[ .,]", whole) if whole else ["0"]
    if len(groups) > 1 and not _grouped(groups):
        return None
    if len(groups) == 1 and groups[0] and not _DIGITS.fullmatch(groups[0]):
        return None
    digits = "".join(groups) or "0"
    return f"{digits}.{fraction}" if fraction else digits


def _english_thousands(body: str, language: str | None) -> bool:
    """English's "1,200": one comma after 1-3 digits (no leading 0) and before 3."""
    if language != "en" or " " in body:
        return False
    head, _, tail = body.partition(",")
    return bool(_HEAD.fullmatch(head)) and len(tail) == 3 and tail.isdigit()


def _grouped(groups: list[str]) -> bool:
    first, rest = groups[0], groups[1:]
    return bool(_HEAD.fullmatch(first)) and all(
        len(group) == 3 and group.isdigit() for group in rest
    )


def format_value(value: float, language: str, digits: int = 6) -> str:
    """``value`` as a person reads and types it back: the language's decimal mark, no
    thousands separator, at most ``digits`` significant digits ("18,5", "1200").

    Rounded half away from zero on the exact value, as JavaScript's ``toPrecision``
    (numbers.js reads back the same text)."""
    exact = Decimal(value)
    if not exact:
        return "0"
    step = Decimal(1).scaleb(exact.adjusted() - digits + 1)
    text = format(exact.quantize(step, rounding=ROUND_HALF_UP), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",") if language in DECIMAL_COMMA else text


def unit_key(text: str) -> str:
    """A unit as compared: case, spaces, µ/μ/u, "²"/"2" and "1,73"/"1.73" do not count,
    nor does a full stop at the end ("мкг/л." is "мкг/л")."""
    key = unicodedata.normalize("NFKC", text).casefold()
    key = re.sub(r"\s", "", key).replace("μ", "u").replace(",", ".")
    return key.rstrip(".")
