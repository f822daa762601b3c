"""Bulk import: many reports in one transaction, each row through exactly the checks and the
write path of a single PUT (`may_write_reports` on the row's insats, then
`reports.service.plan_writes` and `apply_writes`, which a PUT calls with one report).

Every row is decided before anything is stored, so the summary can list every error and say
what the import would have done. Without `partial` the import is all or nothing: with any
error nothing is stored. A dry run decides every row the same way from what is stored, and
writes and locks nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from pydantic import ValidationError
from sqlalchemy.orm import Session

from app.domain.access import Caller, may_write_reports
from app.domain.input_rules import validation_errors
from app.domain.periods import Period, period_at
from app.errors import Code, FinsamError, Loc
from app.imports.formats import SubmittedRow, Upload
from app.imports.schemas import ImportRowIn
from app.insatser.service import INSATS_ID, MAX_ID, InsatsRef, insats_ref
from app.observability.metrics import REPORT_WRITES
from app.reports.service import ReportWrite, WriteOutcome, apply_writes, plan_writes

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
    writes = _writes(session, caller, valid, upload, result)
    with session.begin_nested() as work:
        plan = plan_writes(session, caller, [w for _, w in writes], dry_run=dry_run)
        for (row, write), outcome in zip(writes, plan.results, strict=True):
            if isinstance(outcome, FinsamError):
                _reject(row, write.insats.id, outcome, upload, result)
            else:
                result.count(_OUTCOMES[outcome.outcome])
        result.errors.sort(key=lambda e: e.row)
        result.accepted = not result.errors or (partial and result.imported > 0)
        if result.accepted and not dry_run:
            apply_writes(session, caller, plan)
        else:
            work.rollback()  # the reports created to hold their place
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


def _writes(
    session: Session, caller: Caller, valid: list[_ValidRow], upload: Upload, result: ImportResult
) -> list[tuple[_ValidRow, ReportWrite]]:
    """Each row whose insats the caller may write, as the write a PUT would make."""
    insatser: dict[int, InsatsRef | FinsamError] = {}
    writes = []
    for row in valid:
        insats_id = row.row.insats_id
        if insats_id not in insatser:
            try:
                insatser[insats_id] = _writable_insats(session, caller, insats_id)
            except FinsamError as exc:
                insatser[insats_id] = exc
        insats = insatser[insats_id]
        if isinstance(insats, FinsamError):
            _reject(row, insats_id, insats, upload, result)
            continue
        write = ReportWrite(insats, row.period, row.row.report, _if_match(row.row.if_match))
        writes.append((row, write))
    return writes


def _reject(
    valid: _ValidRow, insats_id: int, exc: FinsamError, upload: Upload, result: ImportResult
) -> None:
    shown_id = insats_id if 1 <= insats_id <= MAX_ID else None
    for loc, msg in _row_errors(exc, upload):
        result.errors.append(
            RowError(valid.number, shown_id, str(valid.period), loc, msg, exc.code)
        )


def _writable_insats(session: Session, caller: Caller, insats_id: int) -> InsatsRef:
    """The row's insats, as `InsatsReportsForWrite` gives a PUT's: 404 if there is none, 403
    if the caller may not write its reports."""
    insats = insats_ref(session, insats_id)
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
