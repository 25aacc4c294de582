"""The phrase book (kb/phrases/): read and checked, every mistake named with its line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nightlegs.knowledge import KnowledgeBaseError, default_kb_dir, load_kb
from nightlegs.knowledge.phrases import CONTEXT_KINDS, NUMBER_KINDS, load_phrases, read_phrases
from nightlegs.languages import LANGUAGES

PHRASES = default_kb_dir() / "phrases"


def test_the_packaged_book_is_sound_and_speaks_every_language() -> None:
    book = load_phrases()
    assert set(book.languages) == set(LANGUAGES)
    for phrases in book.languages.values():
        assert set(phrases.words) == set(CONTEXT_KINDS)
        assert set(phrases.number_kinds) == set(NUMBER_KINDS)


def test_every_finding_with_words_has_them_in_every_language() -> None:
    book = load_phrases()
    spoken = [set(p.findings) for p in book.languages.values()]
    assert spoken[0] == spoken[1] == spoken[2], [s - spoken[0] for s in spoken]


def test_the_complaint_findings_all_have_words() -> None:
    """The complaint, the urgent signs and the known conditions: what people write first."""
    book = load_phrases()
    kb = load_kb()
    with_words = set(book.languages["uk"].findings)
    urgent = {f for q in kb.questions if q.source.stage == "urgent" for f in q.findings}
    assert urgent <= with_words, sorted(urgent - with_words)
    complaint = {
        "leg_symptoms", "urge_to_move", "unpleasant_sensations", "worse_at_rest",
        "relief_with_movement", "evening_night_predominance", "sudden_muscle_contraction",
        "burning_feet", "numbness", "tingling", "leg_heaviness", "evening_swelling",
        "visible_varicose_veins", "sleep_disturbance", "family_history_rls",
    }  # fmt: skip
    assert complaint <= with_words


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "phrases"
    shutil.copytree(PHRASES, target)
    return target


@pytest.mark.parametrize(
    ("file", "old", "new", "message"),
    [
        ("uk.yaml", "  urge_to_move:\n", "  urge_to_moove:\n", "unknown finding urge_to_moove"),
        ("ru.yaml", "    both:\n", "    several:\n", "'several' is not"),
        ("en.yaml", '"@leg @pain"', '"@knee @pain"', "unknown set @knee"),
        (
            "uk.yaml",
            '      - "крутить"\n',
            '      - "крутить"\n      - "крутить"\n',
            "repeated phrase",
        ),
        (
            "rules.yaml",
            "  - one_leg_swollen\n",
            "  - one_leg_swolen\n",
            "unknown finding one_leg_swolen",
        ),
        (
            "en.yaml",
            "  negation_after:",
            "  negation_afterwards:",
            "unknown list 'negation_afterwards'",
        ),
        ("ru.yaml", "language: ru", "language: uk", "language is uk, not ru"),
    ],
)
def test_a_mistake_is_named_with_its_file_and_line(
    tmp_path: Path, file: str, old: str, new: str, message: str
) -> None:
    directory = _copy(tmp_path)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        read_phrases(directory, load_kb().findings)
    issues = [i for i in caught.value.issues if message in i.message]
    assert issues, caught.value.issues
    line = text[: text.index(old)].count("\n") + 1
    assert issues[0].file == f"phrases/{file}"
    assert abs(issues[0].line - line) <= 2, (issues[0], line)


def test_a_denied_number_needs_its_value_in_the_rules(tmp_path: Path) -> None:
    """A denied phrase of a number finding ("не п'ю алкоголь") gives the number of
    rules.yaml's ``negated_number``; without one it is named in every language file."""
    directory = _copy(tmp_path)
    rules = directory / "rules.yaml"
    text = rules.read_text(encoding="utf-8")
    old = "negated_number:\n  alcohol_drinks_per_week: 0\n"
    assert old in text
    rules.write_text(text.replace(old, "negated_number: {}\n"), encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as caught:
        read_phrases(directory, load_kb().findings)
    named = {i.file for i in caught.value.issues if "alcohol_drinks_per_week (number)" in i.message}
    assert named == {"phrases/uk.yaml", "phrases/ru.yaml", "phrases/en.yaml"}


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    (directory / "en.yaml").unlink()
    with pytest.raises(KnowledgeBaseError, match=r"phrases/en\.yaml:1: cannot read"):
        read_phrases(directory, load_kb().findings)
