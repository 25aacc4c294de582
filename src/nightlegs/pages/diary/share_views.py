"""A new share link, ready to hand over: its QR code, drawn here as inline SVG (segno, no
network, no script), and the addresses that pass it to Telegram and Viber.

The messengers' addresses are the only links to another origin on the diary's pages
(tests/browser/test_diary.py checks it); nothing is loaded from them: they are followed
only when the person taps one.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlencode

import segno
from markupsafe import Markup

from nightlegs.i18n import N_, Translator

__all__ = ["NewLink", "new_link", "qr_svg", "telegram_url", "viber_url"]

#: Telegram's share page: it opens the app with the link and the text ready to send.
TELEGRAM_SHARE = "https://t.me/share/url"
#: Viber's deep link: it opens the app's "forward" screen with the text.
VIBER_FORWARD = "viber://forward"


@dataclass(frozen=True, slots=True)
class NewLink:
    url: str
    qr: Markup
    telegram: str
    viber: str


def new_link(url: str, t: Translator) -> NewLink:
    text = t(N_("My night diary, for the doctor (read-only)"))
    return NewLink(
        url=url,
        qr=qr_svg(url, t(N_("QR code of the link"))),
        telegram=telegram_url(url, text),
        viber=viber_url(url, text),
    )


def qr_svg(url: str, label: str) -> Markup:
    """The link as a QR code: an ``<svg role="img">`` with presentation attributes only
    (so the strict CSP holds), dark on white with the quiet zone the standard asks for."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=4, dark="#000000", light="#ffffff", omitsize=True, svgclass="qr"
    )
    labelled = svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(label)}" shape-rendering="crispEdges" ', 1
    )
    # segno's output: numbers and fixed words only; the label is escaped above.
    return Markup(labelled)


def telegram_url(url: str, text: str) -> str:
    return f"{TELEGRAM_SHARE}?{urlencode({'url': url, 'text': text}, quote_via=quote)}"


def viber_url(url: str, text: str) -> str:
    return f"{VIBER_FORWARD}?{urlencode({'text': f'{text} {url}'}, quote_via=quote)}"
