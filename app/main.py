"""The ASGI application: `app.main:app`."""

from __future__ import annotations

from fastapi import FastAPI

from app.api.input_guard import InputGuard
from app.api.problems import install_problem_handlers
from app.audit.router import router as audit_router
from app.config import get_settings
from app.forbund.router import router as forbund_router
from app.health.router import router as health_router
from app.imports.router import router as imports_router
from app.insatser.router import router as insatser_router
from app.keys.router import router as keys_router
from app.logs import install_log_redaction
from app.reports.router import router as reports_router
from app.summaries.router import router as summaries_router

DESCRIPTION = """
Follow-up of Finsam insatser: insats systems report anonymous, group-level figures per period;
förbund, national users and the public read them back summed right. Counts only, never
individuals. A measure that is absent or null is "ej aktuellt" (not applicable / not
reported) and is never treated as 0. Errors are `application/problem+json` (RFC 9457).
"""


def create_app() -> FastAPI:
    app = FastAPI(
        title="finsam",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=[
            {"name": "förbund", "description": "Samordningsförbund."},
            {"name": "insatser", "description": "Insatser financed by a förbund."},
            {"name": "reports", "description": "Rapporter: an insats's figures per period."},
            {"name": "summaries", "description": "Sammanställningar, tabeller och trender."},
            {"name": "open data", "description": "Öppna data: no token, disclosure-controlled."},
            {"name": "imports", "description": "Massimport: many reports in one transaction."},
            {"name": "keys", "description": "API keys and roles."},
            {"name": "health", "description": "Liveness and readiness."},
        ],
    )
    install_log_redaction()
    install_problem_handlers(app)
    # Read once at start-up: the limit guards the process, like the server's own limits.
    app.add_middleware(InputGuard, max_body_bytes=get_settings().finsam_max_body_bytes)
    for router in (
        health_router,
        forbund_router,
        insatser_router,
        reports_router,
        imports_router,
        summaries_router,
        keys_router,
        audit_router,
    ):
        app.include_router(router)
    return app


app = create_app()
