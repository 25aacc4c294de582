"""The words people use for findings (``kb/phrases/``): loaded, checked and cached.

``kb/phrases/{uk,ru,en}.yaml`` hold, per language, each finding's phrases (by the value
they mean), the small words that change a phrase's meaning (negation, doubt, the past,
other people, clause breaks) and the words of numbers. ``kb/phrases/rules.yaml`` holds
what no language owns: which findings are never read as "absent", what the past means
for a finding, which reading of the same words wins. The complaint parser
(:mod:`nightlegs.complaints`) compiles them; here they are only read and checked, so that
``nightlegs kb check`` and the tests can name the file and line of every mistake.

The phrase syntax (one string, words separated by spaces) is documented in
``docs/parsing.md``: ``word`` (any form of it), ``stem*`` (a prefix), ``=form`` (this
form only), ``a|b`` (either), ``@set`` (a named list of alternatives).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from nightlegs.knowledge.compiled import FindingDef
from nightlegs.knowledge.loader import default_kb_dir, load_kb
from nightlegs.knowledge.phrase_files import read_sources
from nightlegs.knowledge.phrase_kinds import CONTEXT_KINDS, NUMBER_KINDS
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError, NodePath, SourceFile
from nightlegs.languages import LANGUAGES

__all__ = [
    "CONTEXT_KINDS",
    "NUMBER_KINDS",
    "LanguagePhrases",
    "PhraseBook",
    "PhraseRules",
    "load_phrases",
    "read_phrases",
]

_VALUE_KEYS = frozenset({"present", "absent", "denied"})
_PHRASE = re.compile(r"^\S+( \S+)*$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Numbers(_Strict):
    words: dict[str, float]
    kinds: dict[str, list[str]]
    #: Unit words in the plural as written («місяці», "months"): with no number before
    #: them they say "some", not "one" («останні місяці»).
    plural_units: list[str] = Field(default_factory=list)


class _LanguageFile(_Strict):
    language: str
    sets: dict[str, str] = Field(default_factory=dict)
    words: dict[str, list[str]]
    numbers: _Numbers
    findings: dict[str, dict[str, list[str]]]


class _Family(_Strict):
    finding: str
    own: list[str] = Field(min_length=1)


class _Rules(_Strict):
    never_absent: list[str]
    past: dict[str, str]
    negated: dict[str, str]
    negated_number: dict[str, float] = Field(default_factory=dict)
    implies: dict[str, list[str]]
    implies_values: dict[str, dict[str, dict[str, str]]] = Field(default_factory=dict)
    overrides: dict[str, list[str]]
    overrides_nearby: dict[str, list[str]]
    numbers_belong_to: list[str]
    numbers_kept: list[str] = Field(default_factory=list)
    never_doubted: list[str] = Field(default_factory=list)
    medicine_times: list[str] = Field(default_factory=list)
    family: _Family
    recent_weeks: dict[str, float]
    fever_celsius: float = Field(gt=35, lt=42)
    hottest_celsius: float = Field(gt=38, lt=45)
    episode_minutes: float = Field(gt=0)
    trimester_weeks: list[int] = Field(min_length=2, max_length=2)
    postpartum_weeks: float = Field(gt=0)
    unit_letters: dict[str, str]


@dataclass(frozen=True, slots=True)
class LanguagePhrases:
    """One language's phrases and words, as written in its file."""

    language: str
    sets: Mapping[str, str]
    words: Mapping[str, tuple[str, ...]]
    number_words: Mapping[str, float]
    number_kinds: Mapping[str, tuple[str, ...]]
    plural_units: frozenset[str]
    #: finding -> value ("present", "absent", "denied", a choice value, "number") -> phrases
    findings: Mapping[str, Mapping[str, tuple[str, ...]]]


@dataclass(frozen=True, slots=True)
class PhraseRules:
    """What the parser does with a finding whatever the language (``rules.yaml``)."""

    never_absent: frozenset[str]
    #: finding -> what a mention in the past means: "keep" (as if now) or a choice value.
    past: Mapping[str, str]
    #: choice finding -> its value when a phrase for it is denied ("не вагітна").
    negated: Mapping[str, str]
    #: number finding -> its value when a phrase for it is denied ("не п'ю алкоголь": 0).
    negated_number: Mapping[str, float]
    implies: Mapping[str, tuple[str, ...]]
    #: finding -> value -> the findings and values a reading of it gives too
    #: (pregnant: a woman).
    implies_values: Mapping[str, Mapping[str, Mapping[str, str]]]
    #: finding -> findings it replaces when both are read from the same words.
    overrides: Mapping[str, tuple[str, ...]]
    #: finding -> findings it replaces when both are read in the same segment.
    overrides_nearby: Mapping[str, tuple[str, ...]]
    #: Findings whose own are the numbers of their segment ("діабет 10 років").
    numbers_belong_to: frozenset[str]
    #: Findings whose numbers stay theirs beside such a finding: their reader ties the
    #: number to its own words ("had my baby 3 weeks ago, c-section").
    numbers_kept: frozenset[str]
    never_doubted: frozenset[str]
    medicine_times: frozenset[str]
    family_finding: str
    family_own: frozenset[str]
    recent_weeks: Mapping[str, float]
    fever_celsius: float
    #: The highest number a bare decimal may be to be read as a temperature.
    hottest_celsius: float
    episode_minutes: float
    trimester_weeks: tuple[int, int]
    postpartum_weeks: float
    #: How laboratory units typed in Cyrillic read in Latin letters ("нг/мл": "ng/ml").
    unit_letters: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class PhraseBook:
    languages: Mapping[str, LanguagePhrases]
    rules: PhraseRules
    #: The vocabulary's findings the phrases were checked against.
    findings: Mapping[str, FindingDef]


def default_phrase_dir() -> Path:
    return default_kb_dir() / "phrases"


def load_phrases(directory: Path | None = None) -> PhraseBook:
    """The phrase book of ``directory`` (default: the packaged one), read once per process."""
    return _load_cached(str((directory or default_phrase_dir()).resolve()))


@lru_cache(maxsize=4)
def _load_cached(directory: str) -> PhraseBook:
    return read_phrases(Path(directory))


def read_phrases(directory: Path, findings: Mapping[str, FindingDef] | None = None) -> PhraseBook:
    """Read and check every phrase file against the vocabulary's ``findings`` (default:
    those of the knowledge base the directory belongs to); raise with every issue found."""
    files = read_sources(directory)
    if findings is None:
        findings = load_kb(directory.parent).findings
    check = _Check(files, dict(findings))
    rules = check.rules()
    languages = {code: check.language(code) for code in LANGUAGES}
    if check.issues or rules is None or None in languages.values():
        raise KnowledgeBaseError(check.issues)
    ready: dict[str, LanguagePhrases] = {
        code: phrases for code, phrases in languages.items() if phrases is not None
    }
    return PhraseBook(ready, rules, dict(findings))


class _Check:
    """The checks of the phrase files; each records an issue and lets reading go on."""

    def __init__(self, files: dict[str, SourceFile], findings: dict[str, FindingDef]) -> None:
        self.files = files
        self.findings = findings
        self.issues: list[Issue] = []
        #: The number findings rules.yaml gives a value when denied (read with the rules).
        self.negated_number: frozenset[str] = frozenset()

    def complain(self, name: str, path: NodePath, message: str) -> None:
        self.issues.append(self.files[name].issue(path, message))

    def model(self, name: str, model: type[BaseModel]) -> Any:
        try:
            return model.model_validate(self.files[name].data)
        except ValidationError as exc:
            for error in exc.errors():
                where = ".".join(str(p) for p in error["loc"]) or "(top)"
                self.complain(name, tuple(error["loc"]), f"{where}: {error['msg']}")
            return None

    def rules(self) -> PhraseRules | None:
        data: _Rules | None = self.model("rules", _Rules)
        if data is None:
            return None
        named = _rule_findings(data)
        for key, finding in named:
            if finding not in self.findings:
                self.complain("rules", (key,), f"unknown finding {finding}")
        self.negated_number = frozenset(data.negated_number)
        for finding, value in {**data.past, **data.negated}.items():
            self._value_known("rules", ("past",), finding, value, extra={"keep"})
        for finding, by_value in data.implies_values.items():
            for value, given in by_value.items():
                self._value_known("rules", ("implies_values",), finding, value, extra=set())
                for other, other_value in given.items():
                    self._value_known("rules", ("implies_values",), other, other_value, extra=set())
        return PhraseRules(
            never_absent=frozenset(data.never_absent),
            past=dict(data.past),
            negated=dict(data.negated),
            negated_number=dict(data.negated_number),
            implies={k: tuple(v) for k, v in data.implies.items()},
            implies_values=data.implies_values,
            overrides={k: tuple(v) for k, v in data.overrides.items()},
            overrides_nearby={k: tuple(v) for k, v in data.overrides_nearby.items()},
            numbers_belong_to=frozenset(data.numbers_belong_to),
            numbers_kept=frozenset(data.numbers_kept),
            never_doubted=frozenset(data.never_doubted),
            medicine_times=frozenset(data.medicine_times),
            family_finding=data.family.finding,
            family_own=frozenset(data.family.own),
            recent_weeks=dict(data.recent_weeks),
            fever_celsius=data.fever_celsius,
            hottest_celsius=data.hottest_celsius,
            episode_minutes=data.episode_minutes,
            trimester_weeks=(data.trimester_weeks[0], data.trimester_weeks[1]),
            postpartum_weeks=data.postpartum_weeks,
            unit_letters=dict(data.unit_letters),
        )

    def language(self, code: str) -> LanguagePhrases | None:
        data: _LanguageFile | None = self.model(code, _LanguageFile)
        if data is None:
            return None
        if data.language != code:
            self.complain(code, ("language",), f"language is {data.language}, not {code}")
        self._kinds(code, "words", data.words, CONTEXT_KINDS)
        self._kinds(code, "numbers", data.numbers.kinds, NUMBER_KINDS, ("numbers", "kinds"))
        for finding, by_value in data.findings.items():
            for value, phrases in by_value.items():
                path = ("findings", finding, value)
                self._value_known(code, path, finding, value, extra=_VALUE_KEYS | {"number"})
                self._phrases(code, path, phrases, data.sets)
        for kind, phrases in data.words.items():
            self._phrases(code, ("words", kind), phrases, data.sets)
        return LanguagePhrases(
            language=code,
            sets=dict(data.sets),
            words={k: tuple(v) for k, v in data.words.items()},
            number_words=dict(data.numbers.words),
            number_kinds={k: tuple(v) for k, v in data.numbers.kinds.items()},
            plural_units=frozenset(data.numbers.plural_units),
            findings={f: {v: tuple(p) for v, p in by.items()} for f, by in data.findings.items()},
        )

    def _kinds(
        self,
        name: str,
        key: str,
        lists: dict[str, list[str]],
        expected: tuple[str, ...],
        path: NodePath | None = None,
    ) -> None:
        where = path or (key,)
        for kind in sorted(set(expected) - set(lists)):
            self.complain(name, where, f"{key}: '{kind}' is missing")
        for kind in sorted(set(lists) - set(expected)):
            self.complain(name, (*where, kind), f"{key}: unknown list '{kind}'")

    def _value_known(
        self, name: str, path: NodePath, finding: str, value: str, extra: set[str] | frozenset[str]
    ) -> None:
        definition = self.findings.get(finding)
        if definition is None:
            self.complain(name, path, f"unknown finding {finding}")
            return
        allowed = {
            # A yes/no finding's number is a temperature (fever: rules.yaml fever_celsius).
            "boolean": {"present", "absent", "denied", "number"},
            # A denied phrase of a number gives rules.yaml's negated_number (none: an issue).
            "number": {"number", "denied"} if finding in self.negated_number else {"number"},
            "choice": set(definition.values) | {"denied"},
        }[definition.type]
        if value not in allowed and not (value == "keep" and "keep" in extra):
            expected = ", ".join(sorted(allowed | ({"keep"} & set(extra))))
            self.complain(name, path, f"{finding} ({definition.type}): '{value}' is not {expected}")

    def _phrases(
        self, name: str, path: NodePath, phrases: list[str], sets: Mapping[str, str]
    ) -> None:
        seen: set[str] = set()
        for index, phrase in enumerate(phrases):
            where = (*path, index)
            if not isinstance(phrase, str) or not _PHRASE.match(phrase):
                self.complain(name, where, f"not a phrase: {phrase!r}")
                continue
            if phrase in seen:
                self.complain(name, where, f"repeated phrase {phrase!r}")
            seen.add(phrase)
            for word in phrase.split(" "):
                for part in word.split("|"):
                    if part.startswith("@") and part[1:] not in sets:
                        self.complain(name, where, f"unknown set {part}")
                    elif not part or part in {"*", "="}:
                        self.complain(name, where, f"empty word in {phrase!r}")


def _rule_findings(data: _Rules) -> list[tuple[str, str]]:
    """Every finding ``rules.yaml`` names, with the key it stands under."""
    return [
        *(("never_absent", f) for f in data.never_absent),
        *(("past", f) for f in data.past),
        *(("negated", f) for f in data.negated),
        *(("negated_number", f) for f in data.negated_number),
        *(("implies", f) for f in data.implies),
        *(("implies", f) for fs in data.implies.values() for f in fs),
        *(("implies_values", f) for f in data.implies_values),
        *(
            ("implies_values", f)
            for by_value in data.implies_values.values()
            for given in by_value.values()
            for f in given
        ),
        *(("overrides", f) for f in data.overrides),
        *(("overrides", f) for fs in data.overrides.values() for f in fs),
        *(("overrides_nearby", f) for f in data.overrides_nearby),
        *(("overrides_nearby", f) for fs in data.overrides_nearby.values() for f in fs),
        *(("numbers_belong_to", f) for f in data.numbers_belong_to),
        *(("numbers_kept", f) for f in data.numbers_kept),
        *(("never_doubted", f) for f in data.never_doubted),
        *(("medicine_times", f) for f in data.medicine_times),
        *(("recent_weeks", f) for f in data.recent_weeks),
        ("family", data.family.finding),
        *(("family", f) for f in data.family.own),
    ]
