"""The languages nightlegs speaks, declared once.

Everything that lists, checks or defaults a language imports it from here: the
knowledge base's texts, the settings, the API's models, the catalogues of
:mod:`nightlegs.i18n`. A leaf module: it imports nothing of nightlegs, so the
engine and the knowledge base may use it too.

A new language needs its code in :data:`Language`, its own name in
:data:`LANGUAGE_NAMES`, a catalogue (``locale/<code>/LC_MESSAGES/messages.po``)
and its text in every knowledge-base item; the tests name whatever is missing.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, Literal, TypeGuard, get_args

#: A language's code (ISO 639-1).
Language = Literal["uk", "ru", "en"]

#: Every language, in the order the language switch shows them.
LANGUAGES: Final[tuple[Language, ...]] = get_args(Language)

#: The language of answers and pages when nothing names one (``NIGHTLEGS_DEFAULT_LANGUAGE``).
DEFAULT_LANGUAGE: Final[Language] = "uk"

#: Each language's own name, for the language switch.
LANGUAGE_NAMES: Final[Mapping[Language, str]] = MappingProxyType(
    {"uk": "Українська", "ru": "Русский", "en": "English"}
)

#: Languages that write a decimal comma ("6,3"), as people there read numbers.
DECIMAL_COMMA: Final[frozenset[Language]] = frozenset({"uk", "ru"})


def is_language(code: object) -> TypeGuard[Language]:
    """Whether ``code`` is one of :data:`LANGUAGES`."""
    return code in LANGUAGES
