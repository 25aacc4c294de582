"""The night diary's JSON API (docs/diary.md).

A diary is reached with its token: ``Authorization: Bearer <token>``, or the
``nightlegs_diary`` cookie the web pages set. Without either: 401. With a
token that is not a live sign-in to the diary named in the path (unknown,
expired, another diary's, or the diary is gone): 404, exactly as for a diary
that does not exist. A request that changes something and carries its token
only in the cookie must come from the app's own pages (``Sec-Fetch-Site`` /
``Origin``), else 403.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal, NoReturn

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.security import APIKeyCookie, HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field, StrictStr
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from nightlegs.api.errors import TOO_LARGE, UNPROCESSABLE, Message, never_echo
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.diary.codes import RecoveryCodeError
from nightlegs.diary.model import EntryBody, SavedInterview
from nightlegs.engine import Assessment
from nightlegs.http import cookies, ratelimit
from nightlegs.http.deps import KbDep, SessionDep, SettingsDep
from nightlegs.http.security import csrf_refusal
from nightlegs.services import diaries
from nightlegs.services.hashing import hashing
from nightlegs.settings import Language, Settings

# Every answer is Cache-Control: no-store (the security middleware, for all of /api).
router = APIRouter(prefix="/diaries", tags=["diaries"], route_class=StrictJsonRoute)

DIARY_NOT_FOUND = "diary not found"
EARLIEST_DATE = dt.date(2000, 1, 1)
_DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
_UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
_KEYS_ATTRIBUTE = "nightlegs_diary_keys"
_state_lock = threading.Lock()

_bearer = HTTPBearer(
    auto_error=False,
    scheme_name="diaryToken",
    description="The token from creating the diary or signing in to it.",
)
_cookie = APIKeyCookie(
    name=diaries.SESSION_COOKIE,
    auto_error=False,
    scheme_name="diaryCookie",
    description=(
        "The same token in the web pages' cookie (named `__Host-nightlegs_diary` over https)."
    ),
)

UNAUTHORISED: dict[int | str, dict[str, Any]] = {
    401: {"model": Message, "description": "No diary token (bearer header or cookie)"}
}
FORBIDDEN: dict[int | str, dict[str, Any]] = {
    403: {"model": Message, "description": "A cookie-only request from another site"}
}
NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {
        "model": Message,
        "description": (
            "No such diary, or the token does not sign in to it (unknown, expired, another "
            "diary's): the same answer in every case"
        ),
    }
}
OFF: dict[int | str, dict[str, Any]] = {
    503: {"model": Message, "description": "The diary is off: the server has no secret key"}
}
TOO_MANY: dict[int | str, dict[str, Any]] = {
    429: {
        "model": Message,
        "description": "Too many sign-in attempts or new diaries from this address",
        "headers": {
            "Retry-After": {
                "description": "Seconds to wait before trying again.",
                "schema": {"type": "integer", "minimum": 1},
            }
        },
    }
}
DIARY_RESPONSES = {**UNAUTHORISED, **FORBIDDEN, **NOT_FOUND}

DiaryId = Annotated[str, Path(alias="id", description="the diary's id", max_length=64)]
Night = Annotated[
    str,
    Path(
        alias="date",
        pattern=_DATE_PATTERN,
        description="the night, as the date of its evening (YYYY-MM-DD)",
        examples=["2026-11-20"],
    ),
]


# --- bodies --------------------------------------------------------------------------


class Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class DiaryCreated(BaseModel):
    id: str = Field(description="the diary's id")
    recovery_code: str = Field(
        description=(
            "8 words: shown this once and never again; it signs in to the diary from any "
            "device. Keep it safe."
        )
    )
    token: str = Field(description="bearer token of this sign-in")
    expires_at: dt.datetime = Field(description="when the token stops working")


class SignIn(Body):
    recovery_code: StrictStr = Field(
        max_length=200,
        description="the 8 words; case, spacing and punctuation do not matter",
        examples=["abandon ability able about above absent absorb abstract"],
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


# --- dependencies ---------------------------------------------------------------------


class Token(BaseModel):
    value: str
    from_cookie: bool


def diary_token(
    request: Request,
    bearer: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    _documented: Annotated[str | None, Depends(_cookie)],
) -> Token:
    """The request's diary token; 401 without one, 403 for a cross-site cookie-only change.
    The cookie is read by its name on this request (``__Host-`` over https)."""
    cookie = cookies.read(request, diaries.SESSION_COOKIE)
    if bearer is not None and bearer.credentials:
        return Token(value=bearer.credentials, from_cookie=False)
    if not cookie:
        raise HTTPException(
            status_code=401,
            detail="sign in: send Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )
    if request.method.upper() in _UNSAFE_METHODS and _cross_site(request):
        raise HTTPException(status_code=403, detail="cross-site request refused")
    return Token(value=cookie, from_cookie=True)


TokenDep = Annotated[Token, Depends(diary_token)]


def diary_keys(request: Request) -> diaries.Keys:
    """The app's secret and code hasher (made on first use); 503 when the diary is off."""
    settings = _settings(request)
    state = request.app.state
    with _state_lock:
        keys = getattr(state, _KEYS_ATTRIBUTE, None)
        if not isinstance(keys, diaries.Keys):
            try:
                keys = diaries.Keys.from_settings(settings)
            except diaries.DiaryOff:
                raise HTTPException(
                    status_code=503,
                    detail="the night diary is off on this server (no NIGHTLEGS_SECRET_KEY)",
                ) from None
            setattr(state, _KEYS_ATTRIBUTE, keys)
    return keys


KeysDep = Annotated[diaries.Keys, Depends(diary_keys)]


def limit_diary_attempts(request: Request) -> None:
    """429 with Retry-After past ``diary_rate_limit`` (sign-ins and new diaries, per address)."""
    ratelimit.enforce(request, "diary", "too many attempts")


# --- diaries and sign-in ---------------------------------------------------------------


@router.post(
    "",
    status_code=201,
    response_model=DiaryCreated,
    responses={**TOO_MANY, **OFF},
    dependencies=[Depends(limit_diary_attempts)],
)
async def create_diary(keys: KeysDep, settings: SettingsDep, session: SessionDep) -> DiaryCreated:
    """Make a diary. Its recovery code is in this answer only: show it to the person once."""
    created = await hashing(diaries.create_diary, session, keys, settings)
    return DiaryCreated(
        id=created.id,
        recovery_code=created.recovery_code,
        token=created.token,
        expires_at=created.expires_at,
    )


@router.post(
    "/session",
    response_model=SignedIn,
    responses={
        401: {"model": Message, "description": "No diary has this recovery code"},
        **TOO_MANY,
        **OFF,
        **UNPROCESSABLE,
    },
    dependencies=[Depends(limit_diary_attempts)],
)
@never_echo
async def sign_in_to_diary(
    body: SignIn, keys: KeysDep, settings: SettingsDep, session: SessionDep
) -> SignedIn:
    """Sign in with the recovery code: a new token for the diary."""
    try:
        signed = await hashing(diaries.sign_in, session, keys, settings, body.recovery_code)
    except RecoveryCodeError as exc:
        raise RequestValidationError(
            [
                {
                    "loc": ("body", "recovery_code"),
                    "msg": str(exc),
                    "type": "recovery_code",
                    "input": None,
                }
            ]
        ) from None
    if signed is None:
        raise HTTPException(status_code=401, detail="recovery code not recognised")
    return SignedIn(id=signed.id, token=signed.token, expires_at=signed.expires_at)


@router.delete("/session", status_code=204, responses={**UNAUTHORISED, **FORBIDDEN})
def sign_out_of_diary(token: TokenDep, session: SessionDep) -> Response:
    """Sign out: the token stops working."""
    with session.begin():
        diaries.sign_out(session, token.value)
    return Response(status_code=204)


@router.get("/{id}", response_model=DiaryInfo, responses=DIARY_RESPONSES)
def get_diary(diary_id: DiaryId, token: TokenDep, session: SessionDep) -> DiaryInfo:
    """The diary: when it was made, how many entries and saved interviews it has."""
    with _diary(session, token, diary_id):
        info = diaries.info(session, diary_id)
    return DiaryInfo.model_validate(info)


@router.delete("/{id}", status_code=204, responses={**DIARY_RESPONSES, **UNPROCESSABLE})
def delete_diary(
    diary_id: DiaryId,
    token: TokenDep,
    session: SessionDep,
    confirm: Annotated[
        Literal["delete"],
        Query(description="must be `delete`: the person has confirmed deleting everything"),
    ],
) -> Response:
    """Delete everything: entries, sign-ins, saved interviews (and those interviews)."""
    with _diary(session, token, diary_id):
        diaries.delete_diary(session, diary_id)
    return Response(status_code=204)


# --- entries --------------------------------------------------------------------------


@router.put(
    "/{id}/entries/{date}",
    response_model=diaries.StoredEntry,
    responses={
        200: {"description": "The entry replaced"},
        201: {"model": diaries.StoredEntry, "description": "The entry created"},
        **DIARY_RESPONSES,
        **TOO_LARGE,
        **UNPROCESSABLE,
    },
)
def put_diary_entry(
    diary_id: DiaryId,
    night: Night,
    body: EntryBody,
    token: TokenDep,
    session: SessionDep,
    response: Response,
) -> diaries.StoredEntry:
    """Record a night, or replace its entry (one per night).

    The date may be at most one day after the server's date (time zones).
    """
    date = _date(night, ("path", "date"), entry=True)
    try:
        with _diary(session, token, diary_id):
            stored, created = diaries.put_entry(session, diary_id, date, body)
    except IntegrityError:  # the diary was deleted meanwhile
        raise HTTPException(status_code=404, detail=DIARY_NOT_FOUND) from None
    response.status_code = 201 if created else 200
    return stored


@router.get(
    "/{id}/entries", response_model=EntryList, responses={**DIARY_RESPONSES, **UNPROCESSABLE}
)
def list_diary_entries(
    diary_id: DiaryId,
    token: TokenDep,
    session: SessionDep,
    start: Annotated[
        str | None, Query(alias="from", pattern=_DATE_PATTERN, description="first night")
    ] = None,
    end: Annotated[
        str | None, Query(alias="to", pattern=_DATE_PATTERN, description="last night")
    ] = None,
) -> EntryList:
    """The diary's entries, oldest first; ``from`` and ``to`` (inclusive) narrow them."""
    first = _date(start, ("query", "from")) if start else None
    last = _date(end, ("query", "to")) if end else None
    with _diary(session, token, diary_id):
        listed = diaries.entries(session, diary_id, start=first, end=last)
    return EntryList(entries=listed)


@router.get(
    "/{id}/entries/{date}",
    response_model=diaries.StoredEntry,
    responses={**DIARY_RESPONSES, **UNPROCESSABLE},
)
def get_diary_entry(
    diary_id: DiaryId, night: Night, token: TokenDep, session: SessionDep
) -> diaries.StoredEntry:
    """One night's entry (404 if that night has none)."""
    date = _date(night, ("path", "date"))
    with _diary(session, token, diary_id):
        listed = diaries.entries(session, diary_id, start=date, end=date)
    if not listed:
        raise HTTPException(status_code=404, detail="no entry for that night")
    return listed[0]


@router.delete(
    "/{id}/entries/{date}", status_code=204, responses={**DIARY_RESPONSES, **UNPROCESSABLE}
)
def delete_diary_entry(
    diary_id: DiaryId, night: Night, token: TokenDep, session: SessionDep
) -> Response:
    """Delete a night's entry (404 if that night has none)."""
    date = _date(night, ("path", "date"))
    with _diary(session, token, diary_id):
        deleted = diaries.delete_entry(session, diary_id, date)
    if not deleted:
        raise HTTPException(status_code=404, detail="no entry for that night")
    return Response(status_code=204)


# --- figures and the assessment ---------------------------------------------------------


@router.get("/{id}/summary", response_model=diaries.DiarySummary, responses=DIARY_RESPONSES)
def get_diary_summary(
    diary_id: DiaryId, token: TokenDep, session: SessionDep
) -> diaries.DiarySummary:
    """Nights a week, regular, worsening, the severity trend, what helped (docs/diary.md)."""
    with _diary(session, token, diary_id):
        return diaries.summary(session, diary_id)


@router.post(
    "/{id}/interviews",
    response_model=SavedInterview,
    responses={**DIARY_RESPONSES, **UNPROCESSABLE},
)
def save_interview_to_diary(
    diary_id: DiaryId,
    body: InterviewToSave,
    token: TokenDep,
    settings: SettingsDep,
    session: SessionDep,
) -> SavedInterview:
    """Save an interview in the diary: a copy of its evidence now (saving again replaces it)."""
    with _diary(session, token, diary_id):
        saved = diaries.save_interview(session, diary_id, body.interview_id, settings)
    if saved is None:
        raise HTTPException(status_code=404, detail="interview not found")
    return saved


@router.get("/{id}/interviews", response_model=SavedList, responses=DIARY_RESPONSES)
def list_diary_interviews(diary_id: DiaryId, token: TokenDep, session: SessionDep) -> SavedList:
    """The interviews saved in the diary, the latest saved last."""
    with _diary(session, token, diary_id):
        return SavedList(interviews=diaries.saved_interviews(session, diary_id))


@router.get(
    "/{id}/assessment",
    response_model=Assessment,
    responses={**DIARY_RESPONSES, **UNPROCESSABLE},
)
def get_diary_assessment(
    diary_id: DiaryId,
    token: TokenDep,
    kb: KbDep,
    settings: SettingsDep,
    session: SessionDep,
    language: Annotated[
        Language | None, Query(description="uk, ru or en; else the interview's language")
    ] = None,
) -> Assessment:
    """The latest saved interview assessed with the diary's nights_per_week, worsening and
    sleep_disturbance in place of its own answers (provisional unless it was done)."""
    with _diary(session, token, diary_id):
        return diaries.assessment(session, kb, settings, diary_id, language)


# --- exports ----------------------------------------------------------------------------


@router.get(
    "/{id}/export/csv",
    response_class=Response,
    responses={
        200: {"content": {"text/csv": {}}, "description": "One row per night (docs/diary.md)"},
        **DIARY_RESPONSES,
    },
)
def export_diary_csv(diary_id: DiaryId, token: TokenDep, session: SessionDep) -> Response:
    """The entries as CSV: UTF-8, a header row, lists joined with ``;``."""
    with _diary(session, token, diary_id):
        data = diaries.export_csv(session, diary_id)
    return Response(
        data,
        media_type="text/csv; charset=utf-8",
        headers=_download("nightlegs-diary.csv"),
    )


@router.get(
    "/{id}/export/fhir",
    response_class=Response,
    responses={
        200: {
            "content": {"application/fhir+json": {}},
            "description": "A FHIR R4B Bundle of type collection",
        },
        **DIARY_RESPONSES,
        **UNPROCESSABLE,
    },
)
def export_diary_fhir(
    diary_id: DiaryId,
    token: TokenDep,
    kb: KbDep,
    settings: SettingsDep,
    session: SessionDep,
    language: Annotated[
        Language | None, Query(description="language of the conditions' and tests' names")
    ] = None,
) -> Response:
    """The diary as a FHIR R4B Bundle: saved interviews, nights, weekly figures, provisional
    conditions and proposed tests."""
    with _diary(session, token, diary_id):
        data = diaries.export_fhir(session, kb, settings, diary_id, language)
    return _json(data, "application/fhir+json", "nightlegs-diary.fhir.json")


@router.get(
    "/{id}/export/json",
    response_class=Response,
    responses={
        200: {"content": {"application/json": {}}, "description": "Everything, as JSON"},
        **DIARY_RESPONSES,
    },
)
def export_diary_json(
    diary_id: DiaryId, token: TokenDep, kb: KbDep, settings: SettingsDep, session: SessionDep
) -> Response:
    """Download everything the server holds about the diary (without its secrets)."""
    with _diary(session, token, diary_id):
        data = diaries.export_everything(session, kb, settings, diary_id)
    return _json(data, "application/json", "nightlegs-diary.json")


# --- helpers ----------------------------------------------------------------------------


@contextmanager
def _diary(session: Session, token: Token, diary_id: str) -> Iterator[None]:
    """A transaction in which the token is checked to sign in to ``diary_id`` (else 404)."""
    with session.begin():
        if diaries.authorised_diary(session, token.value) != diary_id:
            raise HTTPException(status_code=404, detail=DIARY_NOT_FOUND)
        yield


def _date(text: str, loc: tuple[str, str], *, entry: bool = False) -> dt.date:
    try:
        value = dt.date.fromisoformat(text)
    except ValueError:
        _invalid(loc, text, "not a date (YYYY-MM-DD)", "date_parsing")
    if entry:
        latest = diaries.latest_entry_date_allowed()
        if value > latest:
            _invalid(loc, text, f"a night in the future (the latest is {latest})", "date_future")
        if value < EARLIEST_DATE:
            _invalid(loc, text, f"a night before {EARLIEST_DATE}", "date_past")
    return value


def _invalid(loc: tuple[str, str], text: str, message: str, kind: str) -> NoReturn:
    raise RequestValidationError([{"loc": loc, "msg": message, "type": kind, "input": text}])


def _download(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }


def _json(data: Any, media_type: str, filename: str) -> Response:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(text.encode("utf-8"), media_type=media_type, headers=_download(filename))


def _cross_site(request: Request) -> bool:
    # The pages' own rule (Sec-Fetch-Site, else Origin against Host), which the
    # middleware applies to every path but /api: asked here as if for a page.
    scope = {**request.scope, "path": "/"}
    return csrf_refusal(scope, request.headers, _settings(request)) is not None


def _settings(request: Request) -> Settings:
    settings = request.app.state.nightlegs.settings
    assert isinstance(settings, Settings)
    return settings
