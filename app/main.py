"""The ASGI application: `app.main:app`."""

from __future__ import annotations

import gc
import logging

from fastapi import FastAPI
from fastapi_offline import FastAPIOffline

from app.api.admission import Admission
from app.api.input_guard import InputGuard
from app.api.problems import install_problem_handlers
from app.audit.router import router as audit_router
from app.config import get_settings
from app.db.engine import POOL_CAPACITY
from app.forbund.router import router as forbund_router
from app.health.router import router as health_router
from app.imports.router import router as imports_router
from app.insatser.router import router as insatser_router
from app.jobs.router import router as jobs_router
from app.keys.router import router as keys_router
from app.observability.logs import configure_logging, install_log_redaction
from app.observability.request_context import RequestContext
from app.releases.router import router as releases_router
from app.reports.router import router as reports_router
from app.summaries.router import router as summaries_router

DESCRIPTION = """
Follow-up of Finsam insatser: insats systems report anonymous, group-level figures per period;
förbund, national users and the public read them back summed right. Counts only, never
individuals. A measure that is absent or null is "ej aktuellt" (not applicable / not
reported) and is never treated as 0. Errors are `application/problem+json` (RFC 9457).
"""


# CPython's cyclic collector runs, by default, every 700 net allocations. An import of 10,000
# reports builds some 300,000 small objects, and its decisions spent a third of their time in
# collections over them (bench/imports.py: a dry run 3.9 -> 2.2 s with these thresholds).
# Requests make little cyclic garbage; reference counting frees the rest at once.
GC_THRESHOLDS = (50_000, 20, 20)


def create_app() -> FastAPI:
    # FastAPIOffline: /docs and /redoc with their assets served from the package, since
    # förbund networks may not reach a CDN.
    app = FastAPIOffline(
        title="finsam",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=[
            {"name": "forbund", "description": "Förbund: samordningsförbund."},
            {"name": "insatser", "description": "Insatser financed by a förbund."},
            {"name": "reports", "description": "Rapporter: an insats's figures per period."},
            {"name": "summaries", "description": "Sammanställningar, tabeller och trender."},
            {"name": "open-data", "description": "Öppna data: no token, disclosure-controlled."},
            {"name": "imports", "description": "Massimport: many reports in one transaction."},
            {"name": "jobs", "description": "Jobs: work a request queued with 202."},
            {"name": "keys", "description": "API keys and roles."},
            {"name": "audit", "description": "Granskningslogg: who did what, and when."},
            {"name": "health", "description": "Liveness and readiness."},
        ],
    )
    gc.set_threshold(*GC_THRESHOLDS)
    settings = get_settings()
    if not logging.getLogger().handlers:  # under a server that left logging to the app
        configure_logging(settings.finsam_log_format)
    install_log_redaction()
    install_problem_handlers(app)
    # Outermost last: the request id and access line cover everything; the gate reads and
    # checks bodies before admission, so a slow upload holds no place that a database
    # request needs. Limits are read once at start-up, like the server's own.
    app.add_middleware(Admission, capacity=POOL_CAPACITY)
    app.add_middleware(InputGuard, max_body_bytes=settings.finsam_max_body_bytes)
    app.add_middleware(RequestContext)
    for router in (
        health_router,
        forbund_router,
        insatser_router,
        reports_router,
        imports_router,
        summaries_router,
        releases_router,
        jobs_router,
        keys_router,
        audit_router,
    ):
        app.include_router(router)
    return app


app = create_app()
