"""The worst error is an urgent sign read as "absent": the parser never gives one.

The urgent signs are the findings of the urgent questions (kb/questions.yaml, stage
urgent), the red flags and rules.yaml's ``never_absent``; none comes back "absent" (or
"none") whatever the text: any words, any negation placed anywhere. A denied urgent sign is
left out, and the interview asks it.
"""

# ruff: noqa: RUF001 - Cyrillic complaints are meant

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nightlegs.complaints import Parser
from nightlegs.complaints.resolve import NO
from nightlegs.knowledge.phrases import load_phrases
from tests.fixtures.profiles import examples
from tests.parsing.conftest import Pairs

BOOK = load_phrases()
LANGUAGES = tuple(BOOK.languages)


def _plain(phrase: str) -> str:
    """A phrase of the book as a person might type it: first alternative, no marks."""
    words = []
    for word in phrase.removeprefix("^").split(" "):
        first = word.split("|")[0].lstrip("=").rstrip("*")
        if first.startswith("@") or first == "#":
            first = {"@leg": "нога", "@swell": "набрякла", "@pain": "болить"}.get(first, "нога")
        words.append(first)
    return " ".join(words)


def _urgent_phrases(reader: Parser) -> list[str]:
    return sorted(
        _plain(text)
        for phrases in BOOK.languages.values()
        for finding, by_value in phrases.findings.items()
        if finding in reader.urgent
        for texts in by_value.values()
        for text in texts
    )


NEGATIONS = sorted(
    {
        w
        for p in BOOK.languages.values()
        for k in ("negation_before", "negation_after")
        for w in p.words[k]
    }
)
FILLER = [
    "ноги",
    "вночі",
    "і",
    "але",
    "а",
    "теж",
    "зараз",
    "раніше",
    "maybe",
    "no",
    "not",
    ",",
    ".",
    "?",
    "у мами",
    "my mother",
]


def test_the_urgent_signs_are_those_of_the_urgent_questions(reader: Parser) -> None:
    kb = reader.kb
    asked = {f for q in kb.questions if q.source.stage == "urgent" for f in q.findings}
    assert asked <= reader.urgent
    assert kb.red_flags <= reader.urgent
    assert {"sudden_breathlessness_chest_pain", "fever", "foot_wound"} <= reader.urgent


@settings(max_examples=examples(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_urgent_sign_comes_back_absent(reader: Parser, data: st.DataObject) -> None:
    phrases = _urgent_phrases(reader)
    pieces = data.draw(
        st.lists(
            st.one_of(
                st.sampled_from(phrases),
                st.sampled_from(NEGATIONS),
                st.sampled_from(FILLER),
                st.text(max_size=12),
            ),
            min_size=1,
            max_size=14,
        )
    )
    text = " ".join(pieces)
    language = data.draw(st.sampled_from(LANGUAGES))
    for candidate in reader.parse(text, language).candidates:
        urgent_no = candidate.finding in reader.urgent and candidate.value in NO
        assert not urgent_no, (text, candidate)


@settings(max_examples=examples(200), deadline=None)
@given(
    phrase_index=st.integers(min_value=0), negation=st.sampled_from(NEGATIONS), before=st.booleans()
)
def test_a_negated_urgent_phrase_is_left_out_not_denied(
    reader: Parser, phrase_index: int, negation: str, before: bool
) -> None:
    phrases = _urgent_phrases(reader)
    phrase = phrases[phrase_index % len(phrases)]
    text = f"{negation} {phrase}" if before else f"{phrase} {negation}"
    found = reader.parse(text, "uk").candidates
    assert not [c for c in found if c.finding in reader.urgent and c.value in NO], text


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("не можу наступити на ногу, вона набрякла", "uk"),
        ("не могу наступить на ногу, она опухла", "ru"),
        ("can't put weight on my leg, it's swollen", "en"),
        ("нога не набрякла", "uk"),
        ("задишки немає, в грудях не болить, температури нема", "uk"),
        ("одышки нет, температуры нет, сознание не теряла", "ru"),
        ("no chest pain, no fever, never fainted, no swelling in one leg", "en"),
        ("не знепритомніла, тяжа немає, почервоніння немає", "uk"),
        ("сеча не темна, рани на стопі нема", "uk"),
        ("nothing is red or hot and no wound on my foot", "en"),
        ("без травми, не падала", "uk"),
    ],
)
def test_tricky_denials_never_give_an_urgent_absent(
    pairs: Callable[..., Pairs], reader: Parser, text: str, language: str
) -> None:
    found = pairs(text, language)
    assert not [(f, v) for f, v in found if f in reader.urgent and v in NO], found


def test_a_swelling_after_a_denied_step_is_not_denied(pairs: Callable[..., Pairs]) -> None:
    found = pairs("не можу наступити на ногу, вона набрякла")
    assert ("one_leg_swollen", "present") in found
    assert not {f for f, v in found if v == "absent" and "swell" in f}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("раптово набрякла ліва нога і болить литка", "sudden_unilateral_swelling"),
        ("задихаюся і болить в грудях", "sudden_breathlessness_chest_pain"),
        ("нога холодна бліда і дуже болить", "acute_cold_painful_leg"),
        ("не можу помочитися і німіє промежина", "bladder_bowel_dysfunction"),
        ("почервоніла гомілка, гаряча, температура 39", "fever"),
        ("палець на нозі почорнів", "foot_wound"),
    ],
)
def test_a_denial_elsewhere_does_not_hide_an_urgent_sign(
    pairs: Callable[..., Pairs], text: str, finding: str
) -> None:
    """Prefixed with a denial of something else, the urgent sign is still read."""
    assert finding in {f for f, _ in pairs(text)}
    assert finding in {f for f, _ in pairs(f"набряків немає, судом нема. {text}")}


@pytest.mark.parametrize(
    ("text", "finding"),
    [
        ("my leg is red and hot", "leg_redness_warmth"),
        ("the calf is tender and swollen", "calf_tenderness_one_leg"),
        ("blood when I cough, and my chest hurts", "sudden_breathlessness_chest_pain"),
    ],
)
def test_an_urgent_signs_english_words_are_read_in_any_order(
    pairs: Callable[..., Pairs], text: str, finding: str
) -> None:
    assert finding in {f for f, _ in pairs(text, "en")}
