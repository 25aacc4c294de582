"""The terminal's languages and its words by name (clinical texts come from the
knowledge base; the words themselves are in the interface catalogues,
``locale/*/LC_MESSAGES/messages.po``)."""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum

from nightlegs.i18n import N_, Translator, translator
from nightlegs.languages import LANGUAGES

#: ``--lang``'s choices: :data:`nightlegs.languages.LANGUAGES`.
Language = StrEnum("Language", [(code, code) for code in LANGUAGES])  # type: ignore[misc]

#: The words the commands ask for by name (:func:`say`).
_NAMED: Mapping[str, str] = {
    "stopped": N_("Interview stopped. Nothing was saved."),
    "result": N_("Result"),
}


def words(language: str) -> Translator:
    """The terminal's words in ``language``, English for a language we do not speak."""
    return translator(language if language in LANGUAGES else "en")


def say(key: str, language: str) -> str:
    """One of the words named in :data:`_NAMED`, in ``language``."""
    return words(language).gettext(_NAMED[key])
