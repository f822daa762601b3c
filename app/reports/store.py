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

import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Row, text
from sqlalchemy.orm import Session

from app.audit.service import Actor, Event
from app.db.models import Report
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
    # When its förbund closed a period overlapping its period (None: not closed, or not read).
    period_closed_at: datetime | None = None
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
            facts=tuple(facts),
        )


@dataclass(frozen=True)
class NewReport:
    """What a write would create if the report does not exist yet."""

    insats_id: int
    period: Period
    note: str | None

    @property
    def key(self) -> Key:
        return (self.insats_id, str(self.period))


_COLUMNS = ("id", "insats_id", "period", "revision", "status", "note", "reopened_at", "updated_at")


def _closed_at(alias: str) -> str:
    """When the förbund of `alias`'s insats closed a period overlapping `alias`'s period (the
    latest such), or NULL.

    Overlapping, not only containing: a year's report restates its halves' flows (the
    summaries prefer it to them), so with 2022H1 closed a new or changed `2022` would change
    closed figures; and closing 2022 closes its halves, tertials and quarters.
    """
    return f"""(
        SELECT max(c.closed_at) FROM closed_periods AS c
        JOIN insatser AS i ON i.forbund_id = c.forbund_id
        WHERE i.id = {alias}.insats_id
          AND c.period_start <= {alias}.period_end AND c.period_end >= {alias}.period_start
    ) AS period_closed_at"""


def _returning(alias: str) -> str:
    return ", ".join(f"{alias}.{c}" for c in _COLUMNS) + ", " + _closed_at(alias)


# The keys of the reports a statement is about, with their periods' bounds.
_KEYS = """unnest(CAST(:insats_ids AS integer[]), CAST(:periods AS varchar[]),
                  CAST(:starts AS date[]), CAST(:ends AS date[]))
           AS k(insats_id, period, period_start, period_end)"""

_CREATE = text(f"""
    INSERT INTO reports AS r (insats_id, period, period_kind, period_start, period_end,
                              revision, note, updated_by)
    SELECT k.insats_id, k.period, k.kind, k.period_start, k.period_end, 1, k.note,
           CAST(:updated_by AS uuid)
    FROM unnest(CAST(:insats_ids AS integer[]), CAST(:periods AS varchar[]),
                CAST(:kinds AS varchar[]), CAST(:starts AS date[]), CAST(:ends AS date[]),
                CAST(:notes AS text[]))
         WITH ORDINALITY AS k(insats_id, period, kind, period_start, period_end, note, n)
    ORDER BY k.n
    ON CONFLICT (insats_id, period) DO NOTHING
    RETURNING {_returning("r")}
""")

# A report's facts as four arrays beside it (NULL when it has none).
_FACTS = """LEFT JOIN LATERAL (
        SELECT array_agg(f.measure) AS measures, array_agg(f.category) AS categories,
               array_agg(f.gender) AS genders, array_agg(f.value) AS fact_values
        FROM report_facts AS f WHERE f.report_id = r.id
    ) AS f ON true"""

# The lock alone. What the writer decides on is read by a statement of its own after it: a
# statement that waited for a row lock re-reads the locked row but nothing else it joined, so
# facts read in the same statement would be those from before the other writer committed (a
# review proved the lost update).
_LOCK = text(f"""
    SELECT r.id FROM reports AS r
    JOIN {_KEYS} ON r.insats_id = k.insats_id AND r.period = k.period
    ORDER BY r.insats_id, r.period
    FOR UPDATE OF r
""")

# Every key, stored or not: a report not stored has a NULL id, and the closed period its
# creation would meet.
_READ = text(f"""
    SELECT {", ".join(f"r.{c}" for c in _COLUMNS if c not in ("insats_id", "period"))},
           k.insats_id, k.period, {_closed_at("k")},
           f.measures, f.categories, f.genders, f.fact_values
    FROM {_KEYS} LEFT JOIN reports AS r ON r.insats_id = k.insats_id AND r.period = k.period
    {_FACTS}
""")

_CLOSED_AT = text(f"""
    SELECT {_closed_at("k")}
    FROM (SELECT CAST(:insats_id AS integer) AS insats_id, CAST(:start AS date) AS period_start,
                 CAST(:end AS date) AS period_end) AS k
""")

_DELETE_REPORTS = text("DELETE FROM reports WHERE id = ANY(CAST(:ids AS integer[]))")

# New revisions of stored reports: their old facts go in the same statement.
_UPDATE = text("""
    WITH old_facts AS (
        DELETE FROM report_facts WHERE report_id = ANY(CAST(:ids AS integer[]))
    )
    UPDATE reports AS r
    SET revision = k.revision, status = k.status, note = k.note,
        updated_by = CAST(:updated_by AS uuid), updated_at = now()
    FROM unnest(CAST(:ids AS integer[]), CAST(:revisions AS integer[]),
                CAST(:statuses AS varchar[]), CAST(:notes AS text[]))
         AS k(id, revision, status, note)
    WHERE r.id = k.id
    RETURNING r.id, r.updated_at
""")

# What every written revision stores, in one statement: its facts, its row in the history
# and its audit event (`app.audit.service.actor` gives the key's columns). The rows come as
# two JSON documents, not as arrays: psycopg adapts a list element by element in Python,
# which was a third of a 10,000-row import (py-spy); json.dumps and PostgreSQL's JSON
# parser are C.
_WRITE = text("""
    WITH facts AS (
        INSERT INTO report_facts (report_id, measure, category, gender, value)
        SELECT (f->>0)::integer, f->>1, f->>2, f->>3, (f->>4)::integer
        FROM jsonb_array_elements(CAST(:facts AS jsonb)) AS f
    ), written AS (
        SELECT (w->>0)::integer AS id, (w->>1)::integer AS revision, w->2 AS facts,
               w->>3 AS note, w->>4 AS action, (w->>5)::integer AS forbund_id,
               w->>6 AS target, w->7 AS detail
        FROM jsonb_array_elements(CAST(:written AS jsonb)) AS w
    ), history AS (
        INSERT INTO report_revisions (report_id, revision, facts, note, changed_by,
                                      changed_by_label)
        SELECT id, revision, facts, note, CAST(:key_id AS uuid), :key_label FROM written
    )
    INSERT INTO audit_events (key_id, key_label, action, forbund_id, report_id, target, detail)
    SELECT CAST(:key_id AS uuid), :key_label, action, forbund_id, id, target, detail
    FROM written
""")


def _report(row: Row[Any]) -> StoredReport:
    state = row._mapping
    facts: tuple[Fact, ...] = ()
    if state.get("measures") is not None:
        facts = tuple(
            sorted(
                map(
                    Fact,
                    state["measures"],
                    state["categories"],
                    state["genders"],
                    state["fact_values"],
                )
            )
        )
    return StoredReport(
        state["id"],
        state["insats_id"],
        state["period"],
        state["revision"],
        state["status"],
        state["note"],
        state["reopened_at"],
        state["updated_at"],
        state["period_closed_at"],
        facts,
    )


def _keys(keys: Sequence[NewReport]) -> dict[str, list[Any]]:
    return {
        "insats_ids": [k.insats_id for k in keys],
        "periods": [str(k.period) for k in keys],
        "starts": [k.period.start for k in keys],
        "ends": [k.period.end for k in keys],
    }


def read(session: Session, keys: Sequence[NewReport]) -> dict[Key, StoredReport]:
    """Every report of `keys` as stored now, or as its write would create it (id None); no
    lock is taken."""
    reports = {}
    by_key = {k.key: k for k in keys}
    for row in session.execute(_READ, _keys(keys)):
        report = _report(row)
        if report.id is None:
            new = by_key[report.key]
            report = replace(report, revision=1, status="draft", note=new.note)
        reports[report.key] = report
    return reports


def lock_or_create(
    session: Session, new: Sequence[NewReport], updated_by: uuid.UUID | None
) -> tuple[dict[Key, StoredReport], set[Key]]:
    """Every report of `new`, locked for this transaction: created (with its note, no facts)
    where missing. Returns them and the keys created. `new` must be in (insats, period) order
    without repeats."""
    params = {
        **_keys(new),
        "kinds": [n.period.kind.value for n in new],
        "notes": [n.note for n in new],
        "updated_by": updated_by,
    }
    created = [_report(r) for r in session.execute(_CREATE, params)]
    created_keys = {r.key for r in created}
    if len(created_keys) == len(new):
        # A row just inserted is this transaction's alone until it commits: locked already.
        return {r.key: r for r in created}, created_keys
    session.execute(_LOCK, _keys(new))
    reports = read(session, [n for n in new if n.key not in created_keys])
    reports.update({r.key: r for r in created})
    return reports, created_keys


def period_closed_at(session: Session, insats_id: int, period: Period) -> datetime | None:
    """When the insats's förbund closed a period overlapping `period`, if it did."""
    params = {"insats_id": insats_id, "start": period.start, "end": period.end}
    closed: datetime | None = session.execute(_CLOSED_AT, params).scalar_one()
    return closed


def delete(session: Session, report_ids: Sequence[int]) -> None:
    """Remove reports created by this transaction that are not to be kept after all."""
    if report_ids:
        session.execute(_DELETE_REPORTS, {"ids": list(report_ids)})


def store_revisions(
    session: Session,
    created: Sequence[StoredReport],
    changed: Sequence[StoredReport],
    actor: Actor,
    events: Sequence[Event],
) -> list[StoredReport]:
    """Store new revisions: `created` were inserted by `lock_or_create` and get their facts;
    `changed` carry their new revision, status, note and facts. Each gets its row in the
    history and its audit event (`events`, in the order of `created` then `changed`).
    Returns `changed` with the time the database stored."""
    stamped: dict[int, datetime] = {}
    if changed:
        params = {
            "ids": [r.id for r in changed],
            "revisions": [r.revision for r in changed],
            "statuses": [r.status for r in changed],
            "notes": [r.note for r in changed],
            "updated_by": actor["key_id"],
        }
        stamped = {id_: at for id_, at in session.execute(_UPDATE, params)}
    changed = [replace(r, updated_at=stamped[r.id]) for r in changed if r.id is not None]
    written = [*created, *changed]
    if not written:
        return changed
    facts = [(r.id, *f) for r in written for f in r.facts]
    rows = [
        (r.id, r.revision, r.facts, r.note, e.action, e.forbund_id, e.target, e.detail)
        for r, e in zip(written, events, strict=True)
    ]
    session.execute(_WRITE, {"facts": json.dumps(facts), "written": json.dumps(rows), **actor})
    return changed
