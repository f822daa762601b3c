"""Insatser: creating, finding and listing, with the caller's scope applied."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Forbund, Insats
from app.domain.access import Caller, may_read_reports, may_write_forbund, may_write_reports
from app.errors import Code, FinsamError
from app.insatser.schemas import InsatsIn, InsatsOut


def to_out(insats: Insats) -> InsatsOut:
    return InsatsOut.model_validate(
        {
            **{c: getattr(insats, c) for c in InsatsOut.model_fields if c != "forbund"},
            "forbund": insats.forbund.code,
        }
    )


def create_insats(session: Session, caller: Caller, forbund: Forbund, data: InsatsIn) -> Insats:
    if not may_write_forbund(caller, forbund.id):
        raise FinsamError(Code.FORBIDDEN, "This key may not create insatser for that förbund.")
    insats = Insats(forbund=forbund, **data.model_dump())
    session.add(insats)
    session.flush()
    return insats


def list_insatser(session: Session, forbund: Forbund) -> list[Insats]:
    query = select(Insats).where(Insats.forbund_id == forbund.id).order_by(Insats.id)
    return list(session.scalars(query.options(joinedload(Insats.forbund))))


MAX_ID = 2**31 - 1  # ids are PostgreSQL integers; a larger one cannot exist
# Where an insats is named: every operation on one has its id in the path.
INSATS_ID = ("path", "insats_id")


def get_insats(session: Session, insats_id: int) -> Insats:
    insats = None
    if 1 <= insats_id <= MAX_ID:
        insats = session.get(Insats, insats_id, options=[joinedload(Insats.forbund)])
    if insats is None:
        raise FinsamError(Code.NOT_FOUND, "No insats with that id.", loc=INSATS_ID)
    return insats


def readable_insats(session: Session, caller: Caller, insats_id: int) -> Insats:
    """The insats record itself: its förbund and national users, not reporters."""
    insats = get_insats(session, insats_id)
    if not caller.sees_everything and not may_write_forbund(caller, insats.forbund_id):
        raise FinsamError(Code.FORBIDDEN, "This key may not read that insats.", loc=INSATS_ID)
    return insats


def insats_for_reports(session: Session, caller: Caller, insats_id: int, *, write: bool) -> Insats:
    """The insats whose reports the caller reads (or writes): 404 if none, 403 if not theirs."""
    insats = get_insats(session, insats_id)
    allowed = may_write_reports if write else may_read_reports
    if not allowed(caller, insats.forbund_id, insats.id):
        verb = "write" if write else "read"
        raise FinsamError(
            Code.FORBIDDEN, f"This key may not {verb} that insats's reports.", loc=INSATS_ID
        )
    return insats
