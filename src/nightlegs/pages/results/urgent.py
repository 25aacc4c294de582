"""What the emergency page (and a result at an emergency level) asks the person to do now:
the one action of the level, the safety-net sentences of the rules that fired, the safety
instructions, and "what to tell them" in two lines built from the person's own answers.

Clinical text comes from the knowledge base; only the frame of the two lines ("Man, 45
years old.") comes from the catalogues.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from nightlegs.engine import Assessment, Value, decide
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.pages.common import Web
from nightlegs.pages.views import Deployment, Labels

#: The level whose one action is a call; at the other emergency level it is going in.
AMBULANCE = "emergency_ambulance"

#: Said on the first line, not among the signs.
PERSONAL = frozenset({"age", "sex", "pregnancy"})

#: Pregnancy as a trimester: the first line says only "pregnant".
PREGNANT = frozenset({"trimester_1", "trimester_2", "trimester_3"})

#: Answers that mean the sign is not there.
NOT_THERE = frozenset({"absent", "none", "not_pregnant"})

#: The second line stays short enough to read out.
MOST_SIGNS = 4


@dataclass(frozen=True, slots=True)
class AdviceView:
    id: str
    text: str


@dataclass(frozen=True, slots=True)
class UrgentView:
    level: str
    #: ``emergency_ambulance``: the action is a call; ``emergency``: going in now.
    ambulance: bool
    #: What to do now and while waiting (for an ambulance: the level's whole sentence).
    safety: str
    #: The first line of what to tell them: sex, age, pregnancy ("" when none is known).
    who: str
    #: The second line: the urgent signs and values, in the person's answers.
    what: str
    safety_advice: list[AdviceView]


def for_page(
    web: Web, assessment: Assessment, values: Mapping[str, Value], lang: str
) -> UrgentView:
    """The emergency page's view (the interview's route hands it to ``emergency.html``)."""
    t = web.pages.translators[lang]
    return urgent_view(web.context.kb, web.labels, assessment, values, t, web.deployment)


def urgent_view(
    kb: KnowledgeBase,
    labels: Labels,
    assessment: Assessment,
    values: Mapping[str, Value],
    t: Translator,
    deployment: Deployment,
) -> UrgentView:
    level = assessment.triage.level
    return UrgentView(
        level=level,
        ambulance=level == AMBULANCE,
        safety=assessment.triage.safety_net
        if level == AMBULANCE
        else rules_safety_net(kb, assessment, deployment),
        who=who_line(labels, values, t),
        what=what_line(kb, labels, values, t.language),
        safety_advice=[AdviceView(a.id, a.text) for a in assessment.advice if a.kind == "safety"],
    )


def rules_safety_net(kb: KnowledgeBase, assessment: Assessment, deployment: Deployment) -> str:
    """The safety net without the level's own sentence, which the page says in its own
    words as the primary action; all of it when it does not start with that sentence."""
    net = assessment.triage.safety_net
    level = next(item for item in kb.levels if item.id == assessment.triage.level)
    own = level.safety_net.get(assessment.language).format_map(
        {"ambulance": deployment.ambulance, "general": deployment.general}
    )
    return net.removeprefix(own).strip() if net.startswith(own) else net


def who_line(labels: Labels, values: Mapping[str, Value], t: Translator) -> str:
    """ "Woman, 32 years old, pregnant." from what is known (sex, age, pregnancy)."""
    sex, age, pregnancy = values.get("sex"), values.get("age"), values.get("pregnancy")
    parts: list[str] = []
    years = int(age) if isinstance(age, int | float) else None
    if sex == "female" and years is None:
        parts.append(t(N_("Woman")))
    elif sex == "female" and years is not None:
        parts.append(t.ngettext("Woman, %(num)d year old", "Woman, %(num)d years old", years))
    elif sex == "male" and years is None:
        parts.append(t(N_("Man")))
    elif sex == "male" and years is not None:
        parts.append(t.ngettext("Man, %(num)d year old", "Man, %(num)d years old", years))
    elif years is not None:
        parts.append(t.ngettext("Age: %(num)d year", "Age: %(num)d years", years))
    if pregnancy in PREGNANT:
        parts.append(t(N_("pregnant")))
    elif pregnancy == "postpartum":
        parts.append(_lower_first(labels.answer("pregnancy", pregnancy, t.language)))
    return sentence(parts, ", ")


def what_line(kb: KnowledgeBase, labels: Labels, values: Mapping[str, Value], language: str) -> str:
    """The urgent signs found, in the words of their questions: first what made the
    rules of this level fire, then the other red flags answered "yes"."""
    said: list[str] = []
    for finding in dict.fromkeys(_candidates(kb, values)):
        text = _sign(kb, labels, finding, values[finding], language)
        if text:
            said.append(text)
        if len(said) == MOST_SIGNS:
            break
    return sentence(said, "; ")


def _candidates(kb: KnowledgeBase, values: Mapping[str, Value]) -> Iterator[str]:
    decision = decide(kb, values, notes=False)
    for rule in decision.triage_rules:
        # Sorted: a set's order would change the line from one run to the next.
        yield from sorted(f for f in kb.findings_of(rule.rule.expr) if f in values)
    if decision.conditions:
        yield from (f for f in decision.conditions[0].supporting if f in values)
    yield from (f for f in sorted(kb.red_flags) if f in values)


def _sign(kb: KnowledgeBase, labels: Labels, finding: str, value: Value, language: str) -> str:
    if finding in PERSONAL or value in NOT_THERE:
        return ""
    if value == "present":
        return labels.label(finding, language)
    if value == UNKNOWN:
        # A red flag the person could not rule out is worth saying as such.
        if finding not in kb.red_flags:
            return ""
        return f"{labels.label(finding, language)}: {labels.answer(finding, value, language)}"
    if isinstance(value, str):
        # A choice stands on its own only for a red flag ("a toe turning black").
        return labels.answer(finding, value, language) if finding in kb.red_flags else ""
    if labels.unit(finding, language) is None:
        return ""  # a bare number ("months: 0.3") tells a stranger nothing
    return f"{labels.label(finding, language)}: {labels.answer(finding, value, language)}"


def sentence(parts: list[str], separator: str) -> str:
    """The parts as one sentence: the first letter kept, the others lowered, one full
    stop at the end (none added after one already there, as after an abbreviation)."""
    if not parts:
        return ""
    text = separator.join([parts[0], *(_lower_first(p) for p in parts[1:])])
    return text if text.endswith((".", "!", "?")) else text + "."


def _lower_first(text: str) -> str:
    """ "One leg" -> "one leg", "Muscles" -> "muscles"; but "HbA1c", "B12" and "I" keep
    their capitals (a first word with another capital or a digit in it, or of one letter)."""
    word = text.split(" ", 1)[0]
    rest = word[1:]
    if not rest or any(char.isupper() or char.isdigit() for char in rest):
        return text
    return text[0].lower() + text[1:]
