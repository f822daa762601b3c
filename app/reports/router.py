"""HTTP endpoints for reports: read, write, history and the approval workflow."""

# No `from __future__ import annotations`: each step route's insats is authorised by a
# dependency made for its step, named in an annotation that FastAPI reads as an object.

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Response, status

from app.api.deps import PeriodInPath, SessionDep
from app.api.params import period_param
from app.api.problems import API_REQUEST, AUTHENTICATED, JSON_BODY, PARAMETERS, responses
from app.auth.caller import CallerDep
from app.auth.dependencies import (
    InsatsReportsForRead,
    InsatsReportsForWrite,
    insats_reports_for_step,
)
from app.domain.workflow import Step
from app.errors import Code, FinsamError
from app.insatser.service import InsatsRef
from app.observability.metrics import REPORT_WRITES
from app.reports import service
from app.reports.schemas import (
    HistoryOut,
    ReportIn,
    ReportOut,
    StepIn,
)
from app.reports.store import StoredReport

router = APIRouter(prefix="/api/v1/insatser/{insats_id}/reports", tags=["reports"])

# What every operation on an insats's reports can answer: the key refused, the insats missing
# or not the caller's, a path that is no insats id.
REPORTS = (*API_REQUEST, *AUTHENTICATED, *PARAMETERS, Code.FORBIDDEN, Code.NOT_FOUND)
ONE_REPORT = (*REPORTS, Code.INVALID_PERIOD)

IfMatch = Annotated[
    str | None,
    Header(
        description="The ETag of the report you are changing; a stale one gives 412. "
        "A förbund may require it on replacements (428 when missing)."
    ),
]


def _with_etag(response: Response, report: StoredReport) -> ReportOut:
    response.headers["ETag"] = service.etag(report)
    return service.to_out(report)


@router.put(
    "/{period}",
    operation_id="putReport",
    responses={
        **responses(
            *ONE_REPORT,
            *JSON_BODY,
            Code.OUTSIDE_INSATS_LIFETIME,
            Code.INCONSISTENT_FIGURES,
            Code.REPORT_LOCKED,
            Code.PERIOD_CLOSED,
            Code.PRECONDITION_FAILED,
            Code.PRECONDITION_REQUIRED,
        ),
        201: {"model": ReportOut, "description": "Created: the first report for this period."},
        200: {"model": ReportOut, "description": "Replaced, or unchanged when the body was equal."},
    },
)
def put_report(
    insats: InsatsReportsForWrite,
    period: PeriodInPath,
    data: ReportIn,
    response: Response,
    session: SessionDep,
    caller: CallerDep,
    if_match: IfMatch = None,
) -> ReportOut:
    """Create or replace an insats's report for a period (idempotent).

    201 when created, 200 when replaced (`revision` + 1) or when the body equals what is
    stored (same `revision`), so a whole period can be re-sent safely. Approved reports and
    reports of a closed period are locked (409) until the förbund reopens them.
    """
    try:
        report, outcome = service.put_report(
            session, caller, insats, period_param(period), data, if_match
        )
    except FinsamError:
        REPORT_WRITES.labels("refused").inc()
        raise
    REPORT_WRITES.labels(outcome.value).inc()
    created = outcome is service.WriteOutcome.CREATED
    response.status_code = status.HTTP_201_CREATED if created else status.HTTP_200_OK
    return _with_etag(response, report)


@router.get("/{period}", operation_id="getReport", responses=responses(*ONE_REPORT))
def get_report(
    insats: InsatsReportsForRead, period: PeriodInPath, response: Response, session: SessionDep
) -> ReportOut:
    """One report as stored, with its ETag."""
    report = service.get_report(session, insats.id, period_param(period))
    return _with_etag(response, report)


@router.get("", operation_id="listReports", responses=responses(*REPORTS))
def list_reports(insats: InsatsReportsForRead, session: SessionDep) -> list[ReportOut]:
    """All of an insats's reports, in period order."""
    return [service.to_out(r) for r in service.list_reports(session, insats.id)]


@router.get("/{period}/history", operation_id="getReportHistory", responses=responses(*ONE_REPORT))
def report_history(
    insats: InsatsReportsForRead, period: PeriodInPath, session: SessionDep
) -> HistoryOut:
    """Every revision of the report (who, when, what changed) and every workflow step."""
    return service.history(session, insats, period_param(period))


def _step_route(step: Step, summary: str) -> None:
    def take_step(
        insats: Annotated[InsatsRef, Depends(insats_reports_for_step(step))],
        period: PeriodInPath,
        response: Response,
        session: SessionDep,
        caller: CallerDep,
        body: StepIn | None = None,
        if_match: IfMatch = None,
    ) -> ReportOut:
        comment = body.comment if body else None
        if step in (Step.RETURN, Step.REOPEN) and not comment:
            raise FinsamError.at(
                Code.VALIDATION_FAILED,
                ("body", "comment"),
                f"say why when you {step.value} a report",
            )
        parsed = period_param(period)
        report = service.take_step(session, caller, insats, parsed, step, comment, if_match)
        return _with_etag(response, report)

    take_step.__doc__ = summary
    router.add_api_route(
        f"/{{period}}/{step.value}",
        take_step,
        methods=["POST"],
        operation_id=f"{step.value}Report",
        responses=responses(
            *ONE_REPORT,
            *JSON_BODY,
            Code.INVALID_WORKFLOW_STEP,
            Code.PERIOD_CLOSED,
            Code.PRECONDITION_FAILED,
        ),
        response_model=ReportOut,
    )


_step_route(Step.SUBMIT, "Submit the report to the förbund (draft → submitted).")
_step_route(Step.APPROVE, "Approve and lock the report (submitted → approved); förbund only.")
_step_route(Step.RETURN, "Return the report with a comment (submitted → draft); förbund only.")
_step_route(
    Step.REOPEN,
    "Reopen an approved report, or one of a closed period, with a reason; förbund only.",
)
