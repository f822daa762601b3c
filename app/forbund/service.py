"""Förbund: creating, finding and listing, with the caller's scope applied."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.api.problems import Conflict, Forbidden, NotFound
from app.db.models import Forbund
from app.domain.access import Caller, Role, may_read_forbund
from app.forbund.schemas import ForbundIn


def create_forbund(session: Session, data: ForbundIn) -> Forbund:
    forbund = Forbund(**data.model_dump())
    try:
        with session.begin_nested():
            session.add(forbund)
    except IntegrityError:
        raise Conflict(f"A förbund with code '{data.code}' already exists.") from None
    return forbund


def get_forbund(session: Session, code: str) -> Forbund:
    forbund = session.scalar(select(Forbund).where(Forbund.code == code))
    if forbund is None:
        raise NotFound(f"No förbund with code '{code}'.")
    return forbund


def readable_forbund(session: Session, caller: Caller, code: str) -> Forbund:
    """The förbund, if the caller may read it: 404 if there is none, 403 if it is not theirs."""
    forbund = get_forbund(session, code)
    if not may_read_forbund(caller, forbund.id):
        raise Forbidden(f"This key may not read förbund '{code}'.")
    return forbund


def list_forbund(session: Session, caller: Caller) -> list[Forbund]:
    """Every förbund the caller may read; a reporter key reads none and is told so."""
    query = select(Forbund).order_by(Forbund.code)
    if caller.role is Role.REPORTER:
        raise Forbidden("A reporter key reads only the reports of its own insatser.")
    if not caller.sees_everything:
        query = query.where(Forbund.id == caller.forbund_id)
    return list(session.scalars(query))
