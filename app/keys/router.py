"""HTTP endpoints for API keys."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api.deps import CallerDep, SessionDep
from app.api.idempotency import IdempotencyDep
from app.api.problems import (
    API_REQUEST,
    AUTHENTICATED,
    IDEMPOTENT,
    JSON_BODY,
    PARAMETERS,
    responses,
)
from app.errors import Code
from app.keys import service
from app.keys.schemas import CreatedKey, KeyIn

router = APIRouter(prefix="/api/v1/keys", tags=["keys"])

KEYS = (*API_REQUEST, *AUTHENTICATED, Code.FORBIDDEN)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="createKey",
    response_model=CreatedKey,
    responses=responses(*KEYS, *JSON_BODY, *IDEMPOTENT),
)
def create_key(
    data: KeyIn,
    session: SessionDep,
    caller: CallerDep,
    idempotency: IdempotencyDep,
    response: Response,
) -> Any:
    """Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash, so a retried
    request (same Idempotency-Key) gets the same key with `token` null."""
    # The body carries a secret: no cache on the way may keep it.
    response.headers["Cache-Control"] = "no-store"
    if replay := idempotency.begin(session, caller):
        return replay
    key, token = service.create_key(session, caller, data)
    out = service.to_out(key, token)
    idempotency.finish(session, caller, status.HTTP_201_CREATED, out, redact={"token"})
    return out


@router.delete(
    "/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revokeKey",
    responses=responses(*KEYS, *PARAMETERS, Code.NOT_FOUND),
)
def revoke_key(key_id: UUID, session: SessionDep, caller: CallerDep) -> None:
    """Revoke a key: it stops working at once; its record stays for the audit trail."""
    service.revoke_key(session, caller, key_id)
