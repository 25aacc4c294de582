"""Load, validate and compile the knowledge base; cache the result per directory."""

from __future__ import annotations

import hashlib
import os
import pickle
from functools import lru_cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, TypeAdapter, ValidationError

from nightlegs.knowledge import schema
from nightlegs.knowledge.compiled import (
    CompiledAdvice,
    CompiledCondition,
    CompiledContradiction,
    CompiledContraindication,
    CompiledCriterion,
    CompiledFactorRule,
    CompiledLeadTie,
    CompiledQuestion,
    CompiledRouting,
    CompiledScopeRule,
    CompiledTestRule,
    CompiledTriageRule,
    CompiledUrgentOnly,
    CompiledVariant,
    FindingDef,
    KnowledgeBase,
    Rule,
    ScoredFeature,
    UnitConversion,
)
from nightlegs.knowledge.expressions import (
    Compiled,
    ExpressionError,
    bind_levels,
    compile_expr,
    parse,
    thresholds,
)
from nightlegs.knowledge.lint import lint
from nightlegs.knowledge.yaml_source import Issue, KnowledgeBaseError, NodePath, SourceFile, read

FILES = (
    "meta",
    "vocabulary",
    "sources",
    "units",
    "predicates",
    "conditions",
    "triage",
    "factors",
    "specialists",
    "tests",
    "advice",
    "questions",
    "texts",
    "consistency",
)

M = TypeVar("M")


def default_kb_dir() -> Path:
    return Path(str(resources.files("nightlegs") / "kb"))


def load_kb(directory: Path | None = None) -> KnowledgeBase:
    """The compiled knowledge base; loaded once per directory and then cached."""
    return _load_cached(str((directory or default_kb_dir()).resolve()))


@lru_cache(maxsize=8)
def _load_cached(directory: str) -> KnowledgeBase:
    return build(Path(directory), cache_dir=cache_dir())


def cache_dir() -> Path | None:
    """Where parsed YAML is kept between processes (``NIGHTLEGS_CACHE_DIR``; empty: none).

    Parsing the YAML is the slow part of a load; the parsed data is stored under
    the content hash, so an edited file is always read afresh.
    """
    configured = os.environ.get("NIGHTLEGS_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured.strip() else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "nightlegs"


def content_hash(directory: Path) -> str:
    digest = hashlib.sha256()
    for name in FILES:
        path = directory / f"{name}.yaml"
        digest.update(name.encode())
        digest.update(path.read_bytes() if path.exists() else b"")
    return digest.hexdigest()


def read_files(directory: Path) -> dict[str, SourceFile]:
    """Parse every file, or raise with every file-level issue found."""
    issues: list[Issue] = []
    files: dict[str, SourceFile] = {}
    for name in FILES:
        path = directory / f"{name}.yaml"
        if not path.exists():
            issues.append(Issue(f"{name}.yaml", 1, "file is missing"))
            continue
        try:
            files[name] = read(path)
        except KnowledgeBaseError as exc:
            issues.extend(exc.issues)
    if issues:
        raise KnowledgeBaseError(issues)
    return files


def _cached_files(directory: Path, digest: str, cache: Path | None) -> dict[str, SourceFile]:
    target = cache / f"kb-{digest}.pickle" if cache else None
    if target is not None and target.exists():
        try:
            with target.open("rb") as handle:
                # Written by this function only, under a hash of the content.
                files: dict[str, SourceFile] = pickle.load(handle)
            return files
        except (OSError, pickle.PickleError, EOFError, AttributeError):
            pass  # a damaged cache is ignored and rewritten
    files = read_files(directory)
    if target is not None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(f".{os.getpid()}.tmp")
            with temporary.open("wb") as handle:
                pickle.dump(files, handle, protocol=pickle.HIGHEST_PROTOCOL)
            temporary.replace(target)
        except OSError:
            pass  # a read-only home is fine: we just parse every time
    return files


def build(directory: Path, cache_dir: Path | None = None) -> KnowledgeBase:
    """Read every file of ``directory`` and compile it, or raise with every issue found."""
    digest = content_hash(directory)
    files = _cached_files(directory, digest, cache_dir)
    builder = _Builder(files, digest)
    kb = builder.build()
    issues = builder.issues + (lint(kb, files) if kb is not None else [])
    if issues or kb is None:
        raise KnowledgeBaseError(issues)
    return kb


class _Builder:
    def __init__(self, files: dict[str, SourceFile], digest: str) -> None:
        self.files = files
        self.digest = digest
        self.issues: list[Issue] = []
        self.predicate_exprs: dict[str, Any] = {}
        self.loinc: dict[str, str] = {}

    # -- helpers ---------------------------------------------------------------

    def model(self, file: str, adapter: Any, data: Any, base: NodePath = ()) -> Any:
        source = self.files[file]
        try:
            if isinstance(adapter, type) and issubclass(adapter, BaseModel):
                return adapter.model_validate(data, strict=False)
            return TypeAdapter(adapter).validate_python(data)
        except ValidationError as exc:
            for error in exc.errors():
                path = (*base, *error["loc"])
                where = ".".join(str(p) for p in path) or "(top)"
                self.issues.append(source.issue(path, f"{where}: {error['msg']}"))
            return None

    def expr(self, file: str, path: NodePath, data: Any) -> Rule | None:
        try:
            parsed = bind_levels(parse(data, path), self.level_ranks)
        except ExpressionError as exc:
            self.issues.append(self.files[file].issue(exc.path or path, exc.message))
            return None
        self.check_expr_ids(file, path, parsed)
        return Rule(parsed, compile_expr(parsed))

    def check_expr_ids(self, file: str, path: NodePath, expr: Any) -> None:
        source = self.files[file]
        for node in expr.walk():
            if node.finding is not None:
                definition = self.findings.get(node.finding)
                if definition is None:
                    self.issues.append(source.issue(path, f"unknown finding '{node.finding}'"))
                elif node.op == "in":
                    for value in node.arg:
                        if value not in definition.values:
                            self.issues.append(
                                source.issue(path, f"'{value}' is not a value of {node.finding}")
                            )
                elif node.op == "is" and definition.type != "boolean":
                    self.issues.append(
                        source.issue(path, f"{node.finding} is not a yes/no finding")
                    )
                elif node.op in {"ge", "gt", "le", "lt"} and definition.type != "number":
                    self.issues.append(
                        source.issue(path, f"{node.finding} is not a number finding")
                    )
            kinds = {
                "suspected": self.condition_ids,
                "listed": self.condition_ids,
                "leading": self.condition_ids,
                "factor": self.factor_ids,
                "ref": set(self.files["predicates"].data or {}),
            }
            if node.op in kinds:
                args = node.arg if isinstance(node.arg, tuple) else (node.arg,)
                for arg in args:
                    if arg not in kinds[node.op]:
                        self.issues.append(source.issue(path, f"unknown {node.op} id '{arg}'"))

    def sources_exist(self, file: str, path: NodePath, ids: list[str] | None) -> None:
        for source_id in ids or []:
            if source_id not in self.source_ids:
                self.issues.append(self.files[file].issue(path, f"unknown source '{source_id}'"))

    # -- build -----------------------------------------------------------------

    def build(self) -> KnowledgeBase | None:
        meta = self.model("meta", schema.Meta, self.files["meta"].data)
        sources = self.model("sources", list[schema.Source], self.files["sources"].data) or []
        self.source_ids = {s.id for s in sources}
        self.vocabulary = self.files["vocabulary"].data or {}
        self.findings = _finding_defs(self.vocabulary.get("findings", {}))
        self.condition_ids = set(self.vocabulary.get("conditions", {}))
        self.factor_ids = set(self.vocabulary.get("factors", {}))
        triage = self.model("triage", schema.Triage, self.files["triage"].data)
        levels = tuple(triage.levels) if triage else ()
        self.level_ranks = {level.id: rank for rank, level in enumerate(levels)}
        if triage is not None:
            self.check_vocabulary_levels(levels)

        predicates = self.build_predicates()
        conditions = self.build_conditions()
        factors = self.model("factors", list[schema.Factor], self.files["factors"].data) or []
        specialists = self.model("specialists", schema.Specialists, self.files["specialists"].data)
        tests = self.model("tests", schema.Tests, self.files["tests"].data)
        advice = self.model("advice", schema.Advice, self.files["advice"].data)
        questions = self.model("questions", schema.Questions, self.files["questions"].data)
        texts = self.model("texts", schema.Texts, self.files["texts"].data)
        units = self.build_units()
        if None in (meta, triage, specialists, tests, advice, questions, texts) or self.issues:
            return None
        for part in (meta, triage, specialists, tests, advice, questions, texts):
            assert part is not None
        triage_rules = tuple(
            CompiledTriageRule(rule, self.level_ranks.get(rule.level, 0), r)
            for i, rule in enumerate(triage.rules)
            if (r := self.expr("triage", ("rules", i, "when"), rule.when))
        ) + self.build_unresolved(triage.unresolved)
        for i, rule in enumerate(triage.rules):
            if rule.level not in self.level_ranks:
                self.issues.append(
                    self.files["triage"].issue(("rules", i, "level"), f"unknown level {rule.level}")
                )
            if rule.lead not in (None, "listed") and rule.lead not in self.condition_ids:
                self.issues.append(
                    self.files["triage"].issue(("rules", i, "lead"), f"unknown lead {rule.lead}")
                )
            self.sources_exist("triage", ("rules", i), rule.sources)
        lead_ties = self.build_lead_ties(triage.lead_ties)
        urgent_only = []
        for i, only in enumerate(triage.urgent_only):
            self.sources_exist("triage", ("urgent_only", i), only.sources)
            if only.level not in self.level_ranks:
                self.issues.append(
                    self.files["triage"].issue(("urgent_only", i), f"unknown level {only.level}")
                )
            elif rule := self.expr("triage", ("urgent_only", i, "when"), only.when):
                urgent_only.append(CompiledUrgentOnly(self.level_ranks[only.level], rule))
        contradictions = self.build_contradictions()
        scope_rules = tuple(
            CompiledScopeRule(rule, r)
            for i, rule in enumerate(triage.scope)
            if (r := self.expr("triage", ("scope", i, "when"), rule.when))
        )
        kb = KnowledgeBase(
            meta=meta,
            content_hash=self.digest,
            sources={s.id: s for s in sources},
            findings=self.findings,
            units=units,
            predicates=predicates,
            conditions=conditions,
            levels=levels,
            triage_rules=triage_rules,
            scope_rules=scope_rules,
            factors={f.id: f for f in factors},
            factor_rules=self.build_factor_rules(factors),
            specialist_names=specialists.names,
            first_specialist=self.build_routing(specialists.first, "first"),
            also_specialists=self.build_routing(specialists.also, "also"),
            fallback_specialist=self.build_routing([specialists.fallback], "fallback")[0],
            test_names=tests.names,
            test_rules=self.build_tests(tests),
            advice=self.build_advice(advice),
            advice_suppression=advice.emergency_suppression,
            out_of_scope_suppression=advice.out_of_scope_suppression,
            suppression_rank=self.level_ranks.get(advice.emergency_suppression.level, 0),
            questions=self.build_questions(questions),
            question_texts=questions,
            texts=texts,
            red_flags=frozenset(
                f
                for rule in triage_rules
                if rule.source.red_flag
                for f in rule.rule.expr.findings()
            ),
            emergency_red_flags=tuple(triage.unresolved.findings),
            lead_ties=lead_ties,
            urgent_only=tuple(urgent_only),
            contradictions=contradictions,
            items={item.finding: item for q in questions.questions for item in q.items},
        )
        object.__setattr__(kb, "predicate_exprs", dict(self.predicate_exprs))
        object.__setattr__(kb, "loinc", dict(self.loinc))
        object.__setattr__(
            kb, "question_by_finding", {f: q for q in kb.questions for f in q.findings}
        )
        object.__setattr__(kb, "probe_values", self.probe_values(kb))
        return None if self.issues else kb

    def check_vocabulary_levels(self, levels: tuple[schema.TriageLevel, ...]) -> None:
        wanted = list(self.vocabulary.get("triage_levels", {}))
        have = [level.id for level in levels]
        if wanted != have:
            self.issues.append(
                self.files["triage"].issue(("levels",), f"levels must be {wanted}, got {have}")
            )

    def build_unresolved(
        self, unresolved: schema.UnresolvedRedFlags
    ) -> tuple[CompiledTriageRule, ...]:
        """One rule per emergency-level red flag: answered "I don't know", it
        gives at least ``unresolved.level`` and names the sign."""
        path: NodePath = ("unresolved",)
        self.sources_exist("triage", path, unresolved.sources)
        if unresolved.level not in self.level_ranks:
            self.issues.append(
                self.files["triage"].issue(path, f"unknown level {unresolved.level}")
            )
            return ()
        rules = []
        for finding in unresolved.findings:
            if finding not in self.findings:
                self.issues.append(self.files["triage"].issue(path, f"unknown finding {finding}"))
                continue
            source = schema.TriageRule(
                id=f"unresolved-{finding}",
                level=unresolved.level,
                when={"answered_unknown": finding},
                reason=unresolved.reason,
                sources=unresolved.sources,
            )
            rule = self.expr("triage", path, source.when)
            if rule:
                rules.append(
                    CompiledTriageRule(source, self.level_ranks[unresolved.level], rule, finding)
                )
        return tuple(rules)

    def build_lead_ties(self, ties: list[schema.LeadTie]) -> tuple[CompiledLeadTie, ...]:
        result = []
        for i, tie in enumerate(ties):
            path: NodePath = ("lead_ties", i)
            self.sources_exist("triage", path, tie.sources)
            for condition in (tie.first, *tie.before):
                if condition not in self.condition_ids:
                    self.issues.append(
                        self.files["triage"].issue(path, f"unknown condition {condition}")
                    )
            rule = None if tie.when is None else self.expr("triage", (*path, "when"), tie.when)
            result.append(CompiledLeadTie(tie, rule))
        return tuple(result)

    def build_contradictions(self) -> tuple[CompiledContradiction, ...]:
        items = self.model(
            "consistency", list[schema.Contradiction], self.files["consistency"].data
        )
        result = []
        for i, item in enumerate(items or []):
            self.sources_exist("consistency", (i,), item.sources)
            for finding in item.findings:
                if finding not in self.findings:
                    self.issues.append(
                        self.files["consistency"].issue((i,), f"unknown finding {finding}")
                    )
            rule = self.expr("consistency", (i, "when"), item.when)
            if rule:
                result.append(CompiledContradiction(item, rule))
        return tuple(result)

    def build_predicates(self) -> dict[str, Compiled]:
        raw = self.files["predicates"].data or {}
        compiled: dict[str, Compiled] = {}
        for name, data in raw.items():
            item = self.model("predicates", schema.Predicate, data, (name,))
            if item is None:
                continue
            self.sources_exist("predicates", (name,), item.sources)
            rule = self.expr("predicates", (name, "when"), item.when)
            if rule:
                compiled[name] = rule.test
                self.predicate_exprs[name] = rule.expr
        return compiled

    def build_units(self) -> dict[str, dict[str, UnitConversion]]:
        items = self.model("units", list[schema.LabUnits], self.files["units"].data) or []
        table: dict[str, dict[str, UnitConversion]] = {}
        for i, item in enumerate(items):
            if self.findings.get(item.finding, None) is None:
                self.issues.append(
                    self.files["units"].issue((i,), f"unknown finding {item.finding}")
                )
                continue
            self.sources_exist("units", (i,), item.sources)
            if item.loinc is not None:
                self.loinc[item.finding] = item.loinc
            table[item.finding] = {
                normalise_unit(alias.unit): UnitConversion(alias.unit, alias.factor, alias.offset)
                for alias in item.accepts
            }
        return table

    def build_conditions(self) -> tuple[CompiledCondition, ...]:
        items = self.model("conditions", list[schema.Condition], self.files["conditions"].data)
        result = []
        for i, item in enumerate(items or []):
            if item.id not in self.condition_ids:
                self.issues.append(self.files["conditions"].issue((i,), f"unknown id {item.id}"))
            self.sources_exist("conditions", (i,), item.sources)
            criteria = []
            for j, criterion in enumerate(item.criteria):
                self.sources_exist("conditions", (i, "criteria", j), criterion.sources)
                rule = self.expr("conditions", (i, "criteria", j, "when"), criterion.when)
                if rule:
                    criteria.append(CompiledCriterion(criterion, rule))
            features = [
                f
                for j, feature in enumerate(item.features)
                if (f := self.build_feature(feature, (i, "features", j)))
            ]
            for finding in item.unresolved_signs:
                if finding not in self.findings:
                    self.issues.append(
                        self.files["conditions"].issue((i,), f"unknown finding {finding}")
                    )
            hidden = (
                self.expr("conditions", (i, "hidden_when"), item.hidden_when)
                if item.hidden_when is not None
                else None
            )
            may_lead = (
                self.expr("conditions", (i, "may_lead"), item.may_lead)
                if item.may_lead is not None
                else None
            )
            result.append(
                CompiledCondition(item, tuple(features), tuple(criteria), hidden, may_lead)
            )
        return tuple(result)

    def build_feature(self, feature: schema.Feature, path: NodePath) -> ScoredFeature | None:
        self.sources_exist("conditions", path, feature.sources)
        if feature.when is not None:
            rule = self.expr("conditions", (*path, "when"), feature.when)
            if rule is None or feature.weight is None:
                if feature.weight is None:
                    self.issues.append(
                        self.files["conditions"].issue(path, "'when' needs 'weight'")
                    )
                return None
            findings = tuple(sorted(rule.expr.findings()))
            return ScoredFeature(findings, None, 0.0, 0.0, {}, rule, feature.weight)
        if feature.finding is None or feature.finding not in self.findings:
            self.issues.append(
                self.files["conditions"].issue(path, f"unknown finding {feature.finding}")
            )
            return None
        definition = self.findings[feature.finding]
        for value in feature.values or {}:
            if value not in definition.values:
                self.issues.append(
                    self.files["conditions"].issue(
                        path, f"{value} is not a value of {definition.id}"
                    )
                )
        return ScoredFeature(
            (feature.finding,),
            feature.finding,
            feature.present or 0.0,
            feature.absent or 0.0,
            dict(feature.values or {}),
            None,
            0.0,
        )

    def build_factor_rules(self, factors: list[schema.Factor]) -> tuple[CompiledFactorRule, ...]:
        result = []
        for i, factor in enumerate(factors):
            if factor.id not in self.factor_ids:
                self.issues.append(self.files["factors"].issue((i,), f"unknown factor {factor.id}"))
            for j, rule in enumerate(factor.rules):
                self.sources_exist("factors", (i, "rules", j), rule.sources)
                for condition in rule.relevant_to or []:
                    if condition not in self.condition_ids:
                        self.issues.append(
                            self.files["factors"].issue((i, "rules", j), f"unknown {condition}")
                        )
                compiled = self.expr("factors", (i, "rules", j, "when"), rule.when)
                if compiled:
                    result.append(CompiledFactorRule(factor.id, rule, compiled))
        return tuple(result)

    def build_routing(
        self, rules: list[schema.RoutingRule], key: str
    ) -> tuple[CompiledRouting, ...]:
        known = set(self.vocabulary.get("specialists", {}))
        result = []
        for i, item in enumerate(rules):
            if item.specialist not in known:
                self.issues.append(
                    self.files["specialists"].issue(
                        (key, i), f"unknown specialist {item.specialist}"
                    )
                )
            self.sources_exist("specialists", (key, i), item.sources)
            rule = self.expr("specialists", (key, i, "when"), item.when)
            if rule:
                result.append(CompiledRouting(item, rule))
        return tuple(result)

    def build_tests(self, tests: schema.Tests) -> tuple[CompiledTestRule, ...]:
        known = set(tests.names)
        result = []
        for i, item in enumerate(tests.rules):
            for test in item.tests:
                if test not in known:
                    self.issues.append(
                        self.files["tests"].issue(("rules", i), f"unknown test {test}")
                    )
            self.sources_exist("tests", ("rules", i), item.sources)
            rule = self.expr("tests", ("rules", i, "when"), item.when)
            if rule:
                result.append(CompiledTestRule(item, rule))
        return tuple(result)

    def build_advice(self, advice: schema.Advice) -> tuple[CompiledAdvice, ...]:
        result = []
        for i, item in enumerate(advice.items):
            path: NodePath = ("items", i)
            self.sources_exist("advice", path, item.sources)
            give = self.expr("advice", (*path, "give_when"), item.give_when)
            contras = []
            for j, contra in enumerate(item.contraindications):
                self.sources_exist("advice", (*path, "contraindications", j), contra.sources)
                rule = self.expr("advice", (*path, "contraindications", j, "when"), contra.when)
                if rule:
                    contras.append(CompiledContraindication(contra, rule))
            variants = self.build_variants(item.variants, (*path, "variants"))
            caveats = self.build_variants(item.caveats, (*path, "caveats"))
            if give:
                result.append(CompiledAdvice(item, give, tuple(contras), variants, caveats))
        return tuple(result)

    def build_variants(
        self, variants: list[schema.TextVariant], path: NodePath
    ) -> tuple[CompiledVariant, ...]:
        return tuple(
            CompiledVariant(rule, variant.text)
            for j, variant in enumerate(variants)
            if (rule := self.expr("advice", (*path, j, "when"), variant.when))
        )

    def build_questions(self, questions: schema.Questions) -> tuple[CompiledQuestion, ...]:
        stages = list(questions.stages)
        result = []
        for i, item in enumerate(questions.questions):
            path: NodePath = ("questions", i)
            if item.stage not in stages:
                self.issues.append(
                    self.files["questions"].issue(path, f"unknown stage {item.stage}")
                )
            ask_if = None
            if item.ask_if is not None:
                ask_if = self.expr("questions", (*path, "ask_if"), item.ask_if)
            required_if = None
            if item.required_if is not None:
                required_if = self.expr("questions", (*path, "required_if"), item.required_if)
            rank = stages.index(item.stage) if item.stage in stages else 0
            result.append(CompiledQuestion(item, ask_if, rank, i, required_if))
        return tuple(result)

    def probe_values(self, kb: KnowledgeBase) -> dict[str, tuple[float, ...]]:
        """Answers just either side of every numeric limit any rule or feature uses."""
        limits: dict[str, set[float]] = {}
        for expr in _all_exprs(kb, self.predicate_exprs):
            for finding, values in thresholds(expr).items():
                limits.setdefault(finding, set()).update(values)
        probes: dict[str, tuple[float, ...]] = {}
        for finding, values in limits.items():
            definition = kb.findings[finding]
            low = definition.minimum if definition.minimum is not None else float("-inf")
            high = definition.maximum if definition.maximum is not None else float("inf")
            # Every comparison with every limit gives the same answer anywhere
            # strictly between two neighbouring limits, so one point there is
            # enough: each limit itself, the midpoints, and one point beyond each end.
            limits_sorted = sorted(values)
            first, last = limits_sorted[0], limits_sorted[-1]
            points: set[float] = set(limits_sorted)
            points.update((a + b) / 2 for a, b in pairwise(limits_sorted))
            points.add(first - max(abs(first) * 0.01, 0.01))
            points.add(last + max(abs(last) * 0.01, 0.01))
            probes[finding] = tuple(sorted(p for p in points if low <= p <= high))
        return probes


def _all_exprs(kb: KnowledgeBase, predicates: dict[str, Any]) -> list[Any]:
    exprs: list[Any] = list(predicates.values())
    for condition in kb.conditions:
        exprs.extend(c.rule.expr for c in condition.criteria)
        exprs.extend(r.expr for r in (condition.hidden_when, condition.may_lead) if r)
        exprs.extend(f.rule.expr for f in condition.features if f.rule)
    exprs.extend(r.rule.expr for r in kb.triage_rules)
    exprs.extend(r.rule.expr for r in kb.scope_rules)
    exprs.extend(r.rule.expr for r in kb.factor_rules)
    exprs.extend(r.rule.expr for r in (*kb.first_specialist, *kb.also_specialists))
    exprs.extend(r.rule.expr for r in kb.test_rules)
    for item in kb.advice:
        exprs.append(item.give_when.expr)
        exprs.extend(c.rule.expr for c in item.contraindications)
        exprs.extend(v.rule.expr for v in (*item.variants, *item.caveats))
    exprs.extend(c.rule.expr for c in kb.contradictions)
    exprs.extend(u.rule.expr for u in kb.urgent_only)
    return exprs


def normalise_unit(unit: str) -> str:
    return unit.strip().replace("µ", "u").replace("μ", "u").replace(" ", "").lower()


def _finding_defs(raw: dict[str, Any]) -> dict[str, FindingDef]:
    result = {}
    for finding_id, data in raw.items():
        bounds = data.get("range") or [None, None]
        result[finding_id] = FindingDef(
            id=finding_id,
            type=data["type"],
            means=str(data.get("means", "")),
            unit=data.get("unit"),
            minimum=None if bounds[0] is None else float(bounds[0]),
            maximum=None if bounds[1] is None else float(bounds[1]),
            values=tuple(str(v) for v in data.get("values", ())),
        )
    return result
