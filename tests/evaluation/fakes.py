"""A tiny hand-made knowledge base, independent of the real one.

Only the parts the evaluation's case parser and simulated person read:
findings, triage levels, conditions, factors, specialists and advice. The
findings include a choice that offers ``none`` (``foot_wound``, the shape of
vocabulary v2) whatever the real knowledge base holds today.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import cast

from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.compiled import FindingDef

FINDINGS = {
    "age": FindingDef("age", "number", "age in years", minimum=0, maximum=120),
    "potassium": FindingDef("potassium", "number", "serum potassium"),
    "numbness": FindingDef("numbness", "boolean", "numb feet"),
    "saddle_numbness": FindingDef("saddle_numbness", "boolean", "numb saddle area"),
    "family_history_rls": FindingDef("family_history_rls", "boolean", "a parent with RLS"),
    "sex": FindingDef("sex", "choice", "sex", values=("female", "male")),
    "foot_wound": FindingDef(
        "foot_wound", "choice", "a foot wound", values=("none", "wound_not_healing", "black_skin")
    ),
    "leg_ulcer": FindingDef("leg_ulcer", "choice", "a leg ulcer", values=("none", "healed")),
}

LEVELS = ("self_care", "consultation", "consultation_24", "emergency", "emergency_ambulance")
CONDITIONS = (
    "restless_legs_syndrome",
    "nocturnal_leg_cramps",
    "peripheral_artery_disease",
    "acute_limb_ischaemia",
)


def tiny_kb() -> KnowledgeBase:
    """A stand-in for :class:`KnowledgeBase` with only what the evaluation reads."""
    kb = SimpleNamespace(
        findings=FINDINGS,
        levels=tuple(SimpleNamespace(id=level) for level in LEVELS),
        conditions=tuple(SimpleNamespace(id=condition) for condition in CONDITIONS),
        factors={"medication": None},
        specialist_names={"neurologist": None, "family_doctor": None},
        advice=(SimpleNamespace(id="walking"),),
    )
    return cast(KnowledgeBase, kb)
