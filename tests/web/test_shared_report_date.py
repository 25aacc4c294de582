"""The shared diary's PDF dates the laboratory values: the report is made with the saved
interview's time (when the values were given), as the results page's report is."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Callable
from typing import Any

import pytest
from starlette.testclient import TestClient

from nightlegs.pages.diary import sharing
from nightlegs.report.context import build_view
from nightlegs.report.pdf import render_html
from nightlegs.settings import Settings
from tests.fixtures.apps import DIARY_ON
from tests.web.helpers import RLS_PROFILE, run
from tests.web.test_diary_pages import attr, create, fill

Made = list[tuple[tuple[Any, ...], dict[str, Any]]]


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> Made:
    """The arguments of every PDF the shared diary's route asks for (none is rendered)."""
    calls: Made = []

    def spy(*args: Any, **options: Any) -> bytes:
        calls.append((args, options))
        return b"%PDF-1.7 spy"

    monkeypatch.setattr(sharing, "render_pdf", spy)
    return calls


def _utc(moment: dt.datetime) -> dt.datetime:
    return moment.replace(tzinfo=dt.UTC) if moment.tzinfo is None else moment


def _share_report(client: TestClient, doctor: TestClient) -> None:
    url = attr(client.post("/en/diary/share", data={"days": "14"}).text, "data-share-url")[0]
    response = doctor.get(url.removeprefix("http://testserver") + "/report.pdf")
    assert response.status_code == 200


def test_the_report_is_dated_by_the_saved_interview(
    make_client: Callable[..., TestClient],
    make_settings: Callable[..., Settings],
    made: Made,
) -> None:
    settings = make_settings(**DIARY_ON)
    client = make_client(settings)
    create(client)
    fill(client, 10)
    before = dt.datetime.now(dt.UTC)
    run(client, RLS_PROFILE, "en")
    after = dt.datetime.now(dt.UTC)
    assert client.post("/en/diary/save-interview").status_code in (200, 303)
    _share_report(client, make_client(settings))

    [(args, options)] = made
    interviewed = options["interviewed_at"]
    assert interviewed is not None
    assert before - dt.timedelta(seconds=1) <= _utc(interviewed) <= after
    kb, assessment, values, _language, report_settings, now = args
    view = build_view(kb, assessment, values, report_settings, now, interviewed_at=interviewed)
    assert view.interviewed is not None  # "27 November 2026, 11:30", the clinic's clock
    assert f"Interview: {view.interviewed}" in html.unescape(render_html(view))


def test_a_diary_without_an_interview_has_no_interview_date(
    make_client: Callable[..., TestClient],
    make_settings: Callable[..., Settings],
    made: Made,
) -> None:
    settings = make_settings(**DIARY_ON)
    client = make_client(settings)
    create(client)
    fill(client, 10)
    _share_report(client, make_client(settings))
    [(_args, options)] = made
    assert options["interviewed_at"] is None
