"""Settings, read from ``NIGHTLEGS_*`` environment variables.

Nothing is read at import time: build a :class:`Settings` where it is needed
(the CLI, the app factory) and pass it on. Every field below is listed in the
README's "Configuration" table; a test keeps the two in step.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

Language = Literal["uk", "ru", "en"]
LogLevel = Literal["critical", "error", "warning", "info", "debug"]

_POSTGRES_PREFIXES = ("postgres://", "postgresql://")


class Settings(BaseSettings):
    """The service's settings. Each field is read from ``NIGHTLEGS_<FIELD NAME>``.

    - ``database_url``: SQLAlchemy URL of the database.
    - ``default_language``: language used when a request names none.
    - ``emergency_ambulance`` / ``emergency_general``: the numbers red-flag
      warnings tell people to call.
    - ``max_body_bytes``: largest request body accepted; larger ones get 413.
    - ``interview_ttl_hours``: how long an untouched interview is kept.
    - ``host`` / ``port``: where ``nightlegs serve`` listens.
    - ``log_level``: the server's log level.
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
        default="uk",
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
    host: str = Field(default="127.0.0.1", description="Address `nightlegs serve` listens on.")
    port: int = Field(
        default=8000, ge=1, le=65535, description="Port `nightlegs serve` listens on."
    )
    log_level: LogLevel = Field(
        default="info",
        description="Server log level: critical, error, warning, info or debug.",
    )

    @field_validator("database_url")
    @classmethod
    def _normalise_database_url(cls, value: str) -> str:
        value = value.strip()
        for prefix in _POSTGRES_PREFIXES:
            if value.startswith(prefix):
                return "postgresql+psycopg://" + value[len(prefix) :]
        return value

    @field_validator("log_level", mode="before")
    @classmethod
    def _lower_log_level(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value

    @property
    def emergency_numbers(self) -> dict[str, str]:
        """The numbers handed to the engine's warnings."""
        return {"ambulance": self.emergency_ambulance, "general": self.emergency_general}
