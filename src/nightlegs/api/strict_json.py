"""JSON request bodies whose every string is storable text.

Python's json module reads what cannot go on: a lone surrogate (``"\\ud800"``),
which no UTF-8 encoder takes (the database, the answer: a 500 whose traceback
quoted the body), and NUL, which PostgreSQL refuses in text and JSON. Bytes
that are not text at all made FastAPI answer an undocumented 400. Every API
router is made with ``route_class=StrictJsonRoute``, which refuses all of
these as FastAPI refuses malformed JSON: 422 ``json_invalid``, naming where,
never repeating the string.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

__all__ = ["StrictJsonRoute", "parse"]


def parse(body: bytes) -> Any:
    """The JSON document; :class:`json.JSONDecodeError` for anything that is not storable."""
    try:
        document = json.loads(body)
    except UnicodeDecodeError as error:
        raise json.JSONDecodeError("the body is not UTF-8 text", "", 0) from error
    where = _unstorable(document, "")
    if where is not None:
        message = f"the string at {where or 'the top'} holds a lone surrogate or NUL"
        raise json.JSONDecodeError(message, "", 0)
    return document


def _unstorable(value: Any, where: str) -> str | None:
    """Where the first string (or object key) that is not storable text is, else None."""
    if isinstance(value, str):
        return where if "\x00" in value or not _encodable(value) else None
    if isinstance(value, list):
        items: Any = ((f"{where}[{index}]", item) for index, item in enumerate(value))
    elif isinstance(value, dict):
        for key in value:
            if "\x00" in key or not _encodable(key):
                return where
        items = ((f"{where}.{key}" if where else key, item) for key, item in value.items())
    else:
        return None
    for place, item in items:
        found = _unstorable(item, place)
        if found is not None:
            return found
    return None


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class StrictJsonRequest(Request):
    async def json(self) -> Any:
        if not hasattr(self, "_json"):
            self._json = parse(await self.body())
        return self._json


class StrictJsonRoute(APIRoute):
    """An API route whose JSON body is read by :func:`parse`."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def strict(request: Request) -> Response:
            return await handler(StrictJsonRequest(request.scope, request.receive))

        return strict
