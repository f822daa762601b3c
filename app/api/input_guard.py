"""The gate every request passes before the application reads it.

- Sizes: a body over its limit is a 413, at once when Content-Length says so, else while
  reading, so a chunked upload cannot exhaust memory either. Imports may be large
  (`FINSAM_MAX_BODY_BYTES`); every other body is a single report, insats or key, and is
  held to `MAX_SMALL_BODY`.
- Path, query and the headers the service keeps or repeats (`Idempotency-Key`) must hold
  no personal identity number, in any disguise and in any percent-encoding.
- A JSON body is parsed and checked (`app.domain.input_rules.check_json`: personal
  identity numbers, control characters, depth, sizes) in a worker thread, with at most
  `SCANS` at a time: FastAPI validates bodies on the event loop, and a large body of
  hostile strings must not stall every other request while it is examined.

Refusals are 422 problems naming where (`path`, `query`, a header, a place in the body)
and never what was there. A text/csv import is checked by the import itself, which runs
in a worker thread already.
"""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, unquote_plus

import anyio
from anyio.lowlevel import RunVar
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import problem_response
from app.domain.input_rules import PERSONAL_NUMBER_MSG, Refusal, check_json, shown_key
from app.domain.personal_numbers import contains_personal_number
from app.errors import Code, FinsamError

# A report with a 4,000-character note, every figure and JSON's six-byte escapes fits many
# times over.
MAX_SMALL_BODY = 256 * 1024
LARGE_BODY_PATHS = frozenset({"/api/v1/imports", "/api/v1/imports/csv"})
# Headers the service stores or sends back, and so must not carry personal data.
CHECKED_HEADERS = ("idempotency-key",)  # X-Request-ID: replaced when not sane (request_context)
SCANS = 2
BODY_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


# One limiter per event loop (a limiter belongs to the loop that made it; tests run several).
_SCAN_LIMITER: RunVar[anyio.CapacityLimiter] = RunVar("finsam_scan_limiter")


def _limiter() -> anyio.CapacityLimiter:
    try:
        return _SCAN_LIMITER.get()
    except LookupError:
        limiter = anyio.CapacityLimiter(SCANS)
        _SCAN_LIMITER.set(limiter)
        return limiter


class _TooLarge(Exception):
    pass


def _in_any_encoding(text: str) -> bool:
    """Whether ``text``, or it percent-decoded up to three times, holds a number."""
    for _ in range(4):
        if contains_personal_number(text):
            return True
        decoded = unquote_plus(text)
        if decoded == text:
            return False
        text = decoded
    return False


def _text(raw: bytes) -> str:
    """Header and path bytes as text: UTF-8 when they are (clients send it, though HTTP says
    Latin-1), else Latin-1, so no byte sequence escapes the check."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def check_request_line(scope: Scope) -> Refusal | None:
    """Path, query and checked headers: cheap, so done on the event loop."""
    if _in_any_encoding(scope.get("path", "")) or _in_any_encoding(
        _text(scope.get("raw_path", b""))
    ):
        return Refusal(("path",), "personal_identity_number", PERSONAL_NUMBER_MSG)
    query = scope.get("query_string", b"").decode("latin-1")
    for name, value in parse_qsl(query, keep_blank_values=True, encoding="utf-8"):
        if _in_any_encoding(name) or _in_any_encoding(value):
            return Refusal(
                ("query", shown_key(name)), "personal_identity_number", PERSONAL_NUMBER_MSG
            )
    for raw_name, raw_value in scope.get("headers", ()):
        name = raw_name.decode("latin-1").lower()
        if name in CHECKED_HEADERS and _in_any_encoding(_text(raw_value)):
            return Refusal(("header", name), "personal_identity_number", PERSONAL_NUMBER_MSG)
    return None


# Bodies up to this size are checked on the event loop: a report is about a kilobyte.
INLINE_CHECK_BYTES = 16 * 1024


def check_json_body(body: bytes) -> Refusal | None:
    """The first refusal in a JSON body, or None (also when it is not JSON at all: the
    application then answers that, as it always has)."""
    try:
        document = json.loads(body)
    except RecursionError:
        return Refusal(("body",), "too_deep", "nested too deeply")
    except json.JSONDecodeError:
        return None
    except ValueError:  # e.g. an integer of more than 4,300 digits
        return Refusal(("body",), "number_too_long", "a number in the body is too long")
    return check_json(document)


def _is_json(scope: Scope) -> bool:
    for name, value in scope.get("headers", ()):
        if name == b"content-type":
            media_type: str = value.decode("latin-1").split(";")[0].strip().lower()
            return media_type == "application/json" or media_type.endswith("+json")
    return True  # FastAPI reads a body without a content type as JSON


class InputGuard:
    """ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    def _limit(self, scope: Scope) -> int:
        if scope.get("path") in LARGE_BODY_PATHS:
            return self.max_body_bytes
        return min(self.max_body_bytes, MAX_SMALL_BODY)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if refusal := check_request_line(scope):
            await self._problem(refusal.error(), scope, receive, send)
            return
        limit = self._limit(scope)
        declared = dict(scope["headers"]).get(b"content-length", b"")
        if declared.isdigit() and int(declared) > limit:
            await self._too_large(limit, scope, receive, send)
            return
        if scope["method"] not in BODY_METHODS:
            await self.app(scope, _capped(receive, limit), send)
            return
        try:
            body = await _read_body(receive, limit)
        except _TooLarge:
            await self._too_large(limit, scope, receive, send)
            return
        if body and _is_json(scope):
            # A small body is checked at once (microseconds); a large one in a thread, so that
            # the loop keeps serving while it is scanned.
            if len(body) <= INLINE_CHECK_BYTES:
                refusal = check_json_body(body)
            else:
                refusal = await anyio.to_thread.run_sync(check_json_body, body, limiter=_limiter())
            if refusal:
                await self._problem(refusal.error(), scope, receive, send)
                return
        await self.app(scope, _replay(body, receive), send)

    async def _too_large(self, limit: int, scope: Scope, receive: Receive, send: Send) -> None:
        detail = f"The request body is larger than {limit:,} bytes; send it in parts."
        await self._problem(FinsamError(Code.TOO_LARGE, detail), scope, receive, send)

    @staticmethod
    async def _problem(error: FinsamError, scope: Scope, receive: Receive, send: Send) -> None:
        await problem_response(error)(scope, receive, send)


async def _read_body(receive: Receive, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > limit:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def _capped(receive: Receive, limit: int) -> Receive:
    """For methods without a body: one sent anyway is still held to the limit."""
    received = 0

    async def capped() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            # An HTTPException, because FastAPI turns other errors while reading a body
            # into a 400; the problem handlers make it problem+json.
            raise HTTPException(413, f"The request body is larger than {limit:,} bytes.")
        return message

    return capped


__all__ = ["InputGuard", "check_json_body", "check_request_line"]
