"""The audit trail: who did what, written in the same transaction as the change itself."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, TypedDict

from sqlalchemy import select
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
        **actor(caller),
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
    """An event of a report write, stored with its revision (`app.reports.store`)."""

    action: str
    forbund_id: int | None
    target: str
    detail: dict[str, Any]


class Actor(TypedDict):
    """Who an event names: the key (its id and label, never its token)."""

    key_id: uuid.UUID | None
    key_label: str | None


def actor(caller: Caller | None) -> Actor:
    """The key columns of `caller`'s events; None is the operator at the command line.
    (Reports store their events with their revisions: `app.reports.store`.)"""
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
