"""Insatser: creating, finding and listing (who may is decided before: `app/auth`)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from app.db.models import Forbund, Insats
from app.errors import Code, FinsamError
from app.insatser.schemas import InsatsIn, InsatsOut


def to_out(insats: Insats) -> InsatsOut:
    return InsatsOut.model_validate(
        {
            **{c: getattr(insats, c) for c in InsatsOut.model_fields if c != "forbund"},
            "forbund": insats.forbund.code,
        }
    )


def create_insats(session: Session, forbund: Forbund, data: InsatsIn) -> Insats:
    """A new insats of the förbund (which the caller may change: `WritableForbund`)."""
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
