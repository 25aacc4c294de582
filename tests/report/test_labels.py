"""Every fixed label of the report exists in uk, ru and en, with the same placeholders."""

from __future__ import annotations

import string

import pytest

from nightlegs.report.labels import LABELS, LANGUAGES, label


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("key", sorted(LABELS))
def test_label_in_every_language(key: str) -> None:
    texts = LABELS[key]
    assert set(texts) == set(LANGUAGES)
    for language in LANGUAGES:
        assert texts[language].strip(), (key, language)
    assert len({frozenset(_placeholders(t)) for t in texts.values()}) == 1, key


def test_label_fills_placeholders() -> None:
    assert label("for", "en", n=2) == "for 2"
    assert label("against", "uk", n=1) == "проти 1"
    assert label("triage", "ru") == "Срочность"
