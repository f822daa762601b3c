"""Bulk import: many reports in one transaction, each row through exactly the checks and the
write path of a single PUT (`may_write_reports` on the row's insats, then
`reports.service.put_report`).

Without `partial` the import is all or nothing. Every row is still tried, each in its own
SAVEPOINT, so the summary can list every error and say what the import would have done; then
the whole work is rolled back. A dry run decides every row the same way from what is stored,
and writes and locks nothing.
"""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.db.models import Insats
from app.domain.access import Caller, may_write_reports
from app.domain.input_rules import validation_errors
from app.domain.periods import Period, period_at
from app.errors import Code, FinsamError, Loc
from app.imports.formats import SubmittedRow, Upload
from app.imports.schemas import ImportRowIn
from app.insatser.service import INSATS_ID, MAX_ID, get_insats
from app.observability.metrics import REPORT_WRITES
from app.reports.service import WriteOutcome, put_report

Outcome = Literal["created", "updated", "unchanged"]
_OUTCOMES: dict[WriteOutcome, Outcome] = {
    WriteOutcome.CREATED: "created",
    WriteOutcome.REPLACED: "updated",
    WriteOutcome.UNCHANGED: "unchanged",
}


@dataclass(frozen=True)
class _ValidRow:
    number: int
    row: ImportRowIn
    period: Period


@dataclass(frozen=True)
class RowError:
    """Why one row was not imported: where, in words, and as an error code."""

    row: int
    insats_id: int | None  # as the row gave it, when it could be an id
    period: str | None  # as the row gave it, when it was a valid period
    loc: list[str | int]
    msg: str
    code: Code


@dataclass
class ImportResult:
    """What an import did, or would have done when it was a dry run or not accepted."""

    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    # Whether the import stands: no row failed, or with `partial` at least one succeeded.
    accepted: bool = False

    @property
    def rejected(self) -> int:
        return len({e.row for e in self.errors})

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged

    def count(self, outcome: Outcome) -> None:
        if outcome == "created":
            self.created += 1
        elif outcome == "updated":
            self.updated += 1
        else:
            self.unchanged += 1


def import_reports(
    session: Session, caller: Caller, upload: Upload, *, partial: bool, dry_run: bool
) -> ImportResult:
    """Validate and store every row; keep the work only if it stands.

    It stands when no row failed, or with `partial` when at least one row succeeded; a dry
    run never keeps it. Rows are written in (insats, period) order, so that two imports
    touching the same reports lock them in the same order and cannot deadlock.
    """
    result = ImportResult(rows=len(upload.rows))
    valid: list[_ValidRow] = []
    for submitted in upload.rows:
        checked = _validate(submitted, upload, result)
        if checked is not None:
            valid.append(checked)
    valid.sort(key=lambda r: (r.row.insats_id, str(r.period), r.number))
    valid = _without_duplicates(valid, result)
    insatser: dict[int, Insats] = {}  # held here: the session's identity map holds them weakly
    with session.begin_nested() as work:
        for row in valid:
            outcome = _store(session, caller, row, upload, result, insatser, dry_run)
            if outcome is not None:
                result.count(outcome)
        result.errors.sort(key=lambda e: e.row)
        result.accepted = not result.errors or (partial and result.imported > 0)
        if dry_run or not result.accepted:
            work.rollback()
    if not dry_run:
        count_writes(result)
    return result


def count_writes(result: ImportResult) -> None:
    """The import's rows in the report-write metrics: stored only when it stands."""
    if result.accepted:
        REPORT_WRITES.labels("created").inc(result.created)
        REPORT_WRITES.labels("replaced").inc(result.updated)
        REPORT_WRITES.labels("unchanged").inc(result.unchanged)
    REPORT_WRITES.labels("refused").inc(result.rejected)


def _validate(submitted: SubmittedRow, upload: Upload, result: ImportResult) -> _ValidRow | None:
    """The row as an `ImportRowIn` with its period parsed, or None with its errors noted."""
    data = submitted.data
    insats_id = data.get("insats_id") if isinstance(data, dict) else None
    shown_id = insats_id if type(insats_id) is int and 1 <= insats_id <= MAX_ID else None

    def reject(loc: list[str | int], msg: str, code: Code = Code.VALIDATION_FAILED) -> None:
        # The period is not echoed unless valid: it may hold anything.
        result.errors.append(RowError(submitted.number, shown_id, None, loc, msg, code))

    for loc, msg in submitted.errors:
        reject(loc, msg)
    if submitted.errors:
        return None
    try:
        row = ImportRowIn.model_validate(data)
    except ValidationError as exc:
        for error in validation_errors(exc.errors()):
            reject(upload.locate(error.loc), error.msg)
        return None
    try:
        period = period_at(row.period, ("period",))
    except FinsamError as exc:
        for loc, msg in _row_errors(exc, upload):
            reject(loc, msg, exc.code)
        return None
    return _ValidRow(submitted.number, row, period)


def _without_duplicates(valid: list[_ValidRow], result: ImportResult) -> list[_ValidRow]:
    """Two rows for one report would silently overwrite each other: refuse both, name both."""
    seen: dict[tuple[int, str], list[_ValidRow]] = {}
    for row in valid:
        seen.setdefault((row.row.insats_id, str(row.period)), []).append(row)
    kept = []
    for (insats_id, period), rows in seen.items():
        if len(rows) == 1:
            kept.append(rows[0])
            continue
        numbers = ", ".join(str(r.number) for r in rows)
        for row in rows:
            msg = f"rows {numbers} are all for insats {insats_id} {period}; send one"
            result.errors.append(
                RowError(row.number, insats_id, period, ["period"], msg, Code.VALIDATION_FAILED)
            )
    return kept


def _store(
    session: Session,
    caller: Caller,
    valid: _ValidRow,
    upload: Upload,
    result: ImportResult,
    insatser: dict[int, Insats],
    dry_run: bool,
) -> Outcome | None:
    """Write one row as a PUT would, in a SAVEPOINT so that a failing row leaves nothing; a
    dry run decides it as a PUT would and writes and locks nothing."""
    row, period = valid.row, valid.period
    try:
        insats = insatser.get(row.insats_id)
        if insats is None:
            insats = insatser[row.insats_id] = _writable_insats(session, caller, row.insats_id)
        # A dry run writes nothing, so it needs no savepoint to undo a failed row.
        with nullcontext() if dry_run else session.begin_nested():
            _, outcome = put_report(
                session,
                caller,
                insats,
                period,
                row.report,
                _if_match(row.if_match),
                dry_run=dry_run,
            )
    except FinsamError as exc:
        shown_id = row.insats_id if 1 <= row.insats_id <= MAX_ID else None
        for loc, msg in _row_errors(exc, upload):
            result.errors.append(RowError(valid.number, shown_id, str(period), loc, msg, exc.code))
        return None
    return _OUTCOMES[outcome]


def _writable_insats(session: Session, caller: Caller, insats_id: int) -> Insats:
    """The row's insats, as `InsatsReportsForWrite` gives a PUT's: 404 if there is none, 403
    if the caller may not write its reports."""
    insats = get_insats(session, insats_id)
    if not may_write_reports(caller, insats.forbund_id, insats.id):
        raise FinsamError(
            Code.FORBIDDEN, "This key may not write that insats's reports.", loc=INSATS_ID
        )
    return insats


def _row_errors(exc: FinsamError, upload: Upload) -> list[tuple[list[str | int], str]]:
    """A single PUT's error as row errors: `body.x` is the report's field `x`, `path.period`
    the row's period and `path.insats_id` its insats; an error naming no field concerns the
    row as a whole."""
    if not exc.errors:
        return [(upload.locate(_row_loc(exc.loc or ())), str(exc))]
    return [(upload.locate(_row_loc(error.loc)), error.msg) for error in exc.errors]


def _row_loc(loc: Loc) -> Loc:
    if loc[:1] == ("body",):
        return ("report", *loc[1:])
    if loc[:1] in (("path",), ("query",), ("header",)):
        return loc[1:]
    return loc


def _if_match(value: str | None) -> str | None:
    """An ETag as the If-Match header takes it; a spreadsheet cell rarely keeps the quotes."""
    if value is None or value.strip() == "*" or value.strip().startswith(('"', "W/")):
        return value
    return f'"{value.strip()}"'
