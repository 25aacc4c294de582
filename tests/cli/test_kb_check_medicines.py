"""``nightlegs kb check`` checks the medicine table too, and names its problems."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from nightlegs.knowledge import default_kb_dir
from tests.cli.conftest import Invoke


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    target = tmp_path / "kb"
    shutil.copytree(default_kb_dir(), target)
    return target


def edit(directory: Path, old: str, new: str) -> None:
    path = directory / "medicines.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_wrong_finding_in_the_medicine_table_fails_the_check(
    invoke: Invoke, kb_copy: Path
) -> None:
    edit(kb_copy, "findings: [med_statin]", "findings: [med_statins]")
    result = invoke(["kb", "check", "--dir", str(kb_copy)])
    assert result.exit_code == 1
    assert "medicines.yaml:" in result.stdout
    assert "'med_statins' is not a med_* finding" in result.stdout


def test_two_medicines_spelled_alike_fail_the_check(invoke: Invoke, kb_copy: Path) -> None:
    edit(kb_copy, "latin: Hypothiazid}", "latin: Lozap}")
    result = invoke(["kb", "check", "--dir", str(kb_copy)])
    assert result.exit_code == 1
    assert (
        "medicines.yaml:1: 'Lozap' (losartan) is spelled like 'Lozap' (hydrochlorothiazide)"
        in result.stdout
    )
