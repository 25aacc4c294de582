"""Which browser on which system opened a share link, from its User-Agent header.

The owner of a diary sees each opening of a share link as "Chrome на Android, 27
листопада 09:14". Only that summary is kept (a browser id and a system id, such as
``chrome`` and ``android``): the full User-Agent string says far more than the owner
needs (versions, device models) and is stored nowhere.

Link-preview robots (Telegram's, Viber's and others', which fetch a link as soon as it
is pasted into a chat) are recognised too: :func:`is_link_preview`.

Pure: a header in, ids out. The ids are stable (they are stored); their names are in
:data:`BROWSER_NAMES` and :data:`SYSTEM_NAMES`.
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BROWSER_NAMES",
    "SYSTEM_NAMES",
    "UNKNOWN",
    "browser_of",
    "is_link_preview",
    "summarise",
    "system_of",
]

#: The id of a browser or system that cannot be told.
UNKNOWN: Final = "unknown"

#: Tokens of the User-Agent, checked in this order (the first found wins): apps and
#: browsers built on Chrome or Safari name themselves before the engine they carry.
_BROWSERS: tuple[tuple[str, str], ...] = (
    ("Telegram", "telegram"),
    ("Viber", "viber"),
    ("YaBrowser/", "yandex"),
    ("YaSearchBrowser/", "yandex"),
    ("SamsungBrowser/", "samsung"),
    ("Edg/", "edge"),
    ("EdgA/", "edge"),
    ("EdgiOS/", "edge"),
    ("OPR/", "opera"),
    ("OPT/", "opera"),
    ("Opera", "opera"),
    ("Firefox/", "firefox"),
    ("FxiOS/", "firefox"),
    ("CriOS/", "chrome"),
    ("Chromium/", "chromium"),
    ("Chrome/", "chrome"),
    ("Safari/", "safari"),
)

_SYSTEMS: tuple[tuple[str, str], ...] = (
    ("Android", "android"),
    ("iPhone", "ios"),
    ("iPod", "ios"),
    ("iPad", "ipados"),
    ("CrOS", "chromeos"),
    ("Windows", "windows"),
    ("Macintosh", "macos"),
    ("Mac OS X", "macos"),
    ("Linux", "linux"),
)

#: How each browser id is written (brand names: the same in every language).
BROWSER_NAMES: Final = {
    "telegram": "Telegram",
    "viber": "Viber",
    "yandex": "Yandex Browser",
    "samsung": "Samsung Internet",
    "edge": "Edge",
    "opera": "Opera",
    "firefox": "Firefox",
    "chromium": "Chromium",
    "chrome": "Chrome",
    "safari": "Safari",
}

SYSTEM_NAMES: Final = {
    "android": "Android",
    "ios": "iOS",
    "ipados": "iPadOS",
    "chromeos": "ChromeOS",
    "windows": "Windows",
    "macos": "macOS",
    "linux": "Linux",
}

#: Robots that fetch a link to show its preview in a chat or a feed.
_PREVIEW_ROBOTS = (
    "telegrambot",
    "viber/",  # Viber's link preview fetcher ("Viber/…" without a browser engine)
    "whatsapp",
    "facebookexternalhit",
    "facebookcatalog",
    "twitterbot",
    "slackbot",
    "discordbot",
    "skypeuripreview",
    "linkedinbot",
    "pinterest",
    "vkshare",
    "embedly",
    "googlebot",
    "bingbot",
    "yandexbot",
)


def browser_of(user_agent: str | None) -> str:
    """The browser's id (:data:`BROWSER_NAMES`), or :data:`UNKNOWN`."""
    text = user_agent or ""
    if "Safari/" in text and "Version/" not in text and "Chrome/" not in text:
        # A Safari token without Safari's own version: an app's web view, not Safari.
        return _first(text.replace("Safari/", ""), _BROWSERS)
    return _first(text, _BROWSERS)


def system_of(user_agent: str | None) -> str:
    """The system's id (:data:`SYSTEM_NAMES`), or :data:`UNKNOWN`."""
    return _first(user_agent or "", _SYSTEMS)


def summarise(user_agent: str | None) -> tuple[str, str]:
    """``(browser id, system id)`` of a User-Agent: all that is kept of it."""
    return browser_of(user_agent), system_of(user_agent)


def is_link_preview(user_agent: str | None) -> bool:
    """Whether the request comes from a robot that fetches links for chat previews.

    A messenger's robot fetches a link as soon as it is pasted, before the doctor
    opens it; such a fetch is not the doctor reading the diary.
    """
    text = (user_agent or "").lower()
    if "viber/" in text and "mozilla/" in text:
        return False  # Viber's own in-app browser: a person reading
    return any(robot in text for robot in _PREVIEW_ROBOTS)


def _first(text: str, tokens: tuple[tuple[str, str], ...]) -> str:
    for token, found in tokens:
        if token in text:
            return found
    return UNKNOWN
