"""HTTP endpoints for bulk import: many reports in one request, as JSON or CSV."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from sqlalchemy.orm import Session

from app.api.deps import SessionDep
from app.api.problems import (
    API_REQUEST,
    AUTHENTICATED,
    HTTP,
    IDEMPOTENT,
    JSON_BODY,
    PROBLEM_JSON,
    problem_type,
    responses,
    status_of,
)
from app.auth.dependencies import AnyCaller, Importer
from app.domain.access import Caller
from app.errors import Code, FinsamError
from app.idempotency.dependency import Idempotency, IdempotencyDep
from app.imports import formats, service
from app.imports.schemas import (
    MAX_ROWS,
    ImportIn,
    ImportProblem,
    ImportRowError,
    ImportSummary,
)

router = APIRouter(prefix="/api/v1/imports", tags=["imports"])

CSV = "text/csv"


@dataclass(frozen=True)
class RawBody:
    media_type: str
    content: bytes


async def _raw_body(request: Request) -> RawBody:
    # Read here, in an async dependency, so that the route itself can stay sync.
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return RawBody(media_type, await request.body())


RawBodyDep = Annotated[RawBody, Depends(_raw_body)]


def _read(body: RawBody) -> formats.Upload:
    if body.media_type == CSV:
        return formats.read_csv(body.content)
    if body.media_type in ("", "application/json") or body.media_type.endswith("+json"):
        return formats.read_json(body.content)
    raise FinsamError(Code.UNSUPPORTED_MEDIA_TYPE, f"Send application/json or {CSV} (UTF-8).")


def _json_body_schema() -> dict[str, Any]:
    """ImportIn's schema for the OpenAPI document; the report's models are the components
    that PUT .../reports/{period} already declares, so clients generate them once."""
    schema = ImportIn.model_json_schema(ref_template="#/components/schemas/{model}")
    definitions = schema.pop("$defs")
    schema["properties"]["reports"]["items"] = definitions["ImportRowIn"]
    return schema


DryRunQuery = Annotated[
    bool,
    Query(
        description="Provkörning: validate every row and count what would be created, "
        "updated and unchanged, writing nothing."
    ),
]
PartialQuery = Annotated[
    bool,
    Query(
        description="Delvis import: store the good rows and report the bad ones. Without it, "
        "one bad row rejects the whole import and nothing is written."
    ),
]


_PROBLEMS = responses(
    *API_REQUEST,
    *AUTHENTICATED,
    *JSON_BODY,
    *IDEMPOTENT,
    Code.FORBIDDEN,
    Code.UNSUPPORTED_MEDIA_TYPE,
    Code.IMPORT_REJECTED,
)
IMPORT_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"description": "Imported (or, with `dry_run`, validated): the import summary."},
    **_PROBLEMS,
    422: {
        "model": ImportProblem,
        "description": "Rejected, nothing written (`import-rejected`): the summary with every "
        "bad row and field, each with its `code`. A body that cannot be read at all (not "
        f"JSON, a CSV header with unknown columns, more than {MAX_ROWS:,} rows) gets a plain "
        "problem with `errors: [{loc, msg}]`. " + str(_PROBLEMS[422]["description"]),
        "content": {
            PROBLEM_JSON: {
                "schema": {
                    "anyOf": [
                        {"$ref": "#/components/schemas/ImportProblem"},
                        {"$ref": "#/components/schemas/Problem"},
                    ]
                }
            }
        },
    },
}


def _import(
    upload: formats.Upload,
    session: Session,
    caller: Caller,
    idempotency: Idempotency,
    *,
    dry_run: bool,
    partial: bool,
) -> Any:
    """What both import operations do once the body is read, once per Idempotency-Key."""

    def run() -> ImportSummary | JSONResponse:
        result = service.import_reports(session, caller, upload, partial=partial, dry_run=dry_run)
        if not result.accepted:
            # A problem rather than a summary: the key's claim is released, so a rejected
            # import may be fixed and sent again under it.
            problem = _rejected(result, dry_run=dry_run, partial=partial)
            return JSONResponse(
                problem.model_dump(mode="json"), status_code=problem.status, media_type=PROBLEM_JSON
            )
        return _summary(result, dry_run=dry_run)

    return idempotency.respond(200, run)


def _summary(result: service.ImportResult, *, dry_run: bool) -> ImportSummary:
    status = "dry_run" if dry_run else "partial" if result.errors else "success"
    return ImportSummary(status=status, **_counts(result, dry_run))


def _rejected(result: service.ImportResult, *, dry_run: bool, partial: bool) -> ImportProblem:
    if partial:
        detail = f"All {result.rows} rows were rejected; nothing was imported."
    else:
        detail = (
            f"{result.rejected} of {result.rows} rows were rejected, so nothing was imported. "
            "Fix them and send the import again, or send partial=true to import the others."
        )
    code = Code.IMPORT_REJECTED
    return ImportProblem(
        type=problem_type(code),
        code=code.value,
        title=HTTP[code.kind][1],
        status=status_of(code),
        detail=("Dry run: " if dry_run else "") + detail,
        **_counts(result, dry_run),
    )


def _counts(result: service.ImportResult, dry_run: bool) -> dict[str, Any]:
    """What both the summary and the problem say, each row's error with the status a single
    PUT would have had."""
    return {
        "dry_run": dry_run,
        "created": result.created,
        "updated": result.updated,
        "unchanged": result.unchanged,
        "rejected": result.rejected,
        "errors": [
            ImportRowError(
                row=e.row,
                insats_id=e.insats_id,
                period=e.period,
                loc=e.loc,
                msg=e.msg,
                code=e.code.value,
                status=status_of(e.code),
            )
            for e in result.errors
        ],
    }


@router.post(
    "",
    operation_id="importReports",
    response_model=ImportSummary,
    responses=IMPORT_RESPONSES,
    # JSON only in the schema: generated clients model one body per operation, and CSV has
    # its own (`importReportsCsv`). This path still reads text/csv, for clients that send it.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": _json_body_schema()}},
        }
    },
)
def import_reports(
    caller: Importer,
    body: RawBodyDep,
    session: SessionDep,
    idempotency: IdempotencyDep,
    dry_run: DryRunQuery = False,
    partial: PartialQuery = False,
) -> Any:
    """Import many reports at once: `{"reports": [{insats_id, period, report}]}`. A CSV file
    goes to `POST /api/v1/imports/csv` (this path takes `text/csv` too).

    Every row is checked and stored exactly as `PUT /api/v1/insatser/{id}/reports/{period}`
    would, in one transaction: one bad row rejects the whole import (422, nothing written)
    unless `partial=true`. The summary counts created, updated and unchanged reports and
    names every rejected row and field. At most 10,000 rows.
    """
    upload = _read(body)
    return _import(upload, session, caller, idempotency, dry_run=dry_run, partial=partial)


@router.post(
    "/csv",
    operation_id="importReportsCsv",
    response_model=ImportSummary,
    responses=IMPORT_RESPONSES,
    # The file as it is, bytes: generators then take a file or bytes and send them unchanged.
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                CSV: {
                    "schema": {"type": "string", "format": "binary"},
                    "example": formats.template(),
                }
            },
        }
    },
)
def import_reports_csv(
    caller: Importer,
    body: RawBodyDep,
    session: SessionDep,
    idempotency: IdempotencyDep,
    dry_run: DryRunQuery = False,
    partial: PartialQuery = False,
) -> Any:
    """Import many reports from a CSV file: `text/csv`, UTF-8 (a BOM is fine), `;` or `,`,
    the columns of `GET /api/v1/imports/template.csv`; an empty cell is not reported, never 0.

    The same import as `POST /api/v1/imports`, with the same rules, parameters and summary;
    errors name the line and the column. At most 10,000 rows.
    """
    if body.media_type != CSV:
        raise FinsamError(
            Code.UNSUPPORTED_MEDIA_TYPE,
            f"Send {CSV} (UTF-8) here; JSON goes to POST /api/v1/imports.",
        )
    upload = formats.read_csv(body.content)
    return _import(upload, session, caller, idempotency, dry_run=dry_run, partial=partial)


@router.get(
    "/template.csv",
    operation_id="getImportTemplate",
    response_class=Response,
    responses={
        200: {
            "description": "The header row of an import file (UTF-8 with BOM, `;`-separated).",
            "content": {CSV: {"schema": {"type": "string"}, "example": formats.template()}},
        },
        **responses(*API_REQUEST, *AUTHENTICATED),
    },
)
def import_template(_: AnyCaller) -> Response:
    """Importmall: the CSV columns an import takes, one per number of the report."""
    return Response(
        formats.template().encode("utf-8-sig"),  # the BOM makes Excel read UTF-8
        media_type=f"{CSV}; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="finsam-import-template.csv"'},
    )
