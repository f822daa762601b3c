"""The service's errors, as the domain and the services raise them: no HTTP here.

A `FinsamError` carries a stable, machine-readable `code` (kebab-case, never changed once
published), the `kind` of error it is, a `detail` for people, where it concerns (`loc`, and
`errors` for every offending field) and members of its own (`extra`). Clients branch on the
code: "the report is approved and locked" (`report-locked`) is not "the period is closed"
(`period-closed`), though both are conflicts.

The HTTP layer alone (`app/api/problems.py`) gives each kind its status and renders the error
as an RFC 9457 problem whose `type` names the code. docs/problems.md documents every code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Self

Loc = tuple[str | int, ...]


class ErrorKind(StrEnum):
    """What an error is, whatever the situation: the HTTP layer maps each to its status."""

    UNAUTHENTICATED = "unauthenticated"  # no credentials, or ones that are not accepted
    FORBIDDEN = "forbidden"  # the caller is known and may not do this
    NOT_FOUND = "not-found"
    METHOD_NOT_SUPPORTED = "method-not-supported"  # the resource exists; not this operation
    FORMAT_NOT_ACCEPTABLE = "format-not-acceptable"  # no answer in a format the caller takes
    CONFLICT = "conflict"  # the resource's state does not allow it now
    PRECONDITION_FAILED = "precondition-failed"
    TOO_LARGE = "too-large"
    FORMAT_NOT_SUPPORTED = "format-not-supported"  # a body in a format the service cannot read
    INVALID = "invalid"  # the input breaks a rule; `errors` says where
    PRECONDITION_REQUIRED = "precondition-required"
    MALFORMED = "malformed"  # the request could not be read, or a value not stored, as sent
    UNAVAILABLE = "unavailable"  # for now: trying again later works
    INTERNAL = "internal"  # the service's own fault


class Code(StrEnum):
    """Every error code, each of one kind. docs/problems.md says when each happens and what a
    client should do; a test holds the two together."""

    kind: ErrorKind

    def __new__(cls, value: str, kind: ErrorKind) -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member.kind = kind
        return member

    AUTHENTICATION_REQUIRED = "authentication-required", ErrorKind.UNAUTHENTICATED
    INVALID_KEY = "invalid-key", ErrorKind.UNAUTHENTICATED
    FORBIDDEN = "forbidden", ErrorKind.FORBIDDEN
    NOT_FOUND = "not-found", ErrorKind.NOT_FOUND
    NOT_PUBLISHED = "not-published", ErrorKind.NOT_FOUND
    METHOD_NOT_ALLOWED = "method-not-allowed", ErrorKind.METHOD_NOT_SUPPORTED
    NOT_ACCEPTABLE = "not-acceptable", ErrorKind.FORMAT_NOT_ACCEPTABLE
    ALREADY_EXISTS = "already-exists", ErrorKind.CONFLICT
    REPORT_LOCKED = "report-locked", ErrorKind.CONFLICT
    PERIOD_CLOSED = "period-closed", ErrorKind.CONFLICT
    INVALID_WORKFLOW_STEP = "invalid-workflow-step", ErrorKind.CONFLICT
    PRECONDITION_FAILED = "precondition-failed", ErrorKind.PRECONDITION_FAILED
    TOO_LARGE = "too-large", ErrorKind.TOO_LARGE
    UNSUPPORTED_MEDIA_TYPE = "unsupported-media-type", ErrorKind.FORMAT_NOT_SUPPORTED
    VALIDATION_FAILED = "validation-failed", ErrorKind.INVALID
    INVALID_PERIOD = "invalid-period", ErrorKind.INVALID
    OUTSIDE_INSATS_LIFETIME = "outside-insats-lifetime", ErrorKind.INVALID
    INCONSISTENT_FIGURES = "inconsistent-figures", ErrorKind.INVALID
    MEASURE_NOT_APPLICABLE = "measure-not-applicable", ErrorKind.INVALID
    PERSONAL_IDENTITY_NUMBER = "personal-identity-number", ErrorKind.INVALID
    CONTROL_CHARACTER = "control-character", ErrorKind.INVALID
    LIMIT_EXCEEDED = "limit-exceeded", ErrorKind.INVALID
    IDEMPOTENCY_KEY_REUSED = "idempotency-key-reused", ErrorKind.INVALID
    IMPORT_REJECTED = "import-rejected", ErrorKind.INVALID
    PRECONDITION_REQUIRED = "precondition-required", ErrorKind.PRECONDITION_REQUIRED
    MALFORMED_REQUEST = "malformed-request", ErrorKind.MALFORMED
    VALUE_NOT_STORABLE = "value-not-storable", ErrorKind.MALFORMED
    INTERNAL_ERROR = "internal-error", ErrorKind.INTERNAL
    DATABASE_UNAVAILABLE = "database-unavailable", ErrorKind.UNAVAILABLE
    DATABASE_NOT_MIGRATED = "database-not-migrated", ErrorKind.UNAVAILABLE
    BUSY = "busy", ErrorKind.UNAVAILABLE


@dataclass(frozen=True)
class FieldError:
    """One offending field: where (e.g. `("body", "outcomes", "work", "women")`) and why."""

    loc: Loc
    msg: str


class FinsamError(Exception):
    """An error with a code. `loc` names the field it concerns, when one does (the path's
    insats id, say), whether or not `errors` lists fields; `extra` adds members of its own
    (a stale If-Match gets the current revision)."""

    def __init__(
        self,
        code: Code,
        detail: str | None = None,
        *,
        loc: Sequence[str | int] | None = None,
        errors: Iterable[FieldError] = (),
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or code.value)
        self.code = code
        self.detail = detail
        self.loc: Loc | None = tuple(loc) if loc is not None else None
        self.errors = tuple(errors)
        self.extra = dict(extra or {})

    @property
    def kind(self) -> ErrorKind:
        return self.code.kind

    @classmethod
    def at(cls, code: Code, loc: Sequence[str | int], msg: str) -> Self:
        """An error concerning one field, which it names."""
        return cls(code, msg, loc=loc, errors=[FieldError(tuple(loc), msg)])
