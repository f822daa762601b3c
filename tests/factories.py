"""Factories: a test's world written through the service layer, in the test's (or the
module's) transaction. One call each, no HTTP: building a world through fifteen requests per
test is what makes a suite slow. What a client sees is still tested through HTTP."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy.orm import Session

from app.db.models import Forbund, Insats
from app.domain.access import Caller, Role
from app.domain.periods import parse_period
from app.forbund.schemas import ForbundIn
from app.forbund.service import create_forbund
from app.insatser.schemas import InsatsIn
from app.insatser.service import create_insats, insats_ref
from app.keys.schemas import KeyIn
from app.keys.service import create_key, revoke_key
from app.reports.schemas import ReportIn
from app.reports.service import put_report
from app.reports.store import StoredReport

ADMIN = Caller(role=Role.ADMIN, label="tests")


def forbund(session: Session, code: str = "sundsvall", **extra: Any) -> Forbund:
    data = {
        "code": code,
        "name": f"Samordningsförbundet {code}",
        "lan": "Västernorrlands län",
        "kommuner": [code.capitalize()],
        **extra,
    }
    return create_forbund(session, ForbundIn.model_validate(data))


def insats(session: Session, of: Forbund, **extra: Any) -> Insats:
    data = {
        "name": "Psykolog",
        "kind": "individual",
        "owner": "Region Västernorrland",
        "start_date": "2020-01-01",
        **extra,
    }
    return create_insats(session, of, InsatsIn.model_validate(data))


def report(session: Session, of: Insats, period: str, body: dict[str, Any]) -> StoredReport:
    ref = insats_ref(session, of.id)
    stored, _ = put_report(session, ADMIN, ref, parse_period(period), ReportIn.model_validate(body))
    return stored


def key(session: Session, role: str, **scope: Any) -> tuple[str, str]:
    """A key's id and token."""
    created, token = create_key(session, None, KeyIn.model_validate({"role": role, **scope}))
    return str(created.id), token


def revoked_key(session: Session, role: str, **scope: Any) -> str:
    """The token of a key that has been revoked."""
    key_id, token = key(session, role, **scope)
    revoke_key(session, ADMIN, UUID(key_id))
    return token
