"""The night's medicines on the entry form: typed, found with "Find", confirmed, kept.

The person writes the names from the box ("фуросемід, аторвакор"). "Find" (a button of the
night's own form, so it works without JavaScript) shows the form again, nothing saved, with
each recognised medicine offered as a box to tick ("Аторвакор (аторвастатин) — від
холестерину (статин)") and the names not recognised listed, never guessed. The field is
then empty: whatever is typed in it later has not been looked up yet, so "Save" with names
in it looks them up first instead of saving (a name typed is never silently dropped).

The form carries only the medicine table's ids: ``medicine`` (ticked) and
``medicine_offered`` (every box shown, to keep the unticked ones on the next "Find"). An
entry keeps each ticked medicine's INN and ATC code. The typed text is read, never stored
nor logged.

A medicine the table has dropped since the night was written has no id: its box carries
``stored:ATC:INN`` instead, and it is kept on "Save" only when the night's stored entry
holds that very pair (:func:`confirmed`), so changing a night never loses a medicine, and a
form cannot slip a name of its own in.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from nightlegs.diary import medicines as diary_medicines
from nightlegs.diary.model import SavedMedicine
from nightlegs.i18n import N_, Translator
from nightlegs.knowledge.medicine_schema import ATC_PATTERN
from nightlegs.knowledge.medicine_table import Medicine
from nightlegs.languages import Language, is_language
from nightlegs.medicines import load_table, read_list
from nightlegs.medicines.confirm import label, purposes

__all__ = [
    "CONFIRM_FIELD",
    "FIND_FIELD",
    "OFFERED_FIELD",
    "TEXT_FIELD",
    "MedicinesView",
    "Offer",
    "confirmed",
    "finding",
    "found",
    "ids_of",
    "kept",
    "looking_up",
    "offered_ids",
    "ticked_ids",
]

TEXT_FIELD = "medicine_text"
FIND_FIELD = "find_medicines"
CONFIRM_FIELD = "medicine"
OFFERED_FIELD = "medicine_offered"
#: The value of a box for a medicine the table no longer has: ``stored:ATC:INN``.
STORED = "stored:"
#: A WHO ATC code, as the medicine table writes one.
_ATC = re.compile(ATC_PATTERN)
_LONGEST_INN = 200
#: As the lookup endpoint and the interview: a longer text is cut, not read.
MAX_CHARACTERS = 2000

NOT_RECOGNISED = N_(
    "Not recognised: %(names)s. Check the spelling and press “Find” again. "
    "If it does not work, you can leave it out."
)
NOTHING_TYPED = N_("Please write a medicine's name, then press “Find”.")


@dataclass(frozen=True, slots=True)
class Offer:
    """A medicine offered as a box to tick (``id``: the table's entry)."""

    id: str
    label: str
    checked: bool


@dataclass(frozen=True, slots=True)
class MedicinesView:
    """The medicines part of the form."""

    offers: list[Offer] = field(default_factory=list)
    unrecognised: str | None = None
    #: Shown after "Find", or after "Save" with names typed (then ``pending``: not saved).
    searched: bool = False
    pending: bool = False
    #: "Find" found nothing to offer or to list: what to do instead.
    hint: str | None = None

    @property
    def offered(self) -> list[str]:
        return [offer.id for offer in self.offers]


def finding(form: Mapping[str, Sequence[str]]) -> bool:
    """The form was sent with "Find"."""
    return bool(form.get(FIND_FIELD))


def looking_up(form: Mapping[str, Sequence[str]]) -> bool:
    """The form was sent with "Find", or with names typed (a "Save" looks them up first)."""
    return finding(form) or bool(_typed(form).strip())


def ticked_ids(form: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    return _known(form.get(CONFIRM_FIELD, ()))


def offered_ids(form: Mapping[str, Sequence[str]]) -> tuple[str, ...]:
    """Every box the form showed, ticked or not."""
    return _known([*form.get(OFFERED_FIELD, ()), *form.get(CONFIRM_FIELD, ())])


def confirmed(
    form: Mapping[str, Sequence[str]], stored: Sequence[SavedMedicine] = ()
) -> list[SavedMedicine]:
    """The ticked medicines, as an entry keeps them: INN and ATC code only. A box of a
    medicine the table no longer has counts only when ``stored`` (the night's entry as
    saved) holds it."""
    by_id = _by_id()
    result: list[SavedMedicine] = []
    for value in ticked_ids(form):
        if value in by_id:
            result.append(SavedMedicine(inn=by_id[value].inn, atc=by_id[value].atc))
            continue
        old = _stored(value)
        if old is not None and old in stored:
            result.append(old)
    return result


def ids_of(medicines: Sequence[SavedMedicine]) -> tuple[str, ...]:
    """The boxes' values of stored medicines: the table's id, or ``stored:ATC:INN`` for
    one the table no longer has."""
    by_code = load_table().by_code
    return tuple(
        by_code[(m.inn, m.atc)].id if (m.inn, m.atc) in by_code else f"{STORED}{m.atc}:{m.inn}"
        for m in medicines
    )


def kept(ticked: Sequence[str], offered: Sequence[str], lang: str) -> MedicinesView:
    """The boxes as they were: a stored entry's medicines, or a form shown again."""
    language = _language(lang)
    values = _known([*offered, *ticked])
    return MedicinesView(offers=[_offer_of(v, language, v in ticked) for v in values])


def found(
    form: Mapping[str, Sequence[str]], lang: str, t: Translator, *, pending: bool
) -> MedicinesView:
    """What the typed names are: the boxes shown before (as they were), then each new
    medicine recognised (not ticked: the person confirms it), and the names not
    recognised."""
    language = _language(lang)
    text = _typed(form)
    ticked = set(ticked_ids(form))
    offers = {v: _offer_of(v, language, v in ticked) for v in offered_ids(form)}
    read = read_list(load_table(), text, language)
    for match in read.medicines:
        if match.medicine.id not in offers:
            offers[match.medicine.id] = _offer(
                match.medicine, language, False, label(match, language)
            )
    unrecognised = None
    if read.unrecognised:
        unrecognised = t(NOT_RECOGNISED, names=", ".join(read.unrecognised))
    hint = None
    if not read.medicines and not read.unrecognised and not pending:
        hint = t(NOTHING_TYPED)
    return MedicinesView(list(offers.values()), unrecognised, True, pending, hint)


def _offer(medicine: Medicine, language: Language, checked: bool, name: str = "") -> Offer:
    """The box's words, "Аторвакор (аторвастатин) — від холестерину (статин)": the name
    as found (else the INN), and what the medicine is for, from the table."""
    if not name:
        inn = medicine.name[language]
        name = inn[:1].upper() + inn[1:]
    what = purposes(load_table(), medicine, language)
    if what is not None:
        name += " — " + what
    return Offer(medicine.id, name, checked)


def _offer_of(value: str, language: Language, checked: bool) -> Offer:
    """The box for a value of the form: the table's medicine, or one it no longer has,
    named by its INN and ATC code ("Oldicillin (J01ZZ99)")."""
    medicine = _by_id().get(value)
    if medicine is not None:
        return _offer(medicine, language, checked)
    old = _stored(value)
    assert old is not None  # _known keeps only ids and well-formed stored values
    return Offer(value, f"{diary_medicines.name(old, language)} ({old.atc})", checked)


def _stored(value: str) -> SavedMedicine | None:
    """The medicine of a ``stored:ATC:INN`` value, or None when it is not one."""
    if not value.startswith(STORED):
        return None
    atc, _, inn = value.removeprefix(STORED).partition(":")
    if not _ATC.fullmatch(atc) or not 0 < len(inn) <= _LONGEST_INN:
        return None
    return SavedMedicine(inn=inn, atc=atc)


def _typed(form: Mapping[str, Sequence[str]]) -> str:
    return next(iter(form.get(TEXT_FIELD, ())), "")[:MAX_CHARACTERS]


def _known(values: Sequence[str]) -> tuple[str, ...]:
    """The values that are the table's ids or well-formed stored medicines, once each, in
    the order sent."""
    by_id = _by_id()
    return tuple(
        value for value in dict.fromkeys(values) if value in by_id or _stored(value) is not None
    )


def _by_id() -> dict[str, Medicine]:
    return load_table().by_id


def _language(lang: str) -> Language:
    return lang if is_language(lang) else "uk"
