"""Error bodies, the exceptions behind them, and the responses declared in OpenAPI.

Every 422 body is ``{"detail": [problem, ...]}``. A problem found in the
evidence names the ``finding`` and says in ``message`` what it accepts; one
found by request validation has FastAPI's ``loc``/``msg``/``type``. Both carry
``loc``, ``msg`` and ``type``. Answers that contradict each other (policy v2,
principle 5) are one problem of type ``contradiction`` that names every finding
involved in ``findings`` (``finding`` is the one this request sent).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

INTERVIEW_NOT_FOUND = "interview not found"


class Message(BaseModel):
    detail: str


class Problem(BaseModel):
    loc: list[str | int] = Field(description="where in the request the problem is")
    msg: str
    type: str
    finding: str | None = Field(default=None, description="the finding refused, if any")
    message: str | None = Field(
        default=None, description="for a refused finding: why, and what it accepts"
    )
    findings: list[str] | None = Field(
        default=None,
        description="for answers that contradict each other: every finding involved",
    )
    input: Any = None
    ctx: dict[str, Any] | None = None


class Unprocessable(BaseModel):
    detail: list[Problem]


class EvidenceRejected(Exception):
    """Some evidence items cannot be accepted; nothing of the request is used."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("; ".join(p.msg for p in problems))
        self.problems = problems


def evidence_problem(field: str, index: int, finding: str | None, message: str) -> Problem:
    return Problem(
        loc=["body", field, index],
        msg=message,
        type="evidence",
        finding=finding,
        message=message,
    )


def contradiction_problem(
    loc: list[str | int], finding: str, findings: list[str], message: str
) -> Problem:
    return Problem(
        loc=loc,
        msg=message,
        type="contradiction",
        finding=finding,
        message=message,
        findings=findings,
    )


#: An answer's documentation in the OpenAPI document, keyed by its status code.
Documented = dict[int | str, dict[str, Any]]
#: The ``Retry-After`` header of a 429.
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds to wait before trying again.",
        "schema": {"type": "integer", "minimum": 1},
    }
}


def answer(status: int, description: str, model: type[BaseModel] = Message) -> Documented:
    """The documentation of one error answer (its body is ``model``); a 429 says which
    header tells how long to wait."""
    entry: dict[str, Any] = {"model": model, "description": description}
    if status == 429:
        entry["headers"] = RETRY_AFTER
    return {status: entry}


NOT_FOUND = answer(404, "No such interview (or it has expired)")
TOO_LARGE = answer(413, "The request body is larger than allowed")
UNPROCESSABLE = answer(
    422,
    "A malformed body, or evidence that cannot be accepted "
    "(including answers that contradict each other)",
    Unprocessable,
)


Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
_NEVER_ECHOED: set[Callable[..., Any]] = set()


def never_echo(endpoint: Endpoint) -> Endpoint:
    """Mark an endpoint whose body is a secret (the recovery code): its 422 problems leave
    out the ``input`` that FastAPI would repeat."""
    _NEVER_ECHOED.add(endpoint)
    return endpoint


def install(app: FastAPI) -> None:
    app.add_exception_handler(EvidenceRejected, _evidence_rejected)
    app.add_exception_handler(RequestValidationError, _validation_failed)


async def _evidence_rejected(_request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, EvidenceRejected)
    body = {"detail": [p.model_dump(exclude_none=True) for p in exc.problems]}
    return JSONResponse(body, status_code=422)


async def _validation_failed(request: Request, exc: Exception) -> JSONResponse:
    # FastAPI's own body, except that inputs which JSON cannot carry (NaN,
    # Infinity, which Python's json module reads) are replaced by null.
    assert isinstance(exc, RequestValidationError)
    problems = exc.errors()
    if request.scope.get("endpoint") in _NEVER_ECHOED:
        problems = [{k: v for k, v in p.items() if k != "input"} for p in problems]
    detail = _finite(jsonable_encoder(problems))
    return JSONResponse({"detail": detail}, status_code=422)


def _finite(data: Any) -> Any:
    if isinstance(data, float):
        return data if data == data and data not in (float("inf"), float("-inf")) else None
    if isinstance(data, list):
        return [_finite(item) for item in data]
    if isinstance(data, dict):
        return {key: _finite(value) for key, value in data.items()}
    return data
