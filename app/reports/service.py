"""Reports: validation against the insats, storage as facts, revisions with history,
optimistic concurrency and the approval workflow."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Select, func, select, update
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.audit.service import events, record
from app.db.models import ClosedPeriod, Insats, Report, ReportFact, ReportRevision
from app.domain.access import Caller, may_add_late_report
from app.domain.measures import InsatsKind
from app.domain.periods import Period
from app.domain.reports import Fact, check_consistency, diff_facts, from_facts, to_facts
from app.domain.workflow import (
    ReportStatus,
    Step,
    after_change,
    change_refusal,
    next_status,
)
from app.errors import Code, FieldError, FinsamError
from app.reports.schemas import (
    EventOut,
    FactChange,
    HistoryOut,
    KeyRef,
    ReportIn,
    ReportOut,
    RevisionOut,
)


class WriteOutcome(StrEnum):
    """What a report write did."""

    CREATED = "created"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def etag(report: Report) -> str:
    """Changes with every revision and every workflow step."""
    return f'"{report.revision}-{report.status}"'


def to_out(report: Report) -> ReportOut:
    figures = from_facts(Fact(f.measure, f.category, f.gender, f.value) for f in report.facts)
    return ReportOut.model_validate(
        {
            **figures,
            "insats_id": report.insats_id,
            "period": report.period,
            "revision": report.revision,
            "status": report.status,
            "updated_at": report.updated_at,
            "note": report.note,
        }
    )


def validate_report(insats: Insats, period: Period, data: ReportIn) -> list[Fact]:
    """The report's facts, if it may be stored for this insats and period; else a 422."""
    if not period.overlaps(insats.start_date, insats.end_date):
        lifetime = f"{insats.start_date}..{insats.end_date or ''}"
        raise FinsamError.at(
            Code.OUTSIDE_INSATS_LIFETIME,
            ("path", "period"),
            f"period {period} lies outside the insats's lifetime ({lifetime})",
        )
    figures = data.figures()
    if given := [name for name in figures if name in insats.not_applicable]:
        errors = [
            FieldError(("body", name), "does not apply to this insats (its not_applicable)")
            for name in given
        ]
        raise FinsamError(
            Code.MEASURE_NOT_APPLICABLE,
            f"{', '.join(given)} does not apply to this insats",
            errors=errors,
        )
    violations = check_consistency(figures, InsatsKind(insats.kind))
    if violations:
        errors = [FieldError(("body", *v.loc), v.msg) for v in violations]
        detail = "; ".join(v.msg for v in violations)
        raise FinsamError(Code.INCONSISTENT_FIGURES, detail, errors=errors)
    return to_facts(figures)


def _locked_report(session: Session, insats_id: int, period: Period) -> tuple[Report, bool]:
    """The report row for (insats, period), locked for this transaction; created if missing.

    INSERT .. ON CONFLICT DO NOTHING then SELECT .. FOR UPDATE: two writers of the same new
    report cannot both create it, and writers of one report queue behind each other, so each
    sees the revision the previous one left and no update is lost.
    """
    inserted = session.scalar(
        insert(Report)
        .values(
            insats_id=insats_id,
            period=str(period),
            period_kind=period.kind.value,
            period_start=period.start,
            period_end=period.end,
            revision=1,
        )
        .on_conflict_do_nothing(index_elements=["insats_id", "period"])
        .returning(Report.id)
    )
    query = _report_query(insats_id, period).with_for_update()
    query = query.execution_options(populate_existing=True)
    if inserted is None:
        query = query.options(selectinload(Report.facts))
    report = session.scalars(query).one()
    if inserted is not None:
        set_committed_value(report, "facts", [])  # just created: it has none to load
    return report, inserted is not None


def _report_query(insats_id: int, period: Period) -> Select[Report]:
    return select(Report).where(Report.insats_id == insats_id, Report.period == str(period))


def _current_report(session: Session, insats_id: int, period: Period) -> tuple[Report, bool]:
    """The report for (insats, period) as stored now, unlocked, or a new unsaved one."""
    query = _report_query(insats_id, period).options(selectinload(Report.facts))
    report = session.scalars(query).one_or_none()
    if report is not None:
        return report, False
    new = Report(insats_id=insats_id, period=str(period), revision=1, status="draft")
    set_committed_value(new, "facts", [])
    return new, True


def period_closed_at(session: Session, forbund_id: int, period: Period) -> datetime | None:
    """When the förbund closed a period overlapping `period` (the latest such), if it did.

    Overlapping, not only containing: a year's report restates its halves' flows (the
    summaries prefer it to them), so with 2022H1 closed a new or changed `2022` would change
    closed figures; and closing 2022 closes its halves, tertials and quarters.
    """
    return session.scalar(
        select(func.max(ClosedPeriod.closed_at)).where(
            ClosedPeriod.forbund_id == forbund_id,
            ClosedPeriod.period_start <= period.end,
            ClosedPeriod.period_end >= period.start,
        )
    )


def _check_preconditions(report: Report, insats: Insats, if_match: str | None) -> None:
    if if_match is None and insats.forbund.require_if_match:
        raise FinsamError(
            Code.PRECONDITION_REQUIRED,
            "This förbund requires If-Match on replacements: send the ETag "
            f"of the report you are replacing (now {etag(report)}, revision {report.revision}).",
        )
    if if_match is not None and if_match.strip() != "*" and etag(report) not in _tags(if_match):
        raise FinsamError(
            Code.PRECONDITION_FAILED,
            f"The report has changed: it is now revision {report.revision} "
            f"(ETag {etag(report)}). Read it, then send your change again.",
            extra={"current_revision": report.revision, "current_etag": etag(report)},
        )


def _tags(header: str) -> set[str]:
    # If-Match compares strongly (RFC 9110): a weak tag never matches our strong ETags.
    return {t.strip() for t in header.split(",")}


def _snapshot(session: Session, report: Report, caller: Caller | None) -> None:
    session.add(
        ReportRevision(
            report_id=report.id,
            revision=report.revision,
            facts=[list(Fact(f.measure, f.category, f.gender, f.value)) for f in report.facts],
            note=report.note,
            changed_by=caller.key_id if caller else None,
            changed_by_label=caller.label if caller else None,
        )
    )


def put_report(
    session: Session,
    caller: Caller,
    insats: Insats,
    period: Period,
    data: ReportIn,
    if_match: str | None = None,
    *,
    dry_run: bool = False,
) -> tuple[Report, WriteOutcome]:
    """Create or replace the report; returns it and what the write did.

    Sending what is already stored changes nothing (same revision), so retries are safe.
    A dry run decides exactly as a write would, from what is stored now, and writes and locks
    nothing (a report it would create is returned unsaved).
    """
    facts = validate_report(insats, period, data)
    if dry_run:
        report, created = _current_report(session, insats.id, period)
    else:
        report, created = _locked_report(session, insats.id, period)
    closed_at = period_closed_at(session, insats.forbund_id, period)
    if created:
        if if_match is not None:  # "*" too: it means "only if it exists" (RFC 9110)
            raise FinsamError(
                Code.PRECONDITION_FAILED, "If-Match was sent, but there is no report to match yet."
            )
        if closed_at is not None and not may_add_late_report(caller):
            raise FinsamError(
                Code.PERIOD_CLOSED,
                f"Period {period} is closed; ask the förbund to add late reports.",
            )
    else:
        stored = sorted(Fact(f.measure, f.category, f.gender, f.value) for f in report.facts)
        if stored == sorted(facts) and report.note == data.note:
            # The change is already there (a retry whose first response was lost): success,
            # whatever If-Match says (RFC 9110 13.1.1), so re-sending a period is always safe.
            return report, WriteOutcome.UNCHANGED
        _check_preconditions(report, insats, if_match)
        refusal = change_refusal(ReportStatus(report.status), closed_at, report.reopened_at)
        if refusal:
            raise FinsamError(refusal.code, f"The report for {period} cannot change: {refusal}.")
    if dry_run:
        return report, WriteOutcome.CREATED if created else WriteOutcome.REPLACED
    changed: dict[str, object] = {"note": data.note, "updated_by": caller.key_id}
    if not created:
        changed["revision"] = report.revision + 1
        changed["status"] = after_change(ReportStatus(report.status)).value
    # One UPDATE that also gives back the time the database stored (now(), the
    # transaction's), where the ORM would read it with a second SELECT.
    changed["updated_at"] = session.execute(
        update(Report)
        .where(Report.id == report.id)
        .values(**changed, updated_at=func.now())
        .returning(Report.updated_at)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    for name, value in changed.items():
        set_committed_value(report, name, value)
    report.facts = [ReportFact(**fact._asdict()) for fact in sorted(facts)]
    session.flush()
    _snapshot(session, report, caller)
    record(
        session,
        caller,
        "report.created" if created else "report.replaced",
        forbund_id=insats.forbund_id,
        report_id=report.id,
        target=f"insats {insats.id} {period}",
        detail={"revision": report.revision},
    )
    session.flush()
    return report, WriteOutcome.CREATED if created else WriteOutcome.REPLACED


def take_step(
    session: Session,
    caller: Caller,
    insats: Insats,
    period: Period,
    step: Step,
    comment: str | None,
    if_match: str | None = None,
) -> Report:
    """Submit, approve, return or reopen a report (the caller may take the step on the
    insats's reports: `may_take_step`); every step is audited."""
    report = session.scalars(
        select(Report)
        .where(Report.insats_id == insats.id, Report.period == str(period))
        .with_for_update()
        .options(selectinload(Report.facts))
    ).one_or_none()
    if report is None:
        raise FinsamError(Code.NOT_FOUND, f"The insats has no report for {period}.")
    if if_match is not None:
        _check_preconditions(report, insats, if_match)
    status = ReportStatus(report.status)
    target = next_status(step, status)
    closed_at = period_closed_at(session, insats.forbund_id, period)
    if step is Step.REOPEN and target is None and closed_at is not None:
        target = status  # reopening a closed period's report lets it change, status as it is
    if target is None:
        raise FinsamError(
            Code.INVALID_WORKFLOW_STEP, f"A {status.value} report cannot be {_past(step)}."
        )
    if step is Step.SUBMIT and change_refusal(status, closed_at, report.reopened_at):
        # Only a draft is submitted, so what stops it is the closed period.
        raise FinsamError(
            Code.PERIOD_CLOSED,
            f"Period {period} is closed; the förbund must reopen the report first.",
        )
    report.status = target.value
    if step is Step.REOPEN:
        report.reopened_at = func.now()
    session.flush()
    session.refresh(report)
    record(
        session,
        caller,
        f"report.{_past(step)}",
        forbund_id=insats.forbund_id,
        report_id=report.id,
        target=f"insats {insats.id} {period}",
        detail={
            "revision": report.revision,
            "from": status.value,
            "to": target.value,
            "comment": comment,
        },
    )
    return report


def _past(step: Step) -> str:
    return {
        "submit": "submitted",
        "approve": "approved",
        "return": "returned",
        "reopen": "reopened",
    }[step.value]


def get_report(session: Session, insats_id: int, period: Period) -> Report:
    report = session.scalar(
        select(Report)
        .where(Report.insats_id == insats_id, Report.period == str(period))
        .options(selectinload(Report.facts))
    )
    if report is None:
        raise FinsamError(Code.NOT_FOUND, f"The insats has no report for {period}.")
    return report


def list_reports(session: Session, insats_id: int) -> list[Report]:
    query = (
        select(Report)
        .where(Report.insats_id == insats_id)
        .order_by(Report.period_start, Report.period_end.desc())
        .options(selectinload(Report.facts))
    )
    return list(session.scalars(query))


def revisions(session: Session, report_id: int) -> list[ReportRevision]:
    query = (
        select(ReportRevision)
        .where(ReportRevision.report_id == report_id)
        .order_by(ReportRevision.revision)
    )
    return list(session.scalars(query))


def history(session: Session, insats: Insats, period: Period) -> HistoryOut:
    """Every revision (who, when, which numbers changed) and every workflow step, oldest first."""
    report = get_report(session, insats.id, period)
    out: list[RevisionOut] = []
    previous: list[Fact] = []
    previous_note: str | None = None
    for revision in revisions(session, report.id):
        facts = [Fact(str(m), str(c), str(g), int(v)) for m, c, g, v in revision.facts]
        out.append(
            RevisionOut(
                revision=revision.revision,
                changed_at=revision.changed_at,
                changed_by=KeyRef(key_id=revision.changed_by, label=revision.changed_by_label),
                changes=[
                    FactChange(measure=m, category=c or None, gender=g or None, before=b, after=a)
                    for m, c, g, b, a in diff_facts(previous, facts)
                ],
                note_changed=bool(out) and revision.note != previous_note,
            )
        )
        previous, previous_note = facts, revision.note
    return HistoryOut(
        insats_id=insats.id,
        period=str(period),
        revisions=out,
        events=[
            EventOut(
                at=e.at,
                action=e.action,
                by=KeyRef(key_id=e.key_id, label=e.key_label),
                detail=e.detail,
            )
            for e in reversed(events(session, report_id=report.id))
        ],
    )
