"""Reports as stored: read, locked and written set-wise through Core.

One PUT and an import of thousands of rows take the same few statements: each step is one
statement over arrays (`unnest`), whatever the number of reports. The ORM's unit of work
spent more than half of a PUT's server time flushing a report's facts row by row (py-spy,
bench/README.md); a statement over arrays costs the same for one report or ten thousand.

Locking order: every writer first creates the reports it is missing, then locks all of them,
both in (insats, period) order, so that two writers of overlapping reports never wait on each
other in a cycle, and each sees the revision the other left (no lost update).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import Row, insert, select, text
from sqlalchemy.orm import Session

from app.db.models import ClosedPeriod, Report, ReportRevision
from app.domain.periods import Period
from app.domain.reports import Fact

Key = tuple[int, str]
"""A report's identity: its insats id and its period as written."""


@dataclass(frozen=True)
class StoredReport:
    """One report as stored: its state and its facts, sorted."""

    id: int | None  # None for a report a dry run would create
    insats_id: int
    period: str
    revision: int
    status: str
    note: str | None
    reopened_at: datetime | None
    updated_at: datetime | None
    facts: tuple[Fact, ...] = ()

    @property
    def key(self) -> Key:
        return (self.insats_id, self.period)

    @classmethod
    def of(cls, report: Report) -> StoredReport:
        facts = sorted(Fact(f.measure, f.category, f.gender, f.value) for f in report.facts)
        return cls(
            report.id,
            report.insats_id,
            report.period,
            report.revision,
            report.status,
            report.note,
            report.reopened_at,
            report.updated_at,
            tuple(facts),
        )

    @classmethod
    def unsaved(cls, insats_id: int, period: Period, note: str | None) -> StoredReport:
        return cls(None, insats_id, str(period), 1, "draft", note, None, None)


@dataclass(frozen=True)
class NewReport:
    """What a write would create if the report does not exist yet."""

    insats_id: int
    period: Period
    note: str | None

    @property
    def key(self) -> Key:
        return (self.insats_id, str(self.period))


_COLUMNS = "id, insats_id, period, revision, status, note, reopened_at, updated_at"

_CREATE = text(f"""
    INSERT INTO reports (insats_id, period, period_kind, period_start, period_end,
                         revision, note, updated_by)
    SELECT k.insats_id, k.period, k.kind, k.period_start, k.period_end, 1, k.note,
           CAST(:updated_by AS uuid)
    FROM unnest(CAST(:insats_ids AS integer[]), CAST(:periods AS varchar[]),
                CAST(:kinds AS varchar[]), CAST(:starts AS date[]), CAST(:ends AS date[]),
                CAST(:notes AS text[]))
         WITH ORDINALITY AS k(insats_id, period, kind, period_start, period_end, note, n)
    ORDER BY k.n
    ON CONFLICT (insats_id, period) DO NOTHING
    RETURNING {_COLUMNS}
""")

_READ = f"""
    SELECT {", ".join("r." + c.strip() for c in _COLUMNS.split(","))}
    FROM reports AS r
    JOIN unnest(CAST(:insats_ids AS integer[]), CAST(:periods AS varchar[]))
         AS k(insats_id, period) ON r.insats_id = k.insats_id AND r.period = k.period
    ORDER BY r.insats_id, r.period
"""
_SELECT = text(_READ)
_LOCK = text(_READ + " FOR UPDATE OF r")

_FACTS = text("""
    SELECT report_id, measure, category, gender, value FROM report_facts
    WHERE report_id = ANY(CAST(:ids AS integer[]))
""")

_DELETE_REPORTS = text("DELETE FROM reports WHERE id = ANY(CAST(:ids AS integer[]))")
_DELETE_FACTS = text("DELETE FROM report_facts WHERE report_id = ANY(CAST(:ids AS integer[]))")

_UPDATE = text("""
    UPDATE reports AS r
    SET revision = k.revision, status = k.status, note = k.note,
        updated_by = CAST(:updated_by AS uuid), updated_at = now()
    FROM unnest(CAST(:ids AS integer[]), CAST(:revisions AS integer[]),
                CAST(:statuses AS varchar[]), CAST(:notes AS text[]))
         AS k(id, revision, status, note)
    WHERE r.id = k.id
    RETURNING r.id, r.updated_at
""")

_INSERT_FACTS = text("""
    INSERT INTO report_facts (report_id, measure, category, gender, value)
    SELECT * FROM unnest(CAST(:ids AS integer[]), CAST(:measures AS varchar[]),
                         CAST(:categories AS varchar[]), CAST(:genders AS varchar[]),
                         CAST(:values AS integer[]))
""")


def _report(row: Row[Any], facts: Iterable[Fact] = ()) -> StoredReport:
    state = row._mapping
    return StoredReport(
        state["id"],
        state["insats_id"],
        state["period"],
        state["revision"],
        state["status"],
        state["note"],
        state["reopened_at"],
        state["updated_at"],
        tuple(sorted(facts)),
    )


def _key_arrays(keys: Sequence[Key]) -> dict[str, list[int] | list[str]]:
    return {"insats_ids": [k[0] for k in keys], "periods": [k[1] for k in keys]}


def _with_facts(session: Session, rows: Sequence[Row[Any]]) -> list[StoredReport]:
    if not rows:
        return []
    facts: dict[int, list[Fact]] = {}
    for report_id, *fact in session.execute(_FACTS, {"ids": [r[0] for r in rows]}):
        facts.setdefault(report_id, []).append(Fact(*fact))
    return [_report(row, facts.get(row[0], ())) for row in rows]


def read(session: Session, keys: Sequence[Key]) -> dict[Key, StoredReport]:
    """The reports stored under these keys, as they are now; no lock is taken."""
    rows = session.execute(_SELECT, _key_arrays(keys)).all()
    return {r.key: r for r in _with_facts(session, rows)}


def lock_or_create(
    session: Session, new: Sequence[NewReport], updated_by: uuid.UUID | None
) -> tuple[dict[Key, StoredReport], set[Key]]:
    """Every report of `new`, locked for this transaction: created (with its note, no facts)
    where missing. Returns them and the keys created. `new` must be in (insats, period) order
    without repeats."""
    created_rows = session.execute(
        _CREATE,
        {
            **_key_arrays([n.key for n in new]),
            "kinds": [n.period.kind.value for n in new],
            "starts": [n.period.start for n in new],
            "ends": [n.period.end for n in new],
            "notes": [n.note for n in new],
            "updated_by": updated_by,
        },
    ).all()
    created = {_report(r) for r in created_rows}
    created_keys = {r.key for r in created}
    if len(created_keys) == len(new):
        # A row just inserted is this transaction's alone until it commits: locked already.
        return {r.key: r for r in created}, created_keys
    rows = session.execute(_LOCK, _key_arrays([n.key for n in new])).all()
    stored = [r for r in rows if (r[1], r[2]) not in created_keys]
    reports = {r.key: r for r in [*created, *_with_facts(session, stored)]}
    return reports, created_keys


def closed_periods(
    session: Session, forbund_ids: Iterable[int]
) -> dict[int, list[tuple[date, date, datetime]]]:
    """Each förbund's closed periods: (start, end, closed at)."""
    query = select(
        ClosedPeriod.forbund_id,
        ClosedPeriod.period_start,
        ClosedPeriod.period_end,
        ClosedPeriod.closed_at,
    ).where(ClosedPeriod.forbund_id.in_(sorted(set(forbund_ids))))
    closed: dict[int, list[tuple[date, date, datetime]]] = {}
    for forbund_id, start, end, at in session.execute(query):
        closed.setdefault(forbund_id, []).append((start, end, at))
    return closed


def delete(session: Session, report_ids: Sequence[int]) -> None:
    """Remove reports created by this transaction that are not to be kept after all."""
    if report_ids:
        session.execute(_DELETE_REPORTS, {"ids": list(report_ids)})


def replace_facts(
    session: Session,
    created: Sequence[StoredReport],
    changed: Sequence[StoredReport],
    updated_by: uuid.UUID | None,
    changed_by_label: str | None,
) -> list[StoredReport]:
    """Store new revisions: `created` were inserted by `lock_or_create` and get their facts;
    `changed` carry their new revision, status, note and facts. Every one gets its row in the
    history. Returns `changed` with the time the database stored."""
    if changed:
        stamped: dict[int, datetime] = dict(
            session.execute(
                _UPDATE,
                {
                    "ids": [r.id for r in changed],
                    "revisions": [r.revision for r in changed],
                    "statuses": [r.status for r in changed],
                    "notes": [r.note for r in changed],
                    "updated_by": updated_by,
                },
            ).all()
        )
        session.execute(_DELETE_FACTS, {"ids": [r.id for r in changed]})
    stamped_changed = [replace(r, updated_at=stamped[r.id]) for r in changed if r.id]
    written = [*created, *stamped_changed]
    facts = [(r.id, f) for r in written for f in r.facts]
    if facts:
        session.execute(
            _INSERT_FACTS,
            {
                "ids": [i for i, _ in facts],
                "measures": [f.measure for _, f in facts],
                "categories": [f.category for _, f in facts],
                "genders": [f.gender for _, f in facts],
                "values": [f.value for _, f in facts],
            },
        )
    if written:
        session.execute(
            insert(ReportRevision),
            [
                {
                    "report_id": r.id,
                    "revision": r.revision,
                    "facts": [list(f) for f in r.facts],
                    "note": r.note,
                    "changed_by": updated_by,
                    "changed_by_label": changed_by_label,
                }
                for r in written
            ],
        )
    return stamped_changed
