"""The deployment profile in Settings, and its documentation (issue 3, item 4)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from nightlegs.settings import Rate, Settings, parse_rate, specialist_ids

ROOT = Path(__file__).resolve().parents[2]
DEPLOYMENT = ROOT / "docs" / "deployment.md"
PROFILE = (
    "clinic_name",
    "clinic_address",
    "clinic_phone",
    "clinic_booking_url",
    "clinic_specialists",
    "frame_ancestors",
    "start_rate_limit",
    "trust_forwarded_for",
    "secure_cookies",
    "emergency_ambulance",
    "emergency_general",
    "default_language",
    "database_url",
)


def test_defaults() -> None:
    settings = Settings()
    assert (settings.clinic_name, settings.clinic_address, settings.clinic_phone) == ("", "", "")
    assert settings.clinic_booking_url == ""
    assert settings.clinic_specialists == []
    assert settings.frame_ancestors == []
    assert settings.start_rate == Rate(20, 60)
    assert settings.trust_forwarded_for is False
    assert settings.secure_cookies == "auto"
    assert settings.emergency_numbers == {"ambulance": "103", "general": "112"}


def test_the_kyiv_example_reads_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    environment = {
        "NIGHTLEGS_CLINIC_NAME": "Клініка флебології «Вени Києва»",
        "NIGHTLEGS_CLINIC_ADDRESS": "вул. Хрещатик, 1, Київ, 01001",
        "NIGHTLEGS_CLINIC_PHONE": "+380 44 123 45 67",
        "NIGHTLEGS_CLINIC_BOOKING_URL": "https://veins.kyiv.example/booking",
        "NIGHTLEGS_CLINIC_SPECIALISTS": "phlebologist, vascular_surgeon",
        "NIGHTLEGS_FRAME_ANCESTORS": "https://veins.kyiv.example,https://www.veins.kyiv.example",
        "NIGHTLEGS_START_RATE_LIMIT": "10/minute",
        "NIGHTLEGS_TRUST_FORWARDED_FOR": "true",
        "NIGHTLEGS_SECURE_COOKIES": "always",
    }
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.clinic_name == "Клініка флебології «Вени Києва»"
    assert settings.clinic_specialists == ["phlebologist", "vascular_surgeon"]
    assert settings.frame_ancestors == [
        "https://veins.kyiv.example",
        "https://www.veins.kyiv.example",
    ]
    assert settings.start_rate == Rate(10, 60)
    assert settings.trust_forwarded_for is True
    assert settings.secure_cookies == "always"


def test_the_example_env_file_in_the_guide_is_valid(monkeypatch: pytest.MonkeyPatch) -> None:
    text = DEPLOYMENT.read_text(encoding="utf-8")
    block = re.search(r"```(?:sh|bash|dotenv|ini)?\n(# nightlegs\.env.*?)```", text, re.S)
    assert block, "docs/deployment.md has no example env file starting '# nightlegs.env'"
    variables = {}
    for line in block[1].splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            variables[name] = value.strip().strip('"')
    for name, value in variables.items():
        assert name.startswith("NIGHTLEGS_"), name
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.clinic_specialists == ["phlebologist", "vascular_surgeon"]
    assert settings.frame_ancestors
    assert settings.clinic_booking_url.startswith("https://")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("phlebologist", ["phlebologist"]),
        ("phlebologist,vascular_surgeon", ["phlebologist", "vascular_surgeon"]),
        (" phlebologist , vascular_surgeon ,", ["phlebologist", "vascular_surgeon"]),
        ("phlebologist,phlebologist", ["phlebologist"]),
        ('["neurologist", "family_doctor"]', ["neurologist", "family_doctor"]),
        ("", []),
        (["phlebologist"], ["phlebologist"]),
    ],
)
def test_specialists_are_a_comma_separated_list(given: object, expected: list[str]) -> None:
    assert Settings.model_validate({"clinic_specialists": given}).clinic_specialists == expected


def test_every_vocabulary_specialist_is_accepted() -> None:
    ids = specialist_ids()
    assert {"phlebologist", "vascular_surgeon", "neurologist", "family_doctor"} <= set(ids)
    assert Settings(clinic_specialists=list(ids)).clinic_specialists == list(ids)


@pytest.mark.parametrize("given", ["dentist", "phlebologist,dentist", "Phlebologist", "[1"])
def test_an_unknown_specialist_is_refused_clearly(given: str) -> None:
    with pytest.raises(ValidationError) as raised:
        Settings.model_validate({"clinic_specialists": given})
    message = str(raised.value)
    assert "clinic_specialists" in message
    if "[" not in given:
        assert "unknown specialist id" in message
        assert "phlebologist" in message  # the known ids are listed


def test_an_unknown_specialist_in_the_environment_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("NIGHTLEGS_CLINIC_SPECIALISTS", "phlebologist,cardiologist")
    with pytest.raises(ValidationError, match="cardiologist"):
        Settings()


@pytest.mark.parametrize(
    "url",
    ["https://clinic.example/book", "http://clinic.example", "HTTPS://clinic.example/a?b=c"],
)
def test_a_booking_url_is_http_or_https(url: str) -> None:
    assert Settings(clinic_booking_url=f"  {url} ").clinic_booking_url == url


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "ftp://clinic.example",
        "clinic.example/book",
        "https://",
        "https://clinic.example/a b",
        "data:text/html,hi",
    ],
)
def test_other_booking_urls_are_refused(url: str) -> None:
    with pytest.raises(ValidationError, match="clinic_booking_url"):
        Settings(clinic_booking_url=url)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://clinic.example", ["https://clinic.example"]),
        ("https://Clinic.Example/", ["https://clinic.example"]),
        (
            "https://a.example, http://b.example:8080",
            ["https://a.example", "http://b.example:8080"],
        ),
        ("https://*.clinic.example", ["https://*.clinic.example"]),
        ("", []),
    ],
)
def test_frame_ancestors_are_origins(given: str, expected: list[str]) -> None:
    assert Settings.model_validate({"frame_ancestors": given}).frame_ancestors == expected


@pytest.mark.parametrize(
    "given",
    [
        "*",
        "clinic.example",
        "https://clinic.example/page",
        "https://clinic.example; script-src *",
        "'unsafe-inline'",
        "https://clinic.example 'self'",
        "javascript://x",
    ],
)
def test_anything_else_in_frame_ancestors_is_refused(given: str) -> None:
    with pytest.raises(ValidationError, match="frame_ancestors"):
        Settings.model_validate({"frame_ancestors": given})


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("20/minute", Rate(20, 60)),
        ("20/minutes", Rate(20, 60)),
        ("1/second", Rate(1, 1)),
        ("100/10 minutes", Rate(100, 600)),
        ("5 per hour", Rate(5, 3600)),
        ("1000/Day", Rate(1000, 86400)),
        ("0", None),
        ("", None),
    ],
)
def test_rates(given: str, expected: Rate | None) -> None:
    assert parse_rate(given) == expected
    assert Settings(start_rate_limit=given).start_rate == expected


@pytest.mark.parametrize(
    "given", ["20", "twenty/minute", "20/fortnight", "0/minute", "20/0 minutes", "-1/minute"]
)
def test_bad_rates_are_refused(given: str) -> None:
    with pytest.raises(ValidationError, match="start_rate_limit"):
        Settings(start_rate_limit=given)


@pytest.mark.parametrize("given", ["auto", "always", "never"])
def test_secure_cookies_values(given: str) -> None:
    assert Settings.model_validate({"secure_cookies": given}).secure_cookies == given


def test_secure_cookies_refuses_others() -> None:
    with pytest.raises(ValidationError):
        Settings.model_validate({"secure_cookies": "sometimes"})


def test_the_deployment_guide_covers_the_profile() -> None:
    text = DEPLOYMENT.read_text(encoding="utf-8")
    for name in PROFILE:
        assert f"NIGHTLEGS_{name.upper()}" in text, name
    for topic in ("frame_ancestors", "iframe", "X-Forwarded-For", "per process", "back up"):
        assert topic.lower() in text.lower(), topic
