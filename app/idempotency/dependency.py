"""The Idempotency-Key of a request, and the one way a route applies it: `respond()`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Header, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.orm import Session

from app.api.deps import SessionDep
from app.auth.caller import CallerDep
from app.idempotency import service
from app.idempotency.service import Claim

REPLAYED = "Idempotent-Replayed"


@dataclass(frozen=True)
class Idempotency:
    """The request's Idempotency-Key (`claim` None when the client sent none), bound to the
    request's session."""

    session: Session
    claim: Claim | None

    def respond(
        self,
        status_code: int,
        produce: Callable[[], BaseModel | Response],
        *,
        redact: Iterable[str] = (),
    ) -> BaseModel | Response:
        """What `produce` answers, once per key: the first request runs it and its answer
        (`status_code` and the model) is kept, with `redact`ed fields as null; a retry gets
        that answer again, marked `Idempotent-Replayed: true`, and the same key for another
        request is a 422. Call it once the caller is authorised, so that a refused caller
        claims nothing.

        An answer that is a `Response` rather than a model (a rejected import) is not kept,
        and the key is released with everything the attempt wrote: the request may be fixed
        and sent again under the same key.
        """
        if self.claim is None:
            return produce()
        with self.session.begin_nested() as attempt:
            if (stored := service.claim(self.session, self.claim)) is not None:
                return JSONResponse(
                    stored.body, status_code=stored.status_code, headers={REPLAYED: "true"}
                )
            answer = produce()
            if isinstance(answer, Response):
                attempt.rollback()
                return answer
            body = answer.model_dump(mode="json")
            service.keep(self.session, self.claim, status_code, body, redact)
        return answer


async def idempotency(
    request: Request,
    session: SessionDep,
    caller: CallerDep,
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
    if idempotency_key is None:
        return Idempotency(session, None)
    body = await request.body()
    # The query string (dry_run, partial, ...) is part of the request, so it is in the hash;
    # only the path is kept as text, bounded, for people reading the table.
    digest = hashlib.sha256(request.url.query.encode() + b"\n" + body).hexdigest()
    return Idempotency(
        session,
        Claim(
            # Keys are each caller's own; the bootstrap admin token has no key id.
            owner=str(caller.key_id) if caller.key_id else "admin-token",
            key=idempotency_key,
            method=request.method,
            path=request.url.path[:500],
            request_hash=digest,
        ),
    )


IdempotencyDep = Annotated[Idempotency, Depends(idempotency)]
