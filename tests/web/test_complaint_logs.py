"""The typed complaint never reaches a log: a real server, its log at debug level, the
complaint box walked from the consent to the first question."""

from __future__ import annotations

import re
from pathlib import Path

import httpx2 as httpx
import pytest

from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.servers import environment, server
from tests.web.helpers import read

pytestmark = pytest.mark.slow

WORDS = ("Квакозябра", "крутить", "заснути", "набряків", "фуросемід", "Flibbertigibbet")
COMPLAINT = (
    "Квакозябра: крутить ноги вночі, не можу заснути, набряків немає, п'ю фуросемід. "
    "Flibbertigibbet 54"
)


def test_the_complaint_never_reaches_the_log(tmp_path: Path, settings: Settings) -> None:
    migrate.upgrade(settings)
    env = {
        **environment(database_url=settings.database_url, log_level="debug"),
        "PYTHONUNBUFFERED": "1",
    }
    log = tmp_path / "server.log"
    with server(env, log, start_within=90) as (base, process):
        with httpx.Client(base_url=base, follow_redirects=True, timeout=30) as browser:
            box = browser.post("/uk/interview/agree", data={"consent": "yes"})
            assert read(box).kind == "complaint"  # type: ignore[arg-type]
            data = {"consent": "yes", "complaint": COMPLAINT}
            page = browser.post("/uk/interview/about", data=data)
            found = re.findall(r'name="s(\d+)" value="([^"]*)"', page.text)
            assert found, page.text
            form = {"consent": "yes"} | {f"s{i}": v for i, v in found}
            form |= {f"c{i}": "confirm" for i, _ in found}
            first = browser.post("/uk/interview/understood", data=form)
            assert read(first).kind in ("question", "emergency")  # type: ignore[arg-type]
            # A text refused as too long is not logged either.
            browser.post(
                "/uk/interview/about", data={"consent": "yes", "complaint": COMPLAINT * 30}
            )
        process.terminate()
        process.wait(timeout=10)
    logged = log.read_text(errors="replace")
    assert '"POST /uk/interview/about HTTP/1.1" 200' in logged, logged
    for word in WORDS:
        assert word.lower() not in logged.lower(), (word, logged)
