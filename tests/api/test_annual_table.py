"""The annual-report table (årsredovisningstabell) through HTTP: JSON, CSV and XLSX.

The data are Sundsvall's public table for 2022 (see ../shared/domain.md): eight insatser, totals
without a kön split, and "ej aktuellt" where a measure does not apply.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from openpyxl import load_workbook

from tests.api.test_reports import SUNDSVALL_2022
from tests.api.test_summaries import load_sundsvall_2022
from tests.conftest import PROBLEM_JSON, Api, auth

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
NOT_APPLICABLE = "ej aktuellt"
NOT_REPORTED = "ej rapporterat"
NOT_SPLIT = "kön ej uppdelat"
WORDS = (NOT_APPLICABLE, NOT_REPORTED, NOT_SPLIT)
TABLE = "/api/v1/forbund/sundsvall/table"

# The columns of the default (`standard`) table: JSON field and the Swedish header of CSV and
# XLSX.
COLUMNS = [
    ("insats", "Insats"),
    ("participants_women", "Deltagare kvinnor"),
    ("participants_men", "Deltagare män"),
    ("participants_total", "Deltagare totalt"),
    ("started_women", "Nya kvinnor"),
    ("started_men", "Nya män"),
    ("started_total", "Nya totalt"),
    ("ended_women", "Avslutade kvinnor"),
    ("ended_men", "Avslutade män"),
    ("ended_total", "Avslutade totalt"),
    ("volume_contacts", "Volyminsats"),
    ("anonymous_cases", "Anonyma ärenden"),
    ("work_women", "Utfall arbete kvinnor"),
    ("work_men", "Utfall arbete män"),
    ("work_total", "Utfall arbete totalt"),
    ("studies_women", "Utfall studier kvinnor"),
    ("studies_men", "Utfall studier män"),
    ("studies_total", "Utfall studier totalt"),
    ("work_or_studies_of_ended_women", "Andel arbete/studier av avslutade kvinnor"),
    ("work_or_studies_of_ended_men", "Andel arbete/studier av avslutade män"),
    ("work_or_studies_of_ended_total", "Andel arbete/studier av avslutade totalt"),
    ("attendees_total", "Deltagare strukturinsats totalt"),
    ("attendees_fk", "varav Försäkringskassan"),
    ("attendees_af", "varav Arbetsförmedlingen"),
    ("attendees_region", "varav region"),
    ("attendees_kommun", "varav kommun"),
    ("attendees_other", "varav övriga organisationer"),
    ("activities", "Aktiviteter"),
]
# Columns Sundsvall's 2022 table does not have: null in every row of that world (no avslutade,
# so no share of them either).
NOT_IN_SUNDSVALL = [
    f
    for f, _ in COLUMNS
    if f.startswith(("started", "ended", "work_or_studies")) or f == "anonymous_cases"
]
# A strukturinriktad insats's columns: "ej aktuellt" for every individinriktad one.
STRUCTURAL = [
    field for field, _ in COLUMNS if field.startswith("attendees") or field == "activities"
]
NUMBER_COLUMNS = [field for field, _ in COLUMNS[1:]]


def expected_rows() -> dict[str, dict[str, Any]]:
    """The table Sundsvall published, per insats and the total row, as JSON fields.

    Sundsvall 2022 gives no kön split: its totals are reported alone (kön ej uppdelat), so
    women and men are null, never 0 (which would read as zero women and zero men).
    """
    rows: dict[str, dict[str, Any]] = {}
    for name, participants, volume, work, studies in SUNDSVALL_2022:
        outcomes_given = work is not None
        rows[name] = {
            "participants_women": None,
            "participants_men": None,
            "participants_total": participants,
            "volume_contacts": volume,
            "work_women": None,
            "work_men": None,
            "work_total": work,
            "studies_women": None,
            "studies_men": None,
            # The loader reports studies 0 beside a work figure: a given 0, not "ej aktuellt".
            "studies_total": (studies or 0) if outcomes_given else None,
            **dict.fromkeys(STRUCTURAL),
            **dict.fromkeys(NOT_IN_SUNDSVALL),
        }
    rows["Totalt"] = {
        "participants_women": None,
        "participants_men": None,
        "participants_total": 713,
        "volume_contacts": 1134,
        "work_women": None,
        "work_men": None,
        "work_total": 123,
        "studies_women": None,
        "studies_men": None,
        "studies_total": 14,
        **dict.fromkeys(STRUCTURAL),
        **dict.fromkeys(NOT_IN_SUNDSVALL),
    }
    return rows


def get_table(client: TestClient, headers: dict[str, str], accept: str | None = None) -> Response:
    if accept is not None:
        headers = {**headers, "Accept": accept}
    return client.get(TABLE, params={"period": "2022"}, headers=headers)


def attachment_filename(response: Response) -> str:
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment"), disposition
    match = re.search(r'filename="([^"]+)"', disposition)
    assert match is not None, disposition
    return match.group(1)


def as_json_value(cell: Any) -> Any:
    """A CSV or XLSX cell as the JSON value it stands for: the words are null."""
    return None if cell in WORDS else cell


# --- JSON -----------------------------------------------------------------------------------


def test_the_json_table_has_a_row_per_insats_and_the_total_row_last(
    client: TestClient, api: Api
) -> None:
    ids = load_sundsvall_2022(api)

    response = get_table(client, api.admin)

    assert response.status_code == 200, response.text
    table = response.json()
    assert (table["forbund"], table["period"]) == ("sundsvall", "2022")
    rows = table["rows"]
    assert len(rows) == len(SUNDSVALL_2022) + 1
    assert sorted(r["insats_id"] for r in rows[:-1]) == sorted(ids)
    assert (rows[-1]["insats"], rows[-1]["insats_id"]) == ("Totalt", None)


def test_the_json_table_reproduces_sundsvalls_figures_with_null_where_ej_aktuellt(
    client: TestClient, api: Api
) -> None:
    load_sundsvall_2022(api)

    rows = get_table(client, api.admin).json()["rows"]

    assert {r["insats"]: {f: r[f] for f in NUMBER_COLUMNS} for r in rows} == expected_rows()


def test_the_total_row_is_713_1134_123_and_14(client: TestClient, api: Api) -> None:
    load_sundsvall_2022(api)

    total = get_table(client, api.admin).json()["rows"][-1]

    assert (
        total["participants_total"],
        total["volume_contacts"],
        total["work_total"],
        total["studies_total"],
    ) == (713, 1134, 123, 14)


def test_an_insats_without_a_report_has_a_row_of_nulls_and_adds_nothing_to_the_total(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    reported = api.insats(name="Arbetsförmedlare på AMT")
    silent = api.insats(name="Psykolog")
    api.report(
        reported["id"],
        "2022",
        {
            "participants": {"women": 200, "men": 176},
            "volume_contacts": 600,
            "outcomes": {"work": {"women": 60, "men": 51}, "studies": {"women": 5, "men": 4}},
        },
    )

    rows = {r["insats_id"]: r for r in get_table(client, api.admin).json()["rows"]}

    assert rows[silent["id"]]["insats"] == "Psykolog"
    assert all(rows[silent["id"]][f] is None for f in NUMBER_COLUMNS)
    reported_row = {f: rows[reported["id"]][f] for f in NUMBER_COLUMNS}
    assert reported_row == {
        "participants_women": 200,
        "participants_men": 176,
        "participants_total": 376,
        "volume_contacts": 600,
        "work_women": 60,
        "work_men": 51,
        "work_total": 111,
        "studies_women": 5,
        "studies_men": 4,
        "studies_total": 9,
        **dict.fromkeys(STRUCTURAL),
        **dict.fromkeys(NOT_IN_SUNDSVALL),
    }
    assert {f: rows[None][f] for f in NUMBER_COLUMNS} == reported_row


# --- CSV ------------------------------------------------------------------------------------


def parse_csv(response: Response) -> list[list[str]]:
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff"), "the BOM lets Swedish Excel read the file as UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=";"))


def test_csv_has_swedish_headers_and_is_an_attachment(client: TestClient, api: Api) -> None:
    load_sundsvall_2022(api)

    response = get_table(client, api.admin, CSV)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(CSV)
    filename = attachment_filename(response)
    assert filename.endswith(".csv")
    assert "sundsvall" in filename
    assert "2022" in filename
    assert parse_csv(response)[0] == [header for _, header in COLUMNS]


def test_csv_gives_the_same_figures_as_json_with_ej_aktuellt_for_null(
    client: TestClient, api: Api
) -> None:
    load_sundsvall_2022(api)

    _header, *lines = parse_csv(get_table(client, api.admin, CSV))

    assert len(lines) == len(SUNDSVALL_2022) + 1
    parsed = {
        line[0]: {
            field: None if cell in WORDS else int(cell)
            for (field, _), cell in zip(COLUMNS[1:], line[1:], strict=True)
        }
        for line in lines
    }
    assert parsed == expected_rows()
    assert lines[-1][0] == "Totalt"


def test_csv_writes_ej_aktuellt_where_a_measure_does_not_apply(
    client: TestClient, api: Api
) -> None:
    load_sundsvall_2022(api)

    header, *lines = parse_csv(get_table(client, api.admin, CSV))

    by_name = {line[0]: dict(zip(header, line, strict=True)) for line in lines}
    psykolog = by_name["Psykolog"]
    assert psykolog["Volyminsats"] == "166"
    assert psykolog["Utfall arbete totalt"] == NOT_APPLICABLE
    assert psykolog["Utfall studier totalt"] == NOT_APPLICABLE
    assert by_name["Rehabvägledare"]["Volyminsats"] == NOT_APPLICABLE
    # A reported 0 is a 0, not "ej aktuellt".
    assert by_name["Arbetskonsulent gemensam"]["Utfall studier totalt"] == "0"
    total = by_name["Totalt"]
    assert (
        total["Deltagare totalt"],
        total["Volyminsats"],
        total["Utfall arbete totalt"],
        total["Utfall studier totalt"],
    ) == ("713", "1134", "123", "14")


# --- XLSX -----------------------------------------------------------------------------------


def parse_xlsx(response: Response) -> list[list[Any]]:
    """The table of the workbook: its header row and the rows under it, without the title
    block above it and the note below it."""
    book = load_workbook(io.BytesIO(response.content), read_only=True)
    sheet = book.worksheets[0]
    lines = [list(values) for values in sheet.iter_rows(values_only=True)]
    start = next(i for i, line in enumerate(lines) if line and line[0] == "Insats")
    end = next((i for i in range(start, len(lines)) if not any(lines[i])), len(lines))
    return [line[: len(lines[start])] for line in lines[start:end]]


def test_xlsx_is_an_attachment_with_swedish_headers(client: TestClient, api: Api) -> None:
    load_sundsvall_2022(api)

    response = get_table(client, api.admin, XLSX)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(XLSX)
    filename = attachment_filename(response)
    assert filename.endswith(".xlsx")
    assert "sundsvall" in filename
    assert "2022" in filename
    assert parse_xlsx(response)[0] == [header for _, header in COLUMNS]


def test_xlsx_holds_numbers_as_numbers_and_ej_aktuellt_as_text(
    client: TestClient, api: Api
) -> None:
    load_sundsvall_2022(api)

    header, *lines = parse_xlsx(get_table(client, api.admin, XLSX))

    assert len(lines) == len(SUNDSVALL_2022) + 1
    for line in lines:
        for cell in line[1:]:
            assert cell in WORDS or type(cell) is int, (line[0], cell)
    parsed = {
        line[0]: {
            field: as_json_value(cell)
            for (field, _), cell in zip(COLUMNS[1:], line[1:], strict=True)
        }
        for line in lines
    }
    assert parsed == expected_rows()
    total = dict(zip(header, lines[-1], strict=True))
    assert total["Insats"] == "Totalt"
    assert (
        total["Deltagare totalt"],
        total["Volyminsats"],
        total["Utfall arbete totalt"],
        total["Utfall studier totalt"],
    ) == (713, 1134, 123, 14)


# --- who may read it ------------------------------------------------------------------------


@pytest.mark.parametrize("accept", [None, CSV, XLSX], ids=["json", "csv", "xlsx"])
def test_the_forbunds_own_key_reads_its_table(client: TestClient, api: Api, accept: str) -> None:
    load_sundsvall_2022(api)
    token = api.key("forbund", forbund="sundsvall")

    response = get_table(client, auth(token), accept)

    assert response.status_code == 200, response.text


@pytest.mark.parametrize("accept", [None, CSV, XLSX], ids=["json", "csv", "xlsx"])
def test_another_forbunds_key_is_refused_with_a_403_problem(
    client: TestClient, api: Api, accept: str
) -> None:
    load_sundsvall_2022(api)
    api.forbund("harnosand")
    token = api.key("forbund", forbund="harnosand")

    response = get_table(client, auth(token), accept)

    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)


@pytest.mark.parametrize("accept", [None, CSV, XLSX], ids=["json", "csv", "xlsx"])
def test_a_reporter_key_is_refused_with_a_403_problem(
    client: TestClient, api: Api, accept: str
) -> None:
    ids = load_sundsvall_2022(api)
    token = api.key("reporter", insatser=[ids[0]])

    response = get_table(client, auth(token), accept)

    assert response.status_code == 403, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)


@pytest.mark.parametrize("accept", [None, CSV, XLSX], ids=["json", "csv", "xlsx"])
def test_without_a_token_the_table_is_a_401_problem(
    client: TestClient, api: Api, accept: str
) -> None:
    load_sundsvall_2022(api)

    response = get_table(client, {}, accept)

    assert response.status_code == 401, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    assert response.headers["www-authenticate"].lower().startswith("bearer")


# --- why a cell is empty, and format= (issue 13) ---------------------------------------------


def _mixed_forbund(api: Api) -> None:
    """A psykolog (utfall does not apply), an AMT insats that reported no volyminsats, and a
    structural insats (no deltagare at all)."""
    api.forbund()
    psykolog = api.insats(name="Psykolog", not_applicable=["outcomes"])["id"]
    amt = api.insats(name="AMT")["id"]
    natverk = api.insats(name="Nätverk", kind="structural")["id"]
    api.report(psykolog, "2022", {"participants": {"women": 3, "men": 4}, "volume_contacts": 9})
    api.report(
        amt,
        "2022",
        {
            "participants": {"women": 1, "men": 1},
            "ended": {"women": 1, "men": 0},
            "outcomes": {"work": {"women": 1, "men": 0}},
        },
    )
    api.report(natverk, "2022", {"attendees": {"fk": 4}, "volume_contacts": 2})


def test_json_says_why_each_empty_cell_is_empty(client: TestClient, api: Api) -> None:
    _mixed_forbund(api)
    rows = {r["insats"]: r for r in get_table(client, api.admin).json()["rows"]}
    assert rows["Psykolog"]["work_total"] is None
    assert rows["Psykolog"]["missing"]["work_total"] == "not_applicable"
    assert rows["AMT"]["volume_contacts"] is None
    assert rows["AMT"]["missing"]["volume_contacts"] == "not_reported"
    assert rows["AMT"]["missing"].get("work_total") is None  # it has a number
    assert rows["Nätverk"]["missing"]["participants_total"] == "not_applicable"
    # Nobody reported utfall studier (which applies to the AMT insats), nor the structural
    # insats's activities or most organisations: not reported. No man ended, so there is no
    # share of them. Every other total of the standard columns has a number.
    standard = {f for f, _ in COLUMNS}
    total_missing = {f: r for f, r in rows["Totalt"]["missing"].items() if f in standard}
    assert total_missing.pop("work_or_studies_of_ended_men") == "none_ended"
    assert total_missing == dict.fromkeys(
        (
            "started_women",
            "started_men",
            "started_total",
            "anonymous_cases",
            "studies_women",
            "studies_men",
            "studies_total",
            "attendees_af",
            "attendees_region",
            "attendees_kommun",
            "attendees_other",
            "activities",
        ),
        "not_reported",
    )


def test_csv_and_xlsx_say_ej_aktuellt_and_ej_rapporterat(client: TestClient, api: Api) -> None:
    _mixed_forbund(api)
    text = get_table(client, api.admin, CSV).content.decode("utf-8-sig")
    header, *lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    csv_rows = {line[0]: dict(zip(header, line, strict=True)) for line in lines}
    assert csv_rows["Psykolog"]["Utfall arbete totalt"] == NOT_APPLICABLE
    assert csv_rows["AMT"]["Volyminsats"] == NOT_REPORTED
    assert csv_rows["Nätverk"]["Deltagare totalt"] == NOT_APPLICABLE
    assert csv_rows["AMT"]["Utfall arbete totalt"] == "1"
    values = parse_xlsx(get_table(client, api.admin, XLSX))
    xlsx_rows = {row[0]: dict(zip(values[0], row, strict=True)) for row in values[1:]}
    assert xlsx_rows["AMT"]["Volyminsats"] == NOT_REPORTED
    assert xlsx_rows["Psykolog"]["Volyminsats"] == 9  # numbers stay numbers


@pytest.mark.parametrize(
    ("fmt", "media_type"), [("csv", "text/csv"), ("xlsx", XLSX), ("json", "application/json")]
)
def test_format_chooses_the_format_whatever_accept_says(
    client: TestClient, api: Api, fmt: str, media_type: str
) -> None:
    _mixed_forbund(api)
    response = client.get(
        TABLE,
        params={"period": "2022", "format": fmt},
        headers={**api.admin, "Accept": "application/xml"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)


def test_an_unknown_format_is_a_422_naming_it(client: TestClient, api: Api) -> None:
    api.forbund()
    response = client.get(TABLE, params={"period": "2022", "format": "pdf"}, headers=api.admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "format"]


def test_a_structural_insats_shows_its_attendees_and_activities(
    client: TestClient, api: Api
) -> None:
    _mixed_forbund(api)
    natverk = next(
        i
        for i in api.client.get("/api/v1/forbund/sundsvall/insatser", headers=api.admin).json()
        if i["name"] == "Nätverk"
    )
    api.report(natverk["id"], "2022", {"attendees": {"fk": 4, "kommun": 6}, "activities": 3})
    rows = {r["insats"]: r for r in get_table(client, api.admin).json()["rows"]}
    natverk_row = rows["Nätverk"]
    assert (natverk_row["attendees_total"], natverk_row["attendees_fk"]) == (10, 4)
    assert natverk_row["attendees_af"] is None
    assert natverk_row["missing"]["attendees_af"] == "not_reported"
    assert natverk_row["activities"] == 3
    assert rows["AMT"]["missing"]["attendees_total"] == "not_applicable"
    assert (rows["Totalt"]["attendees_total"], rows["Totalt"]["activities"]) == (10, 3)
    csv_rows = {
        line[0]: line
        for line in csv.reader(
            io.StringIO(get_table(client, api.admin, CSV).content.decode("utf-8-sig")),
            delimiter=";",
        )
    }
    header = csv_rows["Insats"]
    assert csv_rows["Nätverk"][header.index("Aktiviteter")] == "3"
    assert csv_rows["AMT"][header.index("Aktiviteter")] == NOT_APPLICABLE
