"""The browser tests' own fixtures: one live server per session, and fresh phone-sized
contexts of the session's chromium (``browser``, in ``tests/conftest.py``, with the rule
for a missing browser: these tests fail with the ``apt-get install`` line unless
``NIGHTLEGS_SKIP_BROWSER=1`` skips them).

Our own fixtures (not pytest-playwright, which breaks under pytest 9 with ``-W error``).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize

from nightlegs.evaluation.cases import Case
from tests.conftest import ROOT
from tests.servers import free_port

ARTIFACTS = ROOT / "test-artifacts"
#: A phone, as most people will use the app.
PHONE: ViewportSize = {"width": 390, "height": 844}
#: A laptop's window.
WIDE: ViewportSize = {"width": 1280, "height": 800}
NewContext = Callable[..., BrowserContext]


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``nightlegs serve`` on a free loopback port and a migrated SQLite file; its base URL."""
    work = tmp_path_factory.mktemp("live-server")
    env = {k: v for k, v in os.environ.items() if not k.startswith("NIGHTLEGS_")}
    env |= {
        "NIGHTLEGS_DATABASE_URL": f"sqlite:///{work / 'nightlegs.db'}",
        "NIGHTLEGS_START_RATE_LIMIT": "0",  # tests start many interviews
        # The night diary: on (a secret key), cheap codes, and no sign-in limit.
        "NIGHTLEGS_SECRET_KEY": "browser-tests-only-" + "k" * 32,
        "NIGHTLEGS_RECOVERY_CODE_HASHING": "fast",
        "NIGHTLEGS_DIARY_RATE_LIMIT": "0",
    }
    python = [sys.executable, "-m", "nightlegs"]
    upgrade = subprocess.run([*python, "db", "upgrade"], env=env, capture_output=True, text=True)
    if upgrade.returncode:
        pytest.fail(f"nightlegs db upgrade failed:\n{upgrade.stdout}{upgrade.stderr}")
    port = free_port()
    log = work / "server.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [*python, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/v1/health", timeout=2) as health:
                    if health.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the live server did not start; its output:\n{log.read_text()}")
            time.sleep(0.1)
        yield url
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    if server.returncode not in (0, -15):
        print(f"live server exited with {server.returncode}:\n{log.read_text()}")


@pytest.fixture
def new_context(
    browser: Browser, live_server: str, request: pytest.FixtureRequest
) -> Iterator[NewContext]:
    """``new_context(js=True, bypass_csp=False, viewport=PHONE)``: a fresh context (no
    cookies), phone-sized unless told."""
    contexts: list[BrowserContext] = []

    def make(
        *, js: bool = True, bypass_csp: bool = False, viewport: ViewportSize = PHONE
    ) -> BrowserContext:
        context = browser.new_context(
            base_url=live_server,
            viewport=viewport,
            java_script_enabled=js,
            bypass_csp=bypass_csp,
        )
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context

    yield make
    failed = getattr(request.node, "failed_call", False)
    for number, context in enumerate(contexts):
        if failed:  # leave the last state of each page for whoever reads the failure
            for index, page in enumerate(context.pages):
                stem = ARTIFACTS / "failures" / f"{_slug(request.node.name)}-{number}-{index}"
                stem.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=stem.with_suffix(".png"), full_page=True)
                stem.with_suffix(".html").write_text(page.content(), encoding="utf-8")
        context.close()


@pytest.fixture(params=[True, False], ids=["js", "nojs"])
def js(request: pytest.FixtureRequest) -> bool:
    return bool(request.param)


@pytest.fixture
def page(new_context: NewContext, js: bool) -> Page:
    """A page in a fresh context, with JavaScript on and off."""
    return new_context(js=js).new_page()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):
    report = yield
    if report.when == "call" and report.failed:
        item.failed_call = True  # type: ignore[attr-defined]
    return report


def _slug(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "-" for c in name).strip("-")


@pytest.fixture(scope="session")
def cases(public_cases: list[Case]) -> dict[str, Case]:
    """The public cases by id."""
    return {case.id: case for case in public_cases}
