"""Errors as RFC 9457 problem+json: the one place that knows HTTP statuses.

Every error the service gives is a `FinsamError` (`app/errors.py`) by the time it is
rendered: raised by the domain or a service, or made here from the framework's and the
database's own. Each code has a `type` URI, `urn:finsam:problem:<code>` (docs/problems.md),
and the body repeats the code as `code`, so clients branch without parsing text.

Validation messages never echo the input back: a rejected body may hold exactly the kind of
personal data the service refuses to store, and error responses end up in clients' logs.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.input_rules import validation_errors
from app.errors import Code, ErrorKind, FinsamError
from app.observability.logs import CURRENT_REQUEST
from app.observability.metrics import DATABASE_UNAVAILABLE

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
# Absolute, so it means the same from every deployment and every path (a relative `type`
# resolves against the request's URI); a URN, so no client tries to fetch it.
TYPE_PREFIX = "urn:finsam:problem:"

# Each kind's status and title (the title is the same for every problem of a status).
HTTP: dict[ErrorKind, tuple[int, str]] = {
    ErrorKind.MALFORMED: (400, "Bad request"),
    ErrorKind.UNAUTHENTICATED: (401, "Authentication required"),
    ErrorKind.FORBIDDEN: (403, "Forbidden"),
    ErrorKind.NOT_FOUND: (404, "Not found"),
    ErrorKind.METHOD_NOT_SUPPORTED: (405, "Method not allowed"),
    ErrorKind.FORMAT_NOT_ACCEPTABLE: (406, "Not acceptable"),
    ErrorKind.CONFLICT: (409, "Conflict"),
    ErrorKind.PRECONDITION_FAILED: (412, "Precondition failed"),
    ErrorKind.TOO_LARGE: (413, "Content too large"),
    ErrorKind.FORMAT_NOT_SUPPORTED: (415, "Unsupported media type"),
    ErrorKind.INVALID: (422, "Validation failed"),
    ErrorKind.PRECONDITION_REQUIRED: (428, "Precondition required"),
    ErrorKind.INTERNAL: (500, "Internal server error"),
    ErrorKind.UNAVAILABLE: (503, "Service unavailable"),
}
# Statuses the framework raises itself (routing, body limits), as codes.
_FRAMEWORK = {404: Code.NOT_FOUND, 405: Code.METHOD_NOT_ALLOWED, 413: Code.TOO_LARGE}


def status_of(code: Code) -> int:
    return HTTP[code.kind][0]


def problem_type(code: Code) -> str:
    return TYPE_PREFIX + code.value


class FieldError(BaseModel):
    """One offending field."""

    loc: list[str | int] = Field(
        description="Path to the field, e.g. ['body', 'outcomes', 'work', 'women']."
    )
    msg: str = Field(description="What is wrong with it.")


class Problem(BaseModel):
    """An error (RFC 9457 problem details); some problems add members of their own."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(
        description="A URI naming the kind of problem: `urn:finsam:problem:` and the `code`."
    )
    code: str = Field(
        description="What went wrong, as a stable machine-readable code such as "
        "`report-locked` or `period-closed`; docs/problems.md lists them. New codes may "
        "be added: treat an unknown one by its `status`."
    )
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code.")
    detail: str | None = Field(default=None, description="What went wrong in this case.")
    errors: list[FieldError] | None = Field(
        default=None, description="The offending fields, for validation failures."
    )
    errors_omitted: int | None = Field(
        default=None, description="How many more offending fields there were than are listed."
    )
    request_id: str | None = Field(
        default=None, description="The request's `X-Request-ID`, to quote when asking for help."
    )


# Error bodies stay small whatever the input: a body with 100,000 bad columns gets the first
# hundred named and a count of the rest, not a 10 MB answer.
MAX_ERRORS = 100
DATABASE_RETRY_AFTER_SECONDS = 5
MAX_DETAIL = 1_000


def problem_response(error: FinsamError, headers: dict[str, str] | None = None) -> JSONResponse:
    """The error as problem+json, with the request's id and its size bounded."""
    status, title = HTTP[error.kind]
    extra = dict(error.extra)
    if (info := CURRENT_REQUEST.get()) is not None:
        extra.setdefault("request_id", info.request_id)
    found = list(error.errors)
    if len(found) > MAX_ERRORS:
        extra["errors_omitted"] = len(found) - MAX_ERRORS
        found = found[:MAX_ERRORS]
    detail = error.detail
    if detail and len(detail) > MAX_DETAIL:
        detail = detail[: MAX_DETAIL - 1] + "…"
    if error.kind is ErrorKind.UNAUTHENTICATED:
        headers = {"WWW-Authenticate": "Bearer", **(headers or {})}
    body = Problem(
        type=problem_type(error.code),
        code=error.code.value,
        title=title,
        status=status,
        detail=detail,
        errors=[FieldError(loc=list(e.loc), msg=e.msg) for e in found] or None,
        **extra,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        headers=headers,
        media_type=PROBLEM_JSON,
    )


def responses(*codes: Code) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry that declares the problems an operation can give: one per
    status, naming its codes."""
    by_status: dict[int, list[Code]] = {}
    for code in codes:
        listed = by_status.setdefault(status_of(code), [])
        if code not in listed:
            listed.append(code)
    return {
        status: {
            "model": Problem,
            "description": f"{HTTP[listed[0].kind][1]}: "
            + ", ".join(f"`{code.value}`" for code in listed)
            + " (docs/problems.md).",
            # Named explicitly: with an empty media type object the generated clients leave
            # problem bodies unparsed.
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for status, listed in sorted(by_status.items())
    }


# What operations share, for their `responses=`.
# Every /api/ request: the gate refusing a path or query, the service busy, the database away.
API_REQUEST = (Code.PERSONAL_IDENTITY_NUMBER, Code.BUSY, Code.DATABASE_UNAVAILABLE)
# Every request that needs a key.
AUTHENTICATED = (Code.AUTHENTICATION_REQUIRED, Code.INVALID_KEY)
# Parameters (path, query, headers) the schema checks.
PARAMETERS = (Code.VALIDATION_FAILED,)
# A JSON body: the gate's size and content checks, then the schema's.
JSON_BODY = (Code.TOO_LARGE, Code.CONTROL_CHARACTER, Code.LIMIT_EXCEEDED, Code.VALIDATION_FAILED)
# An `Idempotency-Key` reused for another request.
IDEMPOTENT = (Code.IDEMPOTENCY_KEY_REUSED,)


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error, ours or the framework's, a problem+json response."""

    @app.exception_handler(FinsamError)
    async def _finsam(request: Request, exc: FinsamError) -> JSONResponse:
        return problem_response(exc)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        found = validation_errors(exc.errors())
        detail = "; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in found[:10])
        return problem_response(FinsamError(Code.VALIDATION_FAILED, detail, errors=found))

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _FRAMEWORK.get(exc.status_code)
        if code is None:  # e.g. a form body FastAPI could not parse
            code = Code.MALFORMED_REQUEST if exc.status_code < 500 else Code.INTERNAL_ERROR
        return problem_response(FinsamError(code, str(exc.detail)), dict(exc.headers or {}))

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        # Input the database refused as data (out of range, not encodable): the client's
        # error, answered without echoing it.
        log.warning("database refused input on %s %s", request.method, request.url.path)
        detail = "A value in the request cannot be stored."
        return problem_response(FinsamError(Code.VALUE_NOT_STORABLE, detail))

    async def _database_away(request: Request, exc: Exception) -> JSONResponse:
        # The database unreachable, restarting, or the pool exhausted: nothing was written
        # (the transaction rolled back with the connection), and trying again later works.
        log.warning("database unavailable: %s", type(exc).__name__)
        DATABASE_UNAVAILABLE.inc()
        return problem_response(
            FinsamError(
                Code.DATABASE_UNAVAILABLE,
                "The database is not reachable just now; nothing was changed. Try again shortly.",
            ),
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
        )

    for error in (OperationalError, InterfaceError, PoolTimeout):
        app.add_exception_handler(error, _database_away)

    @app.exception_handler(DBAPIError)
    async def _dbapi(request: Request, exc: DBAPIError) -> JSONResponse:
        if exc.connection_invalidated:
            return await _database_away(request, exc)
        log.error("database error: %s", type(exc.orig).__name__)
        return problem_response(internal_error())

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(internal_error())


def internal_error() -> FinsamError:
    """What a client is told of a fault of the service's own: only that it was logged."""
    return FinsamError(Code.INTERNAL_ERROR, "The error has been logged.")
