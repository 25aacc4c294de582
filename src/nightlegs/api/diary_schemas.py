"""The night diary API's bodies, path parameters and documented error answers."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, NoReturn

from fastapi import Path, Query
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from nightlegs.api.errors import UNPROCESSABLE, answer
from nightlegs.diary.model import SavedInterview
from nightlegs.languages import Language
from nightlegs.services import diaries

DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


UNAUTHORISED = answer(401, "No diary token (bearer header or cookie)")
FORBIDDEN = answer(403, "A cookie-only request from another site")
NOT_FOUND = answer(
    404,
    "No such diary, or the token does not sign in to it (unknown, expired, another "
    "diary's): the same answer in every case",
)
OFF = answer(503, "The diary is off: the server has no secret key")
TOO_MANY = answer(429, "Too many sign-in attempts or new diaries from this address")
DIARY_RESPONSES = {**UNAUTHORISED, **FORBIDDEN, **NOT_FOUND}
DIARY_OR_INVALID = {**DIARY_RESPONSES, **UNPROCESSABLE}


DiaryId = Annotated[str, Path(alias="id", description="the diary's id", max_length=64)]


Night = Annotated[
    str,
    Path(
        alias="date",
        pattern=DATE_PATTERN,
        description="the night, as the date of its evening (YYYY-MM-DD)",
        examples=["2026-11-20"],
    ),
]
LanguageQuery = Annotated[
    Language | None,
    Query(description="uk, ru or en: the language of names and texts (else the saved check's)"),
]


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiaryCreated(BaseModel):
    id: str = Field(description="the diary's id")
    recovery_code: str = Field(
        description=(
            "25 digits in 5 groups joined by hyphens: shown this once and never again; it "
            "signs in to the diary from any device. Keep it safe."
        ),
        examples=["48210-93755-12883-01174-55120"],
    )
    token: str = Field(description="bearer token of this sign-in")
    expires_at: dt.datetime = Field(description="when the token stops working")


class SignIn(Body):
    recovery_code: StrictStr = Field(
        max_length=200,
        description=(
            "the 25 digits, with or without spaces and hyphens; a diary made before the "
            "digits signs in with its 8 words (case, spacing and punctuation do not matter)"
        ),
        examples=["48210-93755-12883-01174-55120", "48210 93755 12883 01174 55120"],
    )


class SignedIn(BaseModel):
    id: str
    token: str
    expires_at: dt.datetime


class DiaryInfo(BaseModel):
    id: str
    created_at: dt.datetime
    entries: int
    interviews: int


class EntryList(BaseModel):
    entries: list[diaries.StoredEntry]


class InterviewToSave(Body):
    interview_id: StrictStr = Field(max_length=64, description="an interview's id")


class SavedList(BaseModel):
    interviews: list[SavedInterview]


def night_date(text: str, loc: tuple[str, str], *, latest: dt.date | None = None) -> dt.date:
    """The night of a path or query (422 naming ``loc`` unless a date); with ``latest``, an
    entry's night: from :data:`diaries.EARLIEST_DATE` to ``latest``."""
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        invalid(loc, text, "not a date (YYYY-MM-DD)", "date_parsing")
    if latest is not None:
        if value > latest:
            invalid(loc, text, f"a night in the future (the latest is {latest})", "date_future")
        if value < diaries.EARLIEST_DATE:
            invalid(loc, text, f"a night before {diaries.EARLIEST_DATE}", "date_past")
    return value


def invalid(loc: tuple[str, str], text: str, message: str, kind: str) -> NoReturn:
    raise RequestValidationError([{"loc": loc, "msg": message, "type": kind, "input": text}])
