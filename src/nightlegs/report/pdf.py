"""The doctor's PDF: one or two A4 pages, rendered by WeasyPrint from ``templates/``.

WeasyPrint loads Pango, HarfBuzz and Fontconfig when it is imported, so it is
imported here only when a report is rendered; if it cannot load,
:class:`ReportUnavailable` says which system packages are missing. The report
loads nothing from the network: its URL fetcher refuses every URL that is not a
``data:`` URL or a file inside this package.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import jinja2

from nightlegs.diary.model import Entry
from nightlegs.diary.trends import Summary
from nightlegs.engine.models import Assessment
from nightlegs.i18n import translator
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import Value
from nightlegs.report.case import sentence
from nightlegs.report.context import ReportView, build_view
from nightlegs.report.diary_section import DiarySection, diary_section
from nightlegs.report.sections import NamedMedicine
from nightlegs.settings import Settings

PACKAGE_DIR = Path(__file__).resolve().parent
TEMPLATES = PACKAGE_DIR / "templates"

#: Pages a report should fit in: one for a simple case, two at most (a longer one is
#: laid out again, compact).
MAX_PAGES = 2

#: Debian packages WeasyPrint needs at run time (also in the README and .ci/run).
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core"


class ReportUnavailable(RuntimeError):
    """The PDF cannot be made here: WeasyPrint or its system libraries do not load."""


class RefusedURL(ValueError):
    """The report asked for something outside this package (never the network)."""


def render_pdf(
    kb: KnowledgeBase,
    assessment: Assessment,
    values: Mapping[str, Value],
    language: str,
    settings: Settings,
    now: datetime,
    *,
    diary_summary: Summary | None = None,
    diary_entries: Sequence[Entry] | None = None,
    interviewed_at: datetime | None = None,
    named_medicines: Sequence[NamedMedicine] = (),
) -> bytes:
    """The doctor's report for one localised assessment and the answers behind it.

    ``language`` is the assessment's. ``now`` is the moment it is made and
    ``interviewed_at`` the moment the patient answered, in UTC: the report shows both
    in the clinic's time zone (``settings.zone``). With ``diary_summary`` (a shared
    diary's) and its ``diary_entries``, the report also has the diary's weeks, last
    nights and trend. ``named_medicines`` are medicines the patient named, with their
    ATC codes (the interview itself records classes only).
    """
    if language != assessment.language:
        raise ValueError(f"language {language!r}, but the assessment is in {assessment.language!r}")
    weasyprint = load_weasyprint()
    view = build_view(
        kb,
        assessment,
        values,
        settings,
        now,
        interviewed_at=interviewed_at,
        named_medicines=named_medicines,
    )
    diary = (
        diary_section(diary_summary, language, diary_entries or ())
        if diary_summary is not None
        else None
    )
    fetcher = url_fetcher()

    def lay_out(compact: bool) -> Any:
        html = render_html(view, compact=compact, diary=diary)
        source = weasyprint.HTML(
            string=html, base_url=TEMPLATES.as_uri() + "/", url_fetcher=fetcher
        )
        return source.render()

    try:
        document = lay_out(compact=False)
        if len(document.pages) > 1:
            # Smaller type when it saves a page: one page rather than two, two rather
            # than three (MAX_PAGES).
            smaller = lay_out(compact=True)
            if len(smaller.pages) < len(document.pages):
                document = smaller
        pdf: bytes = document.write_pdf()
    except weasyprint.urls.FatalURLFetchingError as error:
        raise RefusedURL(str(error.__cause__ or error)) from error
    return pdf


def render_html(
    view: ReportView,
    *,
    compact: bool = False,
    diary: DiarySection | None = None,
) -> str:
    """The report as HTML (what WeasyPrint lays out); ``compact`` for a long one."""
    template = _environment(view.language).get_template("report.html")
    return template.render(view=view, compact=compact, diary=diary)


def load_weasyprint() -> ModuleType:
    """The ``weasyprint`` module, or :class:`ReportUnavailable` with the reason."""
    try:
        return _import_weasyprint()
    except (ImportError, OSError) as error:
        raise ReportUnavailable(
            f"the PDF report needs WeasyPrint and its system libraries ({error}); "
            f"on Debian: apt-get install {SYSTEM_PACKAGES}"
        ) from error


@functools.cache
def _import_weasyprint() -> ModuleType:
    import weasyprint  # type: ignore[import-untyped]  # imported late: it loads Pango

    return weasyprint  # type: ignore[no-any-return]


def allowed_url(url: str) -> bool:
    """Whether the report may load ``url``: ``data:`` URLs and files in this package."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme == "data":
        return True
    if scheme != "file":
        return False
    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        return False
    path = Path(url2pathname(parts.path)).resolve()
    return path.is_relative_to(PACKAGE_DIR)


def url_fetcher() -> Any:
    """A WeasyPrint URL fetcher that refuses (and stops the rendering on) any URL
    :func:`allowed_url` does not allow."""
    return _fetcher_class()(
        allowed_protocols=("file", "data"), allow_redirects=False, fail_on_errors=True
    )


@functools.cache
def _fetcher_class() -> type:
    base = load_weasyprint().urls.URLFetcher

    class PackageOnlyFetcher(base):  # type: ignore[valid-type,misc]
        def fetch(self, url: str, headers: Mapping[str, str] | None = None) -> Any:
            if not allowed_url(url):
                raise RefusedURL(f"the report may not load {url!r}")
            return super().fetch(url, headers)

    return PackageOnlyFetcher


@functools.cache
def _environment(language: str) -> jinja2.Environment:
    """The report's templates with ``language``'s catalogue installed (``_()``)."""
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    environment.install_gettext_translations(  # type: ignore[attr-defined]
        translator(language).translations, newstyle=True
    )
    # One full stop at the end, never a second one after a date's abbreviated year.
    environment.filters["sentence"] = sentence
    return environment
