"""A question page is light (<= 100 KB transferred, htmx included) and self-contained."""

from __future__ import annotations

import re
from collections.abc import Callable

from starlette.testclient import TestClient

from nightlegs.settings import Settings
from tests.web.helpers import RLS_PROFILE, answers_for, read, run, start

LIMIT = 100 * 1024
BOOKING = "https://clinic.example/book"


def transferred(client: TestClient, path: str) -> int:
    """Bytes on the wire for ``path`` when the browser accepts gzip."""
    with client.stream("GET", path, headers={"accept-encoding": "gzip"}) as response:
        assert response.status_code == 200, path
        return sum(len(chunk) for chunk in response.iter_raw())


def references(html: str) -> list[str]:
    return re.findall(r'(?:src|href)="([^"]*)"', html)


def test_a_question_page_weighs_at_most_100_kb(client: TestClient) -> None:
    start(client)
    html = client.get("/uk/interview").text
    with client.stream("GET", "/uk/interview", headers={"accept-encoding": "gzip"}) as response:
        assert response.headers["content-encoding"] == "gzip"
    assets = [ref for ref in references(html) if ref.startswith("/static/")]
    assert {a.split("?")[0] for a in assets} >= {
        "/static/css/app.css",
        "/static/css/print.css",
        "/static/js/app.js",
        "/static/vendor/htmx-2.0.11.min.js",
    }
    total = transferred(client, "/uk/interview") + sum(transferred(client, a) for a in assets)
    assert total <= LIMIT, f"{total} bytes"


def test_pages_refer_to_no_other_origin(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> None:
    client = make_client(
        make_settings(clinic_booking_url=BOOKING, clinic_specialists=["neurologist"])
    )
    pages = [client.get("/en/").text]
    response = start(client, "en")
    pages.append(response.text)
    page = read(response)
    response = client.post("/en/interview/answer", data=answers_for(page, RLS_PROFILE))
    pages.append(response.text)
    results, _, _ = run(client, RLS_PROFILE, "en", response=response)
    pages.append(results.html)
    assert BOOKING in results.html
    for html in pages:
        for ref in references(html):
            if ref == BOOKING or ref.startswith(("tel:", "#", "data:")):
                continue
            assert ref.startswith("/"), ref
            assert not ref.startswith("//"), ref
        assert "http://" not in html.replace(BOOKING, "")
        assert "https://" not in html.replace(BOOKING, "")
    for path in ("/static/css/app.css", "/static/js/app.js"):
        text = client.get(path).text
        for outside in ("http://", "https://", "@import", "url("):
            assert outside not in text, (path, outside)
