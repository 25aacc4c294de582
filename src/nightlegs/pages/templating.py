"""The templates: one Jinja2 environment per language, with that language's catalogue
installed (new-style gettext: ``_("Hello %(name)s", name=...)``, ``ngettext(..., num)``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import jinja2

from nightlegs.i18n import LANGUAGES, Translator, load_translations

#: The packages with a ``templates`` folder: the shared layout first, then each area.
TEMPLATE_PACKAGES = (
    "nightlegs.pages",
    "nightlegs.pages.interview",
    "nightlegs.pages.results",
    "nightlegs.pages.diary",
)


class Pages:
    """The templates, one Jinja2 environment per language."""

    def __init__(self, globals_: Mapping[str, Any] | None = None) -> None:
        # Each area keeps its templates next to its code; names are unique across areas.
        loader = jinja2.ChoiceLoader(
            [jinja2.PackageLoader(package, "templates") for package in TEMPLATE_PACKAGES]
        )
        self.translators: dict[str, Translator] = {}
        self.environments: dict[str, jinja2.Environment] = {}
        for language in LANGUAGES:
            translations = load_translations(language)
            environment = jinja2.Environment(
                loader=loader,
                autoescape=True,
                undefined=jinja2.StrictUndefined,
                extensions=["jinja2.ext.i18n"],
                trim_blocks=True,
                lstrip_blocks=True,
            )
            environment.install_gettext_translations(  # type: ignore[attr-defined]
                translations, newstyle=True
            )
            environment.globals.update(globals_ or {})
            environment.globals["lang"] = language
            self.environments[language] = environment
            self.translators[language] = Translator(language, translations)

    def render(self, language: str, template: str, context: Mapping[str, Any]) -> str:
        return self.environments[language].get_template(template).render(context)
