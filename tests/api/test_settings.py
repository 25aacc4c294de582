import re
from pathlib import Path

import pytest
from pydantic import ValidationError

from nightlegs.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_defaults():
    settings = Settings()
    assert settings.database_url == "sqlite:///./var/nightlegs.db"
    assert settings.default_language == "uk"
    assert settings.emergency_numbers == {"ambulance": "103", "general": "112"}
    assert settings.max_body_bytes == 65536
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_it_reads_the_environment(monkeypatch):
    monkeypatch.setenv("NIGHTLEGS_DEFAULT_LANGUAGE", "en")
    monkeypatch.setenv("NIGHTLEGS_MAX_BODY_BYTES", "1000")
    monkeypatch.setenv("NIGHTLEGS_LOG_LEVEL", "DEBUG")
    settings = Settings()
    assert (settings.default_language, settings.max_body_bytes) == ("en", 1000)
    assert settings.log_level == "debug"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db:5432/n", "postgresql+psycopg://u:p@db:5432/n"),
        ("postgresql://u@db/n", "postgresql+psycopg://u@db/n"),
        ("postgresql+psycopg://u@db/n", "postgresql+psycopg://u@db/n"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_postgres_urls_use_psycopg(given, expected):
    assert Settings(database_url=given).database_url == expected


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("default_language", "de"),
        ("max_body_bytes", 0),
        ("interview_ttl_hours", 0),
        ("port", 70000),
        ("log_level", "loud"),
    ],
)
def test_bad_values_are_refused(name, value):
    with pytest.raises(ValidationError):
        Settings.model_validate({name: value})


def test_every_setting_is_documented():
    for name, field in Settings.model_fields.items():
        assert field.description, name


def test_the_readme_lists_every_setting_with_its_default():
    text = README.read_text(encoding="utf-8")
    rows = {
        match[1]: match[2]
        for match in re.finditer(r"^\| `(NIGHTLEGS_[A-Z_]+)` \| `([^`|]*)` \|", text, re.M)
    }
    for name, field in Settings.model_fields.items():
        variable = f"NIGHTLEGS_{name.upper()}"
        assert variable in rows, variable
        assert rows[variable] == str(field.default), variable
