"""The access log keeps each path's shape and drops its ids, tokens and query."""

from __future__ import annotations

import logging

import pytest

from nightlegs.http.logs import ACCESS_LOGGER, RedactedAccessLog, redact_path

TOKEN = "1Yq3uY7mW0n9Ck1bK5kx0m8Z2kQeJp3G4n7R8s9t0uV"  # the shape of a share token
ID = "3paa9DhoCcSIvNQLA_OXpQ"  # an interview's or a diary's


@pytest.mark.parametrize(
    ("path", "logged"),
    [
        (f"/api/v1/interviews/{ID}/answers", "/api/v1/interviews/*/answers"),
        (f"/api/v1/diaries/{ID}/shares/{ID}", "/api/v1/diaries/*/shares/*"),
        (f"/uk/shared/{TOKEN}/report.pdf", "/uk/shared/*/report.pdf"),
        (f"/api/v1/shared/{TOKEN}", "/api/v1/shared/*"),
        ("/en/diary/entry/2026-11-20", "/en/diary/entry/2026-11-20"),
        (f"/en/diary?saved=2026-11-20&x={TOKEN}", "/en/diary"),
        ("/uk/", "/uk/"),
        (f"/{ID.lower()}", "/*"),  # 22 characters: longer than any word of ours
        ("/static/app.js", "/static/app.js"),
        ("/%D0%B0", "/*"),
    ],
)
def test_redact_path(path: str, logged: str) -> None:
    assert redact_path(path) == logged


def test_the_filter_rewrites_uvicorns_access_line() -> None:
    record = logging.LogRecord(
        ACCESS_LOGGER,
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/api/v1/shared/{TOKEN}?lang=en", "1.1", 200),
        None,
    )
    assert RedactedAccessLog().filter(record)
    assert record.getMessage() == '127.0.0.1:5000 - "GET /api/v1/shared/* HTTP/1.1" 200'


def test_the_app_puts_the_filter_on_uvicorns_access_logger(client: object) -> None:
    filters = logging.getLogger(ACCESS_LOGGER).filters
    assert [f for f in filters if isinstance(f, RedactedAccessLog)]
