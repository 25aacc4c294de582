"""Sharing a diary with a doctor: read-only links, their view logs (docs/diary.md).

The owner's endpoints (``/diaries/{id}/shares``) take the diary's token
exactly as the other diary endpoints do (bearer header or cookie, 401 without,
404 for any diary the token does not sign in to, 403 for a cross-site
cookie-only change). ``GET /shared/{token}`` needs no sign-in: the link's
token is the key; an unknown, expired or revoked link answers 404, the same in
every case, and each answer it gives is logged as a view.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Header, HTTPException, Path, Query, Response
from pydantic import BaseModel, ConfigDict, Field, StrictInt
from sqlalchemy.exc import IntegrityError

from nightlegs.api.diary_schemas import DIARY_OR_INVALID, DIARY_RESPONSES, DiaryId
from nightlegs.api.errors import UNPROCESSABLE, answer
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.engine import Assessment
from nightlegs.http.deps import KbDep, SessionDep, SettingsDep
from nightlegs.http.diary_access import DIARY_NOT_FOUND, TokenDep, authorised
from nightlegs.services import diaries, sharing
from nightlegs.services.shared_view import open_shared
from nightlegs.settings import Language

# Every answer is Cache-Control: no-store (the security middleware, for all of /api).
router = APIRouter(tags=["sharing"], route_class=StrictJsonRoute)

SHARE_NOT_FOUND = "share link not found"
LINK_NOT_FOUND = answer(
    404,
    "No live link with this token (unknown, expired or revoked): the same answer in every case",
)
ShareId = Annotated[str, Path(description="the share link's id", max_length=64)]


class ShareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: StrictInt = Field(
        default=sharing.DEFAULT_DAYS,
        ge=sharing.MIN_DAYS,
        le=sharing.MAX_DAYS,
        description="how many days the link works (1 to 90)",
    )
    lang: Language | None = Field(
        default=None,
        description="language of the doctor's page in `path`; else the server's default",
    )


class ShareCreated(BaseModel):
    id: str = Field(description="the link's id (to revoke it)")
    token: str = Field(
        description="the link's secret: in this answer only (the server keeps its SHA-256)"
    )
    expires_at: dt.datetime
    path: str = Field(
        description="the doctor's page, `/{lang}/shared/{token}`",
        examples=["/en/shared/1Yq3uY7mW0n9Ck1bK5kx0m8Z2kQeJp3G4n7R8s9t0uV"],
    )


class SharedDiary(BaseModel):
    """What a doctor's link shows: read-only."""

    summary: diaries.DiarySummary
    entries: list[diaries.StoredEntry] = Field(description="every night, oldest first")
    assessment: Assessment = Field(
        description="the latest saved interview with the diary's evidence (provisional "
        "unless that interview was done)"
    )


@router.post(
    "/diaries/{id}/shares",
    status_code=201,
    response_model=ShareCreated,
    responses=DIARY_OR_INVALID,
)
def create_diary_share(
    diary_id: DiaryId,
    token: TokenDep,
    settings: SettingsDep,
    session: SessionDep,
    body: ShareRequest | None = None,
) -> ShareCreated:
    """Make a read-only link to the diary for a doctor (14 days unless ``days`` says)."""
    request = body or ShareRequest()
    try:
        with authorised(session, token, diary_id):
            info, secret = sharing.create_share(session, diary_id, days=request.days)
    except IntegrityError:  # the diary was deleted meanwhile
        raise HTTPException(status_code=404, detail=DIARY_NOT_FOUND) from None
    language = request.lang or settings.default_language
    return ShareCreated(
        id=info.id,
        token=secret,
        expires_at=info.expires_at,
        path=f"/{language}/shared/{secret}",
    )


@router.get(
    "/diaries/{id}/shares",
    response_model=list[sharing.ShareInfo],
    responses=DIARY_RESPONSES,
)
def list_diary_shares(
    diary_id: DiaryId, token: TokenDep, session: SessionDep
) -> list[sharing.ShareInfo]:
    """The diary's links, newest first, each with every view (time and browser)."""
    with authorised(session, token, diary_id):
        return sharing.list_shares(session, diary_id)


@router.delete(
    "/diaries/{id}/shares/{share_id}",
    status_code=204,
    responses=DIARY_RESPONSES,
)
def revoke_diary_share(
    diary_id: DiaryId, share_id: ShareId, token: TokenDep, session: SessionDep
) -> Response:
    """Revoke a link: it answers 404 from now on (its view log stays for the owner)."""
    with authorised(session, token, diary_id):
        found = sharing.revoke_share(session, diary_id, share_id)
    if not found:
        raise HTTPException(status_code=404, detail=SHARE_NOT_FOUND)
    return Response(status_code=204)


@router.get(
    "/shared/{token}",
    response_model=SharedDiary,
    responses={**LINK_NOT_FOUND, **UNPROCESSABLE},
)
def get_shared_diary(
    token: Annotated[str, Path(description="the link's token")],
    kb: KbDep,
    settings: SettingsDep,
    session: SessionDep,
    user_agent: Annotated[str | None, Header(include_in_schema=False)] = None,
    language: Annotated[
        Language | None,
        Query(description="language of the assessment; else the interview's language"),
    ] = None,
) -> SharedDiary:
    """The shared diary, read-only: its summary, entries and latest assessment (logs a view)."""
    with session.begin():
        shared = open_shared(session, kb, settings, token, user_agent=user_agent, language=language)
    if shared is None:
        raise HTTPException(status_code=404, detail=SHARE_NOT_FOUND)
    return SharedDiary(summary=shared.summary, entries=shared.entries, assessment=shared.assessment)
