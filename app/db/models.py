"""ORM models: the tables and their constraints.

Reports keep their figures as a long table of facts (report, measure, category, gender, value)
so that every summary is one GROUP BY over one table; docs/design.md says why.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import (
    ARRAY,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    func,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from app.domain.personal_numbers import contains_personal_number

# Named constraints make migrations reviewable and reversible (Alembic can drop them by name).
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def public_id() -> uuid.UUID:
    """A random id for a URL that never reads as a personnummer: the input guard refuses a URL
    holding one, and a UUID's digits (`…YYMMDD-NNNN…`) make one about once in 14,000."""
    while True:
        candidate = uuid.uuid4()
        if not contains_personal_number(str(candidate)):
            return candidate


def _now() -> Mapped[datetime]:
    return mapped_column(DateTime(timezone=True), server_default=func.now())


class Forbund(Base):
    """A samordningsförbund."""

    __tablename__ = "forbund"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    lan: Mapped[str] = mapped_column(String(100))
    kommuner: Mapped[list[str]] = mapped_column(ARRAY(String(100)))
    require_if_match: Mapped[bool] = mapped_column(Boolean, server_default="false")
    created_at: Mapped[datetime] = _now()

    insatser: Mapped[list[Insats]] = relationship(back_populates="forbund")


class Insats(Base):
    """An intervention financed by a förbund and run by one of its members."""

    __tablename__ = "insatser"
    __table_args__ = (
        CheckConstraint("kind IN ('individual', 'structural')", name="kind"),
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="dates_in_order"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(16))
    owner: Mapped[str] = mapped_column(String(200))
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    target_group: Mapped[str | None] = mapped_column(Text)
    # The report measures that do not apply to it ("ej aktuellt"), by their catalogue names.
    not_applicable: Mapped[list[str]] = mapped_column(
        ARRAY(String(64)), server_default="{}", default=list
    )
    created_at: Mapped[datetime] = _now()

    forbund: Mapped[Forbund] = relationship(back_populates="insatser")


class Report(Base):
    """The current revision of one insats's report for one period."""

    __tablename__ = "reports"
    __table_args__ = (
        UniqueConstraint("insats_id", "period"),
        CheckConstraint("period_kind IN ('Y', 'H', 'T', 'Q')", name="period_kind"),
        CheckConstraint("revision >= 1", name="revision_positive"),
        CheckConstraint("status IN ('draft', 'submitted', 'approved')", name="status"),
        # Summaries find reports by the time span they cover.
        Index("ix_reports_period_span", "period_start", "period_end"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    insats_id: Mapped[int] = mapped_column(ForeignKey("insatser.id"))
    period: Mapped[str] = mapped_column(String(8))
    period_kind: Mapped[str] = mapped_column(String(1))
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    status: Mapped[str] = mapped_column(String(16), server_default="draft")
    # Set when the förbund reopens the report; a closed period lets it change after that.
    reopened_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = _now()
    updated_at: Mapped[datetime] = _now()
    updated_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))

    facts: Mapped[list[ReportFact]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="ReportFact.measure"
    )


class ReportFact(Base):
    """One number of a report. A measure not reported has no rows: absent is not zero."""

    __tablename__ = "report_facts"
    __table_args__ = (CheckConstraint("value >= 0", name="value_not_negative"),)

    report_id: Mapped[int] = mapped_column(
        ForeignKey("reports.id", ondelete="CASCADE"), primary_key=True
    )
    measure: Mapped[str] = mapped_column(String(40), primary_key=True)
    # '' when the measure has no categories / no gender split; keeps the key NOT NULL.
    # A count by kön has 'total' beside women, men and unspecified, or 'total' alone.
    category: Mapped[str] = mapped_column(String(40), primary_key=True)
    gender: Mapped[str] = mapped_column(String(16), primary_key=True)
    value: Mapped[int] = mapped_column(Integer)


class ApiKey(Base):
    """A bearer token's record. Only a hash of the token is kept."""

    __tablename__ = "api_keys"
    __table_args__ = (
        CheckConstraint("role IN ('admin', 'national', 'forbund', 'reporter')", name="role"),
        CheckConstraint("role <> 'forbund' OR forbund_id IS NOT NULL", name="forbund_scoped"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=public_id)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    forbund_id: Mapped[int | None] = mapped_column(ForeignKey("forbund.id"))
    label: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = _now()
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    forbund: Mapped[Forbund | None] = relationship()
    insatser: Mapped[list[Insats]] = relationship(secondary="api_key_insatser")


class ApiKeyInsats(Base):
    """The insatser a reporter key may report for."""

    __tablename__ = "api_key_insatser"

    key_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("api_keys.id", ondelete="CASCADE"), primary_key=True
    )
    insats_id: Mapped[int] = mapped_column(ForeignKey("insatser.id"), primary_key=True)


class ReportRevision(Base):
    """Every stored revision of a report, kept for the history: nothing is overwritten."""

    __tablename__ = "report_revisions"

    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id"), primary_key=True)
    revision: Mapped[int] = mapped_column(Integer, primary_key=True)
    # The facts as [measure, category, gender, value] lists, and the note, as stored.
    facts: Mapped[list[list[str | int]]] = mapped_column(JSONB)
    note: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime] = _now()
    changed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    changed_by_label: Mapped[str | None] = mapped_column(String(200))


class AuditEvent(Base):
    """Who did what: key creation and revocation, report changes and every approval step."""

    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_report_id", "report_id"),)

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True)
    at: Mapped[datetime] = _now()
    key_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    key_label: Mapped[str | None] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(40))
    forbund_id: Mapped[int | None] = mapped_column(ForeignKey("forbund.id"))
    report_id: Mapped[int | None] = mapped_column(ForeignKey("reports.id"))
    target: Mapped[str | None] = mapped_column(String(200))
    detail: Mapped[dict[str, object] | None] = mapped_column(JSONB)


class ClosedPeriod(Base):
    """A period a förbund has closed after its deadline: later changes need reopening."""

    __tablename__ = "closed_periods"

    forbund_id: Mapped[int] = mapped_column(ForeignKey("forbund.id"), primary_key=True)
    period: Mapped[str] = mapped_column(String(8), primary_key=True)
    period_start: Mapped[date] = mapped_column(Date)
    period_end: Mapped[date] = mapped_column(Date)
    closed_at: Mapped[datetime] = _now()
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))


class IdempotencyRecord(Base):
    """The first response to a POST with an Idempotency-Key, replayed to its retries."""

    __tablename__ = "idempotency_records"
    # Expired records are swept by age.
    __table_args__ = (Index("ix_idempotency_records_created_at", "created_at"),)

    # Keys are the caller's own namespace: two callers may pick the same key.
    caller: Mapped[str] = mapped_column(String(64), primary_key=True)
    key: Mapped[str] = mapped_column(String(200), primary_key=True)
    method: Mapped[str] = mapped_column(String(8))
    path: Mapped[str] = mapped_column(String(500))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int | None] = mapped_column(Integer)
    response_body: Mapped[object | None] = mapped_column(JSONB)
    created_at: Mapped[datetime] = _now()


class Release(Base):
    """A published version of a year's open data: frozen, protected once when published.

    `content` is every open table as served (protected); `published` the cells as released
    (null where hidden), which later versions are audited against; `true_rows` each förbund
    row's true figures, so that a later version knows which rows changed, and `relations`
    what held between the cells then. Both are as internal as the reports they were summed
    from and are never served.
    """

    __tablename__ = "releases"
    __table_args__ = (CheckConstraint("version >= 1", name="version_positive"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True)
    published_at: Mapped[datetime] = _now()
    published_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    reason: Mapped[str | None] = mapped_column(Text)
    threshold: Mapped[int] = mapped_column(Integer)
    content: Mapped[dict[str, object]] = mapped_column(JSONB)
    published: Mapped[list[list[str | int | None]]] = mapped_column(JSONB)
    true_rows: Mapped[dict[str, object]] = mapped_column(JSONB)
    changes: Mapped[list[dict[str, object]]] = mapped_column(JSONB)
    # The relations protection assumed ([kind, cell, [cells]], cells as `table|path`): later
    # versions are audited against this one under them. NULL before they were stored.
    relations: Mapped[list[list[object]] | None] = mapped_column(JSONB)


class Job(Base):
    """Work too long for a request (publishing a release): queued by a request that answers
    `202` at once, run after the response, its outcome read at `/api/v1/jobs/{id}`.

    `state` is queued, running, done or failed. A running job holds an advisory lock on its
    id for as long as it runs, so that one whose server stopped is known and run again.
    """

    __tablename__ = "jobs"
    __table_args__ = (
        CheckConstraint("state IN ('queued', 'running', 'done', 'failed')", name="state_known"),
        Index(
            "ix_jobs_unfinished", "created_at", postgresql_where="state IN ('queued', 'running')"
        ),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=public_id)
    kind: Mapped[str] = mapped_column(String(32))
    params: Mapped[dict[str, object]] = mapped_column(JSONB)
    state: Mapped[str] = mapped_column(String(16), server_default="queued")
    result: Mapped[dict[str, object] | None] = mapped_column(JSONB)
    error: Mapped[str | None] = mapped_column(Text)
    created_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("api_keys.id"))
    created_at: Mapped[datetime] = _now()
    started_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
