"""The whole audit trail, for admins: events of admin and national keys belong to no förbund."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import CallerDep, SessionDep
from app.api.problems import API_REQUEST, AUTHENTICATED, PARAMETERS, responses
from app.audit.schemas import AuditEventOut
from app.audit.service import events
from app.domain.access import may_manage_forbund
from app.errors import Code, FinsamError

router = APIRouter(prefix="/api/v1/audit", tags=["keys"])


@router.get(
    "",
    operation_id="listAudit",
    responses=responses(*API_REQUEST, *AUTHENTICATED, *PARAMETERS, Code.FORBIDDEN),
)
def list_audit(
    session: SessionDep,
    caller: CallerDep,
    limit: Annotated[int, Query(ge=1, le=1000, description="Antal: newest first.")] = 100,
) -> list[AuditEventOut]:
    """Every audited action, newest first: keys, report changes, approval steps (admin only;
    a förbund reads its own at /api/v1/forbund/{code}/audit)."""
    if not may_manage_forbund(caller):
        raise FinsamError(Code.FORBIDDEN, "Only an admin key reads the whole audit trail.")
    return [AuditEventOut.model_validate(e) for e in events(session, limit=limit)]
