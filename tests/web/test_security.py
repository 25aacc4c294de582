"""Security headers, the CSRF check, cookie options and the docs pages (issue 3, item 7)."""

from __future__ import annotations

from collections.abc import Callable

import httpx2
import pytest
from fastapi import FastAPI, Request, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.testclient import TestClient

from nightlegs.http.security import content_security_policy, cookie_options
from nightlegs.settings import Settings

COMMON_HEADERS = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
)
FORM_PATH = "/_test/form"


@pytest.fixture
def make_client(
    make_client: Callable[..., TestClient], make_settings: Callable[..., Settings]
) -> Callable[..., TestClient]:
    """``make_client(base_url, **overrides)``: a client of an app of its own, with a
    dummy form route at FORM_PATH that sets a cookie."""

    def make(base_url: str = "http://testserver", **overrides: object) -> TestClient:
        settings = make_settings(**overrides)
        client = make_client(settings, base_url=base_url)
        app = client.app
        assert isinstance(app, FastAPI)

        def form(request: Request) -> Response:
            response = Response("accepted", media_type="text/plain")
            response.set_cookie("probe", "1", **cookie_options(request, settings))
            return response

        app.add_api_route(FORM_PATH, form, methods=["GET", "POST"], include_in_schema=False)
        return client

    return make


def assert_secured(response: httpx2.Response) -> None:
    headers = response.headers
    for name, value in COMMON_HEADERS.items():
        assert headers.get(name) == value, name
    assert headers["content-security-policy"] == CSP
    assert headers["x-frame-options"] == "SAMEORIGIN"
    assert "strict-transport-security" not in headers  # plain http


# -- headers -----------------------------------------------------------------------


def test_the_api_is_secured(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.status_code == 200
    assert_secured(response)


def test_a_page_is_secured(client: TestClient) -> None:
    response = client.get("/en/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert_secured(response)


def test_a_static_file_is_secured(client: TestClient) -> None:
    assert isinstance(client.app, FastAPI)
    mounts = [
        route
        for route in client.app.routes
        if isinstance(route, Mount) and isinstance(route.app, StaticFiles)
    ]
    assert mounts, "no static files mounted"
    response = client.get(f"{mounts[0].path}/vendor/htmx-2.0.11.min.js")
    assert response.status_code == 200
    assert_secured(response)


def test_errors_are_secured(client: TestClient) -> None:
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert_secured(response)
    too_large = client.post("/api/v1/interviews", content=b"x" * 70000)
    assert too_large.status_code == 413
    assert_secured(too_large)


def test_the_csp_allows_nothing_inline_or_external() -> None:
    policy = content_security_policy(Settings())
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    for sources in directives.values():
        assert "http" not in sources
        assert "*" not in sources


def test_frame_ancestors_are_reflected(make_client: Callable[..., TestClient]) -> None:
    client = make_client(frame_ancestors="https://clinic.example, https://www.clinic.example:8443/")
    response = client.get("/api/v1/health")
    policy = response.headers["content-security-policy"]
    assert policy.endswith(
        "frame-ancestors 'self' https://clinic.example https://www.clinic.example:8443"
    )
    # X-Frame-Options cannot name other sites, and would contradict frame-ancestors.
    assert "x-frame-options" not in response.headers


def test_hsts_only_over_https(make_client: Callable[..., TestClient]) -> None:
    secure = make_client(base_url="https://testserver")
    assert secure.get("/api/v1/health").headers["strict-transport-security"] == ("max-age=31536000")
    plain = make_client()
    assert "strict-transport-security" not in plain.get("/api/v1/health").headers
    spoofed = plain.get("/api/v1/health", headers={"x-forwarded-proto": "https"})
    assert "strict-transport-security" not in spoofed.headers


def test_hsts_behind_a_trusted_proxy(make_client: Callable[..., TestClient]) -> None:
    client = make_client(trust_forwarded_for=True)
    response = client.get("/api/v1/health", headers={"x-forwarded-proto": "https"})
    assert response.headers["strict-transport-security"] == "max-age=31536000"


def test_the_docs_pages_are_gone_and_the_schema_stays(client: TestClient) -> None:
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404
    assert client.get("/docs/oauth2-redirect").status_code == 404
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "nightlegs"
    assert_secured(response)


# -- CSRF ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
        {"sec-fetch-site": "cross-site", "origin": "http://testserver"},
        {"origin": "https://evil.example"},
        {"origin": "http://testserver.evil.example"},
        {"origin": "null"},
    ],
)
@pytest.mark.parametrize("method", ["POST", "PUT", "PATCH", "DELETE"])
def test_a_cross_site_unsafe_request_to_a_page_is_refused(
    client: TestClient, headers: dict[str, str], method: str
) -> None:
    response = client.request(method, FORM_PATH, headers=headers, data={"consent": "yes"})
    assert response.status_code == 403
    assert "cross-site request refused" in response.text
    assert "set-cookie" not in response.headers
    assert_secured(response)


def test_the_real_start_form_is_protected(client: TestClient) -> None:
    response = client.post(
        "/en/interview",
        headers={"sec-fetch-site": "cross-site", "origin": "https://evil.example"},
        data={"consent": "yes"},
        follow_redirects=False,
    )
    assert response.status_code == 403
    assert "nightlegs_interview" not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize(
    "headers",
    [
        {"sec-fetch-site": "same-origin"},
        {"sec-fetch-site": "none"},
        {"sec-fetch-site": "same-origin", "origin": "https://other.example"},
        {"origin": "http://testserver"},
        {"origin": "http://TestServer:80"},
        {},
    ],
)
def test_a_same_origin_or_non_browser_post_passes(
    client: TestClient, headers: dict[str, str]
) -> None:
    response = client.post(FORM_PATH, headers=headers, data={"consent": "yes"})
    assert response.status_code == 200
    assert response.text == "accepted"


def test_a_port_mismatch_is_cross_origin(client: TestClient) -> None:
    response = client.post(FORM_PATH, headers={"origin": "http://testserver:8080"})
    assert response.status_code == 403


def test_safe_methods_are_never_refused(client: TestClient) -> None:
    response = client.get(FORM_PATH, headers={"sec-fetch-site": "cross-site"})
    assert response.status_code == 200


def test_the_forwarded_host_counts_only_when_trusted(
    make_client: Callable[..., TestClient],
) -> None:
    headers = {"origin": "https://clinic.example", "x-forwarded-host": "clinic.example"}
    assert make_client().post(FORM_PATH, headers=headers).status_code == 403
    trusted = make_client(trust_forwarded_for=True)
    assert trusted.post(FORM_PATH, headers=headers).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [{"sec-fetch-site": "cross-site"}, {"origin": "https://evil.example"}],
)
def test_the_json_api_is_exempt(client: TestClient, headers: dict[str, str]) -> None:
    response = client.post("/api/v1/interviews", json={"language": "en"}, headers=headers)
    assert response.status_code == 201


def test_the_json_api_takes_no_form_or_text_body(client: TestClient) -> None:
    """Why the API may skip the CSRF check: what a cross-site form can send is refused."""
    body = b'{"language": "en"}'
    for content_type in ("text/plain", "application/x-www-form-urlencoded"):
        response = client.post(
            "/api/v1/interviews",
            content=body,
            headers={"content-type": content_type, "sec-fetch-site": "cross-site"},
        )
        assert response.status_code == 422, content_type


# -- cookies ---------------------------------------------------------------------


def probe_cookie(client: TestClient, headers: dict[str, str] | None = None) -> str:
    response = client.post(FORM_PATH, headers=headers or {})
    assert response.status_code == 200
    return response.headers["set-cookie"].lower()


def test_cookies_are_httponly_and_lax(client: TestClient) -> None:
    cookie = probe_cookie(client)
    assert "httponly" in cookie
    assert "samesite=lax" in cookie
    assert "path=/" in cookie
    assert "secure" not in cookie


@pytest.mark.parametrize(
    ("secure_cookies", "base_url", "trust", "forwarded_proto", "secure"),
    [
        ("auto", "http://testserver", False, None, False),
        ("auto", "https://testserver", False, None, True),
        ("auto", "http://testserver", False, "https", False),
        ("auto", "http://testserver", True, "https", True),
        ("auto", "http://testserver", True, "http", False),
        ("always", "http://testserver", False, None, True),
        ("never", "https://testserver", False, None, False),
    ],
)
def test_the_secure_flag(
    make_client: Callable[..., TestClient],
    secure_cookies: str,
    base_url: str,
    trust: bool,
    forwarded_proto: str | None,
    secure: bool,
) -> None:
    client = make_client(
        base_url=base_url, secure_cookies=secure_cookies, trust_forwarded_for=trust
    )
    headers = {"x-forwarded-proto": forwarded_proto} if forwarded_proto else {}
    assert ("secure" in probe_cookie(client, headers)) is secure
