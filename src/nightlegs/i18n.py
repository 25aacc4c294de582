"""Interface languages: Babel catalogues compiled in memory, for Python code and templates.

The interface strings live in ``locale/{uk,ru,en}/LC_MESSAGES/messages.po``
(message ids in English). They are compiled at start-up (no ``.mo`` files are
kept), one :class:`gettext.GNUTranslations` per language, used by the pages'
templates (:mod:`nightlegs.pages.templating`) and by Python code through a
:class:`Translator`.

Clinical text never comes from here: it comes from the knowledge base, already
in the page's language.
"""

from __future__ import annotations

import datetime as dt
import functools
import gettext
from dataclasses import dataclass
from importlib import resources
from io import BytesIO
from typing import Any, Final

from babel.dates import format_date as babel_format_date
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from nightlegs.languages import LANGUAGE_NAMES, LANGUAGES, is_language

__all__ = [
    "DOMAIN",
    "LANGUAGES",
    "LANGUAGE_NAMES",
    "N_",
    "Translator",
    "catalogue_path",
    "format_date",
    "format_number",
    "load_translations",
    "negotiate",
    "translator",
]

DOMAIN: Final = "messages"


def N_(message: str) -> str:
    """Mark a string for the catalogue; it is translated where it is shown."""
    return message


def catalogue_path(language: str) -> resources.abc.Traversable:
    return resources.files("nightlegs") / "locale" / language / "LC_MESSAGES" / "messages.po"


def load_translations(language: str) -> gettext.GNUTranslations:
    """One language's catalogue, compiled in memory."""
    with catalogue_path(language).open("rb") as source:
        catalog = read_po(source, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def negotiate(accept_language: str | None) -> str | None:
    """The first of our languages the ``Accept-Language`` header asks for, or None.

    Entries are ranked by their ``q`` weight (1 when absent); among equal
    weights the header's order decides. ``uk-UA`` counts as ``uk``.
    """
    if not accept_language:
        return None
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        pieces = part.strip().split(";")
        tag = pieces[0].strip().lower()
        weight = 1.0
        for parameter in pieces[1:]:
            name, _, value = parameter.strip().partition("=")
            if name.strip() == "q":
                try:
                    weight = float(value)
                except ValueError:
                    weight = 0.0
        if tag and weight > 0:
            ranked.append((-weight, position, tag))
    for _weight, _position, tag in sorted(ranked):
        primary = tag.split("-")[0]
        if primary in LANGUAGES:
            return primary
    return None


def format_date(day: dt.date, language: str) -> str:
    """A date written out in the language (``25 November 2026`` in en)."""
    return babel_format_date(day, format="long", locale=language)


def format_number(number: float, language: str) -> str:
    """A number as people write it in the language (``4,5`` in uk and ru)."""
    return format_decimal(number, locale=language)


@dataclass(frozen=True)
class Translator:
    """The interface strings of one language, for Python code.

    ``t.gettext("Hello %(name)s", name=...)`` (or ``t(...)``) and
    ``t.ngettext("%(num)d night", "%(num)d nights", num)``: the extraction
    (``scripts/messages``) finds literal message ids in both; an id kept in a
    variable is marked where it is written, with :func:`N_`.
    """

    language: str
    translations: gettext.GNUTranslations

    def gettext(self, message: str, **values: Any) -> str:
        """The message in this language, with its ``%(name)s`` placeholders filled."""
        text = self.translations.gettext(message)
        return text % values if values else text

    __call__ = gettext

    def ngettext(self, singular: str, plural: str, num: int, **values: Any) -> str:
        """The plural form for ``num`` (``%(num)d``; uk and ru have three), filled."""
        text = self.translations.ngettext(singular, plural, num)
        return text % {"num": num, **values}

    plural = ngettext


def translator(language: str) -> Translator:
    """The :class:`Translator` of ``language``, its catalogue compiled once per process;
    ``ValueError`` for a language that is not one of :data:`LANGUAGES`."""
    if not is_language(language):
        raise ValueError(f"unknown language {language!r}")
    return _translator(language)


@functools.cache
def _translator(language: str) -> Translator:
    return Translator(language, load_translations(language))
