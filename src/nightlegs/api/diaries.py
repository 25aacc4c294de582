"""The night diary's JSON API (docs/diary.md): diaries, sign-in and the nights' entries.

Who may reach a diary: :mod:`nightlegs.http.diary_access`. Figures, saved interviews and
exports: :mod:`nightlegs.api.diary_exports`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Response
from fastapi.exceptions import RequestValidationError
from sqlalchemy.exc import IntegrityError

from nightlegs.api.diary_schemas import (
    DATE_PATTERN,
    DIARY_OR_INVALID,
    DIARY_RESPONSES,
    FORBIDDEN,
    OFF,
    TOO_MANY,
    UNAUTHORISED,
    DiaryCreated,
    DiaryId,
    DiaryInfo,
    EntryList,
    Night,
    SignedIn,
    SignIn,
    night_date,
)
from nightlegs.api.errors import TOO_LARGE, UNPROCESSABLE, Message, never_echo
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.diary import medicines
from nightlegs.diary.codes import RecoveryCodeError
from nightlegs.diary.model import EntryBody, SavedMedicine
from nightlegs.http.deps import SessionDep, SettingsDep
from nightlegs.http.diary_access import (
    DIARY_NOT_FOUND,
    KeysDep,
    TokenDep,
    authorised,
    limit_diary_attempts,
)
from nightlegs.services import diaries
from nightlegs.services.hashing import hashing

# Every answer is Cache-Control: no-store (the security middleware, for all of /api).
router = APIRouter(prefix="/diaries", tags=["diaries"], route_class=StrictJsonRoute)


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
    with authorised(session, token, diary_id):
        info = diaries.info(session, diary_id)
    return DiaryInfo.model_validate(info)


@router.delete("/{id}", status_code=204, responses=DIARY_OR_INVALID)
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
    with authorised(session, token, diary_id):
        diaries.delete_diary(session, diary_id)
    return Response(status_code=204)


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
    settings: SettingsDep,
    session: SessionDep,
    response: Response,
) -> diaries.StoredEntry:
    """Record a night, or replace its entry (one per night).

    The date may be at most one day after today in the clinic's time zone. Each medicine
    must be one of the medicine table's, as ``POST /medicines/lookup`` names it.
    """
    latest = diaries.latest_entry_date_allowed(settings)
    date = night_date(night, ("path", "date"), latest=latest)
    try:
        with authorised(session, token, diary_id):
            listed = diaries.entries(session, diary_id, start=date, end=date)
            _known_medicines(body, listed[0].medicines if listed else ())
            stored, created = diaries.put_entry(session, diary_id, date, body)
    except IntegrityError:  # the diary was deleted meanwhile
        raise HTTPException(status_code=404, detail=DIARY_NOT_FOUND) from None
    response.status_code = 201 if created else 200
    return stored


def _known_medicines(body: EntryBody, stored: Sequence[SavedMedicine]) -> None:
    """422 for a medicine the table does not have: an entry keeps only the table's INN and
    ATC code of a medicine the person confirmed, never a name of the client's own. One the
    table has dropped since the night was written stays when sent back (``stored``: the
    night's entry as saved), so writing a night again never loses it."""
    problems = [
        {
            "loc": ("body", "medicines", index),
            "msg": "not a medicine of the table: use the inn and atc of POST /medicines/lookup",
            "type": "unknown_medicine",
            "input": None,
        }
        for index in medicines.unknown(body.medicines, stored)
    ]
    if problems:
        raise RequestValidationError(problems)


@router.get("/{id}/entries", response_model=EntryList, responses=DIARY_OR_INVALID)
def list_diary_entries(
    diary_id: DiaryId,
    token: TokenDep,
    session: SessionDep,
    start: Annotated[
        str | None, Query(alias="from", pattern=DATE_PATTERN, description="first night")
    ] = None,
    end: Annotated[
        str | None, Query(alias="to", pattern=DATE_PATTERN, description="last night")
    ] = None,
) -> EntryList:
    """The diary's entries, oldest first; ``from`` and ``to`` (inclusive) narrow them."""
    first = night_date(start, ("query", "from")) if start else None
    last = night_date(end, ("query", "to")) if end else None
    with authorised(session, token, diary_id):
        listed = diaries.entries(session, diary_id, start=first, end=last)
    return EntryList(entries=listed)


@router.get(
    "/{id}/entries/{date}",
    response_model=diaries.StoredEntry,
    responses=DIARY_OR_INVALID,
)
def get_diary_entry(
    diary_id: DiaryId, night: Night, token: TokenDep, session: SessionDep
) -> diaries.StoredEntry:
    """One night's entry (404 if that night has none)."""
    date = night_date(night, ("path", "date"))
    with authorised(session, token, diary_id):
        listed = diaries.entries(session, diary_id, start=date, end=date)
    if not listed:
        raise HTTPException(status_code=404, detail="no entry for that night")
    return listed[0]


@router.delete("/{id}/entries/{date}", status_code=204, responses=DIARY_OR_INVALID)
def delete_diary_entry(
    diary_id: DiaryId, night: Night, token: TokenDep, session: SessionDep
) -> Response:
    """Delete a night's entry (404 if that night has none)."""
    date = night_date(night, ("path", "date"))
    with authorised(session, token, diary_id):
        deleted = diaries.delete_entry(session, diary_id, date)
    if not deleted:
        raise HTTPException(status_code=404, detail="no entry for that night")
    return Response(status_code=204)
