"""HTTP endpoints for reports."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from app.api.deps import CallerDep, SessionDep
from app.api.problems import Forbidden, NotFound, Unauthorized, Unprocessable, responses
from app.insatser.service import insats_for_reports
from app.reports import service
from app.reports.schemas import ReportIn, ReportOut

router = APIRouter(
    prefix="/api/v1/insatser/{insats_id}/reports",
    tags=["reports"],
    responses=responses(Unauthorized, Forbidden, NotFound),
)


@router.put(
    "/{period}",
    operation_id="putReport",
    responses={
        **responses(Unprocessable),
        201: {"model": ReportOut, "description": "Created: the first report for this period."},
        200: {"model": ReportOut, "description": "Replaced, or unchanged when the body was equal."},
    },
)
def put_report(
    insats_id: int,
    period: str,
    data: ReportIn,
    response: Response,
    session: SessionDep,
    caller: CallerDep,
) -> ReportOut:
    """Create or replace an insats's report for a period (idempotent).

    201 when created, 200 when replaced (`revision` + 1) or when the body equals what is
    stored (same `revision`), so a whole period can be re-sent safely.
    """
    insats = insats_for_reports(session, caller, insats_id, write=True)
    report, created = service.put_report(
        session, caller, insats, service.parse_period_param(period), data
    )
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return service.to_out(report)


@router.get("/{period}", operation_id="getReport", responses=responses(Unprocessable))
def get_report(insats_id: int, period: str, session: SessionDep, caller: CallerDep) -> ReportOut:
    """One report as stored."""
    insats = insats_for_reports(session, caller, insats_id, write=False)
    return service.to_out(
        service.get_report(session, insats.id, service.parse_period_param(period))
    )


@router.get("", operation_id="listReports")
def list_reports(insats_id: int, session: SessionDep, caller: CallerDep) -> list[ReportOut]:
    """All of an insats's reports, in period order."""
    insats = insats_for_reports(session, caller, insats_id, write=False)
    return [service.to_out(r) for r in service.list_reports(session, insats.id)]
