"""The simulated person of the evaluation (``tests/cases/README.md``, "Profile").

Given a question in the contract's shape, the person answers every item from
their profile. About a finding the profile does not list they answer:

- for a boolean finding ``absent`` (people know whether they have a symptom),
  except for findings a person often cannot know (``family_history_rls``),
  answered ``unknown``;
- for a choice finding whose values include ``none`` (a wound, an ulcer)
  ``none``: the rule follows the vocabulary, not a list of names;
- for any other number or choice finding ``unknown``.

A value written ``unknown`` in the profile is answered ``unknown`` every time
it is asked, the re-ask of a red flag included (the person truly cannot tell).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from nightlegs.evaluation.cases import ProfileValue
from nightlegs.knowledge.compiled import KnowledgeBase
from nightlegs.knowledge.expressions import UNKNOWN

#: Boolean findings a person often cannot know: not in the profile means "I don't know".
OFTEN_UNKNOWN = frozenset({"family_history_rls"})

#: The choice value a person answers when the profile does not list a finding
#: that offers it ("no wound" when nothing was said about a wound).
NONE_CHOICE = "none"

#: Evidence in the contract's shape: ``{"finding": ..., "value": ...}``.
Evidence = dict[str, Any]


@dataclass(slots=True)
class SimulatedPerson:
    """Answers interview questions from a profile and remembers what was asked."""

    kb: KnowledgeBase
    profile: Mapping[str, ProfileValue]
    #: What was answered, finding by finding.
    answered: dict[str, ProfileValue] = field(default_factory=dict)
    #: Findings asked again after a known answer (the contract says this never
    #: happens; re-asking after "I don't know" is allowed).
    asked_twice: list[str] = field(default_factory=list)
    questions: int = 0

    def answer_value(self, finding: str) -> ProfileValue:
        """What this person answers about one finding."""
        if finding in self.profile:
            return self.profile[finding]
        definition = self.kb.findings.get(finding)
        if definition is None:
            return UNKNOWN
        if definition.type == "boolean":
            return UNKNOWN if finding in OFTEN_UNKNOWN else "absent"
        if definition.type == "choice" and NONE_CHOICE in definition.values:
            return NONE_CHOICE
        return UNKNOWN

    def answer(self, question: Mapping[str, Any]) -> list[Evidence]:
        """The answers to every item of one question (a contract ``question`` object)."""
        self.questions += 1
        answers: list[Evidence] = []
        for item in question.get("items", []):
            finding = str(item["finding"])
            if self.answered.get(finding, UNKNOWN) != UNKNOWN:
                self.asked_twice.append(finding)
            value = self.answer_value(finding)
            self.answered[finding] = value
            answers.append({"finding": finding, "value": value})
        return answers
