"""The diary's night form reads its numbers as the interview does (knowledge/numbers.py):
"3", "3,0" and "3." are the whole number 3; a fraction is refused, never rounded."""

from __future__ import annotations

import pytest

from nightlegs.diary.model import SYMPTOMS
from nightlegs.pages.diary.forms import read_entry


def entry(**numbers: str) -> dict[str, list[str]]:
    return {"symptoms": [SYMPTOMS[0]], **{name: [text] for name, text in numbers.items()}}


@pytest.mark.parametrize(
    ("typed", "read"),
    [("3", 3), ("3,0", 3), ("3.0", 3), ("3.", 3), (" 3 ", 3), ("\uff13", 3), ("+3", 3)],
)
def test_whole_numbers_as_people_write_them(typed: str, read: int) -> None:
    result = read_entry(entry(episodes=typed, severity=typed, minutes_awake=typed))
    assert result.ok, result.problems
    assert result.body is not None
    assert (result.body.episodes, result.body.severity, result.body.minutes_awake) == (
        read,
        read,
        read,
    )


@pytest.mark.parametrize("typed", ["2,5", "2.5", "-1", "abc", "1e1", "3 ночі", "½"])
def test_what_is_not_a_whole_number_is_refused(typed: str) -> None:
    result = read_entry(entry(episodes=typed, severity=typed, minutes_awake=typed))
    assert not result.ok
    assert set(result.problems) == {"episodes", "severity", "minutes_awake"}
