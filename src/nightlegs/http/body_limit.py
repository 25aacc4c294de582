"""Refuse request bodies larger than a limit with 413, before the app sees them.

The declared Content-Length is checked first; the body actually streamed is
counted too, for requests sent without one (or with a wrong one).
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

#: The 413 answer's detail (the API documents it in :mod:`nightlegs.api.errors`).
BODY_TOO_LARGE = "request body too large"


class BodyTooLarge(HTTPException):
    # An HTTPException, so that FastAPI, reading the body, passes it on as a 413.
    def __init__(self) -> None:
        super().__init__(status_code=413, detail=BODY_TOO_LARGE)


class BodyLimitMiddleware:
    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length")
        if (
            declared is not None
            and declared.isascii()
            and declared.isdigit()
            and int(declared) > self.max_bytes
        ):
            await _too_large(scope, receive, send)
            return

        received = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_bytes:
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, limited_receive, watched_send)
        except BodyTooLarge:
            if started:
                raise
            await _too_large(scope, receive, send)


async def _too_large(scope: Scope, receive: Receive, send: Send) -> None:
    response = JSONResponse({"detail": BODY_TOO_LARGE}, status_code=413)
    await response(scope, receive, send)
