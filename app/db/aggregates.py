"""The one aggregation every summary, table, comparison and series is built from.

Given the reports chosen to stand for a period (each either the insats's own report for it,
which gives every measure, or a shorter part, which gives flows only), PostgreSQL sums the
facts per insats, then per group (förbund or län) and overall in one GROUPING SETS query.
`reported_by` at a level is the number of insatser that gave the figure.
"""

from __future__ import annotations

import operator
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cache, reduce
from typing import Any, NamedTuple

from sqlalchemy import (
    ARRAY,
    Boolean,
    Date,
    Integer,
    and_,
    any_,
    bindparam,
    case,
    func,
    literal,
    null,
    or_,
    select,
    tuple_,
    union_all,
)
from sqlalchemy.orm import Session
from sqlalchemy.sql import Select
from sqlalchemy.sql.elements import ColumnElement

from app.db.models import ClosedPeriod, Forbund, Insats, Report, ReportFact
from app.domain.derived import DERIVED
from app.domain.measures import GENDERS, MEASURES, TOTAL
from app.domain.reports import NO_GENDER
from app.domain.summary import SHARE_INPUTS, Sum


class GroupBy(StrEnum):
    """The middle level of a roll-up."""

    FORBUND = "forbund"
    LAN = "lan"


@dataclass(frozen=True)
class ChosenReport:
    report_id: int
    whole: bool  # the insats's own report for the period: stocks count too
    parts: int = 1  # how many reports stand for this insats in the period


Level = tuple[str | None, int | None]
"""Where a sum stands: (group, insats) for an insats, (group, None) for a group, (None, None)
for the overall total."""

Levels = dict[Level, list[Sum]]


class ReportPeriod(NamedTuple):  # NamedTuples: a summary reads hundreds of each
    report_id: int
    insats_id: int
    period: str


class InsatsInfo(NamedTuple):
    id: int
    name: str
    kind: str
    forbund_code: str
    forbund_name: str
    lan: str
    start_date: date
    end_date: date | None
    not_applicable: tuple[str, ...] = ()


FLOWS = [name for name, m in MEASURES.items() if m.flow]


def active_insatser(
    session: Session, start: date, end: date, forbund_id: int | None = None
) -> list[InsatsInfo]:
    """Insatser whose lifetime overlaps `start`..`end`, in the order tables list them."""
    query = _active_query(one_forbund=forbund_id is not None)
    bound = {"start": start, "end": end, "forbund_id": forbund_id}
    return [
        InsatsInfo._make((*row[:-1], tuple(row[-1] or ())))
        for row in session.connection().execute(query, bound)
    ]


# The statements that choose reports are built once per shape, their values bound when they
# run, as the aggregation's is (building them was a tenth of a national summary).
@cache
def _active_query(
    one_forbund: bool,
) -> Select[int, str, str, str, str, str, date, date | None, list[str]]:
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)
    query = (
        select(
            Insats.id,
            Insats.name,
            Insats.kind,
            Forbund.code,
            Forbund.name,
            Forbund.lan,
            Insats.start_date,
            Insats.end_date,
            Insats.not_applicable,
        )
        .join(Forbund)
        .where(Insats.start_date <= end, or_(Insats.end_date.is_(None), Insats.end_date >= start))
        .order_by(Forbund.code, Insats.id)
    )
    if one_forbund:
        query = query.where(Insats.forbund_id == bindparam("forbund_id", type_=Integer))
    return query


def reports_within(
    session: Session,
    insats_ids: Sequence[int],
    start: date,
    end: date,
    approved_only: bool = False,
    closed_only: bool = False,
) -> list[ReportPeriod]:
    """Reports of these insatser whose period lies wholly within `start`..`end`; with
    `closed_only`, only those whose förbund has closed a period containing theirs."""
    if not insats_ids:
        return []
    query = _reports_query(approved_only, closed_only)
    # One array parameter, not one parameter per id: the driver allows 65,535 at most.
    bound = {"insats_ids": list(insats_ids), "start": start, "end": end}
    return [ReportPeriod(*row) for row in session.connection().execute(query, bound)]


@cache
def _reports_query(approved_only: bool, closed_only: bool) -> Select[int, int, str]:
    ids = bindparam("insats_ids", type_=ARRAY(Integer))
    start, end = bindparam("start", type_=Date), bindparam("end", type_=Date)
    query = select(Report.id, Report.insats_id, Report.period).where(
        Report.insats_id == any_(ids), Report.period_start >= start, Report.period_end <= end
    )
    if approved_only:
        query = query.where(Report.status == "approved")
    if closed_only:
        closed = (
            select(ClosedPeriod.forbund_id)
            .join(Insats, Insats.forbund_id == ClosedPeriod.forbund_id)
            .where(
                Insats.id == Report.insats_id,
                ClosedPeriod.period_start <= Report.period_start,
                ClosedPeriod.period_end >= Report.period_end,
            )
        )
        query = query.where(closed.exists())
    return query


def _derived_inputs(per_insats: Any) -> list[Any]:
    """Each derived figure's numerator and denominator per insats and gender, for the insatser
    that gave both sides (`app.domain.derived` says why), as rows of the pseudo-measure
    SHARE_INPUTS. A measure without a kön split pairs with the other side's total."""
    c = per_insats.c
    cells = sorted({cell for d in DERIVED.values() for cell in d.cells})
    column = {cell: f"c{i}" for i, cell in enumerate(cells)}
    gender = case((c.gender == NO_GENDER, TOTAL), else_=c.gender)
    paired = (
        select(
            c.grp,
            c.insats_id,
            gender.label("gender"),
            *(
                func.sum(c.value)
                .filter(and_(c.measure == measure, c.category == category))
                .label(column[(measure, category)])
                for measure, category in cells
            ),
        )
        .where(c.gender.in_((*GENDERS, TOTAL, NO_GENDER)))
        .group_by(c.grp, c.insats_id, gender)
        # A CTE: summed once, and read by every derived figure's two sides (as a subquery
        # PostgreSQL summed it once per side, six times; EXPLAIN ANALYZE: 27 of 61 ms).
        .cte("paired")
    )
    p = paired.c

    def side(cells: tuple[tuple[str, str], ...]) -> tuple[ColumnElement[Any], ColumnElement[Any]]:
        """The side's sum over its cells, and whether the insats gave any of them."""
        given = [p[column[cell]] for cell in cells]
        value: ColumnElement[Any] = reduce(operator.add, (func.coalesce(g, 0) for g in given))
        return value, or_(*(g.is_not(None) for g in given))

    selects = []
    for name, derived in DERIVED.items():
        numerator, has_numerator = side(derived.numerator.cells)
        denominator, has_denominator = side(derived.denominator.cells)
        for part, value in (("numerator", numerator), ("denominator", denominator)):
            selects.append(
                select(
                    p.grp,
                    p.insats_id,
                    literal(SHARE_INPUTS).label("measure"),
                    literal(f"{name}.{part}").label("category"),
                    p.gender,
                    value.label("value"),
                ).where(has_numerator, has_denominator)
            )
    return selects


@cache
def _aggregate_query(group_by: GroupBy, per_insats: bool) -> Select[Any]:
    """The aggregation as one statement, built once per grouping (a profile found a fifth of
    a förbund summary spent building it): the chosen reports are bound when it runs."""
    picked = (
        func.unnest(
            bindparam("ids", type_=ARRAY(Integer)),
            bindparam("wholes", type_=ARRAY(Boolean)),
            bindparam("parts", type_=ARRAY(Integer)),
        )
        .table_valued("report_id", "whole", "parts")
        .render_derived(with_types=False)
    )
    group_column = Forbund.code if group_by is GroupBy.FORBUND else Forbund.lan
    insats_sums = (
        select(
            group_column.label("grp"),
            Report.insats_id,
            ReportFact.measure,
            ReportFact.category,
            ReportFact.gender,
            func.sum(ReportFact.value).label("value"),
        )
        .select_from(ReportFact)
        .join(picked, picked.c.report_id == ReportFact.report_id)
        .join(Report, Report.id == ReportFact.report_id)
        .join(Insats, Insats.id == Report.insats_id)
        .join(Forbund, Forbund.id == Insats.forbund_id)
        .where(or_(picked.c.whole, ReportFact.measure.in_(FLOWS)))
        .group_by(
            group_column,
            Report.insats_id,
            ReportFact.measure,
            ReportFact.category,
            ReportFact.gender,
        )
        # A flow summed over parts counts only if every part gave it: a half that did not
        # report "avslutade" is unknown, not zero, so the year's figure is unknown too. A
        # report has one fact per (measure, category, gender) (its key), so count(*) counts
        # the reports that gave it, without DISTINCT's sort.
        .having(func.count() == func.max(picked.c.parts))
        .cte("per_insats")
    )
    facts = union_all(select(insats_sums), *_derived_inputs(insats_sums)).subquery("facts")
    keys = (facts.c.measure, facts.c.category, facts.c.gender)
    # GROUPING() bits: 0 = an insats row, 1 = a group row, 3 = the total.
    insats_column: ColumnElement[Any] = facts.c.insats_id
    level: ColumnElement[Any] = func.grouping(facts.c.grp, facts.c.insats_id)
    if not per_insats:
        insats_column, level = null(), func.grouping(facts.c.grp) * 2 + 1
    return select(
        facts.c.grp,
        insats_column,
        *keys,
        func.sum(facts.c.value),
        func.count(facts.c.insats_id),
        level,
    ).group_by(
        func.grouping_sets(
            *([tuple_(facts.c.grp, facts.c.insats_id, *keys)] if per_insats else []),
            tuple_(facts.c.grp, *keys),
            tuple_(*keys),
        )
    )


def aggregate(
    session: Session,
    chosen: Iterable[ChosenReport],
    group_by: GroupBy = GroupBy.FORBUND,
    per_insats: bool = True,
) -> Levels:
    """Sum the chosen reports' facts per group and overall (and per insats when asked: the
    national summary does not need ~900 insats rows), in one query; the sums by level.
    `reported_by` at a level is the number of insatser that gave the figure."""
    chosen = list(chosen)
    levels: Levels = defaultdict(list)
    if not chosen:
        return levels
    chosen_reports = {
        "ids": [c.report_id for c in chosen],
        "wholes": [c.whole for c in chosen],
        "parts": [c.parts for c in chosen],
    }
    query = _aggregate_query(group_by, per_insats)
    # Plain tuples into the domain's Sum: a profile of the national summary found a tenth of
    # it building one object per row on the way.
    for (
        grp,
        insats_id,
        measure,
        category,
        gender,
        value,
        reported_by,
        level,
    ) in session.connection().execute(query, chosen_reports):
        key = (grp if level < 3 else None, insats_id if level == 0 else None)
        levels[key].append(Sum(measure, category, gender, int(value), reported_by))
    return levels
