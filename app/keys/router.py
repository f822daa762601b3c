"""HTTP endpoints for API keys."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from fastapi import APIRouter, Response, status

from app.api.deps import SessionDep
from app.api.problems import (
    API_REQUEST,
    AUTHENTICATED,
    IDEMPOTENT,
    JSON_BODY,
    PARAMETERS,
    responses,
)
from app.auth.dependencies import KeyCreator, KeyRevoker
from app.errors import Code
from app.idempotency.dependency import IdempotencyDep
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
    caller: KeyCreator,
    idempotency: IdempotencyDep,
    response: Response,
) -> Any:
    """Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash, so a retried
    request (same Idempotency-Key) gets the same key with `token` null."""
    # The body carries a secret: no cache on the way may keep it.
    response.headers["Cache-Control"] = "no-store"
    return idempotency.respond(
        status.HTTP_201_CREATED,
        lambda: service.to_out(*service.create_key(session, caller, data)),
        redact={"token"},
    )


@router.delete(
    "/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revokeKey",
    responses=responses(*KEYS, *PARAMETERS, Code.NOT_FOUND),
)
def revoke_key(key_id: UUID, session: SessionDep, caller: KeyRevoker) -> None:
    """Revoke a key: it stops working at once; its record stays for the audit trail."""
    service.revoke_key(session, caller, key_id)
