"""Insatser: creating, finding and listing (who may is decided before: `app/auth`)."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session, joinedload

from app.audit.service import record
from app.db.models import Forbund, Insats, Report
from app.domain.access import Caller
from app.errors import Code, FinsamError
from app.insatser.schemas import InsatsIn, InsatsOut, InsatsPatch


def to_out(insats: Insats) -> InsatsOut:
    return InsatsOut.model_validate(
        {
            **{c: getattr(insats, c) for c in InsatsOut.model_fields if c != "forbund"},
            "forbund": insats.forbund.code,
        }
    )


def create_insats(session: Session, forbund: Forbund, data: InsatsIn) -> Insats:
    """A new insats of the förbund (which the caller may change: `WritableForbund`)."""
    fields = data.model_dump()
    fields["not_applicable"] = sorted(set(data.not_applicable))
    insats = Insats(forbund=forbund, **fields)
    session.add(insats)
    session.flush()
    return insats


def update_insats(session: Session, caller: Caller, insats: Insats, data: InsatsPatch) -> Insats:
    """Change what was sent of an insats (which the caller may change: `WritableInsats`).

    An end date that would leave stored reports after it is refused: a report outside the
    insats's lifetime could be neither read as valid nor written again.
    """
    changes = data.model_dump(exclude_unset=True)
    for required in ("name", "owner"):
        if required in changes and changes[required] is None:
            raise FinsamError.at(Code.VALIDATION_FAILED, ("body", required), "must not be null")
    if (end := changes.get("end_date")) is not None:
        if end < insats.start_date:
            raise FinsamError.at(
                Code.VALIDATION_FAILED,
                ("body", "end_date"),
                "end_date must not be before start_date",
            )
        after = session.scalar(
            select(func.count())
            .select_from(Report)
            .where(Report.insats_id == insats.id, Report.period_start > end)
        )
        if after:
            raise FinsamError.at(
                Code.OUTSIDE_INSATS_LIFETIME,
                ("body", "end_date"),
                f"{after} stored report(s) lie after that date; end the insats later, or "
                "remove those reports first",
            )
    if "not_applicable" in changes:
        changes["not_applicable"] = sorted(set(changes["not_applicable"] or ()))
    for field, value in changes.items():
        setattr(insats, field, value)
    record(
        session,
        caller,
        "insats.changed",
        forbund_id=insats.forbund_id,
        target=f"insats {insats.id}",
        detail={k: str(v) if k == "end_date" else v for k, v in changes.items()},
    )
    session.flush()
    return insats


def list_insatser(session: Session, forbund: Forbund) -> list[Insats]:
    query = select(Insats).where(Insats.forbund_id == forbund.id).order_by(Insats.id)
    return list(session.scalars(query.options(joinedload(Insats.forbund))))


MAX_ID = 2**31 - 1  # ids are PostgreSQL integers; a larger one cannot exist
# Where an insats is named: every operation on one has its id in the path.
INSATS_ID = ("path", "insats_id")


class InsatsRef(NamedTuple):
    """What reading and writing an insats's reports needs of it, with its förbund's rule on
    If-Match. One Core query: the ORM load of the insats and its förbund was a tenth of a
    report PUT's server time (bench/README.md)."""

    id: int
    forbund_id: int
    kind: str
    start_date: date
    end_date: date | None
    not_applicable: tuple[str, ...]
    require_if_match: bool


_REF = (
    select(
        Insats.id,
        Insats.forbund_id,
        Insats.kind,
        Insats.start_date,
        Insats.end_date,
        Insats.not_applicable,
        Forbund.require_if_match,
    )
    .join(Forbund)
    .where(Insats.id == bindparam("insats_id"))
)


def insats_ref(session: Session, insats_id: int) -> InsatsRef:
    """The insats as `InsatsRef`, or 404 as `get_insats`."""
    row = None
    if 1 <= insats_id <= MAX_ID:
        row = session.connection().execute(_REF, {"insats_id": insats_id}).one_or_none()
    if row is None:
        raise FinsamError(Code.NOT_FOUND, "No insats with that id.", loc=INSATS_ID)
    id_, forbund_id, kind, start, end, not_applicable, require_if_match = row
    return InsatsRef(
        id_, forbund_id, kind, start, end, tuple(not_applicable or ()), require_if_match
    )


def get_insats(session: Session, insats_id: int) -> Insats:
    insats = None
    if 1 <= insats_id <= MAX_ID:
        insats = session.get(Insats, insats_id, options=[joinedload(Insats.forbund)])
    if insats is None:
        raise FinsamError(Code.NOT_FOUND, "No insats with that id.", loc=INSATS_ID)
    return insats
