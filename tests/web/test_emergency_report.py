"""The doctor's PDF opened from the emergency page: made of the unfinished interview, and
it says so ("urgent signs were found before all questions were asked")."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from nightlegs.i18n import translator
from nightlegs.pages.results import routes as pages
from nightlegs.report.context import build_view
from nightlegs.report.pdf import render_html
from tests.web.helpers import DVT_PROFILE, answer, read, start

URGENT = (
    "Interview not finished: the assessment is provisional; "
    "urgent signs were found before all questions were asked."
)


@pytest.mark.parametrize("lang", ["uk", "ru", "en"])
def test_the_report_from_the_emergency_page_says_it_is_provisional(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    made: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def spy(*args: Any, **options: Any) -> bytes:
        made.append((args, options))
        return b"%PDF-1.7 spy"

    monkeypatch.setattr(pages, "render_pdf", spy)
    start(client, lang)
    emergency = read(answer(client, read(client.get(f"/{lang}/interview")), DVT_PROFILE))
    assert emergency.attr("data-triage-level") == ["emergency"]
    response = client.get(emergency.links["report"])
    assert response.status_code == 200

    [(args, options)] = made
    kb, assessment, values, language, settings, now = args
    assert language == lang
    assert assessment.provisional
    assert assessment.triage.level == "emergency"
    assert options["interviewed_at"] is not None
    view = build_view(kb, assessment, values, settings, now, **options)
    assert translator(lang).gettext(URGENT) in render_html(view)
