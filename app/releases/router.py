"""HTTP endpoints of open data: publishing a year, and reading what was published.

Every anonymous read serves a stored release: no figure is summed or protected on request.
"""

from __future__ import annotations

import csv
import io
from typing import Annotated, Any, Literal

from fastapi import APIRouter, BackgroundTasks, Path, Query, Request, Response

from app.api.deps import JobConnectDep, SessionDep, SettingsDep
from app.api.negotiation import negotiate
from app.api.problems import API_REQUEST, AUTHENTICATED, PARAMETERS, responses
from app.auth.dependencies import Publisher
from app.db.aggregates import GroupBy
from app.db.models import Release
from app.errors import Code
from app.jobs import service as jobs
from app.jobs.router import job_out
from app.jobs.schemas import JobOut
from app.releases import service
from app.releases.schemas import (
    ForbundRelease,
    NationalRelease,
    ReleaseIn,
    ReleaseInfo,
    ReleaseList,
)

router = APIRouter(prefix="/api/v1", tags=["open-data"])

JSON = "application/json"
CSV = "text/csv"

YearPath = Annotated[int, Path(ge=2000, le=2999, description="År.")]
VersionQuery = Annotated[
    int | None, Query(ge=1, le=1_000_000, description="Version; the latest when left out.")
]
GroupQuery = Annotated[GroupBy, Query(description="Rows per `forbund` (default) or per `lan`.")]
FormatQuery = Annotated[
    Literal["json", "csv"] | None,
    Query(description="Format: `json` or `csv`; when given, `Accept` is not consulted."),
]
READ = (*API_REQUEST, *PARAMETERS, Code.NOT_PUBLISHED)


def info(release: Release) -> dict[str, Any]:
    return {
        "year": release.year,
        "version": release.version,
        "published_at": release.published_at,
        "reason": release.reason,
        "changes": release.changes,
    }


@router.post(
    "/releases",
    operation_id="publishRelease",
    status_code=202,
    responses={
        **responses(*API_REQUEST, *AUTHENTICATED, *PARAMETERS, Code.FORBIDDEN),
        202: {
            "model": JobOut,
            "description": "Accepted: the job is stored and runs now; `Location` is its status.",
        },
    },
)
def publish(
    body: ReleaseIn,
    session: SessionDep,
    settings: SettingsDep,
    caller: Publisher,
    response: Response,
    background: BackgroundTasks,
    connect: JobConnectDep,
) -> JobOut:
    """Publicera: make the year's open data from approved reports of closed periods, protect
    every open table together, and store it as the year's next version. Protecting a whole
    country takes minutes, so this answers `202` at once with a job; `GET` its `Location`
    until `state` is `done`: `result.version` is the version, `result.created` false when
    nothing published would change (the latest version answers)."""
    params = {
        "year": body.year,
        "reason": body.reason,
        "threshold": settings.finsam_suppression_threshold,
    }
    job = jobs.enqueue(session, service.PUBLISH, params, caller.key_id)
    # After the response, and so after the request's transaction has committed the job.
    background.add_task(jobs.run_pending, connect)
    response.headers["Location"] = f"/api/v1/jobs/{job.id}"
    response.headers["Retry-After"] = "2"
    return job_out(job)


@router.get("/open/releases", operation_id="listReleases", responses=responses(*API_REQUEST))
def list_releases(session: SessionDep) -> ReleaseList:
    """Every published version of every year, for anyone, no token."""
    return ReleaseList(
        releases=[ReleaseInfo.model_validate(info(r)) for r in service.releases(session)]
    )


@router.get(
    "/open/releases/{year}",
    operation_id="getRelease",
    responses={
        **responses(*READ, Code.NOT_ACCEPTABLE),
        200: {
            "model": NationalRelease,
            "description": "The national table as JSON, or CSV (one line per figure).",
            "content": {CSV: {"schema": {"type": "string"}}},
        },
    },
)
def get_release(
    year: YearPath,
    session: SessionDep,
    request: Request,
    version: VersionQuery = None,
    group_by: GroupQuery = GroupBy.FORBUND,
    format: FormatQuery = None,
) -> Any:
    """A year's release (the latest version unless `version=`): the national table with a row
    per förbund or län, protected at publication; hidden counts are null and named in
    `suppressed`. JSON, or CSV by `format=csv` or `Accept`."""
    release = service.get(session, year, version)
    table = {**service.national_table(release, group_by), "release": info(release)}
    chosen = negotiate(format, request.headers.get("accept"), {"json": JSON, "csv": CSV})
    if chosen == CSV:
        filename = f"finsam-{year}-v{release.version}"
        return Response(
            to_csv(table).encode("utf-8-sig"),
            media_type=f"{CSV}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
        )
    return NationalRelease.model_validate(table)


@router.get(
    "/open/releases/{year}/forbund/{code}",
    operation_id="getForbundRelease",
    responses=responses(*READ, Code.NOT_FOUND),
)
def get_forbund_release(
    year: YearPath, code: str, session: SessionDep, version: VersionQuery = None
) -> ForbundRelease:
    """A förbund's own open summary in a year's release: exactly its national row."""
    release = service.get(session, year, version)
    table = {**service.forbund_table(release, code), "release": info(release)}
    return ForbundRelease.model_validate(table)


def to_csv(table: dict[str, Any]) -> str:
    """One line per figure: table, figure, value; `prickad` (hidden) where suppressed, empty
    where no report gave it. `;`-separated as Swedish Excel expects."""
    suppressed = set(table.get("suppressed") or [])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(["tabell", "mått", "värde"])
    rows = [("national", "", table)] + [
        (f"{table['group_by']}:{row['key']}", f"forbund.{i}.", row)
        for i, row in enumerate(table["forbund"])
    ]
    for name, prefix, figures in rows:
        for path, value in service.numbers(figures):
            if not path.startswith(("measures.", "shares.")):
                continue  # counts of insatser and reports: the JSON has them
            hidden = f"{prefix}{path}" in suppressed
            writer.writerow([name, path, "prickad" if hidden else ("" if value is None else value)])
    return out.getvalue()
