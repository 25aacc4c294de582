"""The shared test set-up itself: the environment, the rule for what tests need from
Debian, and the Hypothesis example counts."""

from __future__ import annotations

import os

import pytest
from hypothesis import settings as hypothesis_settings

from tests.conftest import TEST_RUN_VARIABLES
from tests.fixtures import system
from tests.fixtures.profiles import PROFILE_EXAMPLES, examples
from tests.fixtures.system import BROWSER, NEEDS, ON_REQUEST, PDF, SystemNeed

NEED = SystemNeed("SAMPLE TESTS", "browser", "NIGHTLEGS_SKIP_SAMPLE")


def test_no_setting_reaches_a_test_from_the_environment() -> None:
    leaked = [
        name
        for name in os.environ
        if name.startswith("NIGHTLEGS_") and not TEST_RUN_VARIABLES.match(name)
    ]
    assert leaked == []


@pytest.mark.parametrize(
    ("name", "kept"),
    [
        ("NIGHTLEGS_TEST_DATABASE_URL", True),
        ("NIGHTLEGS_SKIP_BROWSER", True),
        ("NIGHTLEGS_REQUIRE_BROWSER", True),
        ("NIGHTLEGS_UPDATE_SCREENSHOTS", True),
        ("NIGHTLEGS_DATABASE_URL", False),
        ("NIGHTLEGS_SECRET_KEY", False),
        ("NIGHTLEGS_CACHE_DIR", False),
    ],
)
def test_only_the_variables_of_the_test_run_are_kept(name: str, kept: bool) -> None:
    assert bool(TEST_RUN_VARIABLES.match(name)) is kept


def test_a_missing_package_fails_with_the_apt_get_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NIGHTLEGS_SKIP_SAMPLE", raising=False)
    monkeypatch.setattr(system, "_not_installed", lambda packages: ["chromium"])
    with pytest.raises(pytest.fail.Exception) as failure:
        NEED.check()
    message = str(failure.value)
    assert "SAMPLE TESTS FAILED: chromium not installed" in message
    assert "apt-get install -y chromium\n" in message
    assert "NIGHTLEGS_SKIP_SAMPLE=1" in message


def test_an_opt_out_skips_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIGHTLEGS_SKIP_SAMPLE", "1")
    monkeypatch.delenv("NIGHTLEGS_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"SAMPLE TESTS SKIPPED on request"):
        NEED.check()
    assert ON_REQUEST.search(f"Skipped: {NEED.skip_reason}")


def test_ci_overrides_every_opt_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NIGHTLEGS_SKIP_SAMPLE", "1")
    monkeypatch.setenv("NIGHTLEGS_REQUIRE_BROWSER", "1")
    assert not NEED.skip_requested()


def test_every_need_names_a_group_of_the_package_list() -> None:
    assert NEEDS == {"browser": BROWSER, "pdf": PDF}
    assert "chromium" in BROWSER.packages()
    assert "libpango-1.0-0" in PDF.packages()
    for need in NEEDS.values():
        assert ON_REQUEST.fullmatch(need.skip_reason)


def test_examples_follow_the_profile() -> None:
    loaded = hypothesis_settings.default.max_examples
    assert examples(400) == max(5, 400 * loaded // PROFILE_EXAMPLES["ci"])
    assert examples(1) == 5
