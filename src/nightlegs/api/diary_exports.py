"""The night diary's figures, saved interviews, assessment and exports (docs/diary.md)."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, HTTPException, Response

from nightlegs.api.diary_schemas import (
    DIARY_OR_INVALID,
    DIARY_RESPONSES,
    DiaryId,
    InterviewToSave,
    LanguageQuery,
    SavedList,
)
from nightlegs.api.errors import UNPROCESSABLE
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.diary.model import SavedInterview
from nightlegs.engine import Assessment
from nightlegs.http.deps import KbDep, SessionDep, SettingsDep
from nightlegs.http.diary_access import TokenDep, authorised
from nightlegs.services import diaries

# Every answer is Cache-Control: no-store (the security middleware, for all of /api).
router = APIRouter(prefix="/diaries", tags=["diaries"], route_class=StrictJsonRoute)


@router.get("/{id}/summary", response_model=diaries.DiarySummary, responses=DIARY_RESPONSES)
def get_diary_summary(
    diary_id: DiaryId, token: TokenDep, settings: SettingsDep, session: SessionDep
) -> diaries.DiarySummary:
    """Nights a week, regular, worsening, the severity trend, what helped (docs/diary.md)."""
    with authorised(session, token, diary_id):
        return diaries.summary(session, diary_id, settings)


@router.post(
    "/{id}/interviews",
    response_model=SavedInterview,
    responses=DIARY_OR_INVALID,
)
def save_interview_to_diary(
    diary_id: DiaryId,
    body: InterviewToSave,
    token: TokenDep,
    settings: SettingsDep,
    session: SessionDep,
) -> SavedInterview:
    """Save an interview in the diary: a copy of its evidence now (saving again replaces it)."""
    with authorised(session, token, diary_id):
        saved = diaries.save_interview(session, diary_id, body.interview_id, settings)
    if saved is None:
        raise HTTPException(status_code=404, detail="interview not found")
    return saved


@router.get("/{id}/interviews", response_model=SavedList, responses=DIARY_RESPONSES)
def list_diary_interviews(diary_id: DiaryId, token: TokenDep, session: SessionDep) -> SavedList:
    """The interviews saved in the diary, the latest saved last."""
    with authorised(session, token, diary_id):
        return SavedList(interviews=diaries.saved_interviews(session, diary_id))


@router.get(
    "/{id}/assessment",
    response_model=Assessment,
    responses=DIARY_OR_INVALID,
)
def get_diary_assessment(
    diary_id: DiaryId,
    token: TokenDep,
    kb: KbDep,
    settings: SettingsDep,
    session: SessionDep,
    language: LanguageQuery = None,
) -> Assessment:
    """The latest saved interview assessed with the diary's nights_per_week, worsening and
    sleep_disturbance in place of its own answers (provisional unless it was done)."""
    with authorised(session, token, diary_id):
        return diaries.assessment(session, kb, settings, diary_id, language)


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
    with authorised(session, token, diary_id):
        data = diaries.export_csv(session, diary_id)
    return Response(
        data,
        media_type="text/csv; charset=utf-8",
        headers=download_headers("nightlegs-diary.csv"),
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
    language: LanguageQuery = None,
) -> Response:
    """The diary as a FHIR R4B Bundle: saved interviews, nights, weekly figures, provisional
    conditions and proposed tests."""
    with authorised(session, token, diary_id):
        data = diaries.export_fhir(session, kb, settings, diary_id, language)
    return json_download(data, "application/fhir+json", "nightlegs-diary.fhir.json")


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
    with authorised(session, token, diary_id):
        data = diaries.export_everything(session, kb, settings, diary_id)
    return json_download(data, "application/json", "nightlegs-diary.json")


def download_headers(filename: str) -> dict[str, str]:
    return {
        "Content-Disposition": f'attachment; filename="{filename}"',
        "Cache-Control": "no-store",
    }


def json_download(data: Any, media_type: str, filename: str) -> Response:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return Response(text.encode("utf-8"), media_type=media_type, headers=download_headers(filename))
