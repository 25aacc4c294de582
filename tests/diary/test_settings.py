"""The diary's settings: the secret key (or its file), session time, rate limit, hashing."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from nightlegs.settings import Rate, Settings

KEY = "s" * 32


def test_by_default_the_diary_is_off():
    settings = Settings()
    assert settings.diary_secret is None
    assert settings.diary_session_ttl_hours == 720
    assert settings.diary_rate == Rate(10, 60)
    assert settings.recovery_code_hashing == "strong"


def test_the_key_from_the_environment(monkeypatch):
    monkeypatch.setenv("NIGHTLEGS_SECRET_KEY", f"  {KEY}\n")
    settings = Settings()
    assert settings.diary_secret == KEY.encode()
    assert KEY not in repr(settings)


def test_the_key_from_a_file(tmp_path, monkeypatch):
    path = tmp_path / "secret"
    path.write_text(KEY + "\n", encoding="utf-8")
    monkeypatch.setenv("NIGHTLEGS_SECRET_KEY_FILE", str(path))
    assert Settings().diary_secret == KEY.encode()


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"secret_key": "short"}, "at least 32 characters"),
        ({"secret_key": KEY, "secret_key_file": "/etc/hostname"}, "not both"),
        ({"secret_key_file": "/no/such/file"}, "cannot read"),
        ({"diary_rate_limit": "often"}, "not of the form"),
        ({"diary_session_ttl_hours": 0}, "greater than 0"),
        ({"recovery_code_hashing": "none"}, "strong"),
    ],
)
def test_bad_values_are_refused(values, message):
    with pytest.raises(ValidationError, match=message):
        Settings.model_validate(values)


def test_the_rate_limit_can_be_off():
    assert Settings(diary_rate_limit="0").diary_rate is None
