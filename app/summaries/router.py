"""HTTP endpoints for summaries, the annual-report table, series and open data."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import SessionDep
from app.api.negotiation import negotiate
from app.api.params import period_param
from app.api.problems import API_REQUEST, AUTHENTICATED, PARAMETERS, responses
from app.auth.dependencies import NationalReader, ReadableForbund
from app.db.aggregates import GroupBy
from app.domain.periods import Period, PeriodKind
from app.errors import Code, FinsamError
from app.releases import service as releases
from app.summaries import service, tables
from app.summaries.schemas import AnnualTable, ForbundSummary, NationalSummary, Series

router = APIRouter(prefix="/api/v1", tags=["summaries"])

# What every summary can answer: the period (and `compare`, `approved_only`, `group_by`) not
# valid, the service busy, the database away.
SUMMARY = (*API_REQUEST, *PARAMETERS, Code.INVALID_PERIOD)
# ... and, with a key, for a förbund named in the path.
FORBUND_SUMMARY = (*SUMMARY, *AUTHENTICATED, Code.FORBIDDEN, Code.NOT_FOUND)

PeriodQuery = Annotated[str, Query(description="Period: 2023, 2023H1, 2023T2 or 2023Q4.")]
CompareQuery = Annotated[
    str | None, Query(description="Jämför med: another period, whose figures and change are added.")
]
GroupQuery = Annotated[GroupBy, Query(description="Rows per `forbund` (default) or per `lan`.")]
ApprovedQuery = Annotated[
    bool, Query(description="Endast godkända: count approved reports only (default: all).")
]

JSON = "application/json"
CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _compare(compare: str | None) -> Any:
    return period_param(compare, ("query", "compare")) if compare else None


@router.get(
    "/forbund/{code}/summary",
    operation_id="getForbundSummary",
    responses=responses(*FORBUND_SUMMARY),
)
def forbund_summary(
    forbund: ReadableForbund,
    period: PeriodQuery,
    session: SessionDep,
    compare: CompareQuery = None,
    approved_only: ApprovedQuery = False,
) -> ForbundSummary:
    """The förbund's figures for a period, summed over its insatser."""
    parsed = period_param(period, ("query", "period"))
    summary = service.forbund_summary(session, forbund, parsed, _compare(compare), approved_only)
    return ForbundSummary.model_validate(summary)


FORMATS = {"json": JSON, "csv": CSV, "xlsx": XLSX}
FormatQuery = Annotated[
    Literal["json", "csv", "xlsx"] | None,
    Query(description="Format: `json`, `csv` or `xlsx`; when given, `Accept` is not consulted."),
]


ColumnsQuery = Annotated[
    str | None,
    Query(
        description="Kolumner: a preset ("
        + ", ".join(f"`{name}`" for name in tables.PRESETS)
        + f"; default `{tables.DEFAULT_PRESET}`) or a comma-separated list of column keys (the "
        "figure fields of a table row, e.g. `participants_total,work_total`), presets and keys "
        "mixed as you like. CSV and XLSX print these, in this order, after the insats's name."
    ),
]
TableCompareQuery = Annotated[
    str | None,
    Query(
        description="Jämför med: another period; each figure is followed by that period's "
        "(JSON: the row's `compare`; CSV and XLSX: a column headed with the period)."
    ),
]


@router.get(
    "/forbund/{code}/table",
    operation_id="getAnnualReportTable",
    responses={
        **responses(*FORBUND_SUMMARY, Code.NOT_ACCEPTABLE),
        200: {
            "model": AnnualTable,
            "description": "The table as JSON, CSV (Swedish headers, `;`) or XLSX by `Accept`.",
            "content": {
                CSV: {"schema": {"type": "string"}},
                XLSX: {"schema": {"type": "string", "format": "binary"}},
            },
        },
    },
)
def annual_table(
    forbund: ReadableForbund,
    period: PeriodQuery,
    request: Request,
    session: SessionDep,
    approved_only: ApprovedQuery = False,
    format: FormatQuery = None,
    columns: ColumnsQuery = None,
    compare: TableCompareQuery = None,
) -> Any:
    """Årsredovisningstabell: one row per insats and a total row, individual and structural
    insatser both. A cell without a number says why: `ej aktuellt` (the measure does not
    apply to the insats), `ej rapporterat` (it applies and was not reported), `ej summerbart`,
    `delperiod saknas`, `ej godkänd`, `kön ej uppdelat`, `inga avslutade` or `ej aktiv`; in
    JSON the figure is null with the reason in the row's `missing`. JSON, CSV or XLSX by
    `format=`, else by `Accept`."""
    parsed = period_param(period, ("query", "period"))
    compared = _compare(compare)
    chosen_columns = tables.choose_columns(columns)
    table = tables.annual_table(session, forbund, parsed, approved_only, chosen_columns, compared)
    chosen = negotiate(format, request.headers.get("accept"), FORMATS)
    filename = f"finsam-{forbund.code}-{table['period']}"
    if compared is not None:
        filename += f"-{table['compare_period']}"
    if chosen == XLSX:
        return Response(
            tables.to_xlsx(table, datetime.now(UTC)),
            media_type=XLSX,
            headers={"Content-Disposition": f'attachment; filename="{filename}.xlsx"'},
        )
    if chosen == CSV:
        return Response(
            tables.to_csv(table).encode("utf-8-sig"),  # the BOM makes Excel read UTF-8
            media_type=f"{CSV}; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{filename}.csv"'},
        )
    return AnnualTable.model_validate(table)


@router.get(
    "/forbund/{code}/series",
    operation_id="getForbundSeries",
    responses=responses(
        *API_REQUEST,
        *AUTHENTICATED,
        *PARAMETERS,
        Code.FORBIDDEN,
        Code.NOT_FOUND,
        Code.LIMIT_EXCEEDED,
    ),
)
def forbund_series(
    forbund: ReadableForbund,
    measure: Annotated[str, Query(description="Mått: e.g. `participants` or `outcomes.work`.")],
    session: SessionDep,
    from_year: Annotated[int, Query(alias="from", ge=1900, le=2999, description="Första år.")],
    to_year: Annotated[int, Query(alias="to", ge=1900, le=2999, description="Sista år.")],
    approved_only: ApprovedQuery = False,
) -> Series:
    """A yearly series of one measure by kön, e.g. deltagare 2018–2023."""
    points = tables.series(session, forbund, measure, from_year, to_year, approved_only)
    return Series.model_validate(points)


@router.get(
    "/national/summary",
    operation_id="getNationalSummary",
    responses=responses(*SUMMARY, *AUTHENTICATED, Code.FORBIDDEN),
)
def national_summary(
    period: PeriodQuery,
    session: SessionDep,
    _: NationalReader,
    compare: CompareQuery = None,
    group_by: GroupQuery = GroupBy.FORBUND,
    approved_only: ApprovedQuery = False,
) -> NationalSummary:
    """Exact national figures, with one row per förbund (or län): national and admin keys."""
    parsed = period_param(period, ("query", "period"))
    summary = service.national_summary(session, parsed, group_by, _compare(compare), approved_only)
    return NationalSummary.model_validate(summary)


def _open_period(text: str) -> Period:
    """Open data is published per calendar year only: a year built from halves is their sum,
    so publishing both would let a hidden half be worked out by subtraction."""
    period = period_param(text, ("query", "period"))
    if period.kind is not PeriodKind.YEAR:
        raise FinsamError.at(
            Code.INVALID_PERIOD,
            ("query", "period"),
            "open data is published per calendar year (e.g. 2023); shorter periods could be "
            "subtracted from the year to reveal hidden counts",
        )
    return period


@router.get(
    "/open/national/summary",
    operation_id="getOpenNationalSummary",
    tags=["open-data"],
    responses=responses(*SUMMARY, Code.NOT_PUBLISHED),
)
def open_national_summary(
    period: PeriodQuery, session: SessionDep, group_by: GroupQuery = GroupBy.FORBUND
) -> NationalSummary:
    """The national summary for a calendar year, for anyone, no token: the latest published
    release of the year (`/api/v1/open/releases/{year}`), protected when it was published;
    hidden counts are null and named in `suppressed` (docs/disclosure.md)."""
    release = releases.get(session, _open_period(period).year, None)
    return NationalSummary.model_validate(releases.national_table(release, group_by))


@router.get(
    "/open/forbund/{code}/summary",
    operation_id="getOpenForbundSummary",
    tags=["open-data"],
    responses=responses(*SUMMARY, Code.NOT_FOUND, Code.NOT_PUBLISHED),
)
def open_forbund_summary(code: str, period: PeriodQuery, session: SessionDep) -> ForbundSummary:
    """A förbund's summary for anyone, no token, from the latest release of the year: exactly
    its row of the open national summary, so that no two open tables undo each other."""
    release = releases.get(session, _open_period(period).year, None)
    return ForbundSummary.model_validate(releases.forbund_table(release, code))
