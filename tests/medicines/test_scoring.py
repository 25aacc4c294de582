"""The scoring of a labelled set counts what it says it counts."""

from __future__ import annotations

from pathlib import Path

from nightlegs.medicines import LabelledMedicines, Table, score, score_file


def item(text: str, inns: list[str], findings: list[str], **extra: bool) -> LabelledMedicines:
    return LabelledMedicines(text=text, language="uk", inns=inns, findings=findings, **extra)


def test_each_count(table: Table) -> None:
    result = score(
        table,
        [
            item("фуросемід", ["furosemide"], ["med_loop_diuretic"]),
            # Labelled wrong on purpose: the INN is a miss, the finding given a false one.
            item("аторвакор", ["rosuvastatin"], []),
            item("ліки від тиску", [], [], class_description=True),
            item("сечогінне, фуросемід", [], [], class_description=True),
        ],
    )
    assert (result.strings, result.inn_right) == (4, 2)
    assert (result.findings_given, result.findings_right, result.findings_expected) == (3, 1, 1)
    assert (result.class_descriptions, result.class_descriptions_taken) == (2, 1)
    assert [m.text for m in result.misses] == ["аторвакор", "сечогінне, фуросемід"]
    assert result.inn_accuracy == 0.5
    assert result.finding_precision == 1 / 3


def test_an_empty_set_scores_as_perfect_rather_than_dividing_by_zero(table: Table) -> None:
    result = score(table, [])
    assert (result.inn_accuracy, result.finding_precision, result.finding_recall) == (1, 1, 1)


def test_a_file_is_read_and_scored(table: Table, tmp_path: Path) -> None:
    path = tmp_path / "set.yaml"
    path.write_text(
        '- {text: "конкор", language: uk, inns: [bisoprolol], findings: []}\n', encoding="utf-8"
    )
    assert score_file(table, path).inn_right == 1
