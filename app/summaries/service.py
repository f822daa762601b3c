"""Summaries: choose the reports that stand for a period, let PostgreSQL sum them, shape them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.aggregates import (
    ChosenReport,
    GroupBy,
    InsatsInfo,
    Levels,
    active_insatser,
    aggregate,
    reports_within,
)
from app.db.models import Forbund
from app.domain.periods import Coverage, Period, choose_coverage, parse_period
from app.domain.summary import (
    Sum,
    applies_to,
    build_measures,
    build_shares,
    change,
    missing_reasons,
    share_inputs,
    with_applies_to,
)


@dataclass
class Selection:
    """The active insatser and, for each, the reports that stand for the period."""

    period: Period
    insatser: list[InsatsInfo]
    coverage: dict[int, Coverage] = field(default_factory=dict)
    report_ids: dict[tuple[int, str], int] = field(default_factory=dict)

    def chosen(self) -> list[ChosenReport]:
        return [
            ChosenReport(self.report_ids[(insats_id, str(p))], c.exact, len(c.periods))
            for insats_id, c in self.coverage.items()
            for p in c.periods
        ]


@dataclass(frozen=True)
class Scope:
    """What a summary covers: a period, optionally one förbund, optionally approved reports only."""

    period: Period
    forbund_id: int | None = None
    approved_only: bool = False
    # Open data: approved reports of periods their förbund has closed, nothing else.
    published_only: bool = False


def select_reports(session: Session, scope: Scope) -> Selection:
    period = scope.period
    insatser = active_insatser(session, period.start, period.end, scope.forbund_id)
    selection = Selection(period, insatser)
    available: dict[int, set[Period]] = defaultdict(set)
    ids = [i.id for i in insatser]
    approved = scope.approved_only or scope.published_only
    found = reports_within(
        session, ids, period.start, period.end, approved, closed_only=scope.published_only
    )
    for report in found:
        available[report.insats_id].add(parse_period(report.period))
        selection.report_ids[(report.insats_id, report.period)] = report.report_id
    for insats in insatser:
        lifetime = (insats.start_date, insats.end_date)
        selection.coverage[insats.id] = choose_coverage(period, available[insats.id], lifetime)
    return selection


def _figures(
    selection: Selection, insatser: Iterable[InsatsInfo], sums: list[Sum]
) -> dict[str, Any]:
    """The common block of every summary level: counts, coverage, measures, shares."""
    covers = [selection.coverage[i.id] for i in insatser]
    inputs = share_inputs(sums)
    applies = applies_to((i.kind, i.not_applicable) for i in insatser)
    measures = build_measures(sums)
    return {
        "insatser": len(covers),
        "reports": sum(1 for c in covers if not c.missing),
        "complete": all(c.complete for c in covers),
        "computed_from": sorted({str(p) for c in covers for p in c.periods}),
        "measures": with_applies_to(measures, applies),
        "missing": missing_reasons(measures, applies, _from_parts(selection, insatser)),
        "shares": build_shares(inputs),
        # Not in responses (the models ignore it): disclosure control needs the counts
        # behind each share to know whether a share would reveal one.
        "share_inputs": inputs,
    }


def _from_parts(selection: Selection, insatser: Iterable[InsatsInfo]) -> set[str]:
    """The measures that some insats they apply to reported only for parts of the period."""
    found: set[str] = set()
    for insats in insatser:
        coverage = selection.coverage[insats.id]
        if coverage.periods and not coverage.exact:
            found |= {
                name
                for name, count in applies_to([(insats.kind, insats.not_applicable)]).items()
                if count
            }
    return found


def forbund_figures(
    session: Session, forbund: Forbund, period: Period, approved_only: bool = False
) -> tuple[Selection, Levels, dict[str, Any]]:
    """The förbund's selection, its sums at every level, and its total figures."""
    selection = select_reports(session, Scope(period, forbund.id, approved_only))
    levels = aggregate(session, selection.chosen())
    figures = _figures(selection, selection.insatser, levels[(None, None)])
    return selection, levels, figures


def forbund_summary(
    session: Session,
    forbund: Forbund,
    period: Period,
    compare: Period | None = None,
    approved_only: bool = False,
) -> dict[str, Any]:
    selection, _, figures = forbund_figures(session, forbund, period, approved_only)
    summary = {
        "forbund": forbund.code,
        "period": str(period),
        "approved_only": approved_only,
        **figures,
        "coverage": [
            {
                "insats_id": i.id,
                "name": i.name,
                "periods": [str(p) for p in selection.coverage[i.id].periods],
                "complete": selection.coverage[i.id].complete,
            }
            for i in selection.insatser
        ],
    }
    if compare is not None:
        _, _, other = forbund_figures(session, forbund, compare, approved_only)
        summary["comparison"] = _comparison(compare, figures, other)
    return summary


def _comparison(period: Period, current: dict[str, Any], other: dict[str, Any]) -> dict[str, Any]:
    return {
        "period": str(period),
        "figures": other,
        "change": change(
            {"measures": current["measures"], "shares": current["shares"]},
            {"measures": other["measures"], "shares": other["shares"]},
        ),
    }


def national_figures(
    session: Session,
    period: Period,
    group_by: GroupBy,
    approved_only: bool = False,
    published_only: bool = False,
    selection: Selection | None = None,
) -> dict[str, Any]:
    """The national figure and one row per förbund (or län). `selection`, when given, is the
    reports already chosen for this period and scope (a release sums them three ways)."""
    if selection is None:
        selection = select_reports(session, Scope(period, None, approved_only, published_only))
    levels = aggregate(session, selection.chosen(), group_by, per_insats=False)
    groups: dict[str, list[InsatsInfo]] = defaultdict(list)
    names: dict[str, str | None] = {}
    lans: dict[str, str] = {}
    # Every förbund has a row, also one with no insats active in the period: "no insatser"
    # is an answer, and leaving the row out would read as "not registered".
    for code, name, lan in session.connection().execute(
        select(Forbund.code, Forbund.name, Forbund.lan)
    ):
        key = code if group_by is GroupBy.FORBUND else lan
        groups.setdefault(key, [])
        names[key] = name if group_by is GroupBy.FORBUND else None
        lans[key] = lan
    for insats in selection.insatser:
        key = insats.forbund_code if group_by is GroupBy.FORBUND else insats.lan
        groups[key].append(insats)
        names[key] = insats.forbund_name if group_by is GroupBy.FORBUND else None
        lans[key] = insats.lan
    return {
        "period": str(period),
        "approved_only": approved_only or published_only,
        **_figures(selection, selection.insatser, levels[(None, None)]),
        "group_by": group_by.value,
        "forbund": [
            {
                "key": key,
                "name": names[key],
                "lan": lans[key],
                **_figures(selection, members, levels[(key, None)]),
            }
            for key, members in sorted(groups.items())
        ],
    }


def national_summary(
    session: Session,
    period: Period,
    group_by: GroupBy,
    compare: Period | None = None,
    approved_only: bool = False,
) -> dict[str, Any]:
    summary = national_figures(session, period, group_by, approved_only)
    if compare is not None:
        other = national_figures(session, compare, group_by, approved_only)
        summary["comparison"] = _comparison(compare, summary, other)
    return summary


def insats_measures(
    session: Session, selection: Selection
) -> dict[tuple[str, int], dict[str, Any]]:
    """Each insats's own summed measures for the chosen reports, keyed by (förbund code, insats
    id): what its reporter knows, for auditing open data against insiders."""
    levels = aggregate(session, selection.chosen(), GroupBy.FORBUND, per_insats=True)
    return {
        (group, insats_id): build_measures(sums)
        for (group, insats_id), sums in levels.items()
        if group is not None and insats_id is not None
    }
