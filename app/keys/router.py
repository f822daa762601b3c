"""HTTP endpoints for API keys."""

from __future__ import annotations

from uuid import UUID

from fastapi import APIRouter, status

from app.api.deps import CallerDep, SessionDep
from app.api.problems import Forbidden, NotFound, Unauthorized, Unprocessable, responses
from app.keys import service
from app.keys.schemas import CreatedKey, KeyIn

router = APIRouter(
    prefix="/api/v1/keys", tags=["keys"], responses=responses(Unauthorized, Forbidden)
)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="createKey",
    responses=responses(Unprocessable),
)
def create_key(data: KeyIn, session: SessionDep, caller: CallerDep) -> CreatedKey:
    """Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash."""
    key, token = service.create_key(session, caller, data)
    out = service.to_out(key, token)
    assert isinstance(out, CreatedKey)
    return out


@router.delete(
    "/{key_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="revokeKey",
    responses=responses(NotFound),
)
def revoke_key(key_id: UUID, session: SessionDep, caller: CallerDep) -> None:
    """Revoke a key: it stops working at once; its record stays for the audit trail."""
    service.revoke_key(session, caller, key_id)
