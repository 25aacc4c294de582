"""The knowledge base refuses, with file and line, every defect the issue lists."""

from __future__ import annotations

import hashlib
import pickle
import shutil
from pathlib import Path

import pytest

from nightlegs.knowledge import KnowledgeBaseError, default_kb_dir, loader
from nightlegs.knowledge.loader import build
from nightlegs.knowledge.yaml_source import SourceFile


def test_the_shipped_knowledge_base_is_clean(kb):
    assert kb.version
    assert len(kb.content_hash) == 64
    assert {c.id for c in kb.conditions} >= {"restless_legs_syndrome", "cauda_equina_syndrome"}


#: (file name, SHA-256 of its bytes) -> the pickled parse of that file.
PARSED: dict[tuple[str, str], bytes] = {}


@pytest.fixture
def kb_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped knowledge base to break. Each test edits one file or two:
    a file with the same bytes as one parsed before is read back from a pickle of that
    parse (as the loader's own cache does for a whole knowledge base), so that each
    test parses only what it changed."""
    target = tmp_path / "kb"
    shutil.copytree(default_kb_dir(), target)
    parse = loader.read

    def read(path: Path) -> SourceFile:
        key = (path.name, hashlib.sha256(path.read_bytes()).hexdigest())
        if key not in PARSED:
            PARSED[key] = pickle.dumps(parse(path))
        parsed: SourceFile = pickle.loads(PARSED[key])
        return parsed

    monkeypatch.setattr(loader, "read", read)
    return target


def edit(directory: Path, file: str, old: str, new: str) -> None:
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def issues_of(directory: Path) -> list[str]:
    with pytest.raises(KnowledgeBaseError) as error:
        build(directory)
    return [str(i) for i in error.value.issues]


def line_of(directory: Path, file: str, text: str) -> int:
    lines = (directory / file).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_an_unknown_finding_id(kb_copy):
    edit(
        kb_copy,
        "triage.yaml",
        "when: {finding: saddle_numbness}",
        "when: {finding: saddle_numbnes}",
    )
    line = line_of(kb_copy, "triage.yaml", "saddle_numbnes}")
    assert f"triage.yaml:{line}: unknown finding 'saddle_numbnes'" in issues_of(kb_copy)


def test_an_unknown_condition_in_a_rule(kb_copy):
    edit(kb_copy, "advice.yaml", "{suspected: nocturnal_leg_cramps}", "{suspected: leg_cramps}")
    assert any("advice.yaml:" in i and "leg_cramps" in i for i in issues_of(kb_copy))


def test_a_missing_language(kb_copy):
    edit(kb_copy, "conditions.yaml", ', en: "Night leg cramps"}', "}")
    line = line_of(kb_copy, "conditions.yaml", '"Ночные судороги ног"}')
    found = issues_of(kb_copy)
    assert any(i.startswith(f"conditions.yaml:{line}:") and ".en:" in i for i in found), found


def test_a_rule_without_a_source(kb_copy):
    edit(
        kb_copy,
        "triage.yaml",
        "    sources: [ukka-hyperkalaemia-2020]\n  - id: potassium-critical-low",
        "    sources: []\n  - id: potassium-critical-low",
    )
    assert any("triage.yaml:" in i and "sources" in i for i in issues_of(kb_copy))


def test_a_v2_block_without_a_source(kb_copy):
    # The unresolved red flags and the lead ties of policy v2 cite sources too.
    edit(
        kb_copy,
        "triage.yaml",
        "  sources: [nightlegs-policy]\n\n# Without leg symptoms",
        "  sources: []\n\n# Without leg symptoms",
    )
    assert any("triage.yaml:" in i and "sources" in i for i in issues_of(kb_copy))


def test_an_unknown_source(kb_copy):
    edit(kb_copy, "advice.yaml", "sources: [aan-cramps-2010]", "sources: [no-such-paper]")
    assert any("unknown source 'no-such-paper'" in i for i in issues_of(kb_copy))


def test_a_question_that_can_never_be_asked(kb_copy):
    # caffeine_cups_per_day feeds one predicate; without it no rule reads the answer.
    edit(
        kb_copy,
        "predicates.yaml",
        "  when: {finding: caffeine_cups_per_day, ge: 4}\n",
        "  when: {finding: smoking}\n",
    )
    line = line_of(kb_copy, "questions.yaml", "- id: q-caffeine")
    assert (
        f"questions.yaml:{line}: question q-caffeine can never be asked: no rule uses its answers"
        in issues_of(kb_copy)
    )


def test_a_vocabulary_finding_that_no_question_asks(kb_copy):
    edit(
        kb_copy,
        "questions.yaml",
        "      - finding: itching_over_veins\n",
        "      - finding: spider_veins_again_removed\n",
    )
    found = issues_of(kb_copy)
    assert any("'itching_over_veins' is asked by no question" in i for i in found)
    assert any("unknown finding 'spider_veins_again_removed'" in i for i in found)


def test_a_duplicate_key(kb_copy):
    edit(
        kb_copy,
        "meta.yaml",
        "default_language: uk\n",
        "default_language: uk\ndefault_language: ru\n",
    )
    found = issues_of(kb_copy)
    assert any(i.startswith("meta.yaml:") and "duplicate key" in i for i in found), found


def test_a_missing_vocabulary_condition(kb_copy):
    text = (kb_copy / "conditions.yaml").read_text(encoding="utf-8")
    start = text.index("- id: cellulitis")
    (kb_copy / "conditions.yaml").write_text(text[:start], encoding="utf-8")
    assert any("vocabulary conditions id 'cellulitis' is missing" in i for i in issues_of(kb_copy))


def test_absent_may_never_add_evidence(kb_copy):
    edit(kb_copy, "conditions.yaml", "present: 1.2, absent: -1.2}", "present: 1.2, absent: 1.2}")
    assert any("'absent' must not add evidence" in i for i in issues_of(kb_copy))


def test_a_red_flag_without_other_words(kb_copy):
    text = (kb_copy / "questions.yaml").read_text(encoding="utf-8")
    start = text.index('        again: {uk: "Вам раптом стало важко дихати')
    end = text.index("\n", start) + 1
    (kb_copy / "questions.yaml").write_text(text[:start] + text[end:], encoding="utf-8")
    found = issues_of(kb_copy)
    assert any("red flag sudden_breathlessness_chest_pain needs 'again'" in i for i in found)


def test_the_repo_vocabulary_matches_the_shared_one_when_present():
    shared = Path(__file__).resolve().parents[3] / "shared" / "clinical" / "vocabulary.yaml"
    if not shared.exists():
        pytest.skip("../shared is not beside this clone")
    ours = default_kb_dir() / "vocabulary.yaml"
    assert ours.read_text(encoding="utf-8") == shared.read_text(encoding="utf-8")
