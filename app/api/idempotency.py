"""Idempotency-Key on POST: a retry with the same key and body gets the first response again.

The key is claimed in the request's own transaction (INSERT .. ON CONFLICT DO NOTHING, then
a row lock), so a concurrent retry waits for the first attempt and then replays it; if the
first attempt fails, its claim rolls back with it and the retry runs afresh.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy import delete, func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session

from app.db.models import IdempotencyRecord
from app.domain.access import Caller
from app.errors import Code, FinsamError

REPLAYED = "Idempotent-Replayed"
# How long a key is remembered: long enough for any client's retries, short enough that the
# table stays small. After that the same key starts a new request.
RETENTION = timedelta(hours=24)


@dataclass(frozen=True)
class Idempotency:
    """The Idempotency-Key of one request (None when the client sent none)."""

    key: str | None
    method: str
    path: str
    request_hash: str

    def begin(self, session: Session, caller: Caller) -> JSONResponse | None:
        """Claim the key, or return the first response to replay; 422 if the body differs."""
        if self.key is None:
            return None
        owner = str(caller.key_id) if caller.key_id else "admin-token"
        # Sweep what has expired (an indexed range delete, cheap at a few POSTs a second).
        session.execute(
            delete(IdempotencyRecord).where(IdempotencyRecord.created_at < func.now() - RETENTION)
        )
        session.execute(
            insert(IdempotencyRecord)
            .values(
                caller=owner,
                key=self.key,
                method=self.method,
                path=self.path,
                request_hash=self.request_hash,
            )
            .on_conflict_do_nothing(index_elements=["caller", "key"])
        )
        record = session.scalars(
            select(IdempotencyRecord)
            .where(IdempotencyRecord.caller == owner, IdempotencyRecord.key == self.key)
            .with_for_update()
            .execution_options(populate_existing=True)
        ).one()
        if (record.method, record.path, record.request_hash) != (
            self.method,
            self.path,
            self.request_hash,
        ):
            raise FinsamError.at(
                Code.IDEMPOTENCY_KEY_REUSED,
                ("header", "idempotency-key"),
                "this Idempotency-Key was used for a different request; use a new key",
            )
        if record.status_code is None:
            return None
        return JSONResponse(
            record.response_body, status_code=record.status_code, headers={REPLAYED: "true"}
        )

    def finish(
        self,
        session: Session,
        caller: Caller,
        status_code: int,
        body: BaseModel,
        redact: set[str] | None = None,
    ) -> None:
        """Keep the response for retries, with `redact`ed fields (secrets such as a new
        token) stored as null: the replay keeps the response's shape, not its secret."""
        if self.key is None:
            return
        owner = str(caller.key_id) if caller.key_id else "admin-token"
        record = session.get(IdempotencyRecord, (owner, self.key))
        if record is not None:
            record.status_code = status_code
            record.response_body = body.model_dump(mode="json") | dict.fromkeys(redact or (), None)
            session.flush()


async def idempotency(
    request: Request,
    idempotency_key: Annotated[
        str | None,
        Header(
            min_length=1,
            max_length=200,
            # Printable ASCII without spaces: the key is stored, so it is text anyone can read.
            pattern=r"^[\x21-\x7e]+$",
            description="A key of your choice (e.g. a UUID; 1 to 200 printable ASCII "
            "characters): a retry with the same key and body returns the first response; "
            "the same key with another body is a 422.",
        ),
    ] = None,
) -> Idempotency:
    body = await request.body()
    # The query string (dry_run, partial, ...) is part of the request, so it is in the hash;
    # only the path is kept as text, bounded, for people reading the table.
    digest = hashlib.sha256(request.url.query.encode() + b"\n" + body).hexdigest()
    return Idempotency(
        key=idempotency_key,
        method=request.method,
        path=request.url.path[:500],
        request_hash=digest,
    )


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]
