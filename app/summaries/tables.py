"""The annual-report table (årsredovisningstabell) and the yearly series, with CSV and XLSX."""

from __future__ import annotations

import csv
import io
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from sqlalchemy.orm import Session

from app.db.aggregates import InsatsInfo
from app.db.models import Forbund
from app.domain.measures import (
    ATTENDEE_ORGANISATIONS,
    CATEGORY_LABELS,
    MEASURES,
    InsatsKind,
    Shape,
)
from app.domain.periods import Period, PeriodKind
from app.domain.summary import Sum, build_measures
from app.errors import Code, FinsamError
from app.summaries.service import forbund_figures

# Why a cell holds no number, in the words of the förbund's own tables: the measure does not
# apply to the insats ("ej aktuellt"), or it applies and was not reported ("ej rapporterat").
MISSING_WORDS = {"not_applicable": "ej aktuellt", "not_reported": "ej rapporterat"}
NOT_APPLICABLE = MISSING_WORDS["not_applicable"]

_ORGANISATION = {"other": "övriga organisationer"}

# (field of TableRow, Swedish column header, the measure it shows)
COLUMNS: list[tuple[str, str, str | None]] = [
    ("insats", "Insats", None),
    ("participants_women", "Deltagare kvinnor", "participants"),
    ("participants_men", "Deltagare män", "participants"),
    ("participants_total", "Deltagare totalt", "participants"),
    ("started_women", "Nya kvinnor", "started"),
    ("started_men", "Nya män", "started"),
    ("started_total", "Nya totalt", "started"),
    ("ended_women", "Avslutade kvinnor", "ended"),
    ("ended_men", "Avslutade män", "ended"),
    ("ended_total", "Avslutade totalt", "ended"),
    ("volume_contacts", "Volyminsats", "volume_contacts"),
    ("anonymous_cases", "Anonyma ärenden", "anonymous_cases"),
    ("work_women", "Utfall arbete kvinnor", "outcomes"),
    ("work_men", "Utfall arbete män", "outcomes"),
    ("work_total", "Utfall arbete totalt", "outcomes"),
    ("studies_women", "Utfall studier kvinnor", "outcomes"),
    ("studies_men", "Utfall studier män", "outcomes"),
    ("studies_total", "Utfall studier totalt", "outcomes"),
    # A strukturinriktad insats's figures: its attendees, in total and per organisation,
    # and its activities.
    ("attendees_total", "Deltagare strukturinsats totalt", "attendees"),
    *(
        # "other" is "annat/okänt" among outcomes; among organisations it is the others.
        (f"attendees_{org}", f"varav {_ORGANISATION.get(org, CATEGORY_LABELS[org])}", "attendees")
        for org in ATTENDEE_ORGANISATIONS
    ),
    ("activities", "Aktiviteter", "activities"),
]


def _missing(row: dict[str, Any], applies: set[str]) -> dict[str, str]:
    """Why each empty cell of `row` is empty, given the measures that apply to it."""
    return {
        field: "not_reported" if measure in applies else "not_applicable"
        for field, _, measure in COLUMNS
        if measure is not None and row[field] is None
    }


def _applies(insats: InsatsInfo) -> set[str]:
    return {
        name
        for name, measure in MEASURES.items()
        if measure.applies_to(InsatsKind(insats.kind)) and name not in insats.not_applicable
    }


def _by_kon(name: str, figure: dict[str, Any] | None) -> dict[str, int | None]:
    return {f"{name}_{part}": (figure or {}).get(part) for part in ("women", "men", "total")}


def _attendees(figure: dict[str, Any] | None) -> dict[str, int | None]:
    """Attendees per organisation, and their sum where any organisation was reported."""
    by_org = {org: ((figure or {}).get(org) or {}).get("total") for org in ATTENDEE_ORGANISATIONS}
    given = [v for v in by_org.values() if v is not None]
    return {
        "attendees_total": sum(given) if given else None,
        **{f"attendees_{org}": value for org, value in by_org.items()},
    }


def _row(insats_id: int | None, name: str, measures: dict[str, Any]) -> dict[str, Any]:
    participants = measures["participants"] or {}
    outcomes = measures["outcomes"] or {}
    work = outcomes.get("work") or {}
    studies = outcomes.get("studies") or {}
    return {
        "insats_id": insats_id,
        "insats": name,
        "participants_women": participants.get("women"),
        "participants_men": participants.get("men"),
        "participants_total": participants.get("total"),
        **_by_kon("started", measures["started"]),
        **_by_kon("ended", measures["ended"]),
        "volume_contacts": (measures["volume_contacts"] or {}).get("total"),
        "anonymous_cases": (measures["anonymous_cases"] or {}).get("total"),
        "work_women": work.get("women"),
        "work_men": work.get("men"),
        "work_total": work.get("total"),
        "studies_women": studies.get("women"),
        "studies_men": studies.get("men"),
        "studies_total": studies.get("total"),
        **_attendees(measures["attendees"]),
        "activities": (measures["activities"] or {}).get("total"),
    }


def annual_table(
    session: Session, forbund: Forbund, period: Period, approved_only: bool = False
) -> dict[str, Any]:
    """One row per active insats, then the total row; None where a measure does not apply."""
    selection, levels, figures = forbund_figures(session, forbund, period, approved_only)
    table = []
    applying: set[str] = set()
    for insats in selection.insatser:
        sums = [
            Sum(r.measure, r.category, r.gender, r.value, r.reported_by)
            for r in levels[(insats.forbund_code, insats.id)]
        ]
        row = _row(insats.id, insats.name, build_measures(sums))
        applies = _applies(insats)
        applying |= applies
        table.append({**row, "missing": _missing(row, applies)})
    total = _row(None, "Totalt", figures["measures"])
    # The total is "ej aktuellt" only where the measure applies to none of the insatser.
    table.append({**total, "missing": _missing(total, applying)})
    return {"forbund": forbund.code, "period": str(period), "rows": table}


def _cell(row: dict[str, Any], field: str) -> Any:
    value = row[field]
    if value is None and field in row.get("missing", {}):
        return MISSING_WORDS[row["missing"][field]]
    return value


def _xlsx_cell(row: dict[str, Any], field: str) -> Any:
    value = _cell(row, field)
    # Names stored before control characters were refused must not break the workbook.
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _csv_cell(row: dict[str, Any], field: str) -> Any:
    value = _cell(row, field)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # An insats named "=HYPERLINK(...)" must stay text in Excel, never become a formula.
        return "'" + value
    return value


def to_csv(table: dict[str, Any]) -> str:
    """CSV with Swedish headers, `;`-separated as Swedish Excel expects."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([header for _, header, _ in COLUMNS])
    for row in table["rows"]:
        writer.writerow([_csv_cell(row, key) for key, _, _ in COLUMNS])
    return out.getvalue()


def to_xlsx(table: dict[str, Any]) -> bytes:
    """An XLSX workbook a board secretary can paste from: numbers as numbers."""
    book = Workbook()
    sheet = book.active
    sheet.title = f"{table['forbund']} {table['period']}"[:31]
    sheet.append([header for _, header, _ in COLUMNS])
    for row in table["rows"]:
        sheet.append([_xlsx_cell(row, key) for key, _, _ in COLUMNS])
    for cells in sheet.iter_rows():
        for cell in cells:
            if cell.data_type == "f":  # text that openpyxl took for a formula stays text
                cell.data_type = "s"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def series_measure(name: str) -> tuple[str, str | None]:
    """`participants` or `outcomes.work` → (measure, category); 422 for anything else."""
    measure, _, category = name.partition(".")
    spec = MEASURES.get(measure)
    ok = spec is not None and (
        (spec.shape in (Shape.GENDER_COUNT, Shape.COUNT) and not category)
        or (spec.shape is Shape.CATEGORY_GENDER_COUNTS and category in spec.categories)
        or (spec.shape is Shape.CATEGORY_COUNTS and category in spec.categories)
    )
    if not ok:
        raise FinsamError.at(
            Code.VALIDATION_FAILED,
            ("query", "measure"),
            "unknown measure; use a measure name such as 'participants' or "
            "'volume_contacts', or measure.category such as 'outcomes.work' or 'age_bands.20-24'",
        )
    return measure, category or None


def series(
    session: Session,
    forbund: Forbund,
    name: str,
    first: int,
    last: int,
    approved_only: bool = False,
) -> dict[str, Any]:
    """The measure per year, by kön where it is split; each year summed as its summary is."""
    if last < first:
        raise FinsamError.at(Code.VALIDATION_FAILED, ("query", "to"), "to must not be before from")
    if last - first > 30:
        raise FinsamError.at(
            Code.LIMIT_EXCEEDED, ("query", "to"), "a series spans at most 31 years"
        )
    measure, category = series_measure(name)
    points = []
    for year in range(first, last + 1):
        year_period = Period(year, PeriodKind.YEAR)
        _, _, figures = forbund_figures(session, forbund, year_period, approved_only)
        figure = figures["measures"][measure]
        if category is not None and figure is not None:
            figure = figure.get(category)
        figure = figure or {}
        points.append(
            {
                "period": str(year),
                "women": figure.get("women"),
                "men": figure.get("men"),
                "unspecified": figure.get("unspecified"),
                "total": figure.get("total"),
                "reported_by": figure.get("reported_by", 0),
                "applies_to": figure.get("applies_to"),
            }
        )
    return {"forbund": forbund.code, "measure": name, "points": points}
