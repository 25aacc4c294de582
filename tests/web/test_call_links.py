"""The start page's numbers to call (the call_links macro) say it as the results and
emergency pages do: "Зателефонувати на 112", with the deployment's own number."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import unescape

import pytest
from starlette.testclient import TestClient

from nightlegs.i18n import translator
from nightlegs.languages import LANGUAGES
from nightlegs.settings import Settings
from tests.web.helpers import DVT_PROFILE, answer, read, start

#: The words of a page's link to ``tel:NUMBER``, tags removed.
CALL = r'<a class="call[^"]*" href="tel:{number}"[^>]*>(.*?)</a>'


def link_words(page: str, number: str) -> list[str]:
    return [
        " ".join(unescape(re.sub(r"<[^>]+>", " ", inner)).split())
        for inner in re.findall(CALL.format(number=re.escape(number)), page, flags=re.S)
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_start_page_calls_the_general_number_as_the_emergency_page_does(
    client: TestClient, lang: str
) -> None:
    words = translator(lang).gettext("Call %(number)s") % {"number": "112"}
    assert link_words(client.get(f"/{lang}/").text, "112") == [words]
    start(client, lang)
    emergency = read(answer(client, read(client.get(f"/{lang}/interview")), DVT_PROFILE))
    assert words in link_words(emergency.html, "112")


def test_the_words_are_ukrainian_and_name_the_deployment_s_number(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> None:
    client = make_client(make_settings(emergency_general="911"))
    page = client.get("/uk/").text
    assert link_words(page, "911") == ["Зателефонувати на 911"]
    assert "Подзвонити" not in page
    assert "екстрених служб" not in page
