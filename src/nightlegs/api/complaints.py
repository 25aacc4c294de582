"""POST /api/v1/complaints/parse: the findings a complaint in the person's own words states
(contract v2, "Free text and medicine names").

Candidates are for the person to confirm: nothing is stored, and the text is never logged
(the endpoint logs nothing; a refused body's 422 does not repeat the text,
:func:`~nightlegs.api.errors.never_echo`). docs/parsing.md says how the text is read.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Response
from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictStr

from nightlegs.api.errors import TOO_LARGE, UNPROCESSABLE, never_echo
from nightlegs.api.medicines import MedicineFound
from nightlegs.api.schemas import RequestBody
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.complaints import MAX_CHARACTERS, parse
from nightlegs.http.deps import KbDep, SettingsDep
from nightlegs.settings import Language

router = APIRouter(prefix="/complaints", tags=["complaints"], route_class=StrictJsonRoute)

_EXAMPLE = "крутить ноги вночі, не можу заснути, треба ходити; набряків немає"


class ComplaintRequest(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"language": "uk", "text": _EXAMPLE}]}
    )

    language: Language | None = Field(
        default=None, description="the page's language; the server's default if left out"
    )
    text: StrictStr = Field(
        max_length=MAX_CHARACTERS,
        description="the complaint as typed, in Ukrainian, Russian or English (mixed too)",
    )


class ComplaintCandidate(BaseModel):
    finding: str = Field(description="a finding id of the vocabulary")
    value: StrictStr | StrictFloat = Field(
        description="present or absent, one of a choice finding's values, or a number"
    )
    unit: str | None = Field(default=None, description="the unit of a number, when given")
    start: int = Field(ge=0, description="offset of the first character in the text as sent")
    end: int = Field(ge=0, description="offset after the last character")
    text: str = Field(description="the words of the text it was read from")


class ComplaintParse(BaseModel):
    language: Language
    candidates: list[ComplaintCandidate] = Field(
        description="findings to confirm, in the order they stand in the text"
    )
    medicines: list[MedicineFound] = Field(description="medicines the person says they take")
    unrecognised: list[str] = Field(description="parts of the text that gave nothing")


@router.post("/parse", response_model=ComplaintParse, responses={**TOO_LARGE, **UNPROCESSABLE})
@never_echo
def parse_complaint(body: ComplaintRequest, kb: KbDep, settings: SettingsDep) -> Response:
    """Findings the text states, for the person to confirm: a finding denied comes back
    absent, one in doubt is left out, an urgent sign never comes back absent."""
    language = body.language or settings.default_language
    result = parse(body.text, language, kb, uk_dictionary=settings.uk_dictionary)
    # Built by the parser in the contract's shape: sent as it is, not validated again.
    document = json.dumps(result.to_json(), ensure_ascii=False, separators=(",", ":"))
    return Response(document.encode(), media_type="application/json")
