"""Checks that need the whole knowledge base at once: coverage and reachability."""

from __future__ import annotations

from typing import TYPE_CHECKING

from nightlegs.knowledge.yaml_source import Issue, SourceFile

if TYPE_CHECKING:
    from nightlegs.knowledge.compiled import KnowledgeBase

_TYPES_FOR_QUESTION = {
    "single": {"boolean"},
    "group_single": {"boolean"},
    "group_multiple": {"boolean"},
    "number": {"number"},
    "choice": {"choice"},
}


def used_findings(kb: KnowledgeBase) -> set[str]:
    """Every finding some rule, feature or criterion looks at."""
    used: set[str] = set()
    for condition in kb.conditions:
        for feature in condition.features:
            used.update(feature.findings)
        for criterion in condition.criteria:
            used.update(criterion.rule.expr.findings())
    rules = [
        *(r.rule for r in kb.triage_rules),
        *(r.rule for r in kb.scope_rules),
        *(r.rule for r in kb.factor_rules),
        *(r.rule for r in kb.first_specialist),
        *(r.rule for r in kb.also_specialists),
        *(r.rule for r in kb.test_rules),
    ]
    for advice in kb.advice:
        rules.append(advice.give_when)
        rules.extend(c.rule for c in advice.contraindications)
    for rule in rules:
        used.update(rule.expr.findings())
    for question in kb.questions:
        for gate in (question.ask_if, question.required_if):
            if gate is not None:
                used.update(gate.expr.findings())
    for expr in kb.predicate_exprs.values():
        used.update(expr.findings())
    return used


def lint(kb: KnowledgeBase, files: dict[str, SourceFile]) -> list[Issue]:
    issues: list[Issue] = []
    vocabulary = files["vocabulary"].data or {}

    def missing(file: str, path: tuple[str | int, ...], kind: str, have: set[str]) -> None:
        for wanted in vocabulary.get(kind, {}):
            if wanted not in have:
                issues.append(
                    files[file].issue(path, f"vocabulary {kind} id '{wanted}' is missing")
                )

    missing("conditions", (), "conditions", {c.id for c in kb.conditions})
    missing("factors", (), "factors", set(kb.factors))
    missing("specialists", ("names",), "specialists", set(kb.specialist_names))
    missing("tests", ("names",), "tests", set(kb.test_names))
    missing("advice", ("items",), "advice", {a.id for a in kb.advice})
    for i, condition in enumerate(kb.conditions):
        if not any(
            f.present > 0 or f.weight > 0 or any(v > 0 for v in f.values.values())
            for f in condition.features
        ):
            issues.append(
                files["conditions"].issue((i,), f"{condition.id} has no supporting evidence")
            )
    order = {"low": 0, "moderate": 1}
    for i, condition in enumerate(kb.conditions):
        for j, feature in enumerate(condition.features):
            if feature.absent > 0:
                issues.append(
                    files["conditions"].issue(
                        (i, "features", j), "an answer 'absent' must not add evidence (weight > 0)"
                    )
                )
        for j, criterion in enumerate(condition.criteria):
            required, unknown = criterion.source.required_cap, criterion.source.unknown_cap
            if unknown and (required is None or order[unknown] < order[required]):
                issues.append(
                    files["conditions"].issue(
                        (i, "criteria", j),
                        "unknown_cap must not be lower than required_cap: "
                        "'I don't know' may never count for less than 'no'",
                    )
                )
    issues.extend(_lint_questions(kb, files["questions"]))
    return issues


def _lint_questions(kb: KnowledgeBase, source: SourceFile) -> list[Issue]:
    issues: list[Issue] = []
    used = used_findings(kb)
    asked_by: dict[str, str] = {}
    for i, question in enumerate(kb.questions):
        path: tuple[str | int, ...] = ("questions", i)
        q = question.source
        if q.type in {"single", "number", "choice"} and len(q.items) != 1:
            issues.append(source.issue(path, f"{q.id}: a {q.type} question has exactly one item"))
        for j, item in enumerate(q.items):
            item_path = (*path, "items", j)
            definition = kb.findings.get(item.finding)
            if definition is None:
                issues.append(source.issue(item_path, f"unknown finding '{item.finding}'"))
                continue
            if definition.type not in _TYPES_FOR_QUESTION[q.type]:
                issues.append(
                    source.issue(
                        item_path, f"{item.finding} ({definition.type}) in a {q.type} question"
                    )
                )
            if item.finding in asked_by:
                issues.append(
                    source.issue(
                        item_path, f"{item.finding} is already asked by {asked_by[item.finding]}"
                    )
                )
            asked_by[item.finding] = q.id
            if definition.type == "choice":
                have = set(item.choices or {})
                if have != set(definition.values):
                    issues.append(
                        source.issue(
                            item_path, f"choices must be exactly {list(definition.values)}"
                        )
                    )
            if item.finding in kb.red_flags and item.again is None:
                issues.append(
                    source.issue(item_path, f"red flag {item.finding} needs 'again' (other words)")
                )
        if not q.mandatory and not any(f in used for f in question.findings):
            issues.append(
                source.issue(path, f"question {q.id} can never be asked: no rule uses its answers")
            )
    for finding in kb.findings:
        if finding not in asked_by:
            issues.append(
                source.issue((), f"vocabulary finding '{finding}' is asked by no question")
            )
    return issues
