"""The question that offers a recognised medicine's class findings for confirmation.

"Фуросемід — сечогінний засіб: так?", "Аторвакор (аторвастатин) — від холестерину
(статин): так?": the name as the person wrote it (the brand, with its INN) or the INN,
and the classes that imply findings, in the page's language. Only a confirmed answer
becomes evidence; a medicine whose classes imply no finding has nothing to confirm.
"""

from __future__ import annotations

from nightlegs.knowledge.medicine_table import Medicine
from nightlegs.languages import Language
from nightlegs.medicines.index import Table
from nightlegs.medicines.lookup import Match

__all__ = ["confirmation", "label", "purposes"]


def label(match: Match, language: Language) -> str:
    """The medicine's name for the person: "Аторвакор (аторвастатин)" or "Фуросемід"."""
    inn = match.medicine.name[language]
    if match.brand is None:
        return inn[:1].upper() + inn[1:]
    return f"{match.brand.spelled(language)} ({inn})"


def confirmation(table: Table, match: Match, language: Language) -> str | None:
    """The question in ``language``; None when the medicine implies no finding."""
    what = purposes(table, match.medicine, language, implying=True)
    if what is None:
        return None
    return table.data.confirm[language].format(name=label(match, language), what=what)


def purposes(
    table: Table, medicine: Medicine, language: Language, *, implying: bool = False
) -> str | None:
    """What the medicine is for, "сечогінний засіб", its classes joined as "a, b and c"
    (``implying``: only the classes that imply a finding); None when there is none."""
    whats = list(
        dict.fromkeys(c.what[language] for c in medicine.classes if c.findings or not implying)
    )
    if not whats:
        return None
    conjunction = table.data.conjunction[language]
    return whats[0] if len(whats) == 1 else ", ".join(whats[:-1]) + conjunction + whats[-1]
