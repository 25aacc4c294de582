"""Every patient-facing text exists in Ukrainian, Russian and English, in the right script."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from nightlegs.knowledge.schema import LText

UKRAINIAN_ONLY = set("іїєґІЇЄҐ")
RUSSIAN_ONLY = set("ыэъёЫЭЪЁ")
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PLACEHOLDER = re.compile(r"\{[a-z_0-9]+\}")


def texts(node: object, path: str = "") -> Iterator[tuple[str, LText]]:
    if isinstance(node, LText):
        yield path, node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from texts(getattr(node, name), f"{path}.{name}")
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from texts(value, f"{path}[{key}]")
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from texts(value, f"{path}[{index}]")


def all_texts(kb) -> list[tuple[str, LText]]:
    found = list(texts(kb.question_texts, "questions"))
    found += texts(kb.texts, "texts")
    found += texts(list(kb.levels), "levels")
    found += texts([c.source for c in kb.conditions], "conditions")
    found += texts([r.source for r in kb.triage_rules], "triage")
    found += texts([r.source for r in kb.scope_rules], "scope")
    found += texts(list(kb.factors.values()), "factors")
    found += texts(kb.specialist_names, "specialists")
    found += texts([r.source for r in (*kb.first_specialist, *kb.also_specialists)], "routing")
    found += texts(kb.test_names, "tests")
    found += texts([r.source for r in kb.test_rules], "test_rules")
    found += texts([a.source for a in kb.advice], "advice")
    found += texts(kb.advice_suppression, "advice")
    found += texts(kb.out_of_scope_suppression, "advice")
    return found


def test_there_are_many_texts(kb):
    assert len(all_texts(kb)) > 300


def test_ukrainian_and_russian_are_written_in_their_own_alphabet(kb):
    problems = []
    for path, text in all_texts(kb):
        if not any(ch.isalpha() for ch in text.en):
            continue  # a symbol such as "%" reads the same everywhere
        if not CYRILLIC.search(text.uk) or not CYRILLIC.search(text.ru):
            problems.append(f"{path}: not Cyrillic")
        if RUSSIAN_ONLY & set(text.uk):
            problems.append(f"{path}: Russian letters in uk: {text.uk}")
        if UKRAINIAN_ONLY & set(text.ru):
            problems.append(f"{path}: Ukrainian letters in ru: {text.ru}")
        if CYRILLIC.search(text.en):
            problems.append(f"{path}: Cyrillic in en: {text.en}")
    assert not problems, "\n".join(problems)


def test_placeholders_are_the_same_in_every_language(kb):
    for path, text in all_texts(kb):
        wanted = sorted(PLACEHOLDER.findall(text.en))
        assert sorted(PLACEHOLDER.findall(text.uk)) == wanted, path
        assert sorted(PLACEHOLDER.findall(text.ru)) == wanted, path


def test_translations_are_not_copies_of_each_other(kb):
    same = [
        path
        for path, text in all_texts(kb)
        if any(ch.isalpha() for ch in text.en) and (text.uk == text.en or text.ru == text.en)
    ]
    assert not same


@pytest.mark.parametrize("language", ["uk", "ru", "en"])
def test_patient_texts_stay_short_and_plain(kb, language):
    """A rough reading-age guard: short sentences, no very long words."""
    long_sentences = []
    for path, text in all_texts(kb):
        for sentence in re.split(r"[.!?:;]\s", text.get(language)):
            words = sentence.split()
            if len(words) > 40:
                long_sentences.append(f"{path}: {sentence}")
    assert not long_sentences, "\n".join(long_sentences)
