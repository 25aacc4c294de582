"""Request and response bodies of API v1 (shared/contract/interview-api.md).

Requests refuse unknown fields. The assessment and question shapes are the
engine's (``nightlegs.engine.models``).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictStr

from nightlegs.engine.models import Question
from nightlegs.settings import Language


class RequestBody(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Evidence(RequestBody):
    """An answer about one finding."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {"finding": "urge_to_move", "value": "present"},
                {"finding": "ferritin", "value": 40, "unit": "ng/mL"},
            ]
        }
    )

    finding: StrictStr = Field(description="a finding id of the vocabulary")
    # StrictFloat takes integers too (as floats), but refuses booleans and integers too
    # large for a float.
    value: StrictStr | StrictFloat = Field(
        description=(
            "present, absent or unknown for boolean findings; one of the finding's values "
            "or unknown for choice findings; a number or unknown for number findings"
        )
    )
    unit: StrictStr | None = Field(
        default=None,
        description="unit of a number; converted to the vocabulary's unit",
    )


class AssessmentRequest(RequestBody):
    language: Language | None = Field(
        default=None, description="uk, ru or en; the server's default language if left out"
    )
    evidence: list[Evidence] = Field(
        default_factory=list, description="findings not given are unknown"
    )


class InterviewStart(RequestBody):
    language: Language | None = Field(
        default=None, description="uk, ru or en; the server's default language if left out"
    )
    evidence: list[Evidence] = Field(default_factory=list, description="evidence already known")


class Answers(RequestBody):
    answers: list[Evidence] = Field(
        description="answers to every item of the question given; may revise earlier answers"
    )


class InterviewStep(BaseModel):
    """Where an interview stands: the next question, or done."""

    id: str = Field(description="opaque interview id")
    done: bool
    progress: float = Field(ge=0.0, le=1.0)
    question: Question | None = Field(description="the next question; null when done")


class Health(BaseModel):
    status: str
    kb_version: str
