"""``nightlegs kb check``: ok with the packaged knowledge base, file:line issues otherwise."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from nightlegs.knowledge import KnowledgeBase, default_kb_dir
from tests.cli.conftest import Invoke


def test_the_packaged_knowledge_base_is_ok(invoke: Invoke, kb: KnowledgeBase) -> None:
    result = invoke(["kb", "check"])
    assert result.exit_code == 0, result.output
    line = result.stdout.strip()
    assert re.fullmatch(
        r"ok: kb_version \S+, hash [0-9a-f]{64}, \d+ questions, \d+ conditions, \d+ sources", line
    ), line
    assert line.startswith(f"ok: kb_version {kb.version}, hash ")


def test_a_rule_without_a_source_is_reported_with_file_and_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    broken = tmp_path / "kb"
    shutil.copytree(default_kb_dir(), broken)
    triage = broken / "triage.yaml"
    text = triage.read_text(encoding="utf-8")
    first = re.search(r"sources: \[[^\]]+\]", text)
    assert first is not None
    line = text.count("\n", 0, first.start()) + 1
    triage.write_text(text[: first.start()] + "sources: []" + text[first.end() :], "utf-8")

    result = invoke(["kb", "check", "--dir", str(broken)])

    assert result.exit_code == 1, result.output
    issues = result.stdout.splitlines()
    assert f"triage.yaml:{line}: rules.0.sources: List should have at least 1 item" in "\n".join(
        issues
    )
    assert all(re.match(r"^[\w.]+\.yaml:\d+: ", issue) for issue in issues), issues
    assert not result.stdout.startswith("ok")


def test_a_missing_directory_is_a_usage_error(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke(["kb", "check", "--dir", str(tmp_path / "nowhere")])
    assert result.exit_code == 2


def _break(directory: Path, name: str, old: str, new: str) -> int:
    """Replace ``old`` by ``new`` in ``name`` once; the line ``old`` stood on."""
    path = directory / name
    text = path.read_text(encoding="utf-8")
    assert old in text, name
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def test_a_broken_phrase_file_is_reported_with_file_and_line(
    invoke: Invoke, tmp_path: Path
) -> None:
    broken = tmp_path / "kb"
    shutil.copytree(default_kb_dir(), broken)
    line = _break(broken, "phrases/uk.yaml", "  urge_to_move:\n", "  urge_to_moove:\n")

    result = invoke(["kb", "check", "--dir", str(broken)])

    assert result.exit_code == 1, result.output
    issues = result.stdout.splitlines()
    named = [i for i in issues if "unknown finding urge_to_moove" in i]
    assert named, issues
    assert named[0].startswith("phrases/uk.yaml:")
    assert abs(int(named[0].split(":")[1]) - line) <= 2, (named, line)
    assert not result.stdout.startswith("ok")


def test_every_file_s_issues_are_reported_together(invoke: Invoke, tmp_path: Path) -> None:
    """A broken rule, a broken medicine and a broken phrase file: none hides another."""
    broken = tmp_path / "kb"
    shutil.copytree(default_kb_dir(), broken)
    text = (broken / "triage.yaml").read_text(encoding="utf-8")
    first = re.search(r"sources: \[[^\]]+\]", text)
    assert first is not None
    _break(broken, "triage.yaml", first.group(0), "sources: []")
    _break(broken, "phrases/rules.yaml", "  - one_leg_swollen\n", "  - one_leg_swolen\n")
    medicine = re.search(r"^( +)atc: ", (broken / "medicines.yaml").read_text("utf-8"), re.M)
    assert medicine is not None
    _break(broken, "medicines.yaml", medicine.group(0), f"{medicine.group(1)}atk: ")

    result = invoke(["kb", "check", "--dir", str(broken)])

    assert result.exit_code == 1, result.output
    files = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert {"triage.yaml", "phrases/rules.yaml", "medicines.yaml"} <= files, result.stdout
