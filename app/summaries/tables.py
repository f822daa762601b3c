"""The annual-report table (årsredovisningstabell) and the yearly series, with CSV and XLSX.

The table's columns are derived from the measure catalogue (app/domain/measures.py) and the
shares of app/domain/summary.py, so a new measure gets its columns without an edit here; this
module only says how a förbund's annual report heads and orders them.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from sqlalchemy.orm import Session

from app.db.aggregates import InsatsInfo, Levels
from app.db.models import Forbund
from app.domain.measures import CATEGORY_LABELS, MEASURES, TOTAL, InsatsKind, Measure, Shape
from app.domain.periods import Coverage, Period, PeriodKind
from app.domain.summary import (
    SHARE_OUTCOMES,
    build_measures,
    build_shares,
    share_inputs,
)
from app.errors import Code, FinsamError
from app.summaries.service import Selection, forbund_figures

# --- why a cell holds no number -------------------------------------------------------------


class MissingReason(StrEnum):
    """Why a figure of the table is null (CSV and XLSX print the Swedish word instead)."""

    NOT_APPLICABLE = "not_applicable"
    NOT_REPORTED = "not_reported"
    NOT_SUMMABLE = "not_summable"
    PARTS_MISSING = "parts_missing"
    NOT_APPROVED = "not_approved"
    NOT_SPLIT = "not_split"
    NONE_ENDED = "none_ended"
    NOT_ACTIVE = "not_active"


@dataclass(frozen=True)
class Why:
    """A reason's word in the förbund's own tables, what it means, and the XLSX note on it."""

    word: str
    meaning: str
    note: str


MISSING: dict[MissingReason, Why] = {
    MissingReason.NOT_APPLICABLE: Why(
        "ej aktuellt",
        "the measure does not apply to the insats (its kind, or its `not_applicable`); on the "
        "total row, to none of the insatser",
        "måttet gäller inte insatsen.",
    ),
    MissingReason.NOT_REPORTED: Why(
        "ej rapporterat",
        "the measure applies and no report for the period gave it",
        "måttet gäller insatsen men har inte rapporterats för perioden.",
    ),
    MissingReason.NOT_SUMMABLE: Why(
        "ej summerbart",
        "the period was computed from shorter reports: a stock (deltagare, ages, attendees, "
        "försörjning) cannot be added over parts of a period; flows are given",
        "perioden är beräknad ur kortare rapporter; antal deltagare och andra bestånd kan "
        "inte summeras över delperioder (nya, avslutade och utfall kan).",
    ),
    MissingReason.PARTS_MISSING: Why(
        "delperiod saknas",
        "reports for part of the period are missing, so a flow for the whole period cannot "
        "be given (a total row is blank where an insats's figure was withheld so)",
        "rapporter för en del av perioden saknas, så nya, avslutade, utfall och andra flöden "
        "kan inte anges för hela perioden.",
    ),
    MissingReason.NOT_APPROVED: Why(
        "ej godkänd",
        "`approved_only=true` and the figure is in a report that is not approved",
        "siffran finns i en rapport som ännu inte är godkänd och räknas därför inte.",
    ),
    MissingReason.NOT_SPLIT: Why(
        "kön ej uppdelat",
        "the total was reported without a split by kön, which is not 0 women and 0 men",
        "totalen rapporterades utan uppdelning på kön (vilket inte betyder 0).",
    ),
    MissingReason.NONE_ENDED: Why(
        "inga avslutade",
        "a share of those who ended where nobody ended (0 avslutade): it has no value",
        "ingen deltagare avslutades, så andelen kan inte beräknas.",
    ),
    MissingReason.NOT_ACTIVE: Why(
        "ej aktiv",
        "the insats was not active in that period (with `compare`: only in the other one)",
        "insatsen var inte aktiv under perioden.",
    ),
}


def missing_description() -> str:
    """The `missing` field's description, from the one list of reasons above."""
    reasons = "; ".join(f"`{r.value}` (`{w.word}`): {w.meaning}" for r, w in MISSING.items())
    return (
        "Why each null figure of the row is null; CSV and XLSX print the Swedish word in the "
        f"cell instead. {reasons}."
    )


# --- columns, from the catalogue ------------------------------------------------------------

INSATS_HEADER = "Insats"
_KON = {"women": "kvinnor", "men": "män", TOTAL: "totalt"}
# The words förbund's annual reports head these columns with, shorter than the catalogue's
# labels (which name the measure in full); the others use the catalogue's label.
_HEADINGS = {
    "started": "Nya",
    "ended": "Avslutade",
    "outcomes": "Utfall",
    "volume_contacts": "Volyminsats",
    "attendees": "Deltagare strukturinsats",
    "activities": "Aktiviteter",
}
# Category words that differ in the table: "other" is "annat/okänt" among outcomes, but among
# the organisations attending a structural insats it is the others.
_CATEGORY_WORDS = {("attendees", "other"): "övriga organisationer"}
# A structural insats's attendees are its deltagare: reports print their sum, then "varav" per
# organisation.
_SUMMED = frozenset({"attendees"})
# Outcome columns are keyed by category alone (`work_total`), as they were before the table
# had other category columns; clients read those names.
_BARE_KEYS = frozenset({"outcomes"})
# A share is outcomes over avslutade (app/db/aggregates.py `_share_inputs`).
_SHARE_MEASURES = ("ended", "outcomes")

Value = int | float | None


@dataclass(frozen=True)
class Column:
    """One column: its key (a field of a table row), its Swedish header and where its figure is.

    `figure` is a catalogue measure or a share of app.domain.summary; `category` and `part`
    (women, men or total) address a number in it; `depends_on` are the catalogue measures
    behind it, which decide whether it applies to an insats and whether it is a flow.
    """

    key: str
    header: str
    figure: str
    depends_on: tuple[str, ...]
    category: str | None = None
    part: str = TOTAL
    share: bool = False
    summed: bool = False  # the sum of the measure's categories
    description: str = ""

    @property
    def flow(self) -> bool:
        """Whether it may be added over the parts of a period (all it depends on are flows)."""
        return all(MEASURES[m].flow for m in self.depends_on)

    @property
    def total_key(self) -> str:
        """The key of the same figure's total (itself for a total)."""
        return self.key.removesuffix(self.part) + TOTAL

    @property
    def number_format(self) -> str:
        return "0.0%" if self.share else "#,##0"

    def applies(self, measures: set[str]) -> bool:
        return set(self.depends_on) <= measures


def _key(category: str) -> str:
    return category.replace("-", "_")  # age bands: `age_bands_16_19`


def _label(measure: str, category: str) -> str:
    return _CATEGORY_WORDS.get((measure, category), CATEGORY_LABELS[category])


def _measure_columns(m: Measure) -> list[Column]:
    heading = _HEADINGS.get(m.name, m.swedish.capitalize())

    def column(
        key: str, header: str, category: str | None = None, part: str = TOTAL, summed: bool = False
    ) -> Column:
        description = f"{header}. {m.description}"
        return Column(key, header, m.name, (m.name,), category, part, False, summed, description)

    match m.shape:
        case Shape.GENDER_COUNT:
            return [column(f"{m.name}_{p}", f"{heading} {w}", part=p) for p, w in _KON.items()]
        case Shape.COUNT:
            return [column(m.name, heading)]
        case Shape.CATEGORY_GENDER_COUNTS:
            prefix = "" if m.name in _BARE_KEYS else f"{m.name}_"
            return [
                column(f"{prefix}{_key(c)}_{p}", f"{heading} {_label(m.name, c)} {w}", c, p)
                for c in m.categories
                for p, w in _KON.items()
            ]
        case Shape.CATEGORY_COUNTS:
            if m.name in _SUMMED:
                return [
                    column(f"{m.name}_{TOTAL}", f"{heading} totalt", summed=True),
                    *(
                        column(f"{m.name}_{_key(c)}", f"varav {_label(m.name, c)}", c)
                        for c in m.categories
                    ),
                ]
            return [
                column(f"{m.name}_{_key(c)}", f"{heading}: {_label(m.name, c)}", c)
                for c in m.categories
            ]


def _share_columns(name: str, outcomes: Sequence[str]) -> list[Column]:
    words = "/".join(CATEGORY_LABELS[c] for c in outcomes)
    return [
        Column(
            f"{name}_{p}",
            f"Andel {words} av avslutade {w}",
            name,
            _SHARE_MEASURES,
            part=p,
            share=True,
            description=f"Andel {words} av avslutade {w}: a share 0..1 (0.25 is 25 %), over "
            "the insatser that reported both the outcomes and avslutade.",
        )
        for p, w in _KON.items()
    ]


def _all_columns() -> tuple[Column, ...]:
    """Every column in catalogue order, the shares right after the last measure they use."""
    order = list(MEASURES)
    after = max(_SHARE_MEASURES, key=order.index)
    columns: list[Column] = []
    for measure in MEASURES.values():
        columns += _measure_columns(measure)
        if measure.name == after:
            for name, outcomes in SHARE_OUTCOMES.items():
                columns += _share_columns(name, outcomes)
    return tuple(columns)


COLUMNS = _all_columns()
COLUMN = {c.key: c for c in COLUMNS}


def _of(*figures: str, categories: Sequence[str] = ()) -> tuple[str, ...]:
    """The keys of these figures' columns, figure by figure (only `categories`, if given)."""
    return tuple(
        c.key
        for figure in figures
        for c in COLUMNS
        if c.figure == figure and (not categories or c.category in categories)
    )


def _applying(kind: InsatsKind) -> tuple[str, ...]:
    return tuple(c.key for c in COLUMNS if all(MEASURES[m].applies_to(kind) for m in c.depends_on))


DEFAULT_PRESET = "standard"
PRESETS: dict[str, tuple[str, ...]] = {
    # What annual reports such as Samsund's and Sundsvall's print.
    "standard": (
        *_of("participants", "started", "ended", "volume_contacts", "anonymous_cases"),
        *_of("outcomes", categories=("work", "studies")),
        *_of("work_or_studies_of_ended"),
        *_of("attendees", "activities"),
    ),
    "individual": _applying(InsatsKind.INDIVIDUAL),
    "structural": _applying(InsatsKind.STRUCTURAL),
    "outcomes": _of(*_SHARE_MEASURES, *SHARE_OUTCOMES),
    "all": tuple(COLUMN),
}
_MAX_COLUMNS_TEXT = 4000


def _unknown_columns() -> FinsamError:
    # The input is never echoed: a rejected string may be anything, a personnummer included.
    return FinsamError.at(
        Code.VALIDATION_FAILED,
        ("query", "columns"),
        f"unknown column or preset; use a preset ({', '.join(PRESETS)}) or a comma-separated "
        "list of column keys (the figure fields of a table row, e.g. "
        "participants_total,work_total); presets and keys may be mixed",
    )


def choose_columns(text: str | None) -> tuple[str, ...]:
    """The column keys `columns=` names, in its order, each once; the default preset for None."""
    if text is None:
        return PRESETS[DEFAULT_PRESET]
    if len(text) > _MAX_COLUMNS_TEXT:
        raise _unknown_columns()
    chosen: dict[str, None] = {}
    for item in (part.strip() for part in text.split(",")):
        if item == INSATS_HEADER.lower():
            continue  # the insats's name is always the first column
        keys = PRESETS.get(item) or ((item,) if item in COLUMN else None)
        if keys is None:
            raise _unknown_columns()
        chosen.update(dict.fromkeys(keys))
    return tuple(chosen)


# --- figures and reasons --------------------------------------------------------------------


def _value(column: Column, measures: Mapping[str, Any], shares: Mapping[str, Any]) -> Value:
    """The column's number in a summary's `measures` and `shares` (None where not given)."""
    figure = (shares if column.share else measures).get(column.figure) or {}
    if column.summed:
        given = [f[TOTAL] for f in figure.values() if f and f.get(TOTAL) is not None]
        return sum(given) if given else None
    if column.category is not None:
        figure = figure.get(column.category) or {}
    value: Value = figure.get(column.part)
    return value


def _values(measures: Mapping[str, Any], shares: Mapping[str, Any]) -> dict[str, Value]:
    return {c.key: _value(c, measures, shares) for c in COLUMNS}


def _applies(insats: InsatsInfo) -> set[str]:
    """The catalogue measures that apply to the insats."""
    return {
        name
        for name, measure in MEASURES.items()
        if measure.applies_to(InsatsKind(insats.kind)) and name not in insats.not_applicable
    }


def _withheld(column: Column, coverage: Coverage) -> bool:
    """A flow summed over some parts of the period only is no figure for the period."""
    return column.flow and bool(coverage.periods) and not coverage.complete


def _figure_reason(
    column: Column, values: Mapping[str, Value], inputs: Mapping[str, Any]
) -> MissingReason:
    """What the figures themselves say about a null: nobody ended, or no kön split."""
    if (
        column.share
        and (inputs.get(column.figure, {}).get(column.part) or {}).get("denominator") == 0
    ):
        return MissingReason.NONE_ENDED
    if column.part != TOTAL and values[column.total_key] is not None:
        return MissingReason.NOT_SPLIT
    return MissingReason.NOT_REPORTED


def _insats_reason(
    column: Column,
    values: Mapping[str, Value],
    applies: set[str],
    coverage: Coverage,
    inputs: Mapping[str, Any],
) -> MissingReason:
    if not column.applies(applies):
        return MissingReason.NOT_APPLICABLE
    if _withheld(column, coverage):
        return MissingReason.PARTS_MISSING
    if coverage.periods and not coverage.exact and not column.flow:
        return MissingReason.NOT_SUMMABLE
    return _figure_reason(column, values, inputs)


# On the total row, the reason of its insatser's cells that tells most.
_TELLING = (
    MissingReason.NOT_APPROVED,
    MissingReason.PARTS_MISSING,
    MissingReason.NOT_SUMMABLE,
    MissingReason.NOT_SPLIT,
    MissingReason.NONE_ENDED,
)


def _total_reason(
    column: Column,
    values: Mapping[str, Value],
    inputs: Mapping[str, Any],
    insats_reasons: Iterable[MissingReason | None],
) -> MissingReason:
    reasons = set(insats_reasons)  # None for an insats with a number
    if all(r is MissingReason.NOT_APPLICABLE for r in reasons):  # also with no insatser
        return MissingReason.NOT_APPLICABLE
    own = _figure_reason(column, values, inputs)
    if own is not MissingReason.NOT_REPORTED:
        return own
    return next((r for r in _TELLING if r in reasons), MissingReason.NOT_REPORTED)


@dataclass(frozen=True)
class _Row:
    values: dict[str, Value]
    missing: dict[str, MissingReason]


# The cells of an insats in a period it was not active in (with `compare`).
_INACTIVE = _Row(dict.fromkeys(COLUMN), dict.fromkeys(COLUMN, MissingReason.NOT_ACTIVE))


@dataclass(frozen=True)
class _Side:
    """One period's table: a row per insats id and the total row (key None)."""

    rows: dict[int | None, _Row]
    names: dict[int, str]


def _not_approved(row: _Row, everything: _Row | None) -> _Row:
    """`row` (approved reports only), saying `not_approved` where all reports give a number."""
    if everything is None:
        return row
    missing = {
        key: MissingReason.NOT_APPROVED
        if reason is not MissingReason.NOT_APPLICABLE and everything.values[key] is not None
        else reason
        for key, reason in row.missing.items()
    }
    return _Row(row.values, missing)


def _side(
    selection: Selection,
    levels: Levels,
    figures: Mapping[str, Any],
    everything: _Side | None = None,
) -> _Side:
    """The table of one period from the summary's selection, sums and figures. `everything`
    is the same table over all reports, given when this one counts approved reports only."""
    rows: dict[int | None, _Row] = {}
    withheld: set[str] = set()
    for insats in selection.insatser:
        coverage = selection.coverage[insats.id]
        sums = levels[(insats.forbund_code, insats.id)]
        inputs = share_inputs(sums)
        values = _values(build_measures(sums), build_shares(inputs))
        held = {k for k, v in values.items() if v is not None and _withheld(COLUMN[k], coverage)}
        withheld |= held
        values = {k: None if k in held else v for k, v in values.items()}
        applies = _applies(insats)
        missing = {
            k: _insats_reason(COLUMN[k], values, applies, coverage, inputs)
            for k, v in values.items()
            if v is None
        }
        reference = everything.rows.get(insats.id) if everything else None
        rows[insats.id] = _not_approved(_Row(values, missing), reference)
    # The summary's total holds the parts of a period an insats did report; where one was
    # withheld above, the total would be a part passed off as the whole.
    values = {
        k: None if k in withheld else v
        for k, v in _values(figures["measures"], figures["shares"]).items()
    }
    missing = {
        k: MissingReason.PARTS_MISSING
        if k in withheld
        else _total_reason(
            COLUMN[k],
            values,
            figures["share_inputs"],
            (row.missing.get(k) for row in rows.values()),
        )
        for k, v in values.items()
        if v is None
    }
    rows[None] = _not_approved(_Row(values, missing), everything.rows[None] if everything else None)
    return _Side(rows, {i.id: i.name for i in selection.insatser})


def _period_side(session: Session, forbund: Forbund, period: Period, approved_only: bool) -> _Side:
    everything = _side(*forbund_figures(session, forbund, period))
    if not approved_only:
        return everything
    # Computed over all reports too, to tell "not approved" from "not reported".
    return _side(*forbund_figures(session, forbund, period, True), everything)


def _figures_json(row: _Row) -> dict[str, Any]:
    return {**row.values, "missing": dict(row.missing)}


def annual_table(
    session: Session,
    forbund: Forbund,
    period: Period,
    approved_only: bool = False,
    columns: Sequence[str] = PRESETS[DEFAULT_PRESET],
    compare: Period | None = None,
) -> dict[str, Any]:
    """One row per insats active in the period (or in `compare`), then the total row.

    Rows carry every figure, null with a reason where there is none; `columns` says which
    of them CSV and XLSX print, in order. With `compare`, each row also holds the figures of
    that period, matched by insats.
    """
    current = _period_side(session, forbund, period, approved_only)
    previous = _period_side(session, forbund, compare, approved_only) if compare else None
    names = {**(previous.names if previous else {}), **current.names}
    rows = []
    for key in [*sorted(names), None]:
        rows.append(
            {
                "insats_id": key,
                "insats": "Totalt" if key is None else names[key],
                **_figures_json(current.rows.get(key, _INACTIVE)),
                "compare": _figures_json(previous.rows.get(key, _INACTIVE)) if previous else None,
            }
        )
    return {
        "forbund": forbund.code,
        "forbund_name": forbund.name,
        "period": str(period),
        "compare_period": str(compare) if compare else None,
        "approved_only": approved_only,
        "columns": list(columns),
        "rows": rows,
    }


# --- CSV and XLSX ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Printed:
    """A printed column: a table column of this period or of the compare period."""

    header: str
    column: Column
    compare: bool = False


def _printed(table: Mapping[str, Any]) -> list[_Printed]:
    """The chosen columns; with `compare`, each followed by its compare period's, the headers
    suffixed with their periods (a pasted table has no title to say which is which)."""
    other = table["compare_period"]
    printed: list[_Printed] = []
    for key in table["columns"]:
        column = COLUMN[key]
        if other is None:
            printed.append(_Printed(column.header, column))
        else:
            printed.append(_Printed(f"{column.header} {table['period']}", column))
            printed.append(_Printed(f"{column.header} {other}", column, compare=True))
    return printed


def _cell(row: Mapping[str, Any], printed: _Printed) -> Value | str:
    """The number, or the word saying why there is none."""
    figures = row["compare"] if printed.compare else row
    value: Value = figures[printed.column.key]
    if value is None and printed.column.key in figures["missing"]:
        return MISSING[MissingReason(figures["missing"][printed.column.key])].word
    return value


def _text(value: str) -> str:
    # Names stored before control characters were refused must not break the workbook.
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", value)
    return cleaned


def _csv_value(value: Value | str) -> Value | str:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # An insats named "=HYPERLINK(...)" must stay text in Excel, never become a formula.
        return "'" + value
    if isinstance(value, float):
        return str(value).replace(".", ",")  # the decimal comma Swedish Excel reads
    return value


def to_csv(table: Mapping[str, Any]) -> str:
    """CSV with Swedish headers, `;`-separated as Swedish Excel expects (shares as decimal
    fractions with a decimal comma); the chosen columns only."""
    printed = _printed(table)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow([INSATS_HEADER, *(p.header for p in printed)])
    for row in table["rows"]:
        writer.writerow([_csv_value(row["insats"]), *(_csv_value(_cell(row, p)) for p in printed)])
    return out.getvalue()


def title_lines(table: Mapping[str, Any], created: datetime) -> list[str]:
    """The block above the XLSX table: who, which period, when, which reports."""
    lines = [
        f"{table['forbund_name']} ({table['forbund']})",
        f"Period: {table['period']}",
    ]
    if table["compare_period"]:
        lines.append(f"Jämförelseperiod: {table['compare_period']}")
    lines.append(f"Skapad {created:%Y-%m-%d %H:%M} UTC")
    lines.append(
        "Endast godkända rapporter" if table["approved_only"] else "Alla rapporter inklusive utkast"
    )
    return lines


_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_BOLD = Font(bold=True)


def _width(header: str) -> float:
    """Wide enough for the longest word of a wrapped header and for a number."""
    return float(min(max([10, *(len(word) + 2 for word in header.split())]), 30))


def to_xlsx(table: Mapping[str, Any], created: datetime) -> bytes:
    """An XLSX workbook a board secretary can paste from: a title, a styled and frozen header,
    numbers as numbers in Swedish formats, words only where there is no number, and a note
    under the table on each word used."""
    printed = _printed(table)
    book = Workbook()
    sheet = book.active
    sheet.title = f"{table['forbund']} {table['period']}"[:31]
    for line in title_lines(table, created):
        sheet.append([_text(line)])
    sheet["A1"].font = Font(bold=True, size=14)
    header_row = sheet.max_row + 2  # a blank line between the title and the table
    headers = [INSATS_HEADER, *(p.header for p in printed)]
    for index, header in enumerate(headers, start=1):
        cell = sheet.cell(header_row, index, header)
        cell.font = _BOLD
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    used: set[str] = set()
    for offset, row in enumerate(table["rows"], start=1):
        line = header_row + offset
        name = sheet.cell(line, 1, _text(row["insats"]))
        name.data_type = "s"  # text that openpyxl would take for a formula stays text
        for index, column in enumerate(printed, start=2):
            value = _cell(row, column)
            cell = sheet.cell(line, index, value)
            if isinstance(value, str):
                used.add(value)
            elif value is not None:
                cell.number_format = column.column.number_format
        if row["insats_id"] is None:
            for cell in sheet[line]:
                cell.font = _BOLD
    notes = [f"{why.word}: {why.note}" for why in MISSING.values() if why.word in used]
    if notes:
        sheet.cell(sheet.max_row + 2, 1, "Förklaring").font = _BOLD
        for note in notes:
            sheet.cell(sheet.max_row + 1, 1, note)
    sheet.freeze_panes = sheet.cell(header_row + 1, 2)
    names = [len(str(row["insats"])) for row in table["rows"]]
    sheet.column_dimensions["A"].width = float(min(max([12, *names]) + 2, 50))
    for index, header in enumerate(headers[1:], start=2):
        sheet.column_dimensions[get_column_letter(index)].width = _width(header)
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
        reason = figures["missing"].get(measure)
        if category is not None and figure is not None:
            figure = figure.get(category)
            reason = None if figure is not None else "not_reported"
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
                "not_split_by": figure.get("not_split_by", 0),
                "missing": reason,
                # A year of parts only is not the year: the point says so, as the summary does
                # (the table withholds such a total).
                "complete": figures["complete"],
                "computed_from": figures["computed_from"],
            }
        )
    return {"forbund": forbund.code, "measure": name, "points": points}
