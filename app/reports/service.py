"""Reports: validation against the insats, storage as facts, revisions with history,
optimistic concurrency and the approval workflow."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from app.audit.service import Event, actor, events, record
from app.db.models import Report, ReportRevision
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
from app.insatser.service import InsatsRef
from app.reports import store
from app.reports.schemas import (
    EventOut,
    FactChange,
    HistoryOut,
    KeyRef,
    ReportIn,
    ReportOut,
    RevisionOut,
)
from app.reports.store import StoredReport


class WriteOutcome(StrEnum):
    """What a report write did."""

    CREATED = "created"
    REPLACED = "replaced"
    UNCHANGED = "unchanged"


def etag(report: Report | StoredReport) -> str:
    """Changes with every revision and every workflow step."""
    return f'"{report.revision}-{report.status}"'


def to_out(report: StoredReport) -> ReportOut:
    return ReportOut.model_validate(
        {
            **from_facts(report.facts),
            "insats_id": report.insats_id,
            "period": report.period,
            "revision": report.revision,
            "status": report.status,
            "updated_at": report.updated_at,
            "note": report.note,
        }
    )


def validate_report(insats: InsatsRef, period: Period, data: ReportIn) -> list[Fact]:
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


def decide(
    stored: StoredReport,
    created: bool,
    facts: Sequence[Fact],
    note: str | None,
    if_match: str | None,
    *,
    require_if_match: bool,
    period_closed: datetime | None,
    may_add_late: bool,
) -> WriteOutcome:
    """What writing `facts` and `note` over `stored` does, or the FinsamError refusing it.

    `created`: there was no report, `stored` is the one the write creates. Sending what is
    already stored changes nothing, so retries are safe.
    """
    if created:
        if if_match is not None:  # "*" too: it means "only if it exists" (RFC 9110)
            raise FinsamError(
                Code.PRECONDITION_FAILED, "If-Match was sent, but there is no report to match yet."
            )
        if period_closed is not None and not may_add_late:
            raise FinsamError(
                Code.PERIOD_CLOSED,
                f"Period {stored.period} is closed; ask the förbund to add late reports.",
            )
        return WriteOutcome.CREATED
    if stored.facts == tuple(facts) and stored.note == note:
        # The change is already there (a retry whose first response was lost): success,
        # whatever If-Match says (RFC 9110 13.1.1), so re-sending a period is always safe.
        return WriteOutcome.UNCHANGED
    _check_preconditions(stored, require_if_match, if_match)
    refusal = change_refusal(ReportStatus(stored.status), period_closed, stored.reopened_at)
    if refusal:
        raise FinsamError(refusal.code, f"The report for {stored.period} cannot change: {refusal}.")
    return WriteOutcome.REPLACED


def _check_preconditions(
    report: Report | StoredReport, require_if_match: bool, if_match: str | None
) -> None:
    if if_match is None and require_if_match:
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


@dataclass(frozen=True)
class ReportWrite:
    """One report to create or replace, as a PUT gives it: the insats is the caller's to write."""

    insats: InsatsRef
    period: Period
    data: ReportIn
    if_match: str | None = None

    @property
    def key(self) -> store.Key:
        return (self.insats.id, str(self.period))


@dataclass(frozen=True)
class Written:
    """What a write did (or, in a dry run, would do) and the report it leaves."""

    report: StoredReport
    outcome: WriteOutcome


@dataclass
class WritePlan:
    """`plan_writes`' decisions, in the order of its writes: `apply_writes` stores them."""

    results: list[Written | FinsamError]
    dry_run: bool
    # Reports created to hold their place (and their lock) whose write was refused after all.
    refused_created: list[int] = field(default_factory=list)
    insatser: dict[int, InsatsRef] = field(default_factory=dict)


def plan_writes(
    session: Session, caller: Caller, writes: Sequence[ReportWrite], *, dry_run: bool = False
) -> WritePlan:
    """Validate and decide every write against what is stored, each as its PUT would.

    Not a dry run: every report written is locked (created if missing) until the transaction
    ends, so the decisions hold when `apply_writes` stores them. A dry run reads what is
    stored and locks and creates nothing. The writes must name distinct reports.
    """
    results: list[Written | FinsamError | None] = [None] * len(writes)
    valid: dict[store.Key, tuple[int, ReportWrite, tuple[Fact, ...]]] = {}
    for i, write in enumerate(writes):
        try:
            facts = tuple(sorted(validate_report(write.insats, write.period, write.data)))
        except FinsamError as error:
            results[i] = error
            continue
        if write.key in valid:
            raise ValueError(f"two writes of one report: {write.key}")
        valid[write.key] = (i, write, facts)
    ordered = sorted(valid)
    new = [store.NewReport(k[0], valid[k][1].period, valid[k][1].data.note) for k in ordered]
    if dry_run:
        reports = store.read(session, new)
        created = {key for key, report in reports.items() if report.id is None}
    else:
        reports, created = store.lock_or_create(session, new, caller.key_id)
    plan = WritePlan([], dry_run)
    for key in ordered:
        i, write, facts = valid[key]
        stored = reports[key]
        plan.insatser[write.insats.id] = write.insats
        try:
            outcome = decide(
                stored,
                key in created,
                facts,
                write.data.note,
                write.if_match,
                require_if_match=write.insats.require_if_match,
                period_closed=stored.period_closed_at,
                may_add_late=may_add_late_report(caller),
            )
        except FinsamError as error:
            results[i] = error
            if key in created and stored.id is not None:
                plan.refused_created.append(stored.id)
            continue
        if outcome is WriteOutcome.REPLACED:
            stored = replace(
                stored,
                revision=stored.revision + 1,
                status=after_change(ReportStatus(stored.status)).value,
                note=write.data.note,
                facts=facts,
            )
        elif outcome is WriteOutcome.CREATED:
            stored = replace(stored, facts=facts)
        results[i] = Written(stored, outcome)
    plan.results = [r for r in results if r is not None]
    return plan


def apply_writes(session: Session, caller: Caller, plan: WritePlan) -> WritePlan:
    """Store what `plan_writes` decided: facts, history and audit trail, in two statements
    whatever the number of reports. Returns the plan with the reports as stored."""
    if plan.dry_run:
        return plan
    store.delete(session, plan.refused_created)
    written = [r for r in plan.results if isinstance(r, Written)]
    created = [w.report for w in written if w.outcome is WriteOutcome.CREATED]
    changed = [w.report for w in written if w.outcome is WriteOutcome.REPLACED]
    events = [_event(plan, r, "report.created") for r in created]
    events += [_event(plan, r, "report.replaced") for r in changed]
    stamped = store.store_revisions(session, created, changed, actor(caller), events)
    now = {r.id: r for r in stamped}
    plan.results = [
        Written(now[r.report.id], r.outcome) if isinstance(r, Written) and r.report.id in now else r
        for r in plan.results
    ]
    return plan


def _event(plan: WritePlan, report: StoredReport, action: str) -> Event:
    return Event(
        action,
        plan.insatser[report.insats_id].forbund_id,
        f"insats {report.insats_id} {report.period}",
        {"revision": report.revision},
    )


def put_report(
    session: Session,
    caller: Caller,
    insats: InsatsRef,
    period: Period,
    data: ReportIn,
    if_match: str | None = None,
) -> tuple[StoredReport, WriteOutcome]:
    """Create or replace the report; returns it and what the write did (a PUT)."""
    plan = plan_writes(session, caller, [ReportWrite(insats, period, data, if_match)])
    (result,) = apply_writes(session, caller, plan).results
    if isinstance(result, FinsamError):
        raise result
    return result.report, result.outcome


def take_step(
    session: Session,
    caller: Caller,
    insats: InsatsRef,
    period: Period,
    step: Step,
    comment: str | None,
    if_match: str | None = None,
) -> StoredReport:
    """Submit, approve, return or reopen a report (the caller may take the step on the
    insats's reports: `may_take_step`); every step is audited."""
    report = session.scalars(
        select(Report)
        .where(Report.insats_id == insats.id, Report.period == str(period))
        .with_for_update()
        .options(selectinload(Report.facts))
        .execution_options(populate_existing=True)  # reports are written through Core
    ).one_or_none()
    if report is None:
        raise FinsamError(Code.NOT_FOUND, f"The insats has no report for {period}.")
    if if_match is not None:
        _check_preconditions(report, insats.require_if_match, if_match)
    status = ReportStatus(report.status)
    target = next_status(step, status)
    closed_at = store.period_closed_at(session, insats.id, period)
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
    return StoredReport.of(report)


def _past(step: Step) -> str:
    return {
        "submit": "submitted",
        "approve": "approved",
        "return": "returned",
        "reopen": "reopened",
    }[step.value]


def _stored(session: Session, insats_id: int, period: Period) -> Report:
    report = session.scalar(
        select(Report)
        .where(Report.insats_id == insats_id, Report.period == str(period))
        .options(selectinload(Report.facts))
        .execution_options(populate_existing=True)
    )
    if report is None:
        raise FinsamError(Code.NOT_FOUND, f"The insats has no report for {period}.")
    return report


def get_report(session: Session, insats_id: int, period: Period) -> StoredReport:
    return StoredReport.of(_stored(session, insats_id, period))


def list_reports(session: Session, insats_id: int) -> list[StoredReport]:
    query = (
        select(Report)
        .where(Report.insats_id == insats_id)
        .order_by(Report.period_start, Report.period_end.desc())
        .options(selectinload(Report.facts))
        .execution_options(populate_existing=True)
    )
    return [StoredReport.of(r) for r in session.scalars(query)]


def revisions(session: Session, report_id: int) -> list[ReportRevision]:
    query = (
        select(ReportRevision)
        .where(ReportRevision.report_id == report_id)
        .order_by(ReportRevision.revision)
    )
    return list(session.scalars(query))


def history(session: Session, insats: InsatsRef, period: Period) -> HistoryOut:
    """Every revision (who, when, which numbers changed) and every workflow step, oldest first."""
    report = _stored(session, insats.id, period)
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
