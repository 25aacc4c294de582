"""Every night, date and time of the diary's pages on the clinic's clock (Europe/Kyiv by
default), with the clock set in the test: an entry at 00:30 belongs to the night that
began the evening before, across midnight and both changes of the clocks (the last
Sundays of March and October); and the share links' log of openings as "Chrome на
Android, 27 листопада 09:14"."""

# ruff: noqa: RUF001 - Ukrainian and Russian words are meant to be Cyrillic

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from starlette.testclient import TestClient

from nightlegs.pages.diary.share_views import qr_svg
from nightlegs.services import diaries, sharing
from nightlegs.settings import Settings
from nightlegs.store import diary_repository
from tests.fixtures.apps import DIARY_ON

UTC = dt.UTC
ANDROID_CHROME = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.81 Mobile Safari/537.36"
)
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
)


class Clock:
    """The diary's clock, set by the test (no sleeping): services and storage read it."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.now = dt.datetime(2026, 11, 27, 7, 14, tzinfo=UTC)
        for module in (diaries, sharing, diary_repository):
            monkeypatch.setattr(module, "utcnow", lambda: self.now)

    def set(self, *parts: int) -> None:
        self.now = dt.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    return Clock(monkeypatch)


@pytest.fixture
def client(make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]):
    return make_client(make_settings(**DIARY_ON))


def start_diary(client: TestClient, lang: str = "uk") -> None:
    assert client.post(f"/{lang}/diary/new").status_code == 200


def last_night_on_the_page(client: TestClient, lang: str = "uk") -> tuple[str, str]:
    page = client.get(f"/{lang}/diary").text
    match = re.search(r'<p class="meta" data-last-night="([\d-]+)">([^<]*)</p>', page)
    assert match is not None, page
    link = re.search(r'href="/\w+/diary/entry/([\d-]+)" data-action="record-night"', page)
    assert link is not None
    assert link.group(1) == match.group(1)
    return match.group(1), html.unescape(match.group(2))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("uk", "Минула ніч — ніч з четверга на п'ятницю, з 26 на 27 листопада."),
        ("ru", "Прошлая ночь — ночь с четверга на пятницу, с 26 на 27 ноября."),
        ("en", "Last night: the night from Thursday to Friday, 26 to 27 November."),
    ],
)
def test_at_half_past_midnight_last_night_began_the_evening_before(client, clock, lang, expected):
    clock.set(2026, 11, 26, 22, 30)  # 00:30 on Friday 27 November in Kyiv (UTC+2)
    start_diary(client, lang)
    night, words = last_night_on_the_page(client, lang)
    assert (night, words) == ("2026-11-26", expected)  # the UTC date would say the 25th
    saved = client.post(f"/{lang}/diary/entry/{night}", data={"no_symptoms": "yes"})
    assert saved.url.path == f"/{lang}/diary"
    assert 'data-night="2026-11-26" data-recorded' in saved.text
    notice = {
        "uk": "Збережено: ніч з 26 на 27 листопада.",
        "ru": "Сохранено: ночь с 26 на 27 ноября.",
    }
    if lang in notice:
        assert notice[lang] in saved.text
    entry = client.get(f"/{lang}/diary/entry/2026-11-26").text
    title = {"uk": "Ніч з 26 на 27 листопада", "ru": "Ночь с 26 на 27 ноября"}
    if lang in title:
        assert f'<h1 data-focus tabindex="-1">{title[lang]}</h1>' in entry


@pytest.mark.parametrize(
    ("utc", "evening"),
    [
        # Around midnight in Kyiv, on an ordinary night (UTC+2).
        ((2026, 11, 26, 21, 59), "2026-11-25"),  # 23:59 on Thursday
        ((2026, 11, 26, 22, 0), "2026-11-26"),  # 00:00 on Friday
        ((2026, 11, 27, 21, 59), "2026-11-26"),  # 23:59 on Friday: still that night
        # Clocks forward on Sunday 29 March 2026, at 03:00 (01:00 UTC): UTC+2, then UTC+3.
        ((2026, 3, 28, 22, 30), "2026-03-28"),  # 00:30 on Sunday
        ((2026, 3, 29, 0, 30), "2026-03-28"),  # 02:30
        ((2026, 3, 29, 1, 30), "2026-03-28"),  # 04:30, an hour later on the wall clock
        ((2026, 3, 29, 20, 59), "2026-03-28"),  # 23:59 on Sunday
        ((2026, 3, 29, 21, 30), "2026-03-29"),  # 00:30 on Monday: the UTC date is the 29th
        # Clocks back on Sunday 25 October 2026, at 04:00 (01:00 UTC): UTC+3, then UTC+2.
        ((2026, 10, 24, 21, 30), "2026-10-24"),  # 00:30 on Sunday: the UTC date is the 24th
        ((2026, 10, 25, 0, 30), "2026-10-24"),  # 03:30 summer time
        ((2026, 10, 25, 1, 30), "2026-10-24"),  # 03:30 again, winter time
        ((2026, 10, 25, 21, 59), "2026-10-24"),  # 23:59 on Sunday
        ((2026, 10, 25, 22, 30), "2026-10-25"),  # 00:30 on Monday
    ],
)
def test_last_night_across_midnight_and_the_clock_changes(client, clock, utc, evening):
    clock.set(*utc)
    assert diaries.last_night(Settings()).isoformat() == evening
    start_diary(client)
    night, _ = last_night_on_the_page(client)
    assert night == evening
    # One tap for a quiet night lands on that night.
    page = client.post(f"/uk/diary/entry/{night}", data={"no_symptoms": "yes"})
    assert f'data-night="{evening}" data-recorded' in page.text


def test_tonight_may_be_recorded_but_not_the_night_after(client, clock):
    """The latest night is the clinic's today (a day's tolerance), judged in Kyiv."""
    clock.set(2026, 10, 24, 21, 30)  # 00:30 on 25 October in Kyiv; the 24th in UTC
    start_diary(client)
    assert client.get("/uk/diary/entry/2026-10-26").status_code == 200
    assert client.get("/uk/diary/entry/2026-10-27").status_code == 404


def share_link(client: TestClient, lang: str = "uk") -> tuple[str, str]:
    """A new link on the share page: its path and the page."""
    page = client.post(f"/{lang}/diary/share", data={"days": "14"}).text
    (url,) = re.findall(r'data-share-url="([^"]+)"', page)
    return urlsplit(html.unescape(url)).path, page


def openings(client: TestClient, lang: str = "uk") -> list[str]:
    page = client.get(f"/{lang}/diary/share").text
    block = re.search(r'<ul class="views">(.*?)</ul>', page, re.S)
    return [] if block is None else re.findall(r"<li>([^<]*)</li>", block.group(1))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("uk", ["Chrome на Android, 27 листопада 09:14"]),
        ("ru", ["Chrome на Android, 27 ноября 09:14"]),
        ("en", ["Chrome on Android, 27 November 09:14"]),
    ],
)
def test_the_log_of_openings_names_the_browser_on_the_clinics_clock(
    client, make_client, make_settings, clock, lang, expected
):
    clock.set(2026, 11, 20, 10, 0)
    start_diary(client, lang)
    path, _ = share_link(client, lang)
    clock.set(2026, 11, 27, 7, 14)  # 09:14 in Kyiv
    doctor = make_client(make_settings(**DIARY_ON), headers={"user-agent": ANDROID_CHROME})
    assert doctor.get(path).status_code == 200
    assert openings(client, lang) == expected
    page = client.get(f"/{lang}/diary/share").text
    assert "Mozilla" not in page
    made = {"uk": "20 листопада 12:00", "ru": "20 ноября 12:00", "en": "20 November 12:00"}
    assert made[lang] in page  # made at 10:00 UTC: noon in Kyiv
    until = {"uk": "4 грудня 12:00", "ru": "4 декабря 12:00", "en": "4 December 12:00"}
    assert until[lang] in page


def test_openings_across_the_clock_changes(client, make_client, make_settings, clock):
    clock.set(2026, 3, 20, 10, 0)
    start_diary(client)
    path, _ = share_link(client)
    doctor = make_client(make_settings(**DIARY_ON), headers={"user-agent": IPHONE_SAFARI})
    for moment in ((2026, 3, 29, 0, 30), (2026, 3, 29, 1, 30)):
        clock.set(*moment)
        assert doctor.get(path).status_code == 200
    assert openings(client) == [
        "Safari на iOS, 29 березня 04:30",  # newest first; summer time (UTC+3)
        "Safari на iOS, 29 березня 02:30",  # winter time (UTC+2)
    ]
    clock.set(2026, 10, 20, 10, 0)
    start_diary(client)  # the spring sign-in has long expired
    path, _ = share_link(client)
    for moment in ((2026, 10, 25, 0, 30), (2026, 10, 25, 1, 30)):
        clock.set(*moment)
        assert doctor.get(path).status_code == 200
    assert openings(client) == [
        "Safari на iOS, 25 жовтня 03:30",  # winter time (UTC+2)
        "Safari на iOS, 25 жовтня 03:30",  # summer time (UTC+3): the same wall-clock time
    ]


def test_an_opening_of_another_year_says_its_year(client, make_client, make_settings, clock):
    clock.set(2026, 12, 31, 21, 30)  # 23:30 on 31 December in Kyiv
    start_diary(client, "en")
    path, _ = share_link(client, "en")
    doctor = make_client(make_settings(**DIARY_ON), headers={"user-agent": ""})
    assert doctor.get(path).status_code == 200
    clock.set(2027, 1, 2, 8, 0)
    assert openings(client, "en") == ["An unknown browser, 31 December 2026, 23:30"]


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_a_new_link_has_a_qr_code_and_messenger_links(client, clock, lang):
    start_diary(client, lang)
    path, page = share_link(client, lang)
    url = f"http://testserver{path}"
    section = re.search(r'<section class="new-link".*?</section>', page, re.S)
    assert section is not None
    svg = re.search(r"<svg .*?</svg>", section.group(0), re.S)
    assert svg is not None
    assert 'role="img"' in svg.group(0)
    assert "style" not in svg.group(0)
    label = {"uk": "QR-код посилання", "ru": "QR-код ссылки", "en": "QR code of the link"}
    assert svg.group(0) == qr_svg(url, label[lang])  # the link itself, and nothing else
    hrefs = [html.unescape(h) for h in re.findall(r'href="([^"]+)"', page)]
    other = [h for h in hrefs if not h.startswith(("/", "#", "tel:", "data:"))]
    assert len(other) == 2, other
    telegram, viber = other
    parts = urlsplit(telegram)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "t.me", "/share/url")
    query = parse_qs(parts.query)
    assert query["url"] == [url]
    assert query["text"][0]
    assert viber.startswith("viber://forward?text=")
    assert parse_qs(urlsplit(viber).query)["text"][0].endswith(" " + url)
    assert re.search(r'data-action="copy-link" data-copy="' + re.escape(url) + '"', page)


def test_a_messengers_link_preview_opens_nothing(client, make_client, make_settings, clock):
    """Telegram's robot fetches a pasted link at once: it gets a page that says what the
    link is, without the diary, and it is not an opening."""
    start_diary(client)
    client.post("/uk/diary/entry/2026-11-25", data={"symptoms": "cramp", "note": "ліва литка"})
    path, _ = share_link(client)
    robot = make_client(
        make_settings(**DIARY_ON), headers={"user-agent": "TelegramBot (like TwitterBot)"}
    )
    for address in (path, f"{path}/report.pdf"):
        preview = robot.get(address)
        assert preview.status_code == 200
        assert preview.headers["x-robots-tag"] == "noindex, nofollow"
        assert "ліва литка" not in preview.text
        assert "data-chart" not in preview.text
        assert "data-triage-level" not in preview.text
    assert openings(client) == []
