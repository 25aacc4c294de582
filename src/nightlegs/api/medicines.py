"""POST /api/v1/medicines/lookup: the medicines named in a typed list (contract v2).

Nothing is stored, and the text is never logged: the endpoint logs nothing, and a
refused body's 422 does not repeat the text (:func:`~nightlegs.api.errors.never_echo`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends
from pydantic import BaseModel, ConfigDict, Field, StrictStr

from nightlegs.api.errors import TOO_LARGE, UNPROCESSABLE, never_echo
from nightlegs.api.schemas import RequestBody
from nightlegs.api.strict_json import StrictJsonRoute
from nightlegs.complaints.medicine_list import taken_list
from nightlegs.http.deps import SettingsDep
from nightlegs.medicines import Table, load_table
from nightlegs.settings import Language

router = APIRouter(prefix="/medicines", tags=["medicines"], route_class=StrictJsonRoute)

#: The longest text read, as for the complaint box (contract: at most 2,000 characters).
MAX_CHARACTERS = 2000


class MedicineLookupRequest(RequestBody):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{"language": "ru", "text": "церукал, аторвакор, гептрал"}]}
    )

    language: Language | None = Field(
        default=None, description="uk, ru or en; the server's default language if left out"
    )
    text: StrictStr = Field(
        max_length=MAX_CHARACTERS,
        description="medicines as the person typed them: a list, one per line, with doses",
    )


class MedicineFound(BaseModel):
    text: str = Field(description="the words of the text that name the medicine")
    start: int = Field(ge=0, description="offset of the first character in the text as sent")
    end: int = Field(ge=0, description="offset after the last character")
    inn: str = Field(description="the international non-proprietary name (English)")
    atc: str = Field(description="the WHO ATC code")
    name: str = Field(description="the INN in the language asked for")
    findings: list[str] = Field(
        description="the med_* findings the medicine's class implies (may be empty)"
    )


class MedicineLookup(BaseModel):
    medicines: list[MedicineFound]
    unrecognised: list[str] = Field(
        description="parts of the text that name something no medicine of the table matched"
    )


def get_table() -> Table:
    """The medicine table, built once per process."""
    return load_table()


TableDep = Annotated[Table, Depends(get_table)]


@router.post("/lookup", response_model=MedicineLookup, responses={**TOO_LARGE, **UNPROCESSABLE})
@never_echo
def lookup_medicines(
    body: MedicineLookupRequest, table: TableDep, settings: SettingsDep
) -> MedicineLookup:
    """The medicines named in the text: brands sold in Ukraine and INNs, in Cyrillic and
    Latin letters, typos tolerated; a description of a class ("ліки від тиску") names none,
    and a medicine the text says is not taken now («кинула», "stopped") is left out."""
    language = body.language or settings.default_language
    found = taken_list(table, body.text, language)
    return MedicineLookup(
        medicines=[
            MedicineFound(
                text=match.text,
                start=match.start,
                end=match.end,
                inn=match.inn,
                atc=match.atc,
                name=match.name,
                findings=list(match.findings),
            )
            for match in found.medicines
        ],
        unrecognised=found.unrecognised,
    )
