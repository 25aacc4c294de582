"""What the server writes to its logs: never an answer, a note, a code, a token or an id.

Two kinds of line could carry them, and both are cut down here:

- the access log (uvicorn's ``uvicorn.access`` logger) names each request's
  path and query, and the paths hold interview ids, diary ids and the tokens of
  share links (anyone reading the log could open a shared diary for up to 90
  days). :class:`RedactedAccessLog` keeps only the path segments that are short
  lower-case words or dates (``/api/v1/interviews/*/answers``,
  ``/uk/diary/entry/2026-11-20``) and drops the query: every id and token we
  make is 22 or more URL-safe characters, so none survives;
- a traceback: an exception's message may quote the request (a value that
  failed to encode, a database error with its parameters).
  :func:`log_server_error` logs the exception's type and where it was raised,
  never its message.
"""

from __future__ import annotations

import logging
import re
import traceback

from starlette.types import Scope

__all__ = ["RedactedAccessLog", "install_access_log_redaction", "log_server_error", "redact_path"]

ACCESS_LOGGER = "uvicorn.access"
logger = logging.getLogger("nightlegs.errors")

# A segment kept as it is: a short word of our own URLs (api, v1, diary, report.pdf)
# or a date. Everything else (ids, tokens, anything a client made up) becomes "*".
_KEPT = re.compile(r"[a-z][a-z0-9._-]{0,19}|\d{4}-\d{2}-\d{2}")


def redact_path(path: str) -> str:
    """The path with every segment that may be an id or a token as ``*``, no query."""
    path = path.split("?", 1)[0]
    return "/".join(part if not part or _KEPT.fullmatch(part) else "*" for part in path.split("/"))


class RedactedAccessLog(logging.Filter):
    """Rewrites the path of uvicorn's access log lines with :func:`redact_path`.

    uvicorn logs ``'%s - "%s %s HTTP/%s" %d'`` with the arguments (client,
    method, path with query, HTTP version, status).
    """

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_path(args[2]), *args[3:])
        return True


def install_access_log_redaction() -> None:
    """Put :class:`RedactedAccessLog` on uvicorn's access logger (once).

    A filter on the logger itself: uvicorn's logging set-up replaces its
    handlers but keeps its filters, whichever way the server is started.
    """
    access = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(item, RedactedAccessLog) for item in access.filters):
        access.addFilter(RedactedAccessLog())


def log_server_error(scope: Scope, error: BaseException) -> None:
    """Log an unhandled exception: its type (and its causes'), and where it was raised."""
    kinds: list[str] = []
    seen: BaseException | None = error
    while seen is not None and len(kinds) < 5:
        kinds.append(f"{type(seen).__module__}.{type(seen).__qualname__}")
        seen = seen.__cause__ or seen.__context__
    frames = "".join(traceback.extract_tb(error.__traceback__).format())
    logger.error(
        "%s %s: unhandled %s (message left out: it may quote the request)\n%s",
        scope.get("method", "?"),
        redact_path(str(scope.get("path", ""))),
        " from ".join(kinds),
        frames.rstrip(),
    )
