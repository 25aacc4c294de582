"""Web timings: the question page's server time, and rendering the doctor's PDF.

Both run in-process on a throwaway SQLite database; nothing leaves the process.

- Question page: an interview is started through the pages (``POST /uk/interview``
  with consent, as a same-origin form) and ``GET /uk/interview`` is sent again and
  again through Starlette's TestClient. The time measured is the server's: from the
  moment the ASGI app is called until it has sent the whole response (every
  middleware, the handler, the database read, the template), not the test client.
  If this build has no pages yet, the JSON API's nearest read
  (``GET /api/v1/interviews/{id}/result``) is timed instead and ``mode`` says so.
- PDF: :func:`nightlegs.report.render_pdf` for every public case, with the answers
  the interview collects from that person (the evaluation's simulated person).
"""

from __future__ import annotations

import io
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable, MutableMapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from nightlegs.engine import InterviewState, assess, load_kb, next_step
from nightlegs.evaluation.simulate import SimulatedPerson
from nightlegs.knowledge import KnowledgeBase
from nightlegs.knowledge.expressions import Value
from nightlegs.settings import Settings

CASES = Path(__file__).resolve().parents[1] / "tests" / "cases" / "public.yaml"
BASE_URL = "http://127.0.0.1:8000"
SAME_ORIGIN = {"Sec-Fetch-Site": "same-origin", "Origin": BASE_URL}

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ServerTimer:
    """An ASGI wrapper that records how long the app took over each HTTP request."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.timings: list[float] = []

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        start = time.perf_counter()
        await self.app(scope, receive, send)
        self.timings.append(time.perf_counter() - start)


def _summary(timings: list[float]) -> dict[str, float]:
    ordered = sorted(timings)
    return {
        "median_ms": statistics.median(ordered) * 1000,
        "p95_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
        "max_ms": ordered[-1] * 1000,
    }


def question_page(repeats: int = 300, warmup: int = 20) -> dict[str, Any]:
    """Server time of ``GET /uk/interview`` showing the first question."""
    from starlette.testclient import TestClient

    from nightlegs.app import create_app
    from nightlegs.store import migrate

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings.model_validate({"database_url": f"sqlite:///{tmp}/bench.db"})
        migrate.upgrade(settings)
        try:
            app = create_app(settings)
        except Exception as error:  # the pages are being built: say why, measure nothing
            return {"available": False, "error": f"{type(error).__name__}: {error}"}
        timer = ServerTimer(app)
        with TestClient(timer, base_url=BASE_URL) as client:
            started = client.post(
                "/uk/interview",
                data={"consent": "yes"},
                headers=SAME_ORIGIN,
                follow_redirects=False,
            )
            if started.status_code == 303:
                mode, path = "page", "/uk/interview"
            elif started.status_code in (404, 405):
                mode = "api-fallback (no web pages in this build)"
                started = client.post("/api/v1/interviews", json={"language": "uk"})
                started.raise_for_status()
                path = f"/api/v1/interviews/{started.json()['id']}/result"
            else:
                raise RuntimeError(f"starting an interview answered {started.status_code}")
            first = client.get(path)
            first.raise_for_status()
            if mode == "page" and 'data-page="question"' not in first.text:
                raise RuntimeError(f"{path} did not show a question page")
            for _ in range(warmup):
                client.get(path)
            timer.timings.clear()
            round_trips, cpu = [], []
            for _ in range(repeats):
                start, start_cpu = time.perf_counter(), time.process_time()
                response = client.get(path)
                round_trips.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
                if response.status_code != 200:
                    raise RuntimeError(f"{path} answered {response.status_code}")
    return {
        "available": True,
        "mode": mode,
        "path": path,
        "requests": repeats,
        "bytes": len(first.content),
        **_summary(timer.timings),
        "round_trip_median_ms": statistics.median(round_trips) * 1000,
        # CPU time of the whole process (client and server) per request: what the
        # request costs when other programs compete for the cores.
        "round_trip_cpu_median_ms": statistics.median(cpu) * 1000,
    }


def _cases() -> list[dict[str, Any]]:
    cases: list[dict[str, Any]] = YAML(typ="safe").load(CASES.read_text(encoding="utf-8"))
    return cases


def interview_values(kb: KnowledgeBase, profile: dict[str, Any]) -> dict[str, Value]:
    """The answers an interview collects from a person answering from ``profile``."""
    known = {k: float(v) if isinstance(v, int | float) else v for k, v in profile.items()}
    person = SimulatedPerson(kb, known)
    state = InterviewState({})
    while True:
        step = next_step(kb, state)
        if step.done or step.planned is None:
            return dict(state.values)
        values = dict(state.values)
        for finding in step.planned.findings:
            values[finding] = person.answer_value(finding)
        state = InterviewState(values, (*state.asked, step.planned.record()))


def pdf_render(repeats: int = 5, language: str = "uk") -> dict[str, Any]:
    """``render_pdf`` for each public case: the median per case, then over cases."""
    import pypdf

    from nightlegs.report import ReportUnavailable, render_pdf

    kb = load_kb()
    settings = Settings.model_validate({"database_url": "sqlite://"})
    now = datetime.now(UTC)
    prepared = []
    for case in _cases():
        values = interview_values(kb, case["profile"])
        prepared.append((case["id"], values, assess(kb, values, language)))
    try:
        start = time.perf_counter()
        render_pdf(kb, prepared[0][2], prepared[0][1], language, settings, now)
        first = time.perf_counter() - start
    except ReportUnavailable as error:
        return {"available": False, "error": str(error)}
    per_case: dict[str, float] = {}
    per_case_cpu: dict[str, float] = {}
    pages: dict[str, int] = {}
    for case_id, values, assessment in prepared:
        timings, cpu = [], []
        for _ in range(repeats):
            start, start_cpu = time.perf_counter(), time.process_time()
            pdf = render_pdf(kb, assessment, values, language, settings, now)
            timings.append(time.perf_counter() - start)
            cpu.append(time.process_time() - start_cpu)
        per_case[case_id] = statistics.median(timings) * 1000
        per_case_cpu[case_id] = statistics.median(cpu) * 1000
        pages[case_id] = len(pypdf.PdfReader(io.BytesIO(pdf)).pages)
    return {
        "available": True,
        "language": language,
        "median_ms": statistics.median(per_case.values()),
        "max_case_ms": max(per_case.values()),
        "first_render_ms": first * 1000,
        # CPU time per render: the wall time on an otherwise idle machine.
        "cpu_median_ms": statistics.median(per_case_cpu.values()),
        "per_case_ms": per_case,
        "pages": pages,
        "max_pages": max(pages.values()),
    }
