"""HTTP endpoint of jobs: the status of work a request queued with `202`."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from app.api.deps import SessionDep
from app.api.problems import API_REQUEST, AUTHENTICATED, PARAMETERS, responses
from app.auth.dependencies import Publisher
from app.db.models import Job
from app.errors import Code
from app.jobs import service
from app.jobs.schemas import JobOut

router = APIRouter(prefix="/api/v1", tags=["jobs"])

JobId = Annotated[uuid.UUID, Path(description="The job's id, from the 202 that queued it.")]


def job_out(job: Job) -> JobOut:
    return JobOut.model_validate(job, from_attributes=True)


@router.get(
    "/jobs/{job_id}",
    operation_id="getJob",
    responses=responses(*API_REQUEST, *AUTHENTICATED, *PARAMETERS, Code.FORBIDDEN, Code.NOT_FOUND),
)
def get_job(job_id: JobId, session: SessionDep, caller: Publisher) -> JobOut:
    """A job's state, and its result once done. Jobs publish releases, so national and
    admin keys read them."""
    return job_out(service.get(session, job_id))
