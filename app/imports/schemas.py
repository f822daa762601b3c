"""The bulk import's request rows and its summary, in the manner of DHIS2's import summary."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from app.api.schemas import InputModel
from app.reports.schemas import ReportIn

# About 1 ms a row (bench/imports.py): 10,000 rows take seconds, well inside a minute.
MAX_ROWS = 10_000

ROW_NUMBER = (
    "Rad: the row's number, from 1. JSON: its index in `reports` + 1; CSV: the line it starts "
    "on, counting the header as line 1."
)


class ImportRowIn(InputModel):
    """En rad: one insats's report for one period, exactly as the body of a PUT."""

    insats_id: Annotated[int, Field(strict=True)] = Field(description="Insatsens id.")
    period: Annotated[str, Field(max_length=16)] = Field(
        description="Period: 2023 (år), 2023H1 (halvår), 2023T2 (tertial) or 2023Q4 (kvartal)."
    )
    report: ReportIn = Field(
        description="Rapport: the figures, as in `PUT /api/v1/insatser/{id}/reports/{period}`."
    )
    if_match: Annotated[str, Field(max_length=200)] | None = Field(
        default=None,
        description="If-Match: the ETag of the report this row replaces, as the PUT header "
        "takes it; needed only where the förbund requires If-Match on replacements.",
    )


class ImportIn(InputModel):
    """Import: many reports in one request, as JSON (`POST /api/v1/imports/csv` takes CSV).

    This model is the schema clients see; the body itself is read by
    `app/imports/formats.py` (rows are validated one by one, as `ImportRowIn`, so that every
    bad row is named rather than the first), not by FastAPI.
    """

    reports: list[ImportRowIn] = Field(
        max_length=MAX_ROWS, description=f"Rapporter: at most {MAX_ROWS:,} rows per import."
    )


class ImportRowError(BaseModel):
    """Fel: why one row was not imported."""

    row: int = Field(description=ROW_NUMBER)
    insats_id: int | None = Field(
        description="Insatsens id, as the row gave it; null if it gave none that could be one."
    )
    period: str | None = Field(
        description="Period, as the row gave it; null if it gave no valid period."
    )
    loc: list[str | int] = Field(
        description="Fält: the field inside the report (e.g. ['participants', 'women']), "
        "`insats_id` or `period`; for CSV the column (e.g. ['participants_women']). Empty when "
        "the row as a whole was refused, e.g. an approved (locked) report."
    )
    msg: str = Field(description="Vad som är fel.")
    code: str = Field(
        description="What is wrong, as the code of the problem a single PUT of this row "
        "would have had (docs/problems.md): e.g. `validation-failed`, `inconsistent-figures`, "
        "`outside-insats-lifetime`, `not-found`, `forbidden`, `report-locked`, "
        "`period-closed`, `precondition-failed`, `precondition-required`."
    )
    status: int = Field(
        description="The HTTP status a single PUT of this row would have had: 422 invalid, "
        "403 not your insats, 404 no such insats, 409 locked report or closed period, "
        "412/428 If-Match. `code` tells these apart more finely."
    )


class ImportCounts(BaseModel):
    """What the import did, or would have done, row by row."""

    dry_run: bool = Field(description="Provkörning: true when nothing was written on purpose.")
    created: int = Field(description="Skapade: rows that created a report.")
    updated: int = Field(description="Uppdaterade: rows that replaced a report (revision + 1).")
    unchanged: int = Field(
        description="Oförändrade: rows equal to the stored report (revision kept)."
    )
    rejected: int = Field(description="Avvisade: rows not imported; `errors` says why.")
    errors: list[ImportRowError] = Field(
        description="Fel: every error, in row order; a row may have several."
    )


class ImportSummary(ImportCounts):
    """Importsammanfattning: the result of an import that was accepted."""

    status: Literal["success", "partial", "dry_run"] = Field(
        description="`success`: every row imported. `partial` (delvis): the good rows were "
        "imported and the rejected ones skipped, as `partial=true` asked. `dry_run` "
        "(provkörning): validated and counted as a real import would be, nothing written."
    )


class _ProblemMembers(BaseModel):
    type: str = Field(
        description="A URI naming the kind of problem: `urn:finsam:problem:import-rejected`."
    )
    code: str = Field(description="What went wrong: `import-rejected` (docs/problems.md).")
    title: str = Field(description="A short summary of the kind of problem.")
    status: int = Field(description="The HTTP status code: 422.")
    detail: str = Field(description="What went wrong in this case.")


class ImportProblem(ImportCounts, _ProblemMembers):
    """A rejected import (RFC 9457 problem): nothing was written. The counts say what the
    import would have done; `errors` names every bad row and field."""
