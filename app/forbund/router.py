"""HTTP endpoints for förbund."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, status

from app.api.deps import PeriodInPath, SessionDep
from app.api.params import period_param
from app.api.problems import (
    API_REQUEST,
    AUTHENTICATED,
    IDEMPOTENT,
    JSON_BODY,
    PARAMETERS,
    responses,
)
from app.audit.schemas import AuditEventOut
from app.audit.service import events
from app.auth.caller import CallerDep
from app.auth.dependencies import ForbundManager, ForbundReader, ReadableForbund, WritableForbund
from app.errors import Code
from app.forbund import service
from app.forbund.schemas import (
    ClosedPeriodOut,
    ClosePeriodIn,
    ForbundIn,
    ForbundOut,
    ForbundSettingsIn,
)
from app.idempotency.dependency import IdempotencyDep

router = APIRouter(prefix="/api/v1/forbund", tags=["forbund"])

# What every förbund operation can answer: the key refused or not allowed this.
FORBUND = (*API_REQUEST, *AUTHENTICATED, Code.FORBIDDEN)
# ... and for one förbund, named in the path: none with that code.
ONE_FORBUND = (*FORBUND, Code.NOT_FOUND)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    operation_id="createForbund",
    response_model=ForbundOut,
    responses=responses(*FORBUND, *JSON_BODY, *IDEMPOTENT, Code.ALREADY_EXISTS),
)
def create_forbund(
    data: ForbundIn, session: SessionDep, _: ForbundManager, idempotency: IdempotencyDep
) -> Any:
    """Register a samordningsförbund (admin only)."""
    return idempotency.respond(
        status.HTTP_201_CREATED,
        lambda: ForbundOut.model_validate(service.create_forbund(session, data)),
    )


@router.get("", operation_id="listForbund", responses=responses(*FORBUND))
def list_forbund(session: SessionDep, caller: ForbundReader) -> list[ForbundOut]:
    """The förbund this key may read: all for admin and national keys, its own for a förbund key."""
    return [ForbundOut.model_validate(f) for f in service.list_forbund(session, caller)]


@router.get("/{code}", operation_id="getForbund", responses=responses(*ONE_FORBUND))
def get_forbund(forbund: ReadableForbund) -> ForbundOut:
    """One förbund."""
    return ForbundOut.model_validate(forbund)


@router.patch(
    "/{code}",
    operation_id="updateForbundSettings",
    responses=responses(*ONE_FORBUND, *JSON_BODY),
)
def update_settings(
    forbund: WritableForbund, data: ForbundSettingsIn, session: SessionDep, caller: CallerDep
) -> ForbundOut:
    """Change the förbund's settings, e.g. require If-Match on report replacements."""
    return ForbundOut.model_validate(service.update_settings(session, caller, forbund, data))


@router.post(
    "/{code}/closed-periods",
    status_code=status.HTTP_201_CREATED,
    operation_id="closePeriod",
    responses=responses(*ONE_FORBUND, *JSON_BODY, Code.INVALID_PERIOD, Code.ALREADY_EXISTS),
)
def close_period(
    forbund: WritableForbund, data: ClosePeriodIn, session: SessionDep, caller: CallerDep
) -> ClosedPeriodOut:
    """Close a period after its deadline: its reports lock until the förbund reopens them."""
    period = period_param(data.period, ("body", "period"))
    return ClosedPeriodOut.model_validate(service.close_period(session, caller, forbund, period))


@router.get(
    "/{code}/closed-periods",
    operation_id="listClosedPeriods",
    responses=responses(*ONE_FORBUND),
)
def list_closed_periods(forbund: ReadableForbund, session: SessionDep) -> list[ClosedPeriodOut]:
    """The förbund's closed periods."""
    return [ClosedPeriodOut.model_validate(c) for c in service.closed_periods(session, forbund)]


@router.delete(
    "/{code}/closed-periods/{period}",
    status_code=status.HTTP_204_NO_CONTENT,
    operation_id="openPeriod",
    responses=responses(*ONE_FORBUND, Code.INVALID_PERIOD),
)
def open_period(
    forbund: WritableForbund, period: PeriodInPath, session: SessionDep, caller: CallerDep
) -> None:
    """Open a closed period again."""
    service.open_period(session, caller, forbund, period_param(period))


@router.get(
    "/{code}/audit",
    operation_id="listForbundAudit",
    responses=responses(*ONE_FORBUND, *PARAMETERS),
)
def list_audit(
    forbund: ReadableForbund,
    session: SessionDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Antal: newest first.")] = 100,
) -> list[AuditEventOut]:
    """The förbund's audit trail: keys, report changes, approval steps, closed periods."""
    return [
        AuditEventOut.model_validate(e) for e in events(session, forbund_id=forbund.id, limit=limit)
    ]
