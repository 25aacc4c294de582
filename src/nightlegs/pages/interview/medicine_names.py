"""Medicine names on the medicines question: typed, looked up, confirmed, kept by name.

The person may write the names from the box ("фуросемід, аторвакор"). "Find" (a button of
the question's own form, so it works without JavaScript) shows the page again with each
recognised medicine offered for confirmation ("Фуросемід — сечогінний засіб: так?") and
the names not recognised listed, never guessed. A confirmed medicine ticks its class
findings among the question's signs when the form is sent on, and is kept with the
interview as its INN and ATC code. The typed text is read, never stored nor logged.

"Not sure" leads to the page that asks each sign with Yes / No / I don't know. The
medicines confirmed go there in a short-lived cookie (their table ids, never the typed
text; not in the address, which the browser's history would keep) and are shown on it
ticked, so that they are kept when it is sent, or unticked. Nothing is stored with the
interview until a step is answered. There a
medicine's class answered "I don't know" is taken as "yes" (the name answers it), and
answered "No" is refused as a clash, naming the medicine: the person may not know the
class of a medicine they know by name, and either answer may be the wrong one, so
neither is dropped without asking (as "None of these" with a confirmed medicine is
refused on the page of boxes).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from nightlegs.complaints.medicine_list import taken_list
from nightlegs.engine import KnowledgeBase, Question, Value
from nightlegs.i18n import N_, Translator
from nightlegs.languages import Language, is_language
from nightlegs.medicines import Table, confirmation, load_table
from nightlegs.medicines.confirm import label
from nightlegs.report import NamedMedicine

QUESTION_ID = "q-medicines"
PRESENT = "present"
ABSENT = "absent"
TEXT_FIELD = "medicine_text"
FIND_FIELD = "find_medicines"
CONFIRM_FIELD = "medicine"
#: The cookie that carries the medicines confirmed from "Not sure" to the page of each sign,
#: and for how long (seconds): long enough to answer that page, reloads included.
CARRIED_COOKIE = "nightlegs_not_sure_medicines"
CARRIED_AGE = 60 * 60
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
    #: On the per-sign page: only the medicines confirmed before, ticked (no field).
    one_by_one: bool = False


def asks_names(question: Question) -> bool:
    return question.id == QUESTION_ID


def finding(form: Mapping[str, Sequence[str]]) -> bool:
    """The form was sent with "Find"."""
    return bool(form.get(FIND_FIELD))


def table() -> Table:
    return load_table()


def confirmed_ids(form: Mapping[str, Sequence[str]]) -> list[str]:
    known = table().by_id
    return [value for value in dict.fromkeys(form.get(CONFIRM_FIELD, ())) if value in known]


def view(form: Mapping[str, Sequence[str]], lang: str, t: Translator) -> NamesView:
    """What "Find" found in the form's text (the medicines confirmed before stay ticked)."""
    language = _language(lang)
    text = next(iter(form.get(TEXT_FIELD, ())), "")[:MAX_CHARACTERS]
    found = taken_list(table(), text, language)
    ticked = set(confirmed_ids(form))
    offers: dict[str, Offer] = {}
    for match in found.medicines:
        sentence = confirmation(table(), match, language) or t(TAKEN, name=label(match, language))
        medicine_id = match.medicine.id
        offers.setdefault(medicine_id, Offer(medicine_id, sentence, medicine_id in ticked))
    for medicine in table().by_id.values():
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
    if mode == "each" and asks_names(question):
        return _one_by_one(confirmed_ids(form), lang, t)
    if mode != "group" or not asks_names(question):
        return None
    if not form.get(TEXT_FIELD, [""])[0].strip() and not confirmed_ids(form):
        return None
    return view(form, lang, t)


def with_confirmed(question: Question, form: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The form with the class findings of every confirmed medicine ticked."""
    ticks = dict(form)
    on_question = {item.finding for item in question.items}
    by_id = table().by_id
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
    by_id = table().by_id
    implied = {f for i in confirmed_ids(form) for f in by_id[i].findings if f in asked}
    return {**values, **dict.fromkeys(sorted(implied), PRESENT)}


def kept(form: Mapping[str, Sequence[str]]) -> list[dict[str, str]] | None:
    """The confirmed medicines as stored with the interview: INN and ATC code only."""
    by_id = table().by_id
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
    by_inn = table().by_code
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
    offers = _ticked(_stored_ids(stored), lang, t)
    return NamesView(offers=offers, searched=bool(offers))


def for_step(
    question: Question,
    mode: str,
    stored: Sequence[Mapping[str, str]] | None,
    carried: Sequence[str] | None,
    lang: str,
    t: Translator,
) -> NamesView | None:
    """The names part of a step shown afresh: on the page of boxes the medicines stored
    with the interview; on the per-sign page those its address ``carried`` from "Not
    sure" (None: not come from there, so the stored ones). None: no names part."""
    if not asks_names(question):
        return None
    if mode == "group":
        return from_stored(stored, lang, t) if stored else None
    if mode != "each":
        return None
    ids = _known(carried) if carried is not None else _stored_ids(stored or ())
    return _one_by_one(ids, lang, t)


def carried(form: Mapping[str, Sequence[str]]) -> str:
    """The medicines confirmed in ``form``, for the per-sign page's cookie: their table
    ids ("" for none). The typed text never leaves the form it was typed in."""
    return quote("\n".join(confirmed_ids(form)), safe="")


def carried_ids(value: str | None) -> list[str] | None:
    """The table ids a cookie of :func:`carried` holds (None: no cookie)."""
    if value is None:
        return None
    return [i for i in unquote(value).split("\n") if i]


@dataclass(frozen=True, slots=True)
class OneByOne:
    """The per-sign page's form read for its medicines (:func:`one_by_one`)."""

    form: dict[str, list[str]]
    #: Each class finding answered "No" while a medicine of it is ticked: the message.
    clashes: dict[str, str]


def one_by_one(
    question: Question, form: Mapping[str, Sequence[str]], lang: str, t: Translator
) -> OneByOne:
    """The per-sign page's form with the class finding of each ticked medicine "yes" where
    it was answered "I don't know" or not at all (the name answers it), and the class
    findings answered "No" as clashes, each with the message that names the medicines."""
    language = _language(lang)
    by_id = table().by_id
    on_question = {item.finding for item in question.items}
    naming: dict[str, list[str]] = {}
    for medicine_id in confirmed_ids(form):
        medicine = by_id[medicine_id]
        for implied in medicine.findings:
            if implied in on_question:
                naming.setdefault(implied, []).append(_capitalised(medicine.name[language]))
    answers = {name: list(values) for name, values in form.items()}
    clashes: dict[str, str] = {}
    for finding, names in naming.items():
        if ABSENT in (value.strip() for value in answers.get(finding, ())):
            clashes[finding] = t.ngettext(
                "You named %(names)s: it is one of these. Choose “Yes”, or untick it above "
                "if you do not take it.",
                "You named %(names)s: they are among these. Choose “Yes”, or untick them "
                "above if you do not take them.",
                len(names),
                names=", ".join(names),
            )
        else:
            answers[finding] = [PRESENT]
    return OneByOne(answers, clashes)


def _one_by_one(ids: Sequence[str], lang: str, t: Translator) -> NamesView | None:
    offers = _ticked(ids, lang, t)
    return NamesView(offers=offers, searched=True, one_by_one=True) if offers else None


def _ticked(ids: Sequence[str], lang: str, t: Translator) -> list[Offer]:
    """The medicines ``ids`` offered ticked, each by its name."""
    language = _language(lang)
    by_id = table().by_id
    return [
        Offer(i, t(TAKEN, name=_capitalised(by_id[i].name[language])), checked=True)
        for i in ids
        if i in by_id
    ]


def _stored_ids(stored: Sequence[Mapping[str, str]]) -> list[str]:
    """The table ids of the medicines stored with the interview (INN and ATC code)."""
    by_code = table().by_code
    found = (by_code.get((entry.get("inn", ""), entry.get("atc", ""))) for entry in stored)
    return list(dict.fromkeys(m.id for m in found if m is not None))


def _known(ids: Sequence[str]) -> list[str]:
    """``ids`` that are the table's, once each (an address may say anything)."""
    return confirmed_ids({CONFIRM_FIELD: list(ids)})


def _capitalised(name: str) -> str:
    return name[:1].upper() + name[1:]


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
