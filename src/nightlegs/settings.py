"""Settings, read from ``NIGHTLEGS_*`` environment variables.

Nothing is read at import time: build a :class:`Settings` where it is needed
(the CLI, the app factory) and pass it on. Every field below is listed in the
README's "Configuration" table; a test keeps the two in step.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Annotated, Literal
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, PrivateAttr, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from nightlegs.languages import DEFAULT_LANGUAGE
from nightlegs.languages import Language as Language
from nightlegs.rates import Rate as Rate
from nightlegs.rates import check_storage_url
from nightlegs.rates import parse_rate as parse_rate

LogLevel = Literal["critical", "error", "warning", "info", "debug"]
CookieSecurity = Literal["auto", "always", "never"]
CodeHashing = Literal["strong", "fast"]

_POSTGRES_PREFIXES = ("postgres://", "postgresql://")
MIN_SECRET_KEY_LENGTH = 32


# A CSP host source with a scheme: http(s)://host[:port], the host may start with "*.".
_ORIGIN = re.compile(
    r"^https?://(?:\*\.)?[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*"
    r"(?::\d{1,5})?$"
)


@lru_cache(maxsize=1)
def specialist_ids() -> tuple[str, ...]:
    """The specialist ids of the vocabulary (``specialists`` in kb/vocabulary.yaml)."""
    from ruamel.yaml import YAML

    text = (resources.files("nightlegs") / "kb" / "vocabulary.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text) or {}
    return tuple(str(key) for key in data.get("specialists") or {})


def _split_list(value: object) -> object:
    """A list setting from the environment: comma-separated (or a JSON list)."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if text.startswith("["):
        return json.loads(text)
    return [part.strip() for part in text.split(",") if part.strip()]


def _unique(values: list[str]) -> list[str]:
    return list(dict.fromkeys(values))


class Settings(BaseSettings):
    """The service's settings. Each field is read from ``NIGHTLEGS_<FIELD NAME>``.

    - ``database_url``: SQLAlchemy URL of the database.
    - ``default_language``: language used when a request names none.
    - ``emergency_ambulance`` / ``emergency_general``: the numbers red-flag
      warnings tell people to call.
    - ``max_body_bytes``: largest request body accepted; larger ones get 413.
    - ``interview_ttl_hours``: how long an untouched interview is kept.
    - ``interview_minutes``: the time the start page promises (low, high).
    - ``host`` / ``port``: where ``nightlegs serve`` listens.
    - ``log_level``: the server's log level.
    - ``clinic_*``: the deployment profile shown to patients (name, address,
      phone, booking link, the specialists the clinic offers).
    - ``frame_ancestors``: sites allowed to embed the app in a frame.
    - ``start_rate_limit``: interviews one client address may start per window.
    - ``trust_forwarded_for``: take the client's address and scheme from the
      reverse proxy's ``X-Forwarded-*`` headers.
    - ``secure_cookies``: when cookies get the ``Secure`` flag.
    - ``secret_key`` / ``secret_key_file``: the server secret that keys the
      look-up of night diaries by recovery code (docs/diary.md); without one
      the diary is off.
    - ``diary_session_ttl_hours``: how long a diary sign-in lasts.
    - ``diary_rate_limit``: diary sign-ins and creations one address may make.
    - ``rate_limit_storage``: where the rate limits count (memory or Redis).
    - ``recovery_code_hashing``: argon2id cost for recovery codes (``fast`` only
      for tests).
    """

    model_config = SettingsConfigDict(env_prefix="NIGHTLEGS_", extra="forbid")

    database_url: str = Field(
        default="sqlite:///./var/nightlegs.db",
        description=(
            "SQLAlchemy database URL. SQLite (the default, a file under ./var/) or "
            "PostgreSQL; postgres:// and postgresql:// are read as postgresql+psycopg://."
        ),
    )
    default_language: Language = Field(
        default=DEFAULT_LANGUAGE,
        description="Language (uk, ru or en) of answers when a request does not name one.",
    )
    emergency_ambulance: str = Field(
        default="103",
        min_length=1,
        description="Ambulance number given in red-flag warnings (Ukraine: 103).",
    )
    emergency_general: str = Field(
        default="112",
        min_length=1,
        description="General emergency number given in red-flag warnings (112).",
    )
    max_body_bytes: int = Field(
        default=65536,
        gt=0,
        description="Largest request body accepted, in bytes; a larger one is refused with 413.",
    )
    interview_ttl_hours: int = Field(
        default=72,
        gt=0,
        description=(
            "Hours an interview is kept after its last answer; after that it answers 404 "
            "and is deleted."
        ),
    )
    # Checked by tests/browser/test_every_case.py: the upper bound covers the slowest public
    # case's walk for a reader at 130 words a minute and 3 s a tap.
    interview_minutes: tuple[int, int] = Field(
        default=(5, 25), description="The time the start page promises the check takes."
    )
    host: str = Field(default="127.0.0.1", description="Address `nightlegs serve` listens on.")
    port: int = Field(
        default=8000, ge=1, le=65535, description="Port `nightlegs serve` listens on."
    )
    log_level: LogLevel = Field(
        default="info",
        description="Server log level: critical, error, warning, info or debug.",
    )

    timezone: str = Field(
        default="Europe/Kyiv",
        description=(
            "The clinic's time zone (an IANA name such as Europe/Kyiv): every date a person"
            " or a doctor reads (last night, the PDF's date, the share log) is in it."
        ),
    )

    clinic_name: str = Field(
        default="",
        max_length=200,
        description="The clinic's name, shown on the pages and the PDF (empty: none).",
    )
    clinic_address: str = Field(
        default="", max_length=500, description="The clinic's address (empty: none)."
    )
    clinic_phone: str = Field(
        default="",
        max_length=50,
        description="The clinic's phone number, shown as a tap-to-call link (empty: none).",
    )
    clinic_booking_url: str = Field(
        default="",
        max_length=2000,
        description="Where patients book a visit: an http(s) URL (empty: no booking link).",
    )
    clinic_specialists: Annotated[list[str], NoDecode] = Field(
        default=[],
        description=(
            "Specialists the clinic offers, comma-separated vocabulary ids (e.g. "
            "phlebologist,vascular_surgeon); the results offer 'book a visit' only for these."
        ),
    )
    frame_ancestors: Annotated[list[str], NoDecode] = Field(
        default=[],
        description=(
            "Origins allowed to embed the app in a frame, comma-separated (e.g. "
            "https://clinic.example); empty: only the app's own origin."
        ),
    )
    start_rate_limit: str = Field(
        default="20/minute",
        description=(
            "Interviews one client address may start per window, e.g. 20/minute, "
            "100/10 minutes or 5 per hour; 0 or empty: no limit."
        ),
    )
    uk_dictionary: bool = Field(
        default=True,
        description=(
            "Read Ukrainian complaints with the Ukrainian dictionary (pymorphy3-dicts-uk) when "
            "it is installed; its data's licence is non-commercial (docs/licences.md). "
            "Off: Ukrainian is read without it, at lower recall."
        ),
    )
    trust_forwarded_for: bool = Field(
        default=False,
        description=(
            "Behind a reverse proxy: take the client's address from X-Forwarded-For "
            "(its last entry) and the scheme and host from X-Forwarded-Proto/-Host; "
            "off, nothing believes these headers (uvicorn under `nightlegs serve` neither)."
        ),
    )
    secure_cookies: CookieSecurity = Field(
        default="auto",
        description=(
            "Secure flag on cookies: auto (when the request came over https), always or never."
        ),
    )
    secret_key: SecretStr = Field(
        default=SecretStr(""),
        description=(
            "Server secret of at least 32 characters that keys the look-up of night diaries "
            "by recovery code (docs/diary.md); empty: the diary is off. Keep it stable: "
            "another key makes the existing recovery codes unusable."
        ),
    )
    secret_key_file: str = Field(
        default="",
        description=(
            "A file holding the secret key (e.g. a container secret), instead of "
            "NIGHTLEGS_SECRET_KEY; not both."
        ),
    )
    diary_session_ttl_hours: int = Field(
        default=720,
        gt=0,
        le=8760,
        description=(
            "Hours a diary sign-in (its bearer token or cookie) lasts; then the recovery "
            "code signs in again."
        ),
    )
    diary_rate_limit: str = Field(
        default="10/minute",
        description=(
            "Diary sign-in attempts plus diaries created that one client address may make "
            "per window, e.g. 10/minute; 0 or empty: no limit."
        ),
    )
    rate_limit_storage: str = Field(
        default="memory://",
        description=(
            "Where the rate limits count: memory:// (each process on its own) or a Redis URL "
            "(redis://, rediss://, redis+unix://) that every worker and machine shares."
        ),
    )
    recovery_code_hashing: CodeHashing = Field(
        default="strong",
        description=(
            "argon2id cost for recovery codes: strong (RFC 9106 low-memory profile) or "
            "fast (for tests only, never in production)."
        ),
    )

    _diary_secret: bytes | None = PrivateAttr(default=None)

    @field_validator("database_url")
    @classmethod
    def _normalise_database_url(cls, value: str) -> str:
        value = value.strip()
        for prefix in _POSTGRES_PREFIXES:
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("timezone")
    @classmethod
    def _check_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            message = f"unknown time zone {value!r}; use an IANA name such as Europe/Kyiv"
            raise ValueError(message) from None
        return value

    @property
    def zone(self) -> ZoneInfo:
        """:attr:`timezone` as a :class:`~zoneinfo.ZoneInfo`."""
        return ZoneInfo(self.timezone)

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower_log_level(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @field_validator("clinic_name", "clinic_address", "clinic_phone", "clinic_booking_url")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("clinic_booking_url")
    @classmethod
    def _check_booking_url(cls, value: str) -> str:
        if not value:
            return value
        parts = urlsplit(value)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise ValueError(f"booking URL {value!r} must be an http:// or https:// address")
        if any(char.isspace() or ord(char) < 32 for char in value):
            raise ValueError(f"booking URL {value!r} must not contain spaces")
        return value

    @field_validator("clinic_specialists", "frame_ancestors", mode="before")
    @classmethod
    def _split(cls, value: object) -> object:
        return _split_list(value)

    @field_validator("clinic_specialists")
    @classmethod
    def _check_specialists(cls, value: list[str]) -> list[str]:
        known = specialist_ids()
        unknown = [item for item in value if item not in known]
        if unknown:
            raise ValueError(
                f"unknown specialist id(s) {', '.join(unknown)}; known: {', '.join(known)}"
            )
        return _unique(value)

    @field_validator("frame_ancestors")
    @classmethod
    def _check_origins(cls, value: list[str]) -> list[str]:
        origins = [item.strip().rstrip("/").lower() for item in value]
        bad = [item for item in origins if not _ORIGIN.match(item)]
        if bad:
            raise ValueError(
                f"frame ancestor(s) {', '.join(map(repr, bad))} are not origins such as "
                "https://clinic.example, https://clinic.example:8443 or https://*.clinic.example"
            )
        return _unique(origins)

    @field_validator("start_rate_limit", "diary_rate_limit")
    @classmethod
    def _check_rate(cls, value: str) -> str:
        value = value.strip()
        parse_rate(value)
        return value

    @field_validator("rate_limit_storage")
    @classmethod
    def _check_rate_limit_storage(cls, value: str) -> str:
        return check_storage_url(value)

    @property
    def start_rate(self) -> Rate | None:
        """The start rate limit, or ``None`` when it is off."""
        return parse_rate(self.start_rate_limit)

    @model_validator(mode="after")
    def _read_secret_key(self) -> Settings:
        key = self.secret_key.get_secret_value().strip()
        path = self.secret_key_file.strip()
        if key and path:
            raise ValueError("set NIGHTLEGS_SECRET_KEY or NIGHTLEGS_SECRET_KEY_FILE, not both")
        if path:
            try:
                with open(path, encoding="utf-8") as file:
                    key = file.read().strip()
            except OSError as exc:
                raise ValueError(
                    f"NIGHTLEGS_SECRET_KEY_FILE: cannot read {path!r}: {exc.strerror}"
                ) from None
        if key and len(key) < MIN_SECRET_KEY_LENGTH:
            raise ValueError(
                f"the secret key (NIGHTLEGS_SECRET_KEY or NIGHTLEGS_SECRET_KEY_FILE) must have "
                f"at least {MIN_SECRET_KEY_LENGTH} characters; make one with "
                "python -c 'import secrets; print(secrets.token_urlsafe(32))'"
            )
        self._diary_secret = key.encode("utf-8") if key else None
        return self

    @property
    def diary_secret(self) -> bytes | None:
        """The secret key (from the variable or the file), or ``None``: the diary is off."""
        return self._diary_secret

    @property
    def diary_rate(self) -> Rate | None:
        """The diary sign-in/creation rate limit, or ``None`` when it is off."""
        return parse_rate(self.diary_rate_limit)

    @property
    def emergency_numbers(self) -> dict[str, str]:
        """The numbers handed to the engine's warnings."""
        return {"ambulance": self.emergency_ambulance, "general": self.emergency_general}
