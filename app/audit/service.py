"""The audit trail: who did what, written in the same transaction as the change itself."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db.models import AuditEvent
from app.domain.access import Caller


def record(
    session: Session,
    caller: Caller | None,
    action: str,
    *,
    forbund_id: int | None = None,
    report_id: int | None = None,
    target: str | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Add an event; `caller` None is the operator at the command line."""
    event = AuditEvent(
        **_actor(caller),
        action=action,
        forbund_id=forbund_id,
        report_id=report_id,
        target=target,
        detail=detail,
    )
    session.add(event)
    return event


@dataclass(frozen=True)
class Event:
    """One event of `record_many`."""

    action: str
    forbund_id: int | None
    report_id: int | None
    target: str
    detail: dict[str, Any]


def record_many(session: Session, caller: Caller | None, batch: Sequence[Event]) -> None:
    """Add many events in one statement, as `record` adds one (an import's rows)."""
    if batch:
        actor = _actor(caller)
        session.execute(insert(AuditEvent), [{**actor, **vars(e)} for e in batch])


def _actor(caller: Caller | None) -> dict[str, Any]:
    return {
        "key_id": caller.key_id if caller else None,
        "key_label": caller.label if caller else "finsam command line",
    }


def events(
    session: Session,
    *,
    forbund_id: int | None = None,
    report_id: int | None = None,
    limit: int = 500,
) -> list[AuditEvent]:
    """Events, newest first, narrowed to a förbund or a report."""
    query = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    if forbund_id is not None:
        query = query.where(AuditEvent.forbund_id == forbund_id)
    if report_id is not None:
        query = query.where(AuditEvent.report_id == report_id)
    return list(session.scalars(query))
