"""HTTP endpoints for förbund."""

from __future__ import annotations

from fastapi import APIRouter, status

from app.api.deps import CallerDep, SessionDep
from app.api.problems import Conflict, Forbidden, NotFound, Unauthorized, Unprocessable, responses
from app.domain.access import may_manage_forbund
from app.forbund import service
from app.forbund.schemas import ForbundIn, ForbundOut

router = APIRouter(
    prefix="/api/v1/forbund", tags=["förbund"], responses=responses(Unauthorized, Forbidden)
)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="createForbund",
    responses=responses(Conflict, Unprocessable),
)
def create_forbund(data: ForbundIn, session: SessionDep, caller: CallerDep) -> ForbundOut:
    """Register a samordningsförbund (admin only)."""
    if not may_manage_forbund(caller):
        raise Forbidden("Only an admin key may create a förbund.")
    return ForbundOut.model_validate(service.create_forbund(session, data))


@router.get("", operation_id="listForbund")
def list_forbund(session: SessionDep, caller: CallerDep) -> list[ForbundOut]:
    """The förbund this key may read: all for admin and national keys, its own for a förbund key."""
    return [ForbundOut.model_validate(f) for f in service.list_forbund(session, caller)]


@router.get("/{code}", operation_id="getForbund", responses=responses(NotFound))
def get_forbund(code: str, session: SessionDep, caller: CallerDep) -> ForbundOut:
    """One förbund."""
    return ForbundOut.model_validate(service.readable_forbund(session, caller, code))
