"""The results page's link to the doctor's PDF."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from nightlegs.pages.results import routes as pages
from nightlegs.report.pdf import ReportUnavailable
from tests.web.helpers import RLS_PROFILE, run, start


@pytest.mark.pdf
def test_the_report_is_a_pdf(client: TestClient) -> None:
    results, _, _ = run(client, RLS_PROFILE, "uk")
    response = client.get(results.links["report"])
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert response.headers["cache-control"] == "no-store"
    assert response.content.startswith(b"%PDF")


def test_without_weasyprint_the_report_says_so_with_503(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unavailable(*_args: object, **_options: object) -> bytes:
        raise ReportUnavailable("no pango here")

    monkeypatch.setattr(pages, "render_pdf", unavailable)
    run(client, RLS_PROFILE, "en")
    response = client.get("/en/report.pdf")
    assert response.status_code == 503
    assert response.headers["content-type"].startswith("text/html")
    assert "The report for your doctor cannot be made" in response.text
    assert 'href="/en/results"' in response.text


def test_no_report_before_the_end(client: TestClient) -> None:
    start(client, "ru")
    response = client.get("/ru/report.pdf", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/ru/interview"
    assert client.get("/ru/report.pdf", follow_redirects=False).status_code == 303
