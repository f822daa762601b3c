"""The whole audit trail, for admins: events of admin and national keys belong to no förbund."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from app.api.deps import SessionDep
from app.api.problems import API_REQUEST, AUTHENTICATED, PARAMETERS, responses
from app.audit.schemas import AuditEventOut
from app.audit.service import events
from app.auth.dependencies import AuditReader
from app.errors import Code

router = APIRouter(prefix="/api/v1/audit", tags=["audit"])


@router.get(
    "",
    operation_id="listAudit",
    responses=responses(*API_REQUEST, *AUTHENTICATED, *PARAMETERS, Code.FORBIDDEN),
)
def list_audit(
    session: SessionDep,
    _: AuditReader,
    limit: Annotated[int, Query(ge=1, le=1000, description="Antal: newest first.")] = 100,
) -> list[AuditEventOut]:
    """Every audited action, newest first: keys, report changes, approval steps (admin only;
    a förbund reads its own at /api/v1/forbund/{code}/audit)."""
    return [AuditEventOut.model_validate(e) for e in events(session, limit=limit)]
