"""Reports: validating against the insats, storing as facts, idempotent replacement."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.orm import Session, selectinload

from app.api.problems import FieldError, NotFound, Unprocessable
from app.db.models import Insats, Report, ReportFact
from app.domain.access import Caller
from app.domain.measures import InsatsKind
from app.domain.periods import ACCEPTED_FORMS, Period, PeriodError, parse_period
from app.domain.reports import Fact, check_consistency, from_facts, to_facts
from app.reports.schemas import ReportIn, ReportOut


def parse_period_param(text: str, loc: tuple[str, ...] = ("path", "period")) -> Period:
    """A period from a URL, or a 422 naming the parameter and the accepted forms."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise Unprocessable.at(loc, f"{exc}. Accepted forms: {ACCEPTED_FORMS}.") from None


def to_out(report: Report) -> ReportOut:
    figures = from_facts(Fact(f.measure, f.category, f.gender, f.value) for f in report.facts)
    return ReportOut.model_validate(
        {
            **figures,
            "insats_id": report.insats_id,
            "period": report.period,
            "revision": report.revision,
            "updated_at": report.updated_at,
            "note": report.note,
        }
    )


def validate_report(insats: Insats, period: Period, data: ReportIn) -> list[Fact]:
    """The report's facts, if it may be stored for this insats and period; else a 422."""
    if not period.overlaps(insats.start_date, insats.end_date):
        lifetime = f"{insats.start_date}..{insats.end_date or ''}"
        raise Unprocessable.at(
            ("path", "period"), f"period {period} lies outside the insats's lifetime ({lifetime})"
        )
    figures = data.figures()
    violations = check_consistency(figures, InsatsKind(insats.kind))
    if violations:
        errors = [FieldError(loc=["body", *v.loc], msg=v.msg) for v in violations]
        raise Unprocessable("; ".join(v.msg for v in violations), errors=errors)
    return to_facts(figures)


def _locked_report(session: Session, insats_id: int, period: Period) -> tuple[Report, bool]:
    """The report row for (insats, period), locked for this transaction; created if missing.

    INSERT .. ON CONFLICT DO NOTHING then SELECT .. FOR UPDATE: two writers of the same new
    report cannot both create it, and replacements of one report queue behind each other, so
    no revision is skipped or lost.
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
    report = session.scalars(
        select(Report)
        .where(Report.insats_id == insats_id, Report.period == str(period))
        .with_for_update()
        .options(selectinload(Report.facts))
        .execution_options(populate_existing=True)
    ).one()
    return report, inserted is not None


def put_report(
    session: Session, caller: Caller, insats: Insats, period: Period, data: ReportIn
) -> tuple[Report, bool]:
    """Create or replace the report; returns it and whether it was created.

    Sending what is already stored changes nothing (same revision), so retries are safe.
    """
    facts = validate_report(insats, period, data)
    report, created = _locked_report(session, insats.id, period)
    stored = sorted(Fact(f.measure, f.category, f.gender, f.value) for f in report.facts)
    if not created and stored == sorted(facts) and report.note == data.note:
        return report, False
    report.facts = [ReportFact(**fact._asdict()) for fact in facts]
    report.note = data.note
    report.revision = 1 if created else report.revision + 1
    report.updated_at = func.now()
    report.updated_by = caller.key_id
    session.flush()
    session.refresh(report)
    return report, created


def get_report(session: Session, insats_id: int, period: Period) -> Report:
    report = session.scalar(
        select(Report)
        .where(Report.insats_id == insats_id, Report.period == str(period))
        .options(selectinload(Report.facts))
    )
    if report is None:
        raise NotFound(f"Insats {insats_id} has no report for {period}.")
    return report


def list_reports(session: Session, insats_id: int) -> list[Report]:
    query = (
        select(Report)
        .where(Report.insats_id == insats_id)
        .order_by(Report.period_start, Report.period_end.desc())
        .options(selectinload(Report.facts))
    )
    return list(session.scalars(query))
