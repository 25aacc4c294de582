"""How well medicine strings are read: a labelled set scored (for ``nightlegs eval-parse``).

A labelled file is a YAML list of ``{text, language, inns, findings}`` (with
``class_description: true`` for a description of a class that must name no medicine).
A string is read right when the set of INNs found is the set expected. Class findings
are counted over all strings: precision is the share of findings given that were
expected, recall the share expected that were given.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from nightlegs.knowledge.yaml_source import read
from nightlegs.languages import Language
from nightlegs.medicines.index import Table
from nightlegs.medicines.lookup import MedicineList, read_list

__all__ = ["LabelledMedicines", "MedicineScore", "Miss", "read_labelled", "score", "score_file"]


class LabelledMedicines(BaseModel):
    """One medicine string as a person typed it, and what it names."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    text: str = Field(min_length=1)
    language: Language
    inns: list[str]
    findings: list[str]
    class_description: bool = False


@dataclass(frozen=True, slots=True)
class Miss:
    text: str
    expected: tuple[str, ...]
    found: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MedicineScore:
    strings: int
    inn_right: int
    findings_given: int
    findings_right: int
    findings_expected: int
    class_descriptions: int
    #: Class descriptions ("ліки від тиску") read as a medicine: must stay 0.
    class_descriptions_taken: int
    misses: tuple[Miss, ...] = field(default=())

    @property
    def inn_accuracy(self) -> float:
        return self.inn_right / self.strings if self.strings else 1.0

    @property
    def finding_precision(self) -> float:
        return self.findings_right / self.findings_given if self.findings_given else 1.0

    @property
    def finding_recall(self) -> float:
        return self.findings_right / self.findings_expected if self.findings_expected else 1.0


def read_labelled(path: Path) -> list[LabelledMedicines]:
    data = read(path).data or []
    return TypeAdapter(list[LabelledMedicines]).validate_python(data)


#: How a list is read: :func:`read_list`, or the product's reading of it
#: (:func:`nightlegs.complaints.medicine_list.taken_list`, which leaves out what the text
#: says is not taken now).
ListReader = Callable[[Table, str, Language], MedicineList]


def score_file(table: Table, path: Path, read: ListReader = read_list) -> MedicineScore:
    return score(table, read_labelled(path), read)


def score(
    table: Table, items: Sequence[LabelledMedicines], read: ListReader = read_list
) -> MedicineScore:
    inn_right = given = right = expected = descriptions = taken = 0
    misses: list[Miss] = []
    for item in items:
        found = read(table, item.text, item.language).medicines
        inns = {match.inn for match in found}
        findings = {finding for match in found for finding in match.findings}
        if inns == set(item.inns):
            inn_right += 1
        else:
            misses.append(Miss(item.text, tuple(sorted(item.inns)), tuple(sorted(inns))))
        given += len(findings)
        right += len(findings & set(item.findings))
        expected += len(set(item.findings))
        if item.class_description:
            descriptions += 1
            taken += bool(found)
    return MedicineScore(
        strings=len(items),
        inn_right=inn_right,
        findings_given=given,
        findings_right=right,
        findings_expected=expected,
        class_descriptions=descriptions,
        class_descriptions_taken=taken,
        misses=tuple(misses),
    )
