"""Reading an import's body, JSON or CSV, into rows shaped like `ImportRowIn`; the CSV columns.

Both formats end as the same row dicts, so every row meets the validation of a single PUT.
The CSV columns are derived from the measure catalogue: a new measure is a new column without
a change here.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from app.domain.input_rules import HIDDEN_KEY, check_json, check_text, new_budget, shown_key
from app.domain.measures import GENDERS, MEASURES, TOTAL, Shape
from app.domain.personal_numbers import CandidateBudget
from app.errors import Code, FieldError, FinsamError, Loc
from app.imports.schemas import MAX_ROWS


@dataclass
class SubmittedRow:
    """One row as sent: its number, the data to validate as `ImportRowIn`, and the errors
    already found while reading it (a CSV cell that is not a number)."""

    number: int
    data: Any
    errors: list[tuple[list[str | int], str]] = field(default_factory=list)


@dataclass(frozen=True)
class Upload:
    """An import's rows, and how its errors name a field: a path in JSON, a column in CSV."""

    rows: list[SubmittedRow]
    locate: Callable[[Loc], list[str | int]]


def _invalid(loc: Loc, msg: str) -> FinsamError:
    return FinsamError.at(Code.VALIDATION_FAILED, loc, msg)


def _too_many(loc: Loc) -> FinsamError:
    return FinsamError.at(
        Code.LIMIT_EXCEEDED, loc, f"at most {MAX_ROWS:,} rows per import; split the file"
    )


# --- JSON ---------------------------------------------------------------------------------


def read_json(body: bytes) -> Upload:
    """`{"reports": [...]}`; the rows themselves are validated one by one, later."""
    try:
        payload = json.loads(body)
    except (ValueError, RecursionError):
        raise _invalid(("body",), "the body is not valid JSON") from None
    # The gate checked it already when it came as JSON; a body sent without a JSON media
    # type is read as JSON here, so it is checked here too.
    if refusal := check_json(payload):
        raise refusal.error()
    if not isinstance(payload, dict) or "reports" not in payload:
        raise _invalid(("body",), 'send an object {"reports": [...]}')
    if len(payload) > 1:
        # Not named: an unknown member's name may be exactly the personal data we refuse.
        raise _invalid(("body",), "unknown members; only `reports` is accepted")
    rows = payload["reports"]
    if not isinstance(rows, list):
        raise _invalid(("body", "reports"), "must be a list of rows")
    if len(rows) > MAX_ROWS:
        raise _too_many(("body", "reports"))
    return Upload([SubmittedRow(i + 1, row) for i, row in enumerate(rows)], report_loc)


# --- CSV ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """A CSV column: its name and where its value goes in an `ImportRowIn`-shaped dict."""

    name: str
    path: Loc
    number: bool = True


def _report_columns() -> list[Column]:
    columns: list[Column] = []
    for name, measure in MEASURES.items():
        at = ("report", name)
        match measure.shape:
            case Shape.COUNT:
                columns.append(Column(name, at))
            case Shape.GENDER_COUNT:
                columns += [Column(f"{name}_{g}", (*at, g)) for g in (*GENDERS, TOTAL)]
            case Shape.CATEGORY_COUNTS:
                columns += [Column(f"{name}_{c}", (*at, c)) for c in measure.categories]
            case Shape.CATEGORY_GENDER_COUNTS:
                columns += [
                    Column(f"{name}_{c}_{g}", (*at, c, g))
                    for c in measure.categories
                    for g in (*GENDERS, TOTAL)
                ]
    return [*columns, Column("note", ("report", "note"), number=False)]


ROW_COLUMNS = [
    Column("insats_id", ("insats_id",)),
    Column("period", ("period",), number=False),
]
REPORT_COLUMNS = _report_columns()
# Optional, and left out of the template: only förbund that require If-Match need it.
IF_MATCH = Column("if_match", ("if_match",), number=False)
COLUMNS = {c.name: c for c in (*ROW_COLUMNS, *REPORT_COLUMNS, IF_MATCH)}
_COLUMN_AT = {c.path: c.name for c in COLUMNS.values()}

# Gender counts (participants, outcomes.work, ...) by their path: given when any cell is.
_GENDER_GROUPS: dict[Loc, dict[str, Column]] = {}
for _column in REPORT_COLUMNS:
    if _column.path[-1] in (*GENDERS, TOTAL):
        _GENDER_GROUPS.setdefault(_column.path[:-1], {})[str(_column.path[-1])] = _column

_WHOLE_NUMBER = re.compile(r"[0-9]+")
# Far more than the template's columns (plus the empty ones spreadsheets leave at the end).
MAX_COLUMNS = 4 * len(COLUMNS)


def template() -> str:
    """The header row of an import file, `;`-separated as Swedish Excel expects."""
    return ";".join(c.name for c in (*ROW_COLUMNS, *REPORT_COLUMNS)) + "\r\n"


def report_loc(loc: Loc) -> list[str | int]:
    """A field of a row as errors name it in JSON: inside the report without the `report`
    prefix (`["participants", "women"]`), or the row's own field (`["period"]`)."""
    return list(loc[1:]) if loc[:1] == ("report",) and len(loc) > 1 else list(loc)


def column_loc(loc: Loc) -> list[str | int]:
    """A field of a row as the CSV column holding it; the report path when no single column
    does (a rule over a whole measure, such as the sum of outcomes)."""
    name = _COLUMN_AT.get(loc)
    return [name] if name else report_loc(loc)


def read_csv(body: bytes) -> Upload:
    """UTF-8 (a BOM is fine), `;` or `,` separated, a header row, then one report per line.

    An empty cell is a number not reported (null), never 0.
    """
    try:
        text = body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = body[: exc.start].count(b"\n") + 1
        raise _invalid(("body",), f"line {line} is not UTF-8; save the file as CSV UTF-8") from None
    # Header names hold neither separator, so the header line tells which one the file uses.
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records = _records(reader)
    header = next(records, None)
    if header is None:
        raise _invalid(("body",), "the file is empty; its first line must be the header")
    budget = new_budget()
    _check_cells(*header, budget)
    columns = _header(header[1])
    rows: list[SubmittedRow] = []
    for line, cells in records:
        if len(rows) == MAX_ROWS:
            raise _too_many(("body",))
        _check_cells(line, cells, budget)
        rows.append(_row(line, columns, cells))
    return Upload(rows, column_loc)


def _check_cells(line: int, cells: list[str], budget: CandidateBudget) -> None:
    """Every cell as any text is checked: a personnummer, a control character or an
    oversized cell refuses the whole file, named by line and column, never echoed."""
    if len(cells) > MAX_COLUMNS:
        raise FinsamError.at(
            Code.LIMIT_EXCEEDED, ("body", "line", line), f"at most {MAX_COLUMNS} cells per line"
        )
    for position, cell in enumerate(cells, start=1):
        if refusal := check_text(cell, ("body", "line", line, "column", position), budget):
            raise refusal.error()


def _records(reader: Any) -> Iterator[tuple[int, list[str]]]:
    """(the line a record starts on, its cells), skipping blank lines."""
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _invalid(("body",), f"line {line}: {exc}") from None
        if any(cell.strip() for cell in cells):
            yield line, cells


def _header(cells: list[str]) -> list[Column]:
    names = [n.strip().lower() for n in cells]
    while names and not names[-1]:  # spreadsheets often leave empty columns at the end
        names.pop()
    errors: list[FieldError] = []
    seen: set[str] = set()
    for position, name in enumerate(names, start=1):
        # A name that is long (or personal data, though the cells were checked) is named by
        # its position instead.
        shown = shown_key(name) if name else HIDDEN_KEY
        label = f"column {position}" if shown == HIDDEN_KEY else name
        if name not in COLUMNS:
            msg = "unknown column; GET /api/v1/imports/template.csv lists the columns"
            errors.append(FieldError(("body", "header", label), msg))
        elif name in seen:
            errors.append(FieldError(("body", "header", label), "column given twice"))
        seen.add(name)
    for required in ROW_COLUMNS:
        if required.name not in seen:
            msg = "required column missing"
            errors.append(FieldError(("body", "header", required.name), msg))
    if errors:
        detail = "; ".join(f"{e.loc[-1]}: {e.msg}" for e in errors)
        raise FinsamError(Code.VALIDATION_FAILED, detail, errors=errors)
    return [COLUMNS[name] for name in names]


def _row(line: int, columns: list[Column], cells: list[str]) -> SubmittedRow:
    """One line as an `ImportRowIn`-shaped dict; cells that cannot be read become errors."""
    row = SubmittedRow(line, {"report": {}})
    if len(cells) < len(columns) or any(c.strip() for c in cells[len(columns) :]):
        msg = f"the line has {len(cells)} cells where the header has {len(columns)}"
        row.errors.append(([], msg))
        return row
    values: dict[Loc, Any] = {}
    for column, cell in zip(columns, cells, strict=False):
        text = cell.strip()
        if not text:
            continue
        if not column.number:
            values[column.path] = text
        elif (number := _whole_number(text)) is not None:
            values[column.path] = number
        else:
            row.errors.append(([column.name], "not a whole number >= 0"))
    for required in ROW_COLUMNS:
        if required.path not in values and not any(loc == [required.name] for loc, _ in row.errors):
            row.errors.append(([required.name], "required"))
    _check_gender_counts(values, row)
    for path, value in values.items():
        _put(row.data, path, value)
    return row


def _whole_number(text: str) -> int | None:
    if not _WHOLE_NUMBER.fullmatch(text):
        return None
    try:
        return int(text)
    except ValueError:  # more digits than Python converts; no count is that large anyway
        return None


def _check_gender_counts(values: dict[Loc, Any], row: SubmittedRow) -> None:
    """A gender count is given when any of its cells is; then women and men are required
    (unspecified defaults to 0), unless `total` is given alone (kön ej uppdelat), as in JSON."""
    for columns in _GENDER_GROUPS.values():
        given = [c.name for c in columns.values() if c.path in values]
        if not given or given == [columns[TOTAL].name]:
            continue
        unreadable = {loc[0] for loc, _ in row.errors if loc}
        for gender in ("women", "men"):
            column = columns[gender]
            if column.path not in values and column.name not in unreadable:
                msg = f"required when {', '.join(given)} is given"
                row.errors.append(([column.name], msg))


def _put(target: dict[str, Any], path: Loc, value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(str(part), {})
    target[str(path[-1])] = value
