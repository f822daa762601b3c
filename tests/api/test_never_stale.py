"""Never stale: every read reflects the last committed write, on every summary, table, series
and open endpoint.

The performance work plans caches and precomputed sums for these reads. A cache is only as
good as its invalidation: one that misses a kind of write (a replaced report, a report for
another insats or for one half of a year, an approval, a reopening, a closed period, a new
release) serves a figure the database no longer holds, and a test that reads once would never
notice. So each test here writes through HTTP as a client
would, reads, makes one write that must move the figures, reads again in a fresh request, and
checks the figures against what it stored. Expected figures are computed from the reports the
test wrote, never copied from a response, and each test checks first that the write moves
them, so a second read that returned the first read's figures always fails.

Open data is different on purpose: it serves published releases, so a write moves it only
once a new version is published. Those tests check both halves: unchanged until publication,
and the new figures at once after it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from tests.conftest import ADMIN_TOKEN, Api, auth, published

ADMIN = auth(ADMIN_TOKEN)
YEAR = "2022"
CODE = "sundsvall"
LAN = "Västernorrlands län"
# A second förbund in another län whose figures never change: a national figure must move
# by exactly the change, and a row the write did not touch must keep its figures.
OTHER_CODE = "jamtland"
OTHER_LAN = "Jämtlands län"
NATIONAL = "national"
TOTAL = "Totalt"  # the total row of the annual-report table, and its name in our rows

CSV = "text/csv"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The figures every test compares, named as the annual-report table's columns: a stock by
# kön (deltagare), a flow (nya), an outcome category and a plain count (volyminsatser). Each
# is summed by its own path of the aggregation, so each could go stale on its own.
FIELDS = (
    "participants_women",
    "participants_men",
    "participants_total",
    "started_total",
    "work_total",
    "volume_contacts",
)
# Where the table's CSV and XLSX print them.
HEADERS = {
    "participants_women": "Deltagare kvinnor",
    "participants_men": "Deltagare män",
    "participants_total": "Deltagare totalt",
    "started_total": "Nya totalt",
    "work_total": "Utfall arbete totalt",
    "volume_contacts": "Volyminsats",
}
# Where a summary's `measures` (and open data's dotted paths) hold them.
PATHS = {
    "participants_women": ("participants", "women"),
    "participants_men": ("participants", "men"),
    "participants_total": ("participants", "total"),
    "started_total": ("started", "total"),
    "work_total": ("outcomes", "work", "total"),
    "volume_contacts": ("volume_contacts", "total"),
}

Figures = dict[str, int | None]
Rows = dict[str, Figures]  # a row's name (TOTAL, an insats, a förbund, a län) → its figures


# --- what the tests write -------------------------------------------------------------------


@dataclass(frozen=True)
class Written:
    """One report's figures as a test stores them. Every count is at least 6, above the
    suppression threshold (5), so open data publishes them all and the comparison is exact."""

    participants: tuple[int, int]  # (women, men)
    started: tuple[int, int]
    work: tuple[int, int]
    volume_contacts: int

    def body(self) -> dict[str, Any]:
        return {
            "participants": gender(*self.participants),
            "started": gender(*self.started),
            "outcomes": {"work": gender(*self.work)},
            "volume_contacts": self.volume_contacts,
        }


def gender(women: int, men: int) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": 0}


FIRST = Written(participants=(30, 40), started=(12, 15), work=(6, 8), volume_contacts=80)
SECOND = Written(participants=(55, 62), started=(20, 25), work=(10, 11), volume_contacts=120)
PSYKOLOG = Written(participants=(21, 17), started=(9, 7), work=(6, 6), volume_contacts=33)
JAMTLAND = Written(participants=(44, 36), started=(14, 12), work=(7, 6), volume_contacts=64)
H1 = Written(participants=(25, 30), started=(10, 12), work=(6, 6), volume_contacts=40)
H2 = Written(participants=(27, 31), started=(8, 9), work=(6, 7), volume_contacts=35)
H2_CORRECTED = Written(participants=(27, 31), started=(18, 19), work=(9, 9), volume_contacts=70)

# Insats name → the reports that stand for the period: none, the period's own report, or the
# parts (halves) that cover it, whose stocks do not add up (domain.md, "Periods").
Counted = dict[str, tuple[Written, ...]]


def add(values: Sequence[int]) -> int | None:
    """A sum, or None when nothing was given: not reported is not zero."""
    return sum(values) if values else None


def expected(counted: Counted) -> Figures:
    """The figures these reports must give, summed as the domain says: flows over every
    report, stocks only over reports for the period itself."""
    whole = [reports[0] for reports in counted.values() if len(reports) == 1]
    every = [report for reports in counted.values() for report in reports]
    return {
        "participants_women": add([r.participants[0] for r in whole]),
        "participants_men": add([r.participants[1] for r in whole]),
        "participants_total": add([sum(r.participants) for r in whole]),
        "started_total": add([sum(r.started) for r in every]),
        "work_total": add([sum(r.work) for r in every]),
        "volume_contacts": add([r.volume_contacts for r in every]),
    }


def difference(current: Figures, other: Figures) -> Figures:
    """current − other, figure by figure, where both have it (as a comparison's `change`)."""
    change: Figures = {}
    for field in FIELDS:
        now, then = current[field], other[field]
        change[field] = None if now is None or then is None else now - then
    return change


OTHER_FORBUND: Counted = {"Jämtland": (JAMTLAND,)}


def with_other_forbund(counted: Counted) -> Counted:
    return {**counted, **OTHER_FORBUND}


# --- arranging, through the API as a client would --------------------------------------------


def two_forbund(api: Api) -> None:
    """Sundsvall (the förbund a test changes) and Jämtland, whose report for the year stays as
    it is; approved, so that it counts in `approved_only` figures as well."""
    api.forbund(CODE, lan=LAN)
    api.forbund(OTHER_CODE, lan=OTHER_LAN)
    jamtland = api.insats(OTHER_CODE, name="Jämtland")["id"]
    api.report(jamtland, YEAR, JAMTLAND.body())
    api.approve(jamtland, YEAR)


def close(api: Api, code: str = CODE) -> None:
    response = api.client.post(
        f"/api/v1/forbund/{code}/closed-periods", json={"period": YEAR}, headers=ADMIN
    )
    assert response.status_code == 201, response.text


def reopen_period(api: Api) -> None:
    response = api.client.delete(f"/api/v1/forbund/{CODE}/closed-periods/{YEAR}", headers=ADMIN)
    assert response.status_code == 204, response.text


def step(api: Api, insats_id: int, name: str) -> None:
    """A workflow step on the year's report; reopening says why, as the API requires."""
    body = {"comment": "Fel antal deltagare"} if name == "reopen" else None
    response = api.client.post(
        f"/api/v1/insatser/{insats_id}/reports/{YEAR}/{name}", json=body, headers=ADMIN
    )
    assert response.status_code == 200, response.text


def publish(api: Api) -> dict[str, Any]:
    """Publish the year as the national role does (a job); the release, as listed."""
    response = api.client.post("/api/v1/releases", json={"year": int(YEAR)}, headers=ADMIN)
    return published(api.client, response, ADMIN)


def get(client: TestClient, url: str, accept: str | None = None, **params: Any) -> Any:
    """One fresh GET, 200 asserted; JSON decoded unless another type was asked for."""
    headers = {**ADMIN, **({"Accept": accept} if accept else {})}
    response = client.get(url, params=params, headers=headers)
    assert response.status_code == 200, response.text
    if accept is None:
        assert response.headers["content-type"].startswith("application/json")
        return response.json()
    assert response.headers["content-type"].startswith(accept), response.headers
    return response


# --- what a reader got, as figures ----------------------------------------------------------


def from_measures(measures: Mapping[str, Any] | None) -> Figures:
    """The figures in a summary's `measures` (or a comparison's `change`); a measure nobody
    gave is null as a whole."""
    figures: Figures = {}
    for field, path in PATHS.items():
        node: Any = measures
        for part in path:
            node = node.get(part) if isinstance(node, Mapping) else None
        figures[field] = node
    return figures


def cell(value: Any) -> int | None:
    """A CSV or XLSX cell: a number, or None for the word that says why there is none."""
    if isinstance(value, int):
        return value
    return int(value) if isinstance(value, str) and value.isdigit() else None


def csv_lines(response: Any) -> list[list[str]]:
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def printed_rows(lines: Sequence[Sequence[Any]], suffix: str = "") -> Rows:
    """Rows of a printed table (CSV or XLSX): header first, the insats's name leading each
    row; `suffix` picks a compared table's columns ("Deltagare totalt 2022")."""
    header, *body = lines
    index = {h: i for i, h in enumerate(header)}
    return {
        str(line[0]): {f: cell(line[index[HEADERS[f] + suffix]]) for f in FIELDS} for line in body
    }


def xlsx_lines(response: Any) -> list[list[Any]]:
    """The table of the workbook: from its header row to the first blank row (a title block
    is above it and a note on the words below it)."""
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).worksheets[0]
    lines = [list(values) for values in sheet.iter_rows(values_only=True)]
    start = next(i for i, line in enumerate(lines) if line and line[0] == "Insats")
    end = next((i for i in range(start, len(lines)) if not any(lines[i])), len(lines))
    return lines[start:end]


# --- the readers with a token ---------------------------------------------------------------


def read_summary(client: TestClient, approved_only: bool) -> Rows:
    body = get(client, f"/api/v1/forbund/{CODE}/summary", period=YEAR, approved_only=approved_only)
    return {TOTAL: from_measures(body["measures"])}


def read_table_json(client: TestClient, approved_only: bool) -> Rows:
    body = get(client, f"/api/v1/forbund/{CODE}/table", period=YEAR, approved_only=approved_only)
    return {row["insats"]: {f: row[f] for f in FIELDS} for row in body["rows"]}


def read_table_csv(client: TestClient, approved_only: bool) -> Rows:
    # By Accept, as a spreadsheet client asks; `format=` is the same code path after it.
    response = get(
        client, f"/api/v1/forbund/{CODE}/table", CSV, period=YEAR, approved_only=approved_only
    )
    return printed_rows(csv_lines(response))


def read_table_xlsx(client: TestClient, approved_only: bool) -> Rows:
    response = get(
        client, f"/api/v1/forbund/{CODE}/table", XLSX, period=YEAR, approved_only=approved_only
    )
    return printed_rows(xlsx_lines(response))


# The series measure that gives each figure, and the field of its point that holds it: one
# request per measure, as a chart would ask.
SERIES = {
    "participants": {
        "participants_women": "women",
        "participants_men": "men",
        "participants_total": "total",
    },
    "started": {"started_total": "total"},
    "outcomes.work": {"work_total": "total"},
    "volume_contacts": {"volume_contacts": "total"},
}


def years(first: int, last: int) -> dict[str, Any]:
    """A series's span as query parameters (`from` is a Python keyword, so a mapping)."""
    return {"from": first, "to": last}


def read_series(client: TestClient, approved_only: bool) -> Rows:
    """The year's point of each measure's series (a series spanning the years around it)."""
    figures: Figures = {}
    for measure, fields in SERIES.items():
        body = get(
            client,
            f"/api/v1/forbund/{CODE}/series",
            measure=measure,
            approved_only=approved_only,
            **years(int(YEAR) - 1, int(YEAR) + 1),
        )
        point = next(p for p in body["points"] if p["period"] == YEAR)
        figures.update({field: point[key] for field, key in fields.items()})
    return {TOTAL: figures}


def national_rows(body: Mapping[str, Any]) -> Rows:
    return {
        NATIONAL: from_measures(body["measures"]),
        **{row["key"]: from_measures(row["measures"]) for row in body["forbund"]},
    }


def read_national(group_by: str) -> Callable[[TestClient, bool], Rows]:
    def read(client: TestClient, approved_only: bool) -> Rows:
        body = get(
            client,
            "/api/v1/national/summary",
            period=YEAR,
            group_by=group_by,
            approved_only=approved_only,
        )
        return national_rows(body)

    return read


# --- what each reader must give -------------------------------------------------------------


def forbund_total(counted: Counted) -> Rows:
    return {TOTAL: expected(counted)}


def table_rows(counted: Counted) -> Rows:
    """A row per insats of the förbund (null figures where it has no report) and the total."""
    return {
        **{name: expected({name: reports}) for name, reports in counted.items()},
        TOTAL: expected(counted),
    }


def national_expected(keys: tuple[str, str]) -> Callable[[Counted], Rows]:
    """The national figure and the rows (förbund codes or län names) of both förbund."""

    def rows(counted: Counted) -> Rows:
        own, other = keys
        return {
            NATIONAL: expected(with_other_forbund(counted)),
            own: expected(counted),
            other: expected(OTHER_FORBUND),
        }

    return rows


@dataclass(frozen=True)
class Reader:
    """An endpoint read as figures, and the figures it must give for what was written."""

    name: str
    read: Callable[[TestClient, bool], Rows]  # (client, approved_only)
    expect: Callable[[Counted], Rows]


READERS = [
    Reader("forbund-summary", read_summary, forbund_total),
    Reader("table-json", read_table_json, table_rows),
    Reader("table-csv", read_table_csv, table_rows),
    Reader("table-xlsx", read_table_xlsx, table_rows),
    Reader("series", read_series, forbund_total),
    Reader("national-by-forbund", read_national("forbund"), national_expected((CODE, OTHER_CODE))),
    Reader("national-by-lan", read_national("lan"), national_expected((LAN, OTHER_LAN))),
]


# --- the writes that must move the figures --------------------------------------------------

# A change writes what the first read sees, yields what counts for it, makes its one write and
# yields what counts then.
Steps = Iterator[Counted]


def replaced(api: Api) -> Steps:
    """PUT new figures over a report (the idempotent replace an insats system sends)."""
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, YEAR, FIRST.body())
    yield {"AMT": (FIRST,)}
    api.report(amt, YEAR, SECOND.body())
    yield {"AMT": (SECOND,)}


def another_insats(api: Api) -> Steps:
    """A report for another insats of the förbund, active and silent until now."""
    amt = api.insats(CODE, name="AMT")["id"]
    psykolog = api.insats(CODE, name="Psykolog")["id"]
    api.report(amt, YEAR, FIRST.body())
    yield {"AMT": (FIRST,), "Psykolog": ()}
    api.report(psykolog, YEAR, PSYKOLOG.body())
    yield {"AMT": (FIRST,), "Psykolog": (PSYKOLOG,)}


def half_replaced(api: Api) -> Steps:
    """The year is computed from halves: replacing the second half moves the year's flows (a
    cache keyed on the period read, 2022, must hear of a write to 2022H2)."""
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, f"{YEAR}H1", H1.body())
    api.report(amt, f"{YEAR}H2", H2.body())
    yield {"AMT": (H1, H2)}
    api.report(amt, f"{YEAR}H2", H2_CORRECTED.body())
    yield {"AMT": (H1, H2_CORRECTED)}


def approved(api: Api) -> Steps:
    """Approving a report adds it to what `approved_only` counts."""
    amt = api.insats(CODE, name="AMT")["id"]
    psykolog = api.insats(CODE, name="Psykolog")["id"]
    api.report(amt, YEAR, FIRST.body())
    api.approve(amt, YEAR)
    api.report(psykolog, YEAR, PSYKOLOG.body())
    yield {"AMT": (FIRST,), "Psykolog": ()}
    api.approve(psykolog, YEAR)
    yield {"AMT": (FIRST,), "Psykolog": (PSYKOLOG,)}


def reopened(api: Api) -> Steps:
    """Reopening an approved report takes it out of what `approved_only` counts, though no
    figure of it changed: an invalidation hooked on report writes alone would miss it."""
    amt = api.insats(CODE, name="AMT")["id"]
    psykolog = api.insats(CODE, name="Psykolog")["id"]
    for insats, written in ((amt, FIRST), (psykolog, PSYKOLOG)):
        api.report(insats, YEAR, written.body())
        api.approve(insats, YEAR)
    yield {"AMT": (FIRST,), "Psykolog": (PSYKOLOG,)}
    step(api, psykolog, "reopen")
    yield {"AMT": (FIRST,), "Psykolog": ()}


def corrected(api: Api) -> Steps:
    """An approved report corrected as the workflow allows: reopened, replaced, submitted
    and approved again."""
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, YEAR, FIRST.body())
    api.approve(amt, YEAR)
    yield {"AMT": (FIRST,)}
    step(api, amt, "reopen")
    api.report(amt, YEAR, SECOND.body())
    api.approve(amt, YEAR)
    yield {"AMT": (SECOND,)}


@dataclass(frozen=True)
class Change:
    """A kind of write, and whether the readers count approved reports only to see it."""

    name: str
    steps: Callable[[Api], Steps]
    approved_only: bool = False


CHANGES = [
    Change("replaced", replaced),
    Change("another-insats", another_insats),
    Change("half-replaced", half_replaced),
    Change("approved", approved, approved_only=True),
    Change("reopened", reopened, approved_only=True),
    Change("corrected", corrected, approved_only=True),
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda c: c.name)
@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
def test_a_read_after_a_committed_write_gives_the_new_figures(
    client: TestClient, api: Api, reader: Reader, change: Change
) -> None:
    """Write, read, make the change's one write, read again: the second read gives what the
    reports now say, never what the first read gave."""
    two_forbund(api)
    steps = change.steps(api)
    before = reader.expect(next(steps))
    assert reader.read(client, change.approved_only) == before

    after = reader.expect(next(steps))

    # The write must move what this reader shows, or the test below proves nothing.
    assert after != before
    assert reader.read(client, change.approved_only) == after


# --- a comparison follows its other period ---------------------------------------------------

CURRENT_YEAR = "2023"
CURRENT = Written(participants=(33, 35), started=(11, 13), work=(7, 9), volume_contacts=90)
# Row names of a compared read: this period, the compared one and the change between them.
NOW, THEN, CHANGE = "now", "then", "change"


def compared_summary(url: str) -> Callable[[TestClient], Rows]:
    """A summary (förbund or national) of this year compared with last year."""

    def read(client: TestClient) -> Rows:
        body = get(client, url, period=CURRENT_YEAR, compare=YEAR)
        comparison = body["comparison"]
        return {
            NOW: from_measures(body["measures"]),
            THEN: from_measures(comparison["figures"]["measures"]),
            CHANGE: from_measures((comparison["change"] or {}).get("measures")),
        }

    return read


def compared_table_json(client: TestClient) -> Rows:
    body = get(client, f"/api/v1/forbund/{CODE}/table", period=CURRENT_YEAR, compare=YEAR)
    total = body["rows"][-1]
    assert total["insats"] == TOTAL
    return {NOW: {f: total[f] for f in FIELDS}, THEN: {f: total["compare"][f] for f in FIELDS}}


def compared_table_csv(client: TestClient) -> Rows:
    """CSV heads each figure's two columns with their periods ("Deltagare totalt 2022")."""
    response = get(client, f"/api/v1/forbund/{CODE}/table", CSV, period=CURRENT_YEAR, compare=YEAR)
    lines = csv_lines(response)
    return {
        NOW: printed_rows(lines, f" {CURRENT_YEAR}")[TOTAL],
        THEN: printed_rows(lines, f" {YEAR}")[TOTAL],
    }


@dataclass(frozen=True)
class ComparedReader:
    read: Callable[[TestClient], Rows]
    rows: tuple[str, ...]  # the tables have no `change`: a reader of them subtracts

    def expect(self, then: Written) -> Rows:
        now, other = expected({"AMT": (CURRENT,)}), expected({"AMT": (then,)})
        every = {NOW: now, THEN: other, CHANGE: difference(now, other)}
        return {name: every[name] for name in self.rows}


COMPARED_READERS = {
    "forbund-summary": ComparedReader(
        compared_summary(f"/api/v1/forbund/{CODE}/summary"), (NOW, THEN, CHANGE)
    ),
    "national-summary": ComparedReader(
        compared_summary("/api/v1/national/summary"), (NOW, THEN, CHANGE)
    ),
    "table-json": ComparedReader(compared_table_json, (NOW, THEN)),
    "table-csv": ComparedReader(compared_table_csv, (NOW, THEN)),
}


@pytest.mark.parametrize("reader", COMPARED_READERS.values(), ids=COMPARED_READERS.keys())
def test_a_comparison_follows_a_write_to_the_compared_period(
    client: TestClient, api: Api, reader: ComparedReader
) -> None:
    """Replacing last year's report moves the compared figures and the change, while this
    year's stay: a cache of this year's read must hear of writes to the other period."""
    api.forbund(CODE, lan=LAN)
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, CURRENT_YEAR, CURRENT.body())
    api.report(amt, YEAR, FIRST.body())
    assert reader.read(client) == reader.expect(FIRST)

    api.report(amt, YEAR, SECOND.body())

    assert reader.expect(SECOND) != reader.expect(FIRST)
    assert reader.read(client) == reader.expect(SECOND)


# --- writes the matrix above does not make --------------------------------------------------


def test_the_second_half_completes_the_year_in_the_summary_and_the_table(
    client: TestClient, api: Api
) -> None:
    """A year with its first half alone is a partial sum in the summary and withheld in the
    table ("delperiod saknas"); the second half's report makes it whole in both at once."""
    api.forbund(CODE, lan=LAN)
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, f"{YEAR}H1", H1.body())
    # The first half's flows; no stock, as a stock of a half is no figure for the year.
    partial = {
        field: None if field.startswith("participants") else value
        for field, value in expected({"AMT": (H1,)}).items()
    }

    summary = get(client, f"/api/v1/forbund/{CODE}/summary", period=YEAR)
    table = read_table_json(client, approved_only=False)
    assert from_measures(summary["measures"]) == partial
    assert (summary["complete"], summary["computed_from"]) == (False, [f"{YEAR}H1"])
    # The table withholds a flow summed over part of the year ("delperiod saknas").
    assert table[TOTAL] == dict.fromkeys(FIELDS)

    api.report(amt, f"{YEAR}H2", H2.body())

    whole = expected({"AMT": (H1, H2)})
    summary = get(client, f"/api/v1/forbund/{CODE}/summary", period=YEAR)
    assert from_measures(summary["measures"]) == whole
    assert (summary["complete"], summary["computed_from"]) == (True, [f"{YEAR}H1", f"{YEAR}H2"])
    assert read_table_json(client, approved_only=False) == table_rows({"AMT": (H1, H2)})


def test_each_point_of_a_series_follows_the_report_for_its_year(
    client: TestClient, api: Api
) -> None:
    """A series spans years: a report for a year that had none fills its point, a replaced
    report moves its own, and the years between stay empty."""
    api.forbund(CODE, lan=LAN)
    amt = api.insats(CODE, name="AMT")["id"]
    first_year, last_year = int(YEAR) - 1, int(YEAR) + 1
    api.report(amt, str(first_year), FIRST.body())

    def points() -> list[int | None]:
        body = get(
            client,
            f"/api/v1/forbund/{CODE}/series",
            measure="participants",
            **years(first_year, last_year),
        )
        return [p["total"] for p in body["points"]]

    assert points() == [sum(FIRST.participants), None, None]

    api.report(amt, str(last_year), SECOND.body())
    api.report(amt, str(first_year), PSYKOLOG.body())

    assert points() == [sum(PSYKOLOG.participants), None, sum(SECOND.participants)]


def test_a_new_forbund_reaches_the_national_summary_at_once(client: TestClient, api: Api) -> None:
    """A förbund registered after the first read gets its row, and its report its figures,
    in the national figure, its own row and its län's row."""
    two_forbund(api)
    read_by_forbund, read_by_lan = read_national("forbund"), read_national("lan")
    assert read_by_forbund(client, False) == {
        NATIONAL: expected(OTHER_FORBUND),
        CODE: expected({}),
        OTHER_CODE: expected(OTHER_FORBUND),
    }

    api.forbund("harnosand", lan=LAN)
    harnosand = api.insats("harnosand", name="Härnösand")["id"]
    api.report(harnosand, YEAR, SECOND.body())

    new: Counted = {"Härnösand": (SECOND,)}
    assert read_by_forbund(client, False) == {
        NATIONAL: expected({**OTHER_FORBUND, **new}),
        CODE: expected({}),
        OTHER_CODE: expected(OTHER_FORBUND),
        "harnosand": expected(new),
    }
    assert read_by_lan(client, False) == {
        NATIONAL: expected({**OTHER_FORBUND, **new}),
        LAN: expected(new),
        OTHER_LAN: expected(OTHER_FORBUND),
    }


# --- open data: what was published, and only that -------------------------------------------


def open_national(client: TestClient, **params: Any) -> Rows:
    return national_rows(get(client, "/api/v1/open/national/summary", period=YEAR, **params))


def open_forbund(client: TestClient) -> Rows:
    body = get(client, f"/api/v1/open/forbund/{CODE}/summary", period=YEAR)
    return {CODE: from_measures(body["measures"])}


def release_json(client: TestClient, **params: Any) -> Rows:
    return national_rows(get(client, f"/api/v1/open/releases/{YEAR}", **params))


def release_csv(client: TestClient) -> Rows:
    """The release's CSV (one line per figure: table, path, value) as rows."""
    response = get(client, f"/api/v1/open/releases/{YEAR}", CSV)
    values = {(table, path): value for table, path, value in csv_lines(response)[1:]}
    tables = {NATIONAL: NATIONAL, CODE: f"forbund:{CODE}", OTHER_CODE: f"forbund:{OTHER_CODE}"}
    return {
        name: {field: csv_figure(values, table, path) for field, path in PATHS.items()}
        for name, table in tables.items()
    }


def csv_figure(
    values: Mapping[tuple[str, str], str], table: str, path: Sequence[str]
) -> int | None:
    """A figure of the release's CSV: its own line, or the line of the measure (or category)
    above it, which stands alone and empty when nobody gave it."""
    for depth in range(len(path), 0, -1):
        value = values.get((table, ".".join(("measures", *path[:depth]))))
        if value is not None:
            # Every count these tests write is large enough to be published, never `prickad`.
            return None if value == "" else int(value)
    raise AssertionError(f"no line for {table} {path}")


def release_forbund(client: TestClient, **params: Any) -> Rows:
    body = get(client, f"/api/v1/open/releases/{YEAR}/forbund/{CODE}", **params)
    return {CODE: from_measures(body["measures"])}


def open_rows(counted: Counted) -> Rows:
    """What open data must publish when `counted` is Sundsvall's part of the release: the
    national figure, each förbund's row and each län's (one förbund in each)."""
    return {
        NATIONAL: expected(with_other_forbund(counted)),
        CODE: expected(counted),
        OTHER_CODE: expected(OTHER_FORBUND),
        LAN: expected(counted),
        OTHER_LAN: expected(OTHER_FORBUND),
    }


@dataclass(frozen=True)
class OpenReader:
    """An open endpoint read as figures, and which rows of `open_rows` it serves."""

    read: Callable[[TestClient], Rows]
    rows: tuple[str, ...]

    def expect(self, counted: Counted) -> Rows:
        every = open_rows(counted)
        return {name: every[name] for name in self.rows}


EVERY_ROW = (NATIONAL, CODE, OTHER_CODE)
OPEN_READERS = {
    "open-national-summary": OpenReader(open_national, EVERY_ROW),
    "open-national-summary-by-lan": OpenReader(
        lambda client: open_national(client, group_by="lan"), (NATIONAL, LAN, OTHER_LAN)
    ),
    "open-forbund-summary": OpenReader(open_forbund, (CODE,)),
    "release-json": OpenReader(release_json, EVERY_ROW),
    "release-csv": OpenReader(release_csv, EVERY_ROW),
    "release-forbund": OpenReader(release_forbund, (CODE,)),
}


def read_open(client: TestClient) -> dict[str, Rows]:
    """Every open endpoint, each in its own request, by name."""
    return {name: reader.read(client) for name, reader in OPEN_READERS.items()}


def expect_open(counted: Counted) -> dict[str, Rows]:
    return {name: reader.expect(counted) for name, reader in OPEN_READERS.items()}


def listed(client: TestClient) -> list[dict[str, Any]]:
    """The year's versions as `GET /open/releases` lists them."""
    releases = get(client, "/api/v1/open/releases")["releases"]
    return [r for r in releases if r["year"] == int(YEAR)]


def assert_changes_name(changes: Sequence[Mapping[str, Any]], before: Rows, after: Rows) -> None:
    """A version's `changes` name each figure that moved, with both values, in the national
    table and in each förbund's row, and no figure that did not move."""
    moved = {(c["table"], c["path"]): (c["before"], c["after"]) for c in changes}
    tables = {NATIONAL: NATIONAL, CODE: f"forbund:{CODE}", OTHER_CODE: f"forbund:{OTHER_CODE}"}
    for name, table in tables.items():
        for field, path in PATHS.items():
            old, new = before[name][field], after[name][field]
            key = (table, ".".join(("measures", *path)))
            if old == new:
                assert key not in moved, key
            else:
                assert moved[key] == (old, new), key


# Open changes: Sundsvall's part of the release before, and after the write, which reaches
# open data only when the year is published again.


def open_corrected(api: Api) -> Steps:
    """A published report corrected: reopened in the closed period, replaced, approved."""
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, YEAR, FIRST.body())
    api.approve(amt, YEAR)
    close(api)
    yield {"AMT": (FIRST,)}
    step(api, amt, "reopen")
    api.report(amt, YEAR, SECOND.body())
    api.approve(amt, YEAR)
    yield {"AMT": (SECOND,)}


def open_approved_late(api: Api) -> Steps:
    """A report submitted before the year closed and approved after the first release."""
    amt = api.insats(CODE, name="AMT")["id"]
    psykolog = api.insats(CODE, name="Psykolog")["id"]
    api.report(amt, YEAR, FIRST.body())
    api.approve(amt, YEAR)
    api.report(psykolog, YEAR, PSYKOLOG.body())
    step(api, psykolog, "submit")
    close(api)
    yield {"AMT": (FIRST,), "Psykolog": ()}
    step(api, psykolog, "approve")
    yield {"AMT": (FIRST,), "Psykolog": (PSYKOLOG,)}


def open_closed_late(api: Api) -> Steps:
    """Approved figures of a year the förbund had not closed are not published; closing it
    is the write that lets the next release take them."""
    amt = api.insats(CODE, name="AMT")["id"]
    api.report(amt, YEAR, FIRST.body())
    api.approve(amt, YEAR)
    yield {}
    close(api)
    yield {"AMT": (FIRST,)}


def open_reported_late(api: Api) -> Steps:
    """The förbund opens its closed year again for a late report of another insats, approves
    it and closes the year again."""
    amt = api.insats(CODE, name="AMT")["id"]
    psykolog = api.insats(CODE, name="Psykolog")["id"]
    api.report(amt, YEAR, FIRST.body())
    api.approve(amt, YEAR)
    close(api)
    yield {"AMT": (FIRST,)}
    reopen_period(api)
    api.report(psykolog, YEAR, PSYKOLOG.body())
    api.approve(psykolog, YEAR)
    close(api)
    yield {"AMT": (FIRST,), "Psykolog": (PSYKOLOG,)}


def open_withdrawn(api: Api) -> Steps:
    """A published report reopened (back to draft) leaves the next release."""
    amt = api.insats(CODE, name="AMT")["id"]
    psykolog = api.insats(CODE, name="Psykolog")["id"]
    for insats, written in ((amt, FIRST), (psykolog, PSYKOLOG)):
        api.report(insats, YEAR, written.body())
        api.approve(insats, YEAR)
    close(api)
    yield {"AMT": (FIRST,), "Psykolog": (PSYKOLOG,)}
    step(api, psykolog, "reopen")
    yield {"AMT": (FIRST,)}


OPEN_CHANGES = {
    "corrected": open_corrected,
    "approved-late": open_approved_late,
    "closed-late": open_closed_late,
    "reported-late": open_reported_late,
    "withdrawn": open_withdrawn,
}


@pytest.mark.parametrize("steps", OPEN_CHANGES.values(), ids=OPEN_CHANGES.keys())
def test_every_open_endpoint_gives_the_new_figures_once_they_are_published(
    client: TestClient, api: Api, steps: Callable[[Api], Steps]
) -> None:
    """Open data serves releases: a write alone moves nothing published, and the next
    publication moves every open endpoint at once (a release cache is invalidated by
    publishing, and by nothing earlier). Every open endpoint is read in one test per change,
    since each change costs two publications; the failing endpoint is named in the diff."""
    two_forbund(api)
    close(api, OTHER_CODE)  # Jämtland's year is final: it is in every release
    changes = steps(api)
    before = next(changes)
    first = publish(api)
    assert read_open(client) == expect_open(before)

    after = next(changes)

    for name, reader in OPEN_READERS.items():
        assert reader.expect(after) != reader.expect(before), name
    assert read_open(client) == expect_open(before)
    assert [r["version"] for r in listed(client)] == [first["version"]]

    second = publish(api)

    assert read_open(client) == expect_open(after)
    releases = listed(client)
    assert [r["version"] for r in releases] == [first["version"], first["version"] + 1]
    assert releases[-1]["version"] == second["version"]
    assert_changes_name(releases[-1]["changes"], open_rows(before), open_rows(after))
    # The earlier version is still there, unchanged: a release is never rewritten.
    old = {"version": first["version"]}
    assert release_json(client, **old) == OPEN_READERS["release-json"].expect(before)
    assert release_forbund(client, **old) == OPEN_READERS["release-forbund"].expect(before)
