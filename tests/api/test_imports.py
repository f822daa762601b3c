"""Bulk import through HTTP: JSON and CSV, all-or-nothing or partial, dry runs, the DHIS2-style
summary, the CSV template, Idempotency-Key, and the same permission checks as a single PUT."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.domain.measures import MEASURES
from app.imports.schemas import MAX_ROWS
from tests.conftest import PROBLEM_JSON, Api, auth

IMPORTS = "/api/v1/imports"
# Ten period forms per year (year, halves, tertials, quarters), so 10 insatser × 10 years = 1,000.
FORMS = ["", "H1", "H2", "T1", "T2", "T3", "Q1", "Q2", "Q3", "Q4"]
PERIODS = [f"{year}{form}" for year in range(2010, 2020) for form in FORMS]
BAD_ROW = 537  # 1-based, as the summary counts


def gc(women: int, men: int, unspecified: int = 0) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": unspecified}


def figures(n: int) -> dict[str, Any]:
    return {"participants": gc(10 + n % 7, 12), "started": gc(3, 4), "volume_contacts": n}


def insatser(api: Api, count: int = 10) -> list[int]:
    api.forbund()
    return [api.insats(name=f"Insats {i}", start_date="2010-01-01")["id"] for i in range(count)]


def rows(ids: list[int], periods: list[str] = PERIODS) -> list[dict[str, Any]]:
    return [
        {"insats_id": insats_id, "period": period, "report": figures(n)}
        for n, (insats_id, period) in enumerate(
            (insats_id, period) for insats_id in ids for period in periods
        )
    ]


def post(
    client: TestClient,
    body: list[dict[str, Any]],
    headers: dict[str, str],
    **params: Any,
) -> httpx.Response:
    return client.post(IMPORTS, json={"reports": body}, headers=headers, params=params)


def post_csv(
    client: TestClient, text: str, headers: dict[str, str], **params: Any
) -> httpx.Response:
    sent = {**headers, "Content-Type": "text/csv; charset=utf-8"}
    return client.post(IMPORTS, content=text.encode("utf-8"), headers=sent, params=params)


def stored(client: TestClient, api: Api, ids: list[int]) -> int:
    total = 0
    for insats_id in ids:
        response = client.get(f"/api/v1/insatser/{insats_id}/reports", headers=api.admin)
        assert response.status_code == 200, response.text
        total += len(response.json())
    return total


def problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = dict(response.json())
    assert body["status"] == status
    return body


# --- all or nothing, partial, dry run ------------------------------------------------------


def test_one_bad_row_in_an_import_of_1000_rejects_it_whole_and_names_the_row_and_field(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api)
    body = rows(ids)
    bad = body[BAD_ROW - 1]
    bad["report"]["participants"]["women"] = -1

    response = post(client, body, api.admin)

    summary = problem(response, 422)
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (999, 0, 0)
    assert summary["rejected"] == 1
    assert summary["dry_run"] is False
    assert summary["errors"] == [
        {
            "row": BAD_ROW,
            "insats_id": bad["insats_id"],
            "period": None,
            "loc": ["participants", "women"],
            "msg": "Input should be greater than or equal to 0",
            "code": "validation-failed",
            "status": 422,
        }
    ]
    first_good = body[0]
    read = client.get(
        f"/api/v1/insatser/{first_good['insats_id']}/reports/{first_good['period']}",
        headers=api.admin,
    )
    assert read.status_code == 404
    assert stored(client, api, ids) == 0


def test_an_import_at_the_cap_with_every_row_bad_reports_every_row_and_field(
    client: TestClient, api: Api
) -> None:
    """MAX_ROWS rows, each bad in one of four ways: every one is reported, by row and field,
    and nothing is written."""
    periods = [f"{year}{form}" for year in range(2010, 2020) for form in FORMS]
    ids = insatser(api, -(-MAX_ROWS // len(periods)))
    body = rows(ids, periods)[:MAX_ROWS]
    assert len(body) == MAX_ROWS
    expected: dict[int, list[str | int]] = {}
    for number, row in enumerate(body, start=1):
        match number % 4:
            case 0:
                row["report"]["participants"]["women"] = -1
                expected[number] = ["participants", "women"]
            case 1:
                row["period"] = "2023X9"
                expected[number] = ["period"]
            case 2:
                row["report"]["started"] = gc(99, 4)  # more started than participants
                expected[number] = ["started", "women"]
            case _:
                row["report"]["deltagare"] = 3
                expected[number] = ["deltagare"]

    response = post(client, body, api.admin)

    summary = problem(response, 422)
    assert summary["rejected"] == MAX_ROWS
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (0, 0, 0)
    found: dict[int, list[list[str | int]]] = {}
    for error in summary["errors"]:
        found.setdefault(error["row"], []).append(error["loc"])
    assert found.keys() == expected.keys()
    missing = [n for n, loc in expected.items() if loc not in found[n]]
    assert missing == []
    assert stored(client, api, ids[:3]) == 0


def test_with_partial_import_the_good_rows_are_stored_and_the_bad_one_reported(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api)
    body = rows(ids)
    bad = body[BAD_ROW - 1]
    bad["report"]["started"] = gc(30, 4)  # more started than took part: a rule of put_report

    response = post(client, body, api.admin, partial="true")

    assert response.status_code == 200, response.text
    summary = response.json()
    assert summary["status"] == "partial"
    assert (summary["created"], summary["rejected"]) == (999, 1)
    assert [(e["row"], e["period"], e["loc"], e["status"]) for e in summary["errors"]] == [
        (BAD_ROW, bad["period"], ["started", "women"], 422),
        (BAD_ROW, bad["period"], ["started"], 422),  # the total exceeds too
    ]
    assert stored(client, api, ids) == 999
    missing = client.get(
        f"/api/v1/insatser/{bad['insats_id']}/reports/{bad['period']}", headers=api.admin
    )
    assert missing.status_code == 404


def test_a_partial_import_in_which_every_row_fails_is_a_422_that_writes_nothing(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    body = rows(ids, ["2023", "2023H9"])
    body[0]["report"]["volume_contacts"] = "many"

    summary = problem(post(client, body, api.admin, partial="true"), 422)

    assert (summary["created"], summary["rejected"]) == (0, 2)
    assert [(e["row"], e["loc"]) for e in summary["errors"]] == [
        (1, ["volume_contacts"]),
        (2, ["period"]),
    ]
    assert stored(client, api, ids) == 0


def test_a_dry_run_writes_nothing_but_counts_what_a_real_run_would_do(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 2)
    body = rows(ids, PERIODS[:50])
    api.report(body[0]["insats_id"], body[0]["period"], body[0]["report"])  # will be unchanged
    api.report(body[1]["insats_id"], body[1]["period"], {"volume_contacts": 1})  # will be updated

    response = post(client, body, api.admin, dry_run="true")

    assert response.status_code == 200, response.text
    assert response.json() == {
        "status": "dry_run",
        "dry_run": True,
        "created": 98,
        "updated": 1,
        "unchanged": 1,
        "rejected": 0,
        "errors": [],
    }
    assert stored(client, api, ids) == 2
    kept = client.get(
        f"/api/v1/insatser/{body[1]['insats_id']}/reports/{body[1]['period']}", headers=api.admin
    ).json()
    assert (kept["revision"], kept["volume_contacts"], kept["participants"]) == (1, 1, None)


def test_a_dry_run_with_a_bad_row_is_the_same_422_as_the_real_import(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    body = rows(ids, ["2023", "2024"])
    body[1]["report"]["shoe_size"] = 42

    summary = problem(post(client, body, api.admin, dry_run="true"), 422)

    assert summary["dry_run"] is True
    assert (summary["created"], summary["rejected"]) == (1, 1)
    assert summary["errors"][0]["loc"] == ["shoe_size"]
    assert stored(client, api, ids) == 0


def test_reimporting_the_same_rows_leaves_every_report_unchanged(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 2)
    body = rows(ids, PERIODS[:20])
    first = post(client, body, api.admin)
    assert first.status_code == 200, first.text
    assert (first.json()["status"], first.json()["created"]) == ("success", 40)

    again = post(client, body, api.admin)

    assert again.status_code == 200, again.text
    assert again.json() == {
        "status": "success",
        "dry_run": False,
        "created": 0,
        "updated": 0,
        "unchanged": 40,
        "rejected": 0,
        "errors": [],
    }
    report = client.get(f"/api/v1/insatser/{ids[0]}/reports/2010", headers=api.admin).json()
    assert report["revision"] == 1


def test_a_changed_row_updates_its_report_to_revision_two(client: TestClient, api: Api) -> None:
    ids = insatser(api, 1)
    body = rows(ids, ["2023H1", "2023H2"])
    assert post(client, body, api.admin).status_code == 200
    body[1]["report"]["volume_contacts"] = 99

    response = post(client, body, api.admin)

    assert response.status_code == 200, response.text
    summary = response.json()
    assert (summary["created"], summary["updated"], summary["unchanged"]) == (0, 1, 1)
    changed = client.get(f"/api/v1/insatser/{ids[0]}/reports/2023H2", headers=api.admin).json()
    assert (changed["revision"], changed["volume_contacts"]) == (2, 99)
    same = client.get(f"/api/v1/insatser/{ids[0]}/reports/2023H1", headers=api.admin).json()
    assert same["revision"] == 1


def test_an_import_is_traced_in_each_report_s_history_like_a_put(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    token = api.key("forbund", forbund="sundsvall", label="Kansliets import")
    assert post(client, rows(ids, ["2023"]), auth(token)).status_code == 200

    history = client.get(f"/api/v1/insatser/{ids[0]}/reports/2023/history", headers=api.admin)

    assert [r["changed_by"]["label"] for r in history.json()["revisions"]] == ["Kansliets import"]


def test_a_row_for_a_locked_report_is_rejected_with_409(client: TestClient, api: Api) -> None:
    ids = insatser(api, 1)
    api.report(ids[0], "2023", figures(1))
    for step in ("submit", "approve"):
        response = client.post(f"/api/v1/insatser/{ids[0]}/reports/2023/{step}", headers=api.admin)
        assert response.status_code == 200, response.text

    changed = [{"insats_id": ids[0], "period": "2023", "report": figures(2)}]
    summary = problem(post(client, changed, api.admin), 422)

    assert [(e["loc"], e["status"]) for e in summary["errors"]] == [([], 409)]
    assert "approved" in summary["errors"][0]["msg"]


def test_a_row_may_carry_the_if_match_its_förbund_requires(client: TestClient, api: Api) -> None:
    ids = insatser(api, 1)
    etag = client.put(
        f"/api/v1/insatser/{ids[0]}/reports/2023", json=figures(1), headers=api.admin
    ).headers["ETag"]
    client.patch("/api/v1/forbund/sundsvall", json={"require_if_match": True}, headers=api.admin)
    without = [{"insats_id": ids[0], "period": "2023", "report": figures(2)}]
    with_etag = [{**without[0], "if_match": etag}]

    assert problem(post(client, without, api.admin), 422)["errors"][0]["status"] == 428
    response = post(client, with_etag, api.admin)
    assert response.status_code == 200, response.text
    assert response.json()["updated"] == 1


# --- limits and the shape of the body ------------------------------------------------------


def test_more_rows_than_the_cap_is_a_422_naming_the_reports(client: TestClient, api: Api) -> None:
    body = [{"insats_id": 1, "period": "2023", "report": {}}] * (MAX_ROWS + 1)

    found = problem(post(client, body, api.admin), 422)

    assert found["errors"][0]["loc"] == ["body", "reports"]
    assert f"{MAX_ROWS:,}" in found["errors"][0]["msg"]


def test_an_unknown_member_of_the_body_is_rejected(client: TestClient, api: Api) -> None:
    response = client.post(IMPORTS, json={"reports": [], "extra": 1}, headers=api.admin)

    assert problem(response, 422)["errors"][0]["loc"] == ["body"]


def test_a_personnummer_in_a_row_is_rejected_without_being_echoed(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    body = [{"insats_id": ids[0], "period": "2023", "report": {"note": "pnr 19800101-1231"}}]

    response = post(client, body, api.admin, partial="true")

    # The whole body is refused, even with partial=true: none of it is stored.
    found = problem(response, 422)
    assert found["errors"][0]["loc"] == ["body", "reports", 0, "report", "note"]
    assert "1980" not in response.text


def test_an_empty_import_succeeds_with_nothing_to_count(client: TestClient, api: Api) -> None:
    response = post(client, [], api.admin)

    assert response.status_code == 200, response.text
    assert (response.json()["status"], response.json()["created"]) == ("success", 0)


def test_a_body_that_is_neither_json_nor_csv_is_a_415_problem(client: TestClient, api: Api) -> None:
    response = client.post(
        IMPORTS, content=b"<reports/>", headers={**api.admin, "Content-Type": "application/xml"}
    )

    problem(response, 415)


# --- CSV -----------------------------------------------------------------------------------


def template(client: TestClient, api: Api) -> list[str]:
    response = client.get(f"{IMPORTS}/template.csv", headers=api.admin)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1  # the header only
    return lines[0].split(";")


def test_the_template_has_a_column_for_every_number_of_the_report(
    client: TestClient, api: Api
) -> None:
    header = template(client, api)

    assert header[:2] == ["insats_id", "period"]
    assert header[-1] == "note"
    assert {"participants_women", "outcomes_work_preparation_men", "age_bands_16-19"} <= set(header)
    assert "income_source_at_exit_other_public" in header
    assert {m for m in MEASURES if not any(c.startswith(m) for c in header)} == set()
    assert len(header) == len(set(header))


def csv_text(header: list[str], records: list[dict[str, Any]], delimiter: str = ";") -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, delimiter=delimiter, restval="")
    writer.writeheader()
    writer.writerows(records)
    return out.getvalue()


def test_a_csv_import_with_the_template_header_round_trips_and_empty_cells_stay_null(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    header = template(client, api)
    record = {
        "insats_id": ids[0],
        "period": "2023H1",
        "participants_women": 124,
        "participants_men": 161,
        "started_women": 40,
        "started_men": 52,
        "started_unspecified": 1,
        "ended_women": 35,
        "ended_men": 45,
        "outcomes_work_women": 33,
        "outcomes_work_men": 43,
        "outcomes_studies_women": 0,
        "outcomes_studies_men": 0,
        "volume_contacts": 270,
        "income_source_at_start_social_assistance": 30,
        "age_bands_16-19": 3,
        "age_bands_20-24": 40,
        "note": 'Semikolon; och citattecken "inom" cellen',
    }

    response = post_csv(client, "\ufeff" + csv_text(header, [record]), api.admin)

    assert response.status_code == 200, response.text
    assert response.json()["created"] == 1
    report = client.get(f"/api/v1/insatser/{ids[0]}/reports/2023H1", headers=api.admin).json()
    assert report["participants"] == {"women": 124, "men": 161, "unspecified": 0, "total": 285}
    assert report["started"] == {"women": 40, "men": 52, "unspecified": 1, "total": 93}
    assert report["outcomes"]["work"]["total"] == 76
    assert report["outcomes"]["studies"]["total"] == 0  # 0 given is 0 ...
    assert report["outcomes"]["benefit"] is None  # ... and an empty cell is null, never 0
    assert report["anonymous_cases"] is None
    assert report["income_source_at_start"]["social_assistance"] == 30
    assert report["income_source_at_start"]["none"] is None
    assert report["income_source_at_exit"] is None
    assert report["age_bands"]["16-19"] == 3
    assert report["attendees"] is None
    assert report["note"] == record["note"]


def test_a_comma_separated_csv_with_some_columns_is_read_too(client: TestClient, api: Api) -> None:
    ids = insatser(api, 1)
    text = f"insats_id,period,volume_contacts\r\n{ids[0]},2023,7\r\n\r\n{ids[0]},2024,\r\n"

    response = post_csv(client, text, api.admin)

    assert response.status_code == 200, response.text
    assert response.json()["created"] == 2
    later = client.get(f"/api/v1/insatser/{ids[0]}/reports/2024", headers=api.admin).json()
    assert later["volume_contacts"] is None


def test_a_csv_cell_that_is_not_a_number_names_the_line_and_column(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    text = (
        "insats_id;period;participants_women;participants_men\n"
        f"{ids[0]};2023;5;6\n"
        f"{ids[0]};2024;5;sex\n"
    )

    summary = problem(post_csv(client, text, api.admin), 422)

    assert summary["created"] == 1
    assert [(e["row"], e["insats_id"], e["loc"]) for e in summary["errors"]] == [
        (3, ids[0], ["participants_men"])
    ]
    assert stored(client, api, ids) == 0


def test_a_csv_gender_count_needs_women_and_men_once_any_of_its_cells_is_given(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    text = f"insats_id;period;ended_women;ended_men;ended_unspecified\n{ids[0]};2023;;;4\n"

    summary = problem(post_csv(client, text, api.admin), 422)

    assert sorted(e["loc"][0] for e in summary["errors"]) == ["ended_men", "ended_women"]


def test_a_csv_rule_violation_names_the_column_that_breaks_it(client: TestClient, api: Api) -> None:
    ids = insatser(api, 1)
    text = (
        "insats_id;period;participants_women;participants_men;started_women;started_men\n"
        f"{ids[0]};2023;5;6;9;1\n"
    )

    summary = problem(post_csv(client, text, api.admin), 422)

    assert [(e["row"], e["loc"]) for e in summary["errors"]] == [(2, ["started_women"])]


def test_a_csv_header_with_an_unknown_column_is_rejected_naming_it(
    client: TestClient, api: Api
) -> None:
    found = problem(post_csv(client, "insats_id;period;participants\n1;2023;5\n", api.admin), 422)

    assert found["errors"][0]["loc"] == ["body", "header", "participants"]


# --- POST /api/v1/imports/csv: the CSV import as an operation of its own ------------------

CSV_IMPORTS = f"{IMPORTS}/csv"


def post_csv_file(
    client: TestClient, text: str, headers: dict[str, str], **params: Any
) -> httpx.Response:
    sent = {**headers, "Content-Type": "text/csv"}
    return client.post(CSV_IMPORTS, content=text.encode("utf-8"), headers=sent, params=params)


def test_the_csv_operation_imports_what_the_json_path_imports_from_csv(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 2)
    text = f"insats_id;period;volume_contacts\r\n{ids[0]};2023;7\r\n{ids[1]};2023;8\r\n"

    trial = post_csv_file(client, "\ufeff" + text, api.admin, dry_run="true")
    real = post_csv_file(client, text, api.admin)
    again = post_csv(client, text, api.admin)

    assert trial.status_code == real.status_code == again.status_code == 200, trial.text
    assert (trial.json()["dry_run"], trial.json()["created"]) == (True, 2)
    assert (real.json()["dry_run"], real.json()["created"]) == (False, 2)
    assert again.json()["unchanged"] == 2
    assert stored(client, api, ids) == 2


def test_the_csv_operation_takes_partial_and_names_the_bad_line_and_column(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    text = f"insats_id;period;volume_contacts\n{ids[0]};2023;7\n{ids[0]};2024;sju\n"

    whole = problem(post_csv_file(client, text, api.admin), 422)
    partial = post_csv_file(client, text, api.admin, partial="true")

    assert [(e["row"], e["loc"]) for e in whole["errors"]] == [(3, ["volume_contacts"])]
    assert partial.status_code == 200, partial.text
    assert (partial.json()["created"], partial.json()["rejected"]) == (1, 1)
    assert stored(client, api, ids) == 1


def test_the_csv_operation_takes_csv_only(client: TestClient, api: Api) -> None:
    response = client.post(CSV_IMPORTS, json={"reports": []}, headers=api.admin)

    assert "POST /api/v1/imports" in problem(response, 415)["detail"]


def test_a_retried_csv_import_with_the_same_idempotency_key_is_replayed(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    text = f"insats_id;period;volume_contacts\n{ids[0]};2023;7\n"
    headers = {**api.admin, "Idempotency-Key": "csv-2023"}

    first = post_csv_file(client, text, headers)
    retry = post_csv_file(client, text, headers)

    assert first.status_code == retry.status_code == 200, retry.text
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"


def test_a_national_key_may_not_import_csv(client: TestClient, api: Api) -> None:
    problem(post_csv_file(client, "insats_id;period\n", auth(api.key("national"))), 403)


def test_the_csv_operation_takes_files_larger_than_other_bodies(
    client: TestClient, api: Api
) -> None:
    text = "insats_id;period;volume_contacts\r\n" + "\r\n" * 200_000  # 400 kB, no rows

    response = post_csv_file(client, text, api.admin)

    assert response.status_code == 200, response.text
    assert response.json()["created"] == 0


# --- Idempotency-Key -----------------------------------------------------------------------


def test_a_retried_import_with_the_same_idempotency_key_writes_once(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 2)
    body = rows(ids, PERIODS[:10])
    headers = {**api.admin, "Idempotency-Key": "import-2023-06-30"}

    first = post(client, body, headers)
    retry = post(client, body, headers)

    assert first.status_code == retry.status_code == 200, retry.text
    assert first.json()["created"] == 20
    assert retry.json() == first.json()  # the first response, not a run finding 20 unchanged
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    history = client.get(f"/api/v1/insatser/{ids[0]}/reports/2010/history", headers=api.admin)
    assert [r["revision"] for r in history.json()["revisions"]] == [1]


def test_the_same_idempotency_key_with_another_body_is_a_422(client: TestClient, api: Api) -> None:
    ids = insatser(api, 1)
    headers = {**api.admin, "Idempotency-Key": "import-once"}
    assert post(client, rows(ids, ["2023"]), headers).status_code == 200

    response = post(client, rows(ids, ["2024"]), headers)

    assert problem(response, 422)["errors"][0]["loc"] == ["header", "idempotency-key"]
    assert stored(client, api, ids) == 1


def test_a_rejected_import_releases_its_idempotency_key_for_the_fixed_one(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    headers = {**api.admin, "Idempotency-Key": "fix-and-resend"}
    body = rows(ids, ["2023"])
    body[0]["report"]["volume_contacts"] = -5
    problem(post(client, body, headers), 422)

    fixed = post(client, rows(ids, ["2023"]), headers)

    assert fixed.status_code == 200, fixed.text
    assert fixed.json()["created"] == 1


# --- who may import ------------------------------------------------------------------------


def test_a_reporter_s_row_for_an_insats_not_its_own_is_rejected_with_403(
    client: TestClient, api: Api
) -> None:
    own, other = insatser(api, 2)
    token = api.key("reporter", insatser=[own])
    body = [
        {"insats_id": own, "period": "2023", "report": figures(1)},
        {"insats_id": other, "period": "2023", "report": figures(2)},
    ]

    whole = problem(post(client, body, auth(token)), 422)
    response = post(client, body, auth(token), partial="true")

    assert [(e["row"], e["insats_id"], e["loc"], e["status"]) for e in whole["errors"]] == [
        (2, other, ["insats_id"], 403)
    ]
    assert response.status_code == 200, response.text
    assert (response.json()["created"], response.json()["rejected"]) == (1, 1)
    assert response.json()["errors"][0]["status"] == 403
    assert stored(client, api, [own, other]) == 1


def test_a_row_for_an_insats_that_does_not_exist_is_rejected_with_404(
    client: TestClient, api: Api
) -> None:
    body = [{"insats_id": 999_999, "period": "2023", "report": {}}]

    summary = problem(post(client, body, api.admin), 422)

    assert [(e["loc"], e["status"]) for e in summary["errors"]] == [(["insats_id"], 404)]


def test_a_national_key_may_not_import(client: TestClient, api: Api) -> None:
    token = api.key("national")

    problem(post(client, [], auth(token)), 403)


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", IMPORTS), ("POST", f"{IMPORTS}/csv"), ("GET", f"{IMPORTS}/template.csv")],
)
def test_importing_without_a_token_is_401(client: TestClient, method: str, path: str) -> None:
    response = client.request(method, path, json={"reports": []})

    problem(response, 401)


def test_a_count_given_as_its_total_alone_imports_from_json_and_csv_without_a_split(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    json_row = {"insats_id": ids[0], "period": "2022", "report": {"participants": {"total": 376}}}
    assert post(client, [json_row], api.admin).status_code == 200
    text = (
        "insats_id;period;participants_total;outcomes_work_total;ended_women;ended_men\n"
        f"{ids[0]};2023;376;12;10;8\n"
    )
    response = post_csv(client, text, api.admin)
    assert response.status_code == 200, response.text

    unsplit = {"women": None, "men": None, "unspecified": None}
    for period in ("2022", "2023"):
        got = client.get(f"/api/v1/insatser/{ids[0]}/reports/{period}", headers=api.admin).json()
        assert got["participants"] == {**unsplit, "total": 376}
    assert got["outcomes"]["work"] == {**unsplit, "total": 12}
    assert got["ended"] == {**gc(10, 8), "total": 18}


def test_a_csv_total_that_is_not_the_sum_of_its_split_names_the_column(
    client: TestClient, api: Api
) -> None:
    ids = insatser(api, 1)
    text = (
        "insats_id;period;participants_women;participants_men;participants_total\n"
        f"{ids[0]};2023;5;6;12\n"
    )

    summary = problem(post_csv(client, text, api.admin), 422)

    assert [e["loc"] for e in summary["errors"]] == [["participants_total"]]
    assert stored(client, api, ids) == 0
