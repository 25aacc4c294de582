"""schemathesis over the whole OpenAPI document, signed in to a diary, stateful links included.

The run is schemathesis' own engine, what ``schemathesis run`` does: for every
operation its examples, the coverage phase (boundary and invalid values, wrong
methods), fuzzing, then the stateful phase, which chains operations through the
links it infers (an interview's id from its start, a diary's from its
creation). Every request carries the bearer token of one diary. Every answer
must be documented (status, content type, headers, body), never a server
error, and carry the security headers. The seed is fixed and the example count
small: the same requests every run, about 2,000 in 20 seconds per database.

(The engine rather than ``schemathesis.pytest.from_fixture``: that one fails
under pytest 9, which no longer has ``Node._nodeid``.)
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import schemathesis
from schemathesis.engine import events, from_schema
from starlette.testclient import TestClient

from nightlegs.app import create_app
from nightlegs.settings import Settings
from nightlegs.store import migrate
from tests.fixtures.apps import DIARY_ON

pytestmark = [pytest.mark.slow, pytest.mark.every_database]

SEED = 20261202
MAX_EXAMPLES = 50
SECURITY_HEADERS = (
    "content-security-policy",
    "x-content-type-options",
    "referrer-policy",
    "permissions-policy",
    "cross-origin-opener-policy",
    "x-frame-options",
)
# Every check of schemathesis but three, which ask for what the API does not promise:
# - positive_data_acceptance: a body valid by the schema may still be refused with the
#   documented 422 (a finding's value must fit the finding: "ferritin": "present");
# - allow_header_conformance: GET /api/v1/diaries/session is GET /diaries/{id} with the
#   id "session" (401 or 404), so Allow rightly names GET where the document has none;
# - ignored_auth: signing out with an unknown token is a harmless 204, by design.
CHECKS: dict[str, Any] = {
    "enabled": True,
    "positive_data_acceptance": {"enabled": False},
    "allow_header_conformance": {"enabled": False},
    "ignored_auth": {"enabled": False},
}


@schemathesis.check
def security_headers(ctx: Any, response: schemathesis.Response, case: schemathesis.Case) -> None:
    """Every answer carries the security headers: 404s, 405s, 422s and errors too."""
    missing = [name for name in SECURITY_HEADERS if name not in response.headers]
    if missing:
        raise AssertionError(f"no {', '.join(missing)} header")


def signed_in_app(database_url: str) -> tuple[Any, str]:
    """The app on a migrated database, without rate limits (so that the fuzzer gets past
    them), and the token of one diary made through it."""
    settings = Settings(
        database_url=database_url, start_rate_limit="0", diary_rate_limit="0", **DIARY_ON
    )
    migrate.upgrade(settings)
    app = create_app(settings)
    with TestClient(app) as client:
        created = client.post("/api/v1/diaries")
    assert created.status_code == 201, created.text
    return app, created.json()["token"]


def test_the_whole_api_under_schemathesis(database_url: str) -> None:
    app, token = signed_in_app(database_url)
    config = schemathesis.Config.from_dict(
        {
            "seed": SEED,
            "cache": {"enabled": False},  # the same requests every run, no files left
            "headers": {"Authorization": f"Bearer {token}"},
            "generation": {"max-examples": MAX_EXAMPLES, "database": "none"},
            "checks": CHECKS,
        }
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=config)
    statuses: Counter[int] = Counter()
    phases: Counter[str] = Counter()
    failures: list[str] = []
    for event in from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            failures += _tally(event, statuses, phases)
        elif isinstance(event, events.NonFatalError | events.FatalError):
            failures.append(f"{type(event).__name__}: {event}")
        elif isinstance(event, events.EngineFinished):
            failures += [f"engine: {failure.title}" for failure in event.failures]
    print(f"schemathesis: {sum(statuses.values())} requests, {dict(phases)}, {dict(statuses)}")
    assert not failures, "\n".join(failures[:20])
    assert sum(statuses.values()) > 1000, statuses  # it did run
    assert phases["stateful"] > 0, phases
    assert statuses[201] > 0, statuses
    assert not [status for status in statuses if status >= 500]


def _tally(
    event: events.ScenarioFinished, statuses: Counter[int], phases: Counter[str]
) -> list[str]:
    """Count the scenario's answers; its failed checks, one line each."""
    recorder = event.recorder
    for interaction in recorder.interactions.values():
        phases[str(event.phase)] += 1
        if interaction.response is not None:
            statuses[interaction.response.status_code] += 1
    failed = []
    for case_id, checks in recorder.checks.items():
        for check in checks:
            if check.status != "success" and check.failure_info is not None:
                request = recorder.interactions[case_id].request
                title = check.failure_info.failure.title
                failed.append(f"{check.name}: {request.method} {request.uri}: {title}")
    return failed
