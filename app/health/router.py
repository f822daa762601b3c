"""Liveness and readiness, for load balancers and the Docker HEALTHCHECK."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field
from sqlalchemy import text

from app.api.deps import SessionDep
from app.api.problems import ProblemError, responses
from app.db.migrate import is_at_head

router = APIRouter(tags=["health"])


class HealthStatus(BaseModel):
    """Service status."""

    status: Literal["ok"] = Field(description="Status: always `ok` when answered.")


class NotReady(ProblemError):
    status, title = 503, "Service unavailable"


@router.get("/health", operation_id="health")
def health() -> HealthStatus:
    """The process is up (no database check)."""
    return HealthStatus(status="ok")


@router.get("/ready", operation_id="ready", responses=responses(NotReady))
def ready(session: SessionDep) -> HealthStatus:
    """The database is reachable and carries the newest migration."""
    try:
        session.execute(text("SELECT 1"))
        migrated = is_at_head(session.connection())
    except Exception as exc:  # any database failure means "not ready", never a 500
        raise NotReady("The database is not reachable.") from exc
    if not migrated:
        raise NotReady("The database is not migrated to the newest schema.")
    return HealthStatus(status="ok")
