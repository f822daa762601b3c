"""Errors as RFC 9457 problem+json: typed exceptions that carry their status, one set of handlers.

Validation messages never echo the input back: a rejected body may hold exactly the kind of
personal data the service refuses to store, and error responses end up in clients' logs.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import DataError, DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.exceptions import HTTPException as StarletteHTTPException

from app.domain.input_rules import shown_key
from app.logs import CURRENT_REQUEST
from app.metrics import DATABASE_UNAVAILABLE

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"


class FieldError(BaseModel):
    """One offending field."""

    loc: list[str | int] = Field(
        description="Path to the field, e.g. ['body', 'outcomes', 'work', 'women']."
    )
    msg: str = Field(description="What is wrong with it.")


class Problem(BaseModel):
    """An error (RFC 9457 problem details); some problems add members of their own."""

    model_config = ConfigDict(extra="allow")

    type: str = Field(default="about:blank", description="A URI naming the kind of problem.")
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


class ProblemError(Exception):
    """Base for errors that become a problem+json response with their own status."""

    status = 500
    title = "Internal server error"

    def __init__(
        self,
        detail: str | None = None,
        *,
        errors: Sequence[FieldError] | None = None,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail
        self.errors = list(errors) if errors else None
        self.headers = headers
        self.extra = extra


class Unauthorized(ProblemError):
    status, title = 401, "Authentication required"


class Forbidden(ProblemError):
    status, title = 403, "Forbidden"


class NotFound(ProblemError):
    status, title = 404, "Not found"


class Conflict(ProblemError):
    status, title = 409, "Conflict"


class PreconditionFailed(ProblemError):
    status, title = 412, "Precondition failed"


class ContentTooLarge(ProblemError):
    status, title = 413, "Content too large"


class PreconditionRequired(ProblemError):
    status, title = 428, "Precondition required"


class Unprocessable(ProblemError):
    status, title = 422, "Validation failed"

    @classmethod
    def at(cls, loc: Sequence[str | int], msg: str) -> Unprocessable:
        return cls(msg, errors=[FieldError(loc=list(loc), msg=msg)])


# Error bodies stay small whatever the input: a body with 100,000 bad columns gets the first
# hundred named and a count of the rest, not a 10 MB answer.
MAX_ERRORS = 100
DATABASE_RETRY_AFTER_SECONDS = 5
MAX_DETAIL = 1_000


def problem_response(
    status: int,
    title: str,
    detail: str | None = None,
    errors: Sequence[FieldError] | None = None,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> JSONResponse:
    extra = dict(extra or {})
    if (info := CURRENT_REQUEST.get()) is not None:
        extra.setdefault("request_id", info.request_id)
    if errors and len(errors) > MAX_ERRORS:
        extra["errors_omitted"] = len(errors) - MAX_ERRORS
        errors = errors[:MAX_ERRORS]
    if detail and len(detail) > MAX_DETAIL:
        detail = detail[: MAX_DETAIL - 1] + "…"
    body = Problem(
        title=title,
        status=status,
        detail=detail,
        errors=list(errors) if errors else None,
        **extra,
    )
    return JSONResponse(
        body.model_dump(exclude_none=True),
        status_code=status,
        headers=headers,
        media_type=PROBLEM_JSON,
    )


def responses(*errors: type[ProblemError]) -> dict[int | str, dict[str, Any]]:
    """The `responses=` entry that declares these problems in the OpenAPI schema."""
    return {
        e.status: {
            "model": Problem,
            "description": e.title,
            # Named explicitly: with an empty media type object the generated clients leave
            # problem bodies unparsed.
            "content": {PROBLEM_JSON: {"schema": {"$ref": "#/components/schemas/Problem"}}},
        }
        for e in errors
    }


# Pydantic messages that quote part of the input back.
_QUOTING = {"uuid_parsing": "Input should be a valid UUID", "uuid_type": "Input should be a UUID"}


def pydantic_errors(errors: Sequence[Any]) -> list[FieldError]:
    """Pydantic's errors as field errors: locations name unknown fields only when they are
    short and harmless, and no message quotes the input."""
    found = []
    for error in errors:
        loc = [
            shown_key(part) if isinstance(part, str) else part
            for part in error.get("loc", ())
            if isinstance(part, str | int)
        ]
        ctx = error.get("ctx") or {}
        if "path" in ctx:  # a model's own cross-field checks name the field they concern
            loc = ["body", *ctx["path"]]
        msg = _QUOTING.get(error.get("type", ""), str(error.get("msg", "invalid")))
        found.append(FieldError(loc=loc, msg=msg))
    return found


def install_problem_handlers(app: FastAPI) -> None:
    """Make every error, ours or the framework's, a problem+json response."""

    @app.exception_handler(ProblemError)
    async def _problem(request: Request, exc: ProblemError) -> JSONResponse:
        return problem_response(
            exc.status, exc.title, exc.detail, exc.errors, exc.headers, exc.extra
        )

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = pydantic_errors(exc.errors())
        detail = "; ".join(f"{'.'.join(map(str, e.loc))}: {e.msg}" for e in errors[:10])
        return problem_response(422, "Validation failed", detail, errors)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        titles = {404: "Not found", 405: "Method not allowed", 413: "Content too large"}
        title = titles.get(exc.status_code, "HTTP error")
        return problem_response(
            exc.status_code, title, str(exc.detail), headers=dict(exc.headers or {})
        )

    @app.exception_handler(DataError)
    async def _data(request: Request, exc: DataError) -> JSONResponse:
        # Input the database refused as data (out of range, not encodable): the client's
        # error, answered without echoing it.
        log.warning("database refused input on %s %s", request.method, request.url.path)
        return problem_response(400, "Bad request", "A value in the request cannot be stored.")

    async def _database_away(request: Request, exc: Exception) -> JSONResponse:
        # The database unreachable, restarting, or the pool exhausted: nothing was written
        # (the transaction rolled back with the connection), and trying again later works.
        log.warning("database unavailable: %s", type(exc).__name__)
        DATABASE_UNAVAILABLE.inc()
        return problem_response(
            503,
            "Service unavailable",
            "The database is not reachable just now; nothing was changed. Try again shortly.",
            headers={"Retry-After": str(DATABASE_RETRY_AFTER_SECONDS)},
        )

    for error in (OperationalError, InterfaceError, PoolTimeout):
        app.add_exception_handler(error, _database_away)

    @app.exception_handler(DBAPIError)
    async def _dbapi(request: Request, exc: DBAPIError) -> JSONResponse:
        if exc.connection_invalidated:
            return await _database_away(request, exc)
        log.error("database error: %s", type(exc.orig).__name__)
        return problem_response(500, "Internal server error", "The error has been logged.")

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return problem_response(500, "Internal server error", "The error has been logged.")
