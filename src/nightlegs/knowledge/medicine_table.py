"""The medicine table (``kb/medicines.yaml``): read, checked, and resolved once per process.

Every class names the ``med_*`` findings it implies, and every entry its INN, ATC code,
names and brands (see the file's header). Matching people's spellings against it is
:mod:`nightlegs.medicines`' job; this module only guarantees that the table is whole:
each finding a vocabulary ``med_*`` id, each class used and each such finding reached,
each source known, each Ukrainian spelling free of Russian-only letters and the other
way round, each Latin brand in Latin letters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from nightlegs.knowledge.loader import cache_dir, default_kb_dir
from nightlegs.knowledge.medicine_schema import MedicineFile, MedicineModel, Words
from nightlegs.knowledge.pickle_cache import cached
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError, SourceFile, read
from nightlegs.languages import LANGUAGES, Language

__all__ = [
    "FILE",
    "Brand",
    "Medicine",
    "MedicineClass",
    "MedicineTable",
    "build_medicine_table",
    "load_medicine_table",
]

FILE = "medicines.yaml"
_RUSSIAN_ONLY = frozenset("ыэёъЫЭЁЪ")
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")


@dataclass(frozen=True, slots=True)
class MedicineClass:
    id: str
    #: The ``med_*`` findings a medicine of this class implies (none for most).
    findings: tuple[str, ...]
    #: What it is, in plain words, per language ("сечогінний засіб").
    what: Mapping[Language, str]


@dataclass(frozen=True, slots=True)
class Brand:
    uk: str
    ru: str
    latin: str
    also: tuple[str, ...] = ()

    def spelled(self, language: Language) -> str:
        """The brand as a person reading ``language`` knows it (English: Latin letters)."""
        return self.latin if language == "en" else getattr(self, language)

    def spellings(self) -> tuple[str, ...]:
        return (self.uk, self.ru, self.latin, *self.also)


@dataclass(frozen=True, slots=True)
class Medicine:
    id: str
    inn: str
    atc: str
    classes: tuple[MedicineClass, ...]
    #: The INN per language.
    name: Mapping[Language, str]
    #: Whether the INN's names are matched to this entry (not when another entry owns them).
    name_is_key: bool
    also: tuple[str, ...]
    brands: tuple[Brand, ...]
    sources: tuple[str, ...]
    #: Whether the INN's names also name a laboratory value ("магній 0,6").
    name_is_lab: bool = False
    #: Other spellings that also name a laboratory value ("вітамін Д").
    lab_also: tuple[str, ...] = ()

    @property
    def findings(self) -> tuple[str, ...]:
        """The class findings, each once, in the order of the classes."""
        return tuple(dict.fromkeys(f for c in self.classes for f in c.findings))


@dataclass(frozen=True, slots=True)
class MedicineTable:
    version: int
    sources: Mapping[str, str]
    #: The confirmation question per language, with ``{name}`` and ``{what}``.
    confirm: Mapping[Language, str]
    conjunction: Mapping[Language, str]
    classes: Mapping[str, MedicineClass]
    medicines: tuple[Medicine, ...]
    words: Words


#: The source of the names on boxes in the UK and the US (``brands_abroad``).
ABROAD = "emc-dailymed"


def load_medicine_table(directory: Path | None = None) -> MedicineTable:
    """The checked table of ``directory`` (the package's ``kb/``); read once per process."""
    return _load_cached(str((directory or default_kb_dir()).resolve()))


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> MedicineTable:
    return _from_disk_cache(Path(directory), cache_dir())


def _from_disk_cache(directory: Path, cache: Path | None) -> MedicineTable:
    """The table of ``directory``, its YAML parsed once and kept between processes under the
    hash of the two files (parsing is the slow part; the checks run on every load)."""
    digest = hashlib.sha256()
    for name in (FILE, "vocabulary.yaml"):
        digest.update((directory / name).read_bytes())
    target = cache / f"medicines-{digest.hexdigest()}.pickle" if cache else None
    files = cached(target, lambda: (read(directory / FILE), read(directory / "vocabulary.yaml")))
    return _build(*files)


def build_medicine_table(directory: Path) -> MedicineTable:
    """Read ``medicines.yaml`` of ``directory`` and check it against its vocabulary."""
    return _build(read(directory / FILE), read(directory / "vocabulary.yaml"))


def _build(source: SourceFile, vocabulary_file: SourceFile) -> MedicineTable:
    vocabulary = vocabulary_file.data or {}
    findings = {key: value for key, value in (vocabulary.get("findings") or {}).items() if key}
    try:
        model = MedicineFile.model_validate(source.data)
    except ValueError as exc:
        raise KnowledgeBaseError(_shape_issues(source, exc)) from exc
    issues = check(model, source, findings)
    if issues:
        raise KnowledgeBaseError(issues)
    return _resolve(model)


def _shape_issues(source: SourceFile, exc: Any) -> list[Issue]:
    errors = exc.errors() if hasattr(exc, "errors") else []
    return [
        source.issue(
            tuple(error["loc"]), f"{'.'.join(map(str, error['loc'])) or '(top)'}: {error['msg']}"
        )
        for error in errors
    ] or [source.issue((), str(exc))]


def check(model: MedicineFile, source: SourceFile, findings: Mapping[str, Any]) -> list[Issue]:
    """Every problem of the table, each with its line."""
    issues: list[Issue] = []
    med_findings = {f for f, d in findings.items() if f.startswith("med_") and _boolean(d)}
    others = {f for f in model.other_findings if _boolean(findings.get(f))}
    for finding in sorted(set(model.other_findings) - others):
        issues.append(
            source.issue(
                ("other_findings",), f"'{finding}' is not a yes/no finding of the vocabulary"
            )
        )
    for class_id, klass in model.classes.items():
        for finding in klass.findings:
            if finding not in med_findings | others:
                issues.append(
                    source.issue(
                        ("classes", class_id, "findings"),
                        f"class {class_id}: '{finding}' is not a med_* finding of the vocabulary"
                        " nor one of other_findings",
                    )
                )
    source_ids = {s.id for s in model.sources}
    seen: set[str] = set()
    for index, entry in enumerate(model.medicines):
        path = ("medicines", index)
        if entry.key in seen:
            issues.append(source.issue(path, f"medicine '{entry.key}' is listed twice"))
        seen.add(entry.key)
        issues.extend(_check_entry(entry, source, path, model, source_ids))
    used = {c for entry in model.medicines for c in entry.classes}
    for class_id in sorted(set(model.classes) - used):
        issues.append(source.issue(("classes", class_id), f"class {class_id} has no medicine"))
    reached = {f for c in used if c in model.classes for f in model.classes[c].findings}
    for finding in sorted(med_findings - reached):
        issues.append(source.issue(("classes",), f"no medicine implies {finding}"))
    issues.extend(_check_words(model.words, source))
    return issues


def _boolean(definition: Any) -> bool:
    return isinstance(definition, dict) and definition.get("type") == "boolean"


def _check_entry(
    entry: MedicineModel,
    source: SourceFile,
    path: tuple[str | int, ...],
    model: MedicineFile,
    source_ids: set[str],
) -> list[Issue]:
    issues: list[Issue] = []
    where = f"medicine '{entry.key}'"
    for class_id in entry.classes:
        if class_id not in model.classes:
            issues.append(source.issue((*path, "classes"), f"{where}: unknown class '{class_id}'"))
    for source_id in entry.sources:
        if source_id not in source_ids:
            issues.append(
                source.issue((*path, "sources"), f"{where}: unknown source '{source_id}'")
            )
    if entry.brands and "drlz-register" not in entry.sources:
        issues.append(source.issue((*path, "sources"), f"{where}: brands need drlz-register"))
    if entry.brands_abroad and ABROAD not in entry.sources:
        issues.append(source.issue((*path, "sources"), f"{where}: brands abroad need {ABROAD}"))
    for name in entry.brands_abroad:
        if not name.isascii():
            issues.append(source.issue((*path, "brands_abroad"), f"{where}: '{name}' is not Latin"))
    if "who-atc-ddd" not in entry.sources:
        issues.append(source.issue((*path, "sources"), f"{where}: the ATC code needs who-atc-ddd"))
    spelled = [("uk", entry.name.uk), ("ru", entry.name.ru)]
    for number, brand in enumerate(entry.brands):
        spelled += [("uk", brand.uk), ("ru", brand.ru)]
        if not brand.latin.isascii():
            line = (*path, "brands", number)
            issues.append(source.issue(line, f"{where}: '{brand.latin}' is not in Latin letters"))
    for language, text in spelled:
        wrong = _RUSSIAN_ONLY if language == "uk" else _UKRAINIAN_ONLY
        if set(text) & wrong:
            issues.append(source.issue(path, f"{where}: '{text}' is not {language} spelling"))
    return issues


def _check_words(words: Words, source: SourceFile) -> list[Issue]:
    """A word belongs to one list only, and is one word."""
    issues: list[Issue] = []
    owner: dict[str, str] = {}
    for list_name in ("filler", "generic", "nothing", "separators"):
        for word in getattr(words, list_name).all():
            folded = word.casefold().replace("\u02bc", "'").replace("\u2019", "'")
            if not folded or any(ch.isspace() or ch == "-" for ch in folded):
                issues.append(source.issue(("words", list_name), f"'{word}' is not one word"))
            previous = owner.setdefault(folded, list_name)
            if previous != list_name:
                issues.append(
                    source.issue(("words", list_name), f"'{word}' is in {previous} and {list_name}")
                )
    return issues


def _resolve(model: MedicineFile) -> MedicineTable:
    classes = {
        class_id: MedicineClass(
            id=class_id,
            findings=tuple(klass.findings),
            what={language: klass.what.get(language) for language in LANGUAGES},
        )
        for class_id, klass in model.classes.items()
    }
    medicines = tuple(
        Medicine(
            id=entry.key,
            inn=entry.inn,
            atc=entry.atc,
            classes=tuple(classes[c] for c in entry.classes),
            name={language: entry.name.get(language) for language in LANGUAGES},
            name_is_key=entry.name_is_key,
            # A brand abroad is read like another spelling of the INN: it names it.
            also=(*entry.also, *entry.brands_abroad),
            brands=tuple(Brand(b.uk, b.ru, b.latin, tuple(b.also)) for b in entry.brands),
            sources=tuple(entry.sources),
            name_is_lab=entry.name_is_lab,
            lab_also=tuple(entry.lab_also),
        )
        for entry in model.medicines
    )
    confirm = model.confirm
    return MedicineTable(
        version=model.version,
        sources={s.id: s.citation for s in model.sources},
        confirm={"uk": confirm.uk, "ru": confirm.ru, "en": confirm.en},
        conjunction={language: confirm.and_.get(language) for language in LANGUAGES},
        classes=classes,
        medicines=medicines,
        words=model.words,
    )
