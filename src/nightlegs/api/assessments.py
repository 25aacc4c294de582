"""POST /api/v1/assessments: a stateless assessment of the evidence given."""

from __future__ import annotations

from fastapi import APIRouter, Response

from nightlegs.api.errors import TOO_LARGE, UNPROCESSABLE
from nightlegs.api.evidence import merge_evidence
from nightlegs.api.schemas import AssessmentRequest
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.engine import Assessment, assess
from nightlegs.http.deps import KbDep, SettingsDep

router = APIRouter(tags=["assessments"], route_class=StrictJsonRoute)


@router.post(
    "/assessments",
    response_model=Assessment,
    responses={**TOO_LARGE, **UNPROCESSABLE},
)
def create_assessment(body: AssessmentRequest, kb: KbDep, settings: SettingsDep) -> Response:
    """The assessment of the evidence; findings not given are unknown."""
    values = merge_evidence(kb, body.evidence, "evidence")
    language = body.language or settings.default_language
    assessment = assess(kb, values, language, emergency_numbers=settings.emergency_numbers)
    # The engine built a validated model already; serialise it once, without
    # FastAPI validating it a second time against the same model.
    return Response(assessment.model_dump_json(), media_type="application/json")
