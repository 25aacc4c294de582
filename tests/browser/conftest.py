"""Real-browser fixtures: one live server and one Debian chromium per session.

Our own fixtures (not pytest-playwright, which breaks under pytest 9 with
``-W error``). A missing ``/usr/bin/chromium`` (or another package of the group
``browser`` in ``scripts/system-packages.list``) fails the browser tests with the
``apt-get install`` line that installs it (``./scripts/test`` installs them itself
when run as root). ``NIGHTLEGS_SKIP_BROWSER=1`` skips them instead, and the
summary says so; ``NIGHTLEGS_REQUIRE_BROWSER=1`` (CI) overrides that opt-out.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, ViewportSize, sync_playwright

from nightlegs.evaluation.cases import Case, load_cases
from nightlegs.knowledge import KnowledgeBase
from tests.conftest import CASES_FILE

CHROMIUM = Path("/usr/bin/chromium")
ROOT = Path(__file__).resolve().parents[2]
#: The Debian packages, by group; the browser's are the group ``browser``.
PACKAGE_LIST = ROOT / "scripts" / "system-packages.list"
SKIP_REASON = "BROWSER TESTS SKIPPED on request (NIGHTLEGS_SKIP_BROWSER=1)"
ARTIFACTS = ROOT / "test-artifacts"
#: A phone, as most people will use the app.
PHONE: ViewportSize = {"width": 390, "height": 844}
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
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
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


def _skip_requested() -> bool:
    return (
        os.environ.get("NIGHTLEGS_SKIP_BROWSER") == "1"
        and os.environ.get("NIGHTLEGS_REQUIRE_BROWSER") != "1"
    )


def _browser_packages() -> list[str]:
    """The packages of the group ``browser`` in ``scripts/system-packages.list``."""
    packages: list[str] = []
    for line in PACKAGE_LIST.read_text(encoding="utf-8").splitlines():
        group, colon, names = line.partition("#")[0].partition(":")
        if colon and group.strip() == "browser":
            packages += names.split()
    return packages or ["chromium"]


def _not_installed(packages: list[str]) -> list[str]:
    """Those of ``packages`` dpkg does not have installed (none when there is no dpkg)."""
    if shutil.which("dpkg-query") is None:
        return []
    query = subprocess.run(
        ["dpkg-query", "-W", "-f=${Package} ${Status}\n", *packages],
        capture_output=True,
        text=True,
        check=False,
    )
    installed = {
        line.split()[0] for line in query.stdout.splitlines() if line.endswith(" installed")
    }
    return [package for package in packages if package not in installed]


def _fail_without_browser(problem: str, packages: list[str]) -> NoReturn:
    pytest.fail(
        f"BROWSER TESTS FAILED: {problem}. Install what they need as root with\n"
        f"    apt-get install -y {' '.join(packages)}\n"
        "(./scripts/test does that itself when run as root; never `playwright install`), "
        "or set NIGHTLEGS_SKIP_BROWSER=1 to skip the browser tests.",
        pytrace=False,
    )


@pytest.fixture(scope="session", autouse=True)
def browser_available() -> None:
    """Before any server or browser starts: skip on request, fail without the packages."""
    if _skip_requested():
        pytest.skip(SKIP_REASON)
    packages = _browser_packages()
    missing = _not_installed(packages)
    if missing:
        _fail_without_browser(f"{', '.join(missing)} not installed", missing)
    if not CHROMIUM.exists():
        _fail_without_browser(f"{CHROMIUM} is missing", packages)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """One clear line when the browser tests were skipped on request (shown when this
    conftest is loaded in the main process: serial runs, or ``pytest tests/browser``;
    under xdist the short summary's ``SKIPPED [n] ...`` line says it)."""
    skipped = terminalreporter.stats.get("skipped", [])
    if any(SKIP_REASON in str(getattr(report, "longrepr", "")) for report in skipped):
        terminalreporter.write_sep("=", SKIP_REASON + ": they did not run", yellow=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    try:
        playwright = sync_playwright().start()
    except Exception as error:  # e.g. a library its node binary needs is missing
        _fail_without_browser(f"Playwright's driver did not start ({error})", _browser_packages())
    try:
        try:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True)
        except Exception as error:
            _fail_without_browser(f"{CHROMIUM} did not start ({error})", _browser_packages())
        yield chromium
        chromium.close()
    finally:
        playwright.stop()


@pytest.fixture
def new_context(
    browser: Browser, live_server: str, request: pytest.FixtureRequest
) -> Iterator[NewContext]:
    """``new_context(js=True, bypass_csp=False)``: a fresh phone-sized context (no cookies)."""
    contexts: list[BrowserContext] = []

    def make(*, js: bool = True, bypass_csp: bool = False) -> BrowserContext:
        context = browser.new_context(
            base_url=live_server,
            viewport=PHONE,
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
def cases(kb: KnowledgeBase) -> dict[str, Case]:
    """The public cases by id."""
    return {case.id: case for case in load_cases(CASES_FILE, kb)}
