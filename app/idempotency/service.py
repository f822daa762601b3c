"""Idempotency records: claimed per caller and key, holding the first response."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from app.db.models import IdempotencyRecord
from app.errors import Code, FinsamError

# How long a key is remembered: long enough for any client's retries, short enough that the
# table stays small. After that the same key starts a new request.
RETENTION = timedelta(hours=24)


@dataclass(frozen=True)
class Claim:
    """One request's Idempotency-Key: whose (`owner`), and the request it stands for."""

    owner: str
    key: str
    method: str
    path: str
    request_hash: str


@dataclass(frozen=True)
class StoredResponse:
    """The first response to a claimed key, to replay."""

    status_code: int
    body: Any


def claim(session: Session, claim: Claim) -> StoredResponse | None:
    """Claim the key, or return the first response to replay; 422 if the request differs.

    A key claimed by a transaction still running waits for it (the row lock): then its
    response is replayed, or, if it failed, the claim is this request's.
    """
    # Sweep what has expired (an indexed range delete, cheap at a few POSTs a second).
    session.execute(
        delete(IdempotencyRecord).where(IdempotencyRecord.created_at < func.now() - RETENTION)
    )
    session.execute(
        insert(IdempotencyRecord)
        .values(
            caller=claim.owner,
            key=claim.key,
            method=claim.method,
            path=claim.path,
            request_hash=claim.request_hash,
        )
        .on_conflict_do_nothing(index_elements=["caller", "key"])
    )
    record = session.scalars(
        select(IdempotencyRecord)
        .where(IdempotencyRecord.caller == claim.owner, IdempotencyRecord.key == claim.key)
        .with_for_update()
        .execution_options(populate_existing=True)
    ).one()
    if (record.method, record.path, record.request_hash) != (
        claim.method,
        claim.path,
        claim.request_hash,
    ):
        raise FinsamError.at(
            Code.IDEMPOTENCY_KEY_REUSED,
            ("header", "idempotency-key"),
            "this Idempotency-Key was used for a different request; use a new key",
        )
    if record.status_code is None:
        return None
    return StoredResponse(record.status_code, record.response_body)


def keep(
    session: Session,
    claim: Claim,
    status_code: int,
    body: dict[str, Any],
    redact: Iterable[str] = (),
) -> None:
    """Keep the response for retries, with `redact`ed fields (secrets such as a new token)
    stored as null: the replay keeps the response's shape, not its secret."""
    record = session.get(IdempotencyRecord, (claim.owner, claim.key))
    if record is not None:
        record.status_code = status_code
        record.response_body = body | dict.fromkeys(redact, None)
        session.flush()
