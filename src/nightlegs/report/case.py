"""The report's first line: the case as a doctor states it.

"Woman, 54 years. Urge to move the legs, worse at rest, mainly in the evening and at night,
relieved by movement, both legs. 4 nights a week, for 3 years, intensity 6/10, disturbs
sleep." Who, what (urgent signs that are there first), how often, how long, how bad: each
part says "not known" or "not asked" when the interview has no answer, never a guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from nightlegs.i18n import N_
from nightlegs.knowledge.expressions import UNKNOWN
from nightlegs.report import course, terms
from nightlegs.report.answers import Words
from nightlegs.report.sections import urgent_signs

__all__ = ["CaseLine", "case_line", "sentence"]


@dataclass(frozen=True, slots=True)
class CaseLine:
    #: "Woman, 54 years" (and a pregnancy).
    who: str
    #: The complaint: what is felt, when, what eases it, where.
    complaint: str
    #: How often, how long, how bad, and what it does to sleep and the day.
    course: str

    @property
    def sentences(self) -> tuple[str, str, str]:
        """Who, what and how, each as a sentence."""
        return (sentence(self.who), sentence(self.complaint), sentence(self.course))

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


def sentence(text: str) -> str:
    """``text`` as a sentence: a capital first letter and one full stop at the end
    (a date that ends in an abbreviation, as Ukrainian "r." for a year, gets no second one)."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


def case_line(words: Words) -> CaseLine:
    return CaseLine(who=_who(words), complaint=_complaint(words), course=_course(words))


def _who(words: Words) -> str:
    t = words.t
    sex = words.values.get("sex")
    known = isinstance(sex, str) and sex != UNKNOWN
    parts = [words.choice("sex", str(sex)) if known else t.gettext("sex not known")]
    age = words.values.get("age")
    if isinstance(age, float | int):
        parts.append(t.ngettext("%(num)d year", "%(num)d years", int(age)))
    else:
        parts.append(t.gettext("age not known"))
    pregnancy = words.values.get("pregnancy")
    if isinstance(pregnancy, str) and pregnancy not in (UNKNOWN, "not_pregnant"):
        parts.append(words.choice("pregnancy", pregnancy))
    elif pregnancy == UNKNOWN:
        parts.append(t.gettext("pregnancy not known"))
    return ", ".join(parts)


def _complaint(words: Words) -> str:
    """Urgent signs that are there first (they make the case), then the complaint."""
    t = words.t
    said = [a.line for a in map(words.answer, urgent_signs(words)) if a.status == "present"]
    for finding in terms.COMPLAINT:
        value = words.values.get(finding)
        if value == "present":
            said.append(words.term(finding))
        elif words.status(finding) == "value":
            said.append(words.choice(finding, str(value)))
    if said:
        return ", ".join(said)
    if words.values.get("leg_symptoms") == "absent":
        return t.gettext("no leg complaints")
    return t.gettext("the complaint was not described")


def _course(words: Words) -> str:
    parts = [
        _part(words, "nights_per_week", N_("how often: %(answer)s")),
        _part(words, "duration_months", N_("how long: %(answer)s")),
        _part(words, "severity", N_("intensity: %(answer)s")),
    ]
    parts += [words.term(f) for f in terms.IMPACT if words.values.get(f) == "present"]
    return ", ".join(parts)


def _part(words: Words, finding: str, question: str) -> str:
    """A course answer in words, or "how often: not known" and the like."""
    value = words.values.get(finding)
    if isinstance(value, float | int):
        said = course.phrase(finding, float(value), words.t)
        if said is not None:
            return said
    answer = words.t.gettext("not asked") if value is None else words.t.gettext("not known")
    return words.t(question, answer=answer)
