"""Operations: liveness and readiness (load balancers, the Docker HEALTHCHECK) and metrics."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field
from sqlalchemy import Engine, func, select, text

from app.api.problems import responses
from app.db.engine import get_readiness_engine, pool_in_use
from app.db.migrate import is_at_head
from app.db.models import Report
from app.errors import Code, FinsamError
from app.observability.metrics import CALLBACKS, REGISTRY

router = APIRouter(tags=["health"])


class HealthStatus(BaseModel):
    """Service status."""

    status: Literal["ok"] = Field(description="Status: always `ok` when answered.")


@router.get("/health", operation_id="health")
async def health() -> HealthStatus:
    """The process is up (no database check). Async, so it needs no worker thread and
    answers at once however busy the service is."""
    return HealthStatus(status="ok")


ReadinessEngineDep = Annotated[Engine, Depends(get_readiness_engine)]


@router.get(
    "/ready",
    operation_id="ready",
    responses=responses(Code.DATABASE_UNAVAILABLE, Code.DATABASE_NOT_MIGRATED),
)
def ready(engine: ReadinessEngineDep) -> HealthStatus:
    """The database is reachable and carries the newest migration. Checked on a connection
    of its own, so a full pool does not delay the answer."""
    try:
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
            migrated = is_at_head(connection)
    except Exception as exc:  # any database failure means "not ready", never a 500
        raise FinsamError(Code.DATABASE_UNAVAILABLE, "The database is not reachable.") from exc
    if not migrated:
        detail = "The database is not migrated to the newest schema."
        raise FinsamError(Code.DATABASE_NOT_MIGRATED, detail)
    return HealthStatus(status="ok")


def _reports_stored(engine: Engine) -> int | None:
    try:
        with engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(Report)) or 0)
    except Exception:  # the database away: the figure is unknown, and left out
        return None


@router.get(
    "/metrics",
    operation_id="metrics",
    response_class=Response,
    responses={
        200: {
            "description": "Prometheus text format: requests by method, route and status, "
            "latency per route, the database pool, reports stored and report writes by "
            "outcome. No token needed: it holds no tenant's data.",
            "content": {CONTENT_TYPE_LATEST: {"schema": {"type": "string"}}},
        }
    },
)
def metrics(engine: ReadinessEngineDep) -> Response:
    """Metrics for operators (Prometheus)."""
    CALLBACKS.pool_in_use = pool_in_use
    stored = _reports_stored(engine)
    CALLBACKS.reports_stored = lambda: stored
    return Response(generate_latest(REGISTRY), media_type=CONTENT_TYPE_LATEST)
