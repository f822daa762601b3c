"""Förbund: creating, finding and listing, with the caller's scope applied."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.audit.service import record
from app.db.models import ClosedPeriod, Forbund
from app.domain.access import Caller
from app.domain.periods import Period
from app.errors import Code, FinsamError
from app.forbund.schemas import ForbundIn, ForbundSettingsIn


def create_forbund(session: Session, data: ForbundIn) -> Forbund:
    forbund = Forbund(**data.model_dump())
    try:
        with session.begin_nested():
            session.add(forbund)
    except IntegrityError:
        raise FinsamError(Code.ALREADY_EXISTS, "A förbund with that code already exists.") from None
    return forbund


_CODE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def get_forbund(session: Session, code: str) -> Forbund:
    # A string that is no code cannot name a förbund; it is not sent to the database at all.
    valid = len(code) <= 64 and _CODE.fullmatch(code) is not None
    forbund = session.scalar(select(Forbund).where(Forbund.code == code)) if valid else None
    if forbund is None:
        # Never the code itself: error texts end up in clients' logs (issue 10).
        raise FinsamError(Code.NOT_FOUND, "No förbund with that code.", loc=("path", "code"))
    return forbund


def list_forbund(session: Session, caller: Caller) -> list[Forbund]:
    """Every förbund the caller reads: all for admin and national keys, else its own."""
    query = select(Forbund).order_by(Forbund.code)
    if not caller.sees_everything:
        query = query.where(Forbund.id == caller.forbund_id)
    return list(session.scalars(query))


def update_settings(
    session: Session, caller: Caller, forbund: Forbund, data: ForbundSettingsIn
) -> Forbund:
    forbund.require_if_match = data.require_if_match
    record(
        session,
        caller,
        "forbund.settings",
        forbund_id=forbund.id,
        target=forbund.code,
        detail=data.model_dump(),
    )
    session.flush()
    return forbund


def close_period(
    session: Session, caller: Caller, forbund: Forbund, period: Period
) -> ClosedPeriod:
    closed = ClosedPeriod(
        forbund_id=forbund.id,
        period=str(period),
        period_start=period.start,
        period_end=period.end,
        closed_by=caller.key_id,
    )
    try:
        with session.begin_nested():
            session.add(closed)
    except IntegrityError:
        raise FinsamError(Code.ALREADY_EXISTS, f"Period {period} is already closed.") from None
    record(session, caller, "period.closed", forbund_id=forbund.id, target=str(period))
    session.flush()
    session.refresh(closed)
    return closed


def closed_periods(session: Session, forbund: Forbund) -> list[ClosedPeriod]:
    query = select(ClosedPeriod).where(ClosedPeriod.forbund_id == forbund.id)
    return list(session.scalars(query.order_by(ClosedPeriod.period_start, ClosedPeriod.period)))


def open_period(session: Session, caller: Caller, forbund: Forbund, period: Period) -> None:
    closed = session.get(ClosedPeriod, (forbund.id, str(period)))
    if closed is None:
        raise FinsamError(Code.NOT_FOUND, f"Period {period} is not closed.")
    session.delete(closed)
    record(session, caller, "period.opened", forbund_id=forbund.id, target=str(period))
    session.flush()
