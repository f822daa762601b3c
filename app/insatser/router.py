"""HTTP endpoints for insatser."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, status

from app.api.deps import SessionDep
from app.api.problems import (
    API_REQUEST,
    AUTHENTICATED,
    IDEMPOTENT,
    JSON_BODY,
    PARAMETERS,
    responses,
)
from app.auth.caller import CallerDep
from app.auth.dependencies import (
    ReadableForbund,
    ReadableInsats,
    WritableForbund,
    WritableInsats,
)
from app.errors import Code
from app.idempotency.dependency import IdempotencyDep
from app.insatser import service
from app.insatser.schemas import InsatsIn, InsatsOut, InsatsPatch

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
    forbund: WritableForbund, data: InsatsIn, session: SessionDep, idempotency: IdempotencyDep
) -> Any:
    """Register an insats under a förbund; the server assigns its `id`."""
    return idempotency.respond(
        status.HTTP_201_CREATED,
        lambda: service.to_out(service.create_insats(session, forbund, data)),
    )


@router.get("/forbund/{code}/insatser", operation_id="listInsatser", responses=responses(*INSATSER))
def list_insatser(forbund: ReadableForbund, session: SessionDep) -> list[InsatsOut]:
    """The förbund's insatser, oldest first."""
    return [service.to_out(i) for i in service.list_insatser(session, forbund)]


@router.get(
    "/insatser/{insats_id}",
    operation_id="getInsats",
    responses=responses(*INSATSER, *PARAMETERS),
)
def get_insats(insats: ReadableInsats) -> InsatsOut:
    """One insats."""
    return service.to_out(insats)


@router.patch(
    "/insatser/{insats_id}",
    operation_id="updateInsats",
    responses=responses(*INSATSER, *PARAMETERS, *JSON_BODY, Code.OUTSIDE_INSATS_LIFETIME),
)
def update_insats(
    insats: WritableInsats, data: InsatsPatch, session: SessionDep, caller: CallerDep
) -> InsatsOut:
    """Change an insats: its name, owner, target group, end date, or the measures that do not
    apply to it (`not_applicable`). Only the fields sent change. An end date that would leave
    stored reports after it is refused (422)."""
    return service.to_out(service.update_insats(session, caller, insats, data))
