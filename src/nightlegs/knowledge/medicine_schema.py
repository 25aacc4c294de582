"""Strict pydantic models of ``kb/medicines.yaml``, as written by hand.

They check shape only; ids, findings, sources and spellings are checked by
:mod:`nightlegs.knowledge.medicine_table` (which names the file and the line).
"""

# ruff: noqa: RUF003 - Cyrillic letters and apostrophes are meant

from __future__ import annotations

from pydantic import Field

from nightlegs.knowledge.schema import LText, Strict

#: An ATC code as the WHO index publishes it: a substance (C03CA01) or, where the
#: substance has none of its own, its group (B03A, A12CC).
ATC_PATTERN = r"^[A-Z]\d\d([A-Z]([A-Z](\d\d)?)?)?$"


class MedicineSource(Strict):
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    citation: str = Field(min_length=1)
    url: str | None = None
    note: str | None = None


class Confirm(Strict):
    """The confirmation question: ``{name}`` and ``{what}`` in each language."""

    uk: str = Field(pattern=r"\{name\}.*\{what\}")
    ru: str = Field(pattern=r"\{name\}.*\{what\}")
    en: str = Field(pattern=r"\{name\}.*\{what\}")
    #: How two classes are joined in ``{what}`` ("від тиску і сечогінний засіб").
    and_: LText = Field(alias="and")


class WordList(Strict):
    uk: list[str] = Field(default_factory=list)
    ru: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.uk, *self.ru, *self.en]


class Words(Strict):
    filler: WordList
    generic: WordList
    nothing: WordList
    separators: WordList


class MedicineClassModel(Strict):
    findings: list[str]
    what: LText


class BrandModel(Strict):
    uk: str = Field(min_length=1)
    ru: str = Field(min_length=1)
    latin: str = Field(min_length=1)
    also: list[str] = Field(default_factory=list)


class MedicineModel(Strict):
    id: str | None = None
    inn: str = Field(pattern=r"^[a-z][a-z0-9 ()+,'-]*$")
    atc: str = Field(pattern=ATC_PATTERN)
    classes: list[str] = Field(min_length=1)
    name: LText
    name_is_key: bool = True
    #: The INN's names also name a laboratory value ("магній", "залізо", "калій").
    name_is_lab: bool = False
    also: list[str] = Field(default_factory=list)
    #: Other spellings that also name a laboratory value ("вітамін Д", "B12").
    lab_also: list[str] = Field(default_factory=list)
    brands: list[BrandModel] = Field(default_factory=list)
    #: Names on the box in the UK or the US, for complaints typed in English ("Piriton").
    brands_abroad: list[str] = Field(default_factory=list)
    sources: list[str] = Field(min_length=1)

    @property
    def key(self) -> str:
        return self.id or self.inn


class MedicineFile(Strict):
    version: int = Field(ge=1)
    sources: list[MedicineSource] = Field(min_length=1)
    confirm: Confirm
    words: Words
    classes: dict[str, MedicineClassModel]
    #: Findings besides the ``med_*`` ones that say a medicine is taken
    #: (``estrogen_therapy``): a class may imply them too.
    other_findings: list[str] = Field(default_factory=list)
    medicines: list[MedicineModel] = Field(min_length=1)
