"""Medicine names on the medicines question: typed, looked up, confirmed, kept by name.

The person may write the names from the box ("фуросемід, аторвакор"). "Find" (a button of
the question's own form, so it works without JavaScript) shows the page again with each
recognised medicine offered for confirmation ("Фуросемід — сечогінний засіб: так?") and
the names not recognised listed, never guessed. A confirmed medicine ticks its class
findings among the question's signs when the form is sent on, and is kept with the
interview as its INN and ATC code. The typed text is read, never stored nor logged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nightlegs.engine import KnowledgeBase, Question, Value
from nightlegs.i18n import N_, Translator
from nightlegs.languages import Language, is_language
from nightlegs.medicines import Table, confirmation, load_table, read_list
from nightlegs.medicines.confirm import label
from nightlegs.report import NamedMedicine

QUESTION_ID = "q-medicines"
PRESENT = "present"
TEXT_FIELD = "medicine_text"
FIND_FIELD = "find_medicines"
CONFIRM_FIELD = "medicine"
#: As the lookup endpoint: a longer text is cut, not read.
MAX_CHARACTERS = 2000

TAKEN = N_("%(name)s: I take this")
NOT_RECOGNISED = N_(
    "Not recognised: %(names)s; tick the medicines in the list below, or press “%(button)s”."
)
NOT_SURE = N_("Not sure")


@dataclass(frozen=True, slots=True)
class Offer:
    """A recognised medicine offered for confirmation (``id``: the table's entry)."""

    id: str
    sentence: str
    checked: bool


@dataclass(frozen=True, slots=True)
class NamesView:
    """The names part of the question: the field, and what "Find" found."""

    text: str = ""
    offers: list[Offer] = field(default_factory=list)
    unrecognised: str | None = None
    searched: bool = False


def asks_names(question: Question) -> bool:
    return question.id == QUESTION_ID


def finding(form: Mapping[str, Sequence[str]]) -> bool:
    """The form was sent with "Find"."""
    return bool(form.get(FIND_FIELD))


def table() -> Table:
    return load_table()


def confirmed_ids(form: Mapping[str, Sequence[str]]) -> list[str]:
    known = {medicine.id for medicine in table().data.medicines}
    return [value for value in dict.fromkeys(form.get(CONFIRM_FIELD, ())) if value in known]


def view(form: Mapping[str, Sequence[str]], lang: str, t: Translator) -> NamesView:
    """What "Find" found in the form's text (the medicines confirmed before stay ticked)."""
    language = _language(lang)
    text = next(iter(form.get(TEXT_FIELD, ())), "")[:MAX_CHARACTERS]
    found = read_list(table(), text, language)
    ticked = set(confirmed_ids(form))
    offers: dict[str, Offer] = {}
    for match in found.medicines:
        sentence = confirmation(table(), match, language) or t(TAKEN, name=label(match, language))
        medicine_id = match.medicine.id
        offers.setdefault(medicine_id, Offer(medicine_id, sentence, medicine_id in ticked))
    for medicine in table().data.medicines:
        # Confirmed before and no longer in the text: still offered, still ticked.
        if medicine.id in ticked and medicine.id not in offers:
            name = medicine.name[language]
            offers[medicine.id] = Offer(medicine.id, t(TAKEN, name=name), True)
    unrecognised = None
    if found.unrecognised:
        names = ", ".join(found.unrecognised)
        unrecognised = t(NOT_RECOGNISED, names=names, button=t(NOT_SURE))
    return NamesView(text, list(offers.values()), unrecognised, searched=True)


def again(
    question: Question, mode: str, form: Mapping[str, Sequence[str]], lang: str, t: Translator
) -> NamesView | None:
    """A refused form's names part as it was sent (the confirmations kept)."""
    if mode != "group" or not asks_names(question):
        return None
    if not form.get(TEXT_FIELD, [""])[0].strip() and not confirmed_ids(form):
        return None
    return view(form, lang, t)


def with_confirmed(question: Question, form: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The form with the class findings of every confirmed medicine ticked."""
    ticks = dict(form)
    on_question = {item.finding for item in question.items}
    by_id = {medicine.id: medicine for medicine in table().data.medicines}
    for medicine_id in confirmed_ids(form):
        for implied in by_id[medicine_id].findings:
            if implied in on_question and PRESENT not in ticks.get(implied, ()):
                ticks[implied] = [*ticks.get(implied, ()), PRESENT]
    return {name: list(values) for name, values in ticks.items()}


def with_implied(
    kb: KnowledgeBase, form: Mapping[str, Sequence[str]], values: Mapping[str, Value]
) -> dict[str, Value]:
    """The evidence with every class finding of a confirmed medicine present, also those
    the medicines question asks on another of its steps (not asked again, then)."""
    asked = set(kb.question(QUESTION_ID).findings)
    by_id = {medicine.id: medicine for medicine in table().data.medicines}
    implied = {f for i in confirmed_ids(form) for f in by_id[i].findings if f in asked}
    return {**values, **dict.fromkeys(sorted(implied), PRESENT)}


def kept(form: Mapping[str, Sequence[str]]) -> list[dict[str, str]] | None:
    """The confirmed medicines as stored with the interview: INN and ATC code only."""
    by_id = {medicine.id: medicine for medicine in table().data.medicines}
    chosen = [by_id[medicine_id] for medicine_id in confirmed_ids(form)]
    return [{"inn": m.inn, "atc": m.atc} for m in chosen] or None


@dataclass(frozen=True, slots=True)
class Named:
    """A stored medicine for the person and the doctor: its name, ATC code and classes."""

    name: str
    atc: str
    classes: list[str]
    findings: tuple[str, ...]


def named(stored: Sequence[Mapping[str, str]] | None, lang: str) -> list[Named]:
    """The stored medicines (INN, ATC) named in ``language`` from the table."""
    language = _language(lang)
    by_inn = {(m.inn, m.atc): m for m in table().data.medicines}
    shown: list[Named] = []
    for entry in stored or ():
        medicine = by_inn.get((entry.get("inn", ""), entry.get("atc", "")))
        if medicine is None:
            # A medicine the table no longer has: its INN and code as stored.
            shown.append(Named(entry.get("inn", ""), entry.get("atc", ""), [], ()))
            continue
        whats = list(dict.fromkeys(c.what[language] for c in medicine.classes))
        name = medicine.name[language]
        shown.append(Named(name[:1].upper() + name[1:], medicine.atc, whats, medicine.findings))
    return shown


def from_stored(stored: Sequence[Mapping[str, str]], lang: str, t: Translator) -> NamesView:
    """The medicines confirmed before, offered ticked (an answer changed keeps them)."""
    language = _language(lang)
    by_key = {(m.inn, m.atc): m for m in table().data.medicines}
    offers = []
    for entry in stored:
        medicine = by_key.get((entry.get("inn", ""), entry.get("atc", "")))
        if medicine is not None:
            name = medicine.name[language]
            sentence = t(TAKEN, name=name[:1].upper() + name[1:])
            offers.append(Offer(medicine.id, sentence, checked=True))
    return NamesView(offers=offers, searched=bool(offers))


def _language(lang: str) -> Language:
    return lang if is_language(lang) else "uk"


def for_report(stored: Sequence[Mapping[str, str]] | None, lang: str) -> list[NamedMedicine]:
    """The stored medicines for the doctor's PDF: one line per class finding they imply
    (a fixed combination under each of its classes), else one line of their own."""
    lines: list[NamedMedicine] = []
    for medicine in named(stored, lang):
        findings = medicine.findings or (None,)
        lines.extend(NamedMedicine(medicine.name, medicine.atc, f) for f in findings)
    return lines
