"""Publishing a year's open data, and reading what was published.

Publishing is a job (`app.jobs`): the request answers `202`, and the job takes one
consistent snapshot (its transaction runs at REPEATABLE READ) of the approved reports of
closed periods, sums the open tables (national, its förbund rows, its län rows; each förbund's
own open summary is its national row), protects them all together once, and stores the result
as the year's next version. Reading serves what is stored: an anonymous request costs a primary
key lookup, whatever the size of the country.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db.aggregates import GroupBy
from app.db.models import Release
from app.domain.periods import Period, PeriodKind
from app.errors import Code, FinsamError
from app.jobs import service as jobs
from app.releases.protection import protect_release
from app.summaries.service import Scope, insats_measures, national_figures, select_reports

PUBLISH = "publish"
# Per-release fields of every table block that are not figures (and not compared).
_NOT_FIGURES = frozenset({"key", "name", "lan", "period", "group_by", "approved_only"})


@dataclass(frozen=True)
class Published:
    """What one publication produced: the stored release, and whether it is new."""

    release: Release
    created: bool


Snapshot = tuple[dict[str, Any], dict[str, Any], dict[tuple[str, int], dict[str, Any]]]


def _snapshot(session: Session, year: int) -> Snapshot:
    """The year's national figures by förbund and by län, and each insats's own, from
    approved reports of closed periods. The job's transaction (REPEATABLE READ) is one
    snapshot, so every table and row agree while reports keep arriving. The reports are chosen
    once and summed three ways: by förbund, by län, per insats."""
    period = Period(year, PeriodKind.YEAR)
    chosen = select_reports(session, Scope(period, published_only=True))
    return (
        national_figures(session, period, GroupBy.FORBUND, published_only=True, selection=chosen),
        national_figures(session, period, GroupBy.LAN, published_only=True, selection=chosen),
        insats_measures(session, chosen),
    )


def latest(session: Session, year: int) -> Release | None:
    return session.scalars(
        select(Release).where(Release.year == year).order_by(Release.version.desc()).limit(1)
    ).first()


@jobs.kind(PUBLISH, isolation_level="REPEATABLE READ")
def publish_job(
    session: Session, params: Mapping[str, Any], created_by: uuid.UUID | None
) -> dict[str, Any]:
    """The job a publication request queued: its result names the version it answers."""
    year, reason, threshold = int(params["year"]), params.get("reason"), int(params["threshold"])
    published = publish(session, year, reason, threshold, created_by)
    release = published.release
    return {"year": release.year, "version": release.version, "created": published.created}


def publish(
    session: Session,
    year: int,
    reason: str | None,
    threshold: int,
    published_by: uuid.UUID | None,
) -> Published:
    """Publish `year` as its next version, unless nothing published would change: then the
    latest version is the answer (publishing twice is safe)."""
    # One publisher per year at a time: versions are numbered, and each is audited against
    # every earlier one.
    session.execute(
        text("SELECT pg_advisory_xact_lock(hashtext('finsam-release'), :year)"), {"year": year}
    )
    by_forbund, by_lan, insatser = _snapshot(session, year)
    earlier = list(
        session.scalars(select(Release).where(Release.year == year).order_by(Release.version))
    )
    protected = protect_release(by_forbund, by_lan, insatser, threshold, earlier)
    previous = earlier[-1] if earlier else None
    if previous is not None and previous.content == protected.content:
        return Published(previous, created=False)
    release = Release(
        year=year,
        version=(previous.version + 1) if previous else 1,
        published_by=published_by,
        reason=reason,
        threshold=threshold,
        content=protected.content,
        published=protected.published,
        true_rows=protected.true_rows,
        relations=protected.relations,
        changes=changes(previous.content if previous else None, protected.content),
    )
    session.add(release)
    session.flush()
    return Published(release, created=True)


def changes(before: dict[str, Any] | None, after: dict[str, Any]) -> list[dict[str, Any]]:
    """Every published number that differs from the previous version, machine-readably:
    `table` (national, forbund:<code>, lan:<name>), `path`, `before` and `after` (null where
    hidden or absent). The first version has none."""
    if before is None:
        return []
    old, new = dict(_numbers(before)), dict(_numbers(after))
    return [
        {
            "table": table,
            "path": path,
            "before": old.get((table, path)),
            "after": new.get((table, path)),
        }
        for table, path in sorted(old.keys() | new.keys())
        if old.get((table, path)) != new.get((table, path))
    ]


def _numbers(content: dict[str, Any]) -> Iterator[tuple[tuple[str, str], Any]]:
    national = content["national"]["forbund"]
    yield from ((("national", path), v) for path, v in numbers(national))
    for group, key in (("forbund", "forbund"), ("lan", "lan")):
        for row in content["national"][key]["forbund"]:
            yield from (((f"{group}:{row['key']}", path), v) for path, v in numbers(row))


def numbers(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, value) of every published number of a table block (its rows left out),
    null where hidden or not given."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in _NOT_FIGURES or key in ("forbund", "suppressed", "computed_from", "missing"):
                continue
            yield from numbers(value, f"{path}.{key}" if path else key)
    elif node is None or (isinstance(node, int | float) and not isinstance(node, bool)):
        yield path, node


def releases(session: Session) -> list[Release]:
    """Every version of every year, newest year first, versions in order."""
    return list(session.scalars(select(Release).order_by(Release.year.desc(), Release.version)))


def get(session: Session, year: int, version: int | None) -> Release:
    """The year's release: `version`, or the latest. 404 when there is none."""
    release = latest(session, year) if version is None else session.get(Release, (year, version))
    if release is None:
        raise FinsamError(
            Code.NOT_PUBLISHED,
            "Nothing is published for that year and version: open data comes from releases.",
        )
    return release


def national_table(release: Release, group_by: GroupBy) -> dict[str, Any]:
    """The stored national table with förbund or län rows, as the open summary shows it."""
    key = "forbund" if group_by is GroupBy.FORBUND else "lan"
    return copy.deepcopy(release.content["national"][key])  # type: ignore[index]


def forbund_table(release: Release, code: str) -> dict[str, Any]:
    """A förbund's own open summary in the release: its national row, nothing more."""
    summaries: dict[str, Any] = release.content["forbund"]  # type: ignore[assignment]
    if code not in summaries:
        raise FinsamError(
            Code.NOT_FOUND, "No förbund with that code in this release.", loc=("path", "code")
        )
    return copy.deepcopy(summaries[code])
