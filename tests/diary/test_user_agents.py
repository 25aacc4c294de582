"""Which browser on which system opened a share link, from real User-Agent strings; and the
messengers' link-preview robots."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nightlegs.diary import user_agents

AGENTS = {
    # Phones
    "Mozilla/5.0 (Linux; Android 14; SM-A546B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.6778.81 Mobile Safari/537.36": ("chrome", "android"),
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1": ("safari", "ios"),
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1": ("chrome", "ios"),
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) FxiOS/127.0 Mobile/15E148 Safari/605.1.15": ("firefox", "ios"),
    "Mozilla/5.0 (Linux; Android 13; SAMSUNG SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36": ("samsung", "android"),
    "Mozilla/5.0 (Linux; Android 12; M2101K6G) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 YaBrowser/24.1.2.86.00 SA/3 Mobile Safari/537.36": ("yandex", "android"),
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36 OPR/86.0.0.0": ("opera", "android"),
    "Mozilla/5.0 (Linux; Android 14; Pixel 8 Build/AP2A; wv) AppleWebKit/537.36 "
    "(KHTML, like Gecko) Version/4.0 Chrome/131.0.6778.81 Mobile Safari/537.36 "
    "Telegram-Android/11.4.2 (Google Pixel 8; Android 14; SDK 34; HIGH)": ("telegram", "android"),
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Mobile/15E148": ("unknown", "ios"),
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1": ("safari", "ipados"),
    # Computers
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0": ("edge", "windows"),
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0": (
        "firefox",
        "windows",
    ),
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/18.1 Safari/605.1.15": ("safari", "macos"),
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36": ("chrome", "linux"),
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Safari/537.36": ("chrome", "chromeos"),
    "Mozilla/5.0 (X11; Linux x86_64) HeadlessChrome/131.0.0.0 Safari/537.36": (
        "chrome",
        "linux",
    ),
    # Nothing to tell
    "": ("unknown", "unknown"),
    "curl/8.5.0": ("unknown", "unknown"),
    "Doctor's own browser": ("unknown", "unknown"),
}

PREVIEWS = [
    "TelegramBot (like TwitterBot)",
    "WhatsApp/2.23.20.0",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
    "Viber/21.6.0 CFNetwork/1496.0.7 Darwin/23.5.0",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
]


@pytest.mark.parametrize(("agent", "expected"), AGENTS.items(), ids=range(len(AGENTS)))
def test_browser_and_system(agent, expected):
    assert user_agents.summarise(agent) == expected


def test_no_agent_at_all():
    assert user_agents.summarise(None) == ("unknown", "unknown")


@pytest.mark.parametrize("agent", PREVIEWS)
def test_link_previews_are_robots(agent):
    assert user_agents.is_link_preview(agent)


@pytest.mark.parametrize("agent", [*AGENTS, None])
def test_people_are_not_robots(agent):
    assert not user_agents.is_link_preview(agent)


@given(st.text(max_size=300))
def test_any_header_gives_known_ids(agent):
    browser, system = user_agents.summarise(agent)
    assert browser in {*user_agents.BROWSER_NAMES, user_agents.UNKNOWN}
    assert system in {*user_agents.SYSTEM_NAMES, user_agents.UNKNOWN}
    # Short enough for the columns they are stored in.
    assert len(browser) <= 16
    assert len(system) <= 16
