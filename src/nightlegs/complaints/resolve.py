"""From readings in context to candidates: the rules of ``kb/phrases/rules.yaml``.

1. A reading another one ``overrides`` on the same words is dropped ("набрякають до
   вечора" is evening swelling, not evening-predominant symptoms).
2. Its context decides its value: doubt and people other than parents, siblings and
   children drop it; a negation turns "present" into "absent" and a denied phrase
   ("набряків немає") into "absent"; the past keeps it only where ``past`` says so
   (a previous clot stays, a past cramp says nothing of now); a parent's, sibling's or
   child's complaint that is one of ``family.own`` is family history.
3. "У мами теж" (a close relative with "the same") is family history when the person's
   own complaint has one of ``family.own``.
4. Findings a present reading ``implies`` are added.
5. One value per finding: "present" over "absent" (the person confirms either), else the
   first in the text.
6. **Never** an urgent sign as "absent" (nor a choice urgent sign as "none"): the
   findings of the urgent questions, the red flags and ``never_absent``. The interview
   asks every urgent sign not confirmed, so leaving one out costs nothing; a wrong "no"
   could hide an emergency.
"""

# ruff: noqa: RUF002 - Ukrainian and Russian examples are meant to be Cyrillic

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from nightlegs.complaints.context import Context, Situation
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.phrases import PhraseRules

#: Values that say "no" about a finding.
NO = frozenset({"absent", "none"})


@dataclass(frozen=True, slots=True)
class Reading:
    finding: str
    #: A phrase's value (present, absent, denied, a choice value) or a number's reading.
    value: str | float
    positions: tuple[int, ...]
    unit: str | None = None
    #: Read from a number: a negation drops it.
    number: bool = False


def never_absent(kb: KnowledgeBase, rules: PhraseRules) -> frozenset[str]:
    """The findings never answered "absent" by the parser: every urgent question's, every
    red flag, and those ``rules.yaml`` adds."""
    urgent = {f for q in kb.questions if q.source.stage == "urgent" for f in q.findings}
    return frozenset(urgent | kb.red_flags | rules.never_absent)


class Resolver:
    def __init__(self, kb: KnowledgeBase, rules: PhraseRules, never: frozenset[str]) -> None:
        self.kb = kb
        self.rules = rules
        self.never = never
        #: The findings that say a leg complaint is there: leg symptoms, and every finding
        #: the rules make imply them (``implies``).
        self.leg_complaint = frozenset(
            {
                _LEG_SYMPTOMS,
                *(f for f, implied in rules.implies.items() if _LEG_SYMPTOMS in implied),
            }
        )

    def resolve(self, readings: Sequence[Reading], context: Context) -> list[Reading]:
        own: list[Reading] = []
        family: list[Reading] = []
        for reading in self._without_overridden(readings, context):
            situation = context.situation(reading.positions)
            value = self._value(reading, situation)
            if value is None:
                continue
            if situation.negated:
                # The denial is shown with what it denies: "набряків немає".
                words = tuple(sorted({*reading.positions, *situation.negation}))
                reading = replace(reading, positions=words)
            if situation.other is None:
                own.append(replace(reading, value=value))
            elif reading.finding in self.rules.family_own and value in ("present", "absent"):
                family.append(Reading(self.rules.family_finding, value, reading.positions))
        own = self._with_implied(own)
        family.extend(self._same_as_mine(context, own))
        chosen = _one_per_finding(self._lengths_of_the_complaint([*own, *family], context))
        kept = [r for r in chosen if not (r.finding in self.never and r.value in NO)]
        return sorted(kept, key=lambda r: (min(r.positions), r.finding))

    def _value(self, reading: Reading, situation: Situation) -> str | float | None:
        doubted = situation.uncertain and reading.finding not in self.rules.never_doubted
        if doubted or situation.hedged or situation.other == "other":
            return None
        negated = situation.negated
        if situation.past and situation.other is None:
            rule = self.rules.past.get(reading.finding)
            if rule is None:
                # "Раніше були судоми, зараз немає": absent now; else the past says nothing.
                denied = situation.denied_now and reading.value == "present" and not negated
                return "absent" if denied else None
            if rule != "keep":
                return None if negated else rule
        if reading.number:
            return None if negated else reading.value
        value = reading.value
        if value == "present":
            return "absent" if negated else "present"
        if value == "absent":
            return None if negated else "absent"
        if value == "denied" and reading.finding in self.rules.negated_number:
            return self.rules.negated_number[reading.finding] if negated else None
        if value == "denied" and self._is_choice(reading.finding):
            return self.rules.negated.get(reading.finding) if negated else None
        if value == "denied":
            return "absent" if negated else None
        return self.rules.negated.get(reading.finding) if negated else value

    def _is_choice(self, finding: str) -> bool:
        definition = self.kb.findings.get(finding)
        return definition is not None and definition.type == "choice"

    def _without_overridden(self, readings: Sequence[Reading], context: Context) -> list[Reading]:
        """Readings another reading replaces: on the same words (``overrides``), or in the
        same segment (``overrides_nearby``). A denied phrase ("набряків немає") replaces
        nothing: it denies every reading of its words."""
        segment = context.where.segment
        dropped: set[int] = set()
        for reading in readings:
            if reading.value == "denied":
                continue
            same_words = self.rules.overrides.get(reading.finding, ())
            nearby = self.rules.overrides_nearby.get(reading.finding, ())
            segments = {segment[p] for p in reading.positions}
            words = set(reading.positions)
            for index, other in enumerate(readings):
                on_same_words = other.finding in same_words and words & set(other.positions)
                near = other.finding in nearby and segments & {segment[p] for p in other.positions}
                if on_same_words or near:
                    dropped.add(index)
        return [r for i, r in enumerate(readings) if i not in dropped]

    def _with_implied(self, readings: list[Reading]) -> list[Reading]:
        """The findings present readings imply: present even where the text denies them
        ("ноги не болять, але не можу лежати спокійно" has leg symptoms)."""
        given = {r.finding for r in readings if r.value == "present"}
        read = {r.finding for r in readings}
        added = []
        for reading in readings:
            # "Я на 32 тижні вагітності": a woman, unless the text says the sex itself.
            by_value = self.rules.implies_values.get(reading.finding, {})
            for other, value in by_value.get(str(reading.value), {}).items():
                if other not in read:
                    added.append(Reading(other, value, reading.positions))
                    read.add(other)
            if reading.value != "present":
                continue
            for implied in self.rules.implies.get(reading.finding, ()):
                if implied not in given:
                    added.append(Reading(implied, "present", reading.positions))
                    given.add(implied)
        return [*readings, *added]

    def _lengths_of_the_complaint(self, readings: list[Reading], context: Context) -> list[Reading]:
        """Of several lengths of time, those said in a sentence with a leg complaint ("For
        the last 4 months, pins and needles in both feet" over "vegan for 8 years", "on
        lithium for 10 years"): the others are the length of something else. None such:
        all kept, and the first said wins as before."""
        lengths = [r for r in readings if r.finding == LENGTH]
        if len({r.value for r in lengths}) < 2:
            return readings
        sentence = context.where.sentence
        complaint = {
            sentence[min(r.positions)]
            for r in readings
            if r.finding in self.leg_complaint and r.value == "present"
        }
        with_complaint = [r for r in lengths if sentence[min(r.positions)] in complaint]
        if not with_complaint:
            return readings
        return [r for r in readings if r.finding != LENGTH or r in with_complaint]

    def _same_as_mine(self, context: Context, own: Sequence[Reading]) -> list[Reading]:
        if not any(r.finding in self.rules.family_own and r.value == "present" for r in own):
            return []
        return [
            Reading(self.rules.family_finding, "absent" if negated else "present", positions)
            for positions, negated in context.family_mentions()
        ]


#: The length of the complaint, and the finding of leg symptoms (vocabulary ids).
LENGTH = "duration_months"
_LEG_SYMPTOMS = "leg_symptoms"


def _one_per_finding(readings: Sequence[Reading]) -> list[Reading]:
    by_finding: dict[str, list[Reading]] = {}
    for reading in sorted(readings, key=lambda r: min(r.positions)):
        by_finding.setdefault(reading.finding, []).append(reading)
    chosen = []
    for group in by_finding.values():
        present = [r for r in group if r.value == "present"]
        chosen.append(present[0] if present else group[0])
    return chosen
