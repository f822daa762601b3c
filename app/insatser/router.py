"""HTTP endpoints for insatser."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, status

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
from app.forbund.service import readable_forbund
from app.insatser import service
from app.insatser.schemas import InsatsIn, InsatsOut

router = APIRouter(prefix="/api/v1", tags=["insatser"])

# What every insats operation can answer: the key refused, the förbund or insats in the path
# missing or not the caller's.
INSATSER = (*API_REQUEST, *AUTHENTICATED, Code.FORBIDDEN, Code.NOT_FOUND)


@router.post(
    "/forbund/{code}/insatser",
    status_code=status.HTTP_201_CREATED,
    operation_id="createInsats",
    response_model=InsatsOut,
    responses=responses(*INSATSER, *JSON_BODY, *IDEMPOTENT),
)
def create_insats(
    code: str, data: InsatsIn, session: SessionDep, caller: CallerDep, idempotency: IdempotencyDep
) -> Any:
    """Register an insats under a förbund; the server assigns its `id`."""
    forbund = readable_forbund(session, caller, code)
    if replay := idempotency.begin(session, caller):
        return replay
    out = service.to_out(service.create_insats(session, caller, forbund, data))
    idempotency.finish(session, caller, status.HTTP_201_CREATED, out)
    return out


@router.get("/forbund/{code}/insatser", operation_id="listInsatser", responses=responses(*INSATSER))
def list_insatser(code: str, session: SessionDep, caller: CallerDep) -> list[InsatsOut]:
    """The förbund's insatser, oldest first."""
    forbund = readable_forbund(session, caller, code)
    return [service.to_out(i) for i in service.list_insatser(session, forbund)]


@router.get(
    "/insatser/{insats_id}",
    operation_id="getInsats",
    responses=responses(*INSATSER, *PARAMETERS),
)
def get_insats(insats_id: int, session: SessionDep, caller: CallerDep) -> InsatsOut:
    """One insats."""
    return service.to_out(service.readable_insats(session, caller, insats_id))
