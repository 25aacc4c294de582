"""A question page is light and calls no other site (no CDN, no external fonts)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Request

from nightlegs.evaluation.cases import Case
from nightlegs.knowledge import KnowledgeBase
from tests.browser.conftest import NewContext
from tests.browser.flow import Visit

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

LIMIT = 100 * 1024


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def test_a_question_page_is_at_most_100_kb_from_its_own_origin(
    new_context: NewContext, live_server: str, kb: KnowledgeBase, cases: dict[str, Case]
) -> None:
    first = new_context(js=True).new_page()
    requests: list[Request] = []
    first.on("request", lambda r: requests.append(r))
    visit = Visit(first, "uk", True, kb, cases["rls-classic"])
    visit.start()
    visit.answer()

    # The same interview in a fresh context: an empty cache, as on a first visit.
    fresh = new_context(js=True)
    fresh.add_cookies(first.context.cookies())  # type: ignore[arg-type]
    page = fresh.new_page()
    loaded: list[Request] = []
    page.on("request", lambda r: loaded.append(r))
    page.goto("/uk/interview", wait_until="networkidle")
    assert page.locator("main[data-page=question] form[data-question-id]").count() == 1
    sizes = {}
    for request in loaded:
        size = request.sizes()
        sizes[request.url] = size["responseBodySize"] + size["responseHeadersSize"]
    table = "\n".join(f"{n:>8} {url}" for url, n in sizes.items())
    print(f"question page, transferred:\n{table}\n{sum(sizes.values()):>8} in all")
    assert sum(sizes.values()) <= LIMIT, f"transferred {sum(sizes.values())} bytes:\n{table}"
    assert any(url.endswith(".js") for url in sizes), f"htmx was not loaded:\n{table}"

    visit.page = page
    visit.run()
    outside = [
        r.url
        for r in requests + loaded
        if not r.url.startswith(("data:", "blob:")) and origin(r.url) != live_server
    ]
    assert outside == []
