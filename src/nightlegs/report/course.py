"""How often, how long and how bad, as a doctor writes them: "4 nights a week",
"for 3 years", "intensity 6/10". Used by the case line and wherever these answers
are the reason for something (the urgency's basis)."""

from __future__ import annotations

from nightlegs.i18n import Translator, format_number

__all__ = ["MONTHS_A_YEAR", "phrase"]

#: Months in a year: a duration of whole years is said in years.
MONTHS_A_YEAR = 12


def phrase(finding: str, value: float, t: Translator) -> str | None:
    """The answer to one of the course's questions in words; None for another finding."""
    if finding == "nights_per_week":
        return _how_often(value, t)
    if finding == "duration_months":
        return _how_long(value, t)
    if finding == "severity":
        return t.gettext("intensity %(value)s/10", value=format_number(value, t.language))
    return None


def _how_often(nights: float, t: Translator) -> str:
    # uk and ru write a fraction with the form of "2" (0,5 ночі, 0,5 ночи).
    form = int(nights) if nights.is_integer() else 2
    return t.ngettext(
        "%(count)s night a week",
        "%(count)s nights a week",
        form,
        count=format_number(nights, t.language),
    )


def _how_long(months: float, t: Translator) -> str:
    if months < 1:
        return t.gettext("for less than a month")
    if months >= MONTHS_A_YEAR and months % MONTHS_A_YEAR == 0:
        years = int(months // MONTHS_A_YEAR)
        return t.ngettext("for %(num)d year", "for %(num)d years", years)
    # Not whole years: in months, since "2,5 року" and "2,5 роки" need forms gettext lacks.
    return t.ngettext("for %(num)d month", "for %(num)d months", round(months))
