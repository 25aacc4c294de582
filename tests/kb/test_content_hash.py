"""The knowledge base's content hash covers every file of ``kb/``: the YAML the loader
compiles and the files read by their own loaders (the medicine table, the phrase book), so
that an assessment's ``kb_hash`` names the words and medicines that were read into it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nightlegs.knowledge import default_kb_dir
from nightlegs.knowledge.loader import FILES, HASHED_FILES, content_hash

KB_FILES = sorted(
    str(path.relative_to(default_kb_dir())) for path in default_kb_dir().rglob("*.yaml")
)


def test_every_yaml_file_of_the_knowledge_base_is_hashed() -> None:
    hashed = {f"{name}.yaml" for name in FILES} | set(HASHED_FILES)
    assert set(KB_FILES) == hashed
    assert {"medicines.yaml", "phrases/rules.yaml", "phrases/uk.yaml"} <= hashed


@pytest.fixture(scope="module")
def kb_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("hash") / "kb"
    shutil.copytree(default_kb_dir(), target)
    return target


@pytest.mark.parametrize("name", KB_FILES)
def test_an_edit_of_any_file_changes_the_hash(kb_copy: Path, name: str) -> None:
    before = content_hash(kb_copy)
    path = kb_copy / name
    original = path.read_bytes()
    try:
        path.write_bytes(original + b"\n# an edit\n")
        assert content_hash(kb_copy) != before
    finally:
        path.write_bytes(original)
    assert content_hash(kb_copy) == before


def test_the_changelog_does_not_change_the_hash(kb_copy: Path) -> None:
    before = content_hash(kb_copy)
    changelog = kb_copy / "CHANGELOG.md"
    original = changelog.read_bytes()
    try:
        changelog.write_bytes(original + b"\nA note.\n")
        assert content_hash(kb_copy) == before
    finally:
        changelog.write_bytes(original)


def test_the_loaded_knowledge_base_carries_the_hash_of_its_directory(kb) -> None:
    assert kb.content_hash == content_hash(default_kb_dir())
