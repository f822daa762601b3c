"""Every problem names its situation with a stable `code` and a `type` URI per code
(docs/problems.md), so a client tells a locked report from a closed period from a period
outside the insats's lifetime without reading `detail`; import rows carry codes too."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from app.api.problems import HTTP, TYPE_PREFIX
from app.cli import openapi_document
from app.errors import Code, ErrorKind
from tests.conftest import PROBLEM_JSON, Api, auth

FIGURES = {"participants": {"women": 10, "men": 12}, "volume_contacts": 30}


def problem(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    """The problem body, after checking its status, media type, code and type URI."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    body = dict(response.json())
    assert (body["status"], body["code"], body["type"]) == (
        status,
        code,
        f"urn:finsam:problem:{code}",
    )
    return body


@pytest.fixture
def insats(api: Api) -> int:
    api.forbund("sundsvall")
    return int(api.insats("sundsvall", start_date="2021-01-01", end_date="2023-12-31")["id"])


def report_url(insats: int, period: str) -> str:
    return f"/api/v1/insatser/{insats}/reports/{period}"


# --- the situations a client must tell apart ---------------------------------------------


def test_changing_an_approved_report_is_report_locked(
    client: TestClient, api: Api, insats: int
) -> None:
    api.report(insats, "2023", FIGURES)
    for step in ("submit", "approve"):
        response = client.post(f"{report_url(insats, '2023')}/{step}", headers=api.admin)
        assert response.status_code == 200, response.text

    changed = client.put(
        report_url(insats, "2023"), json={"volume_contacts": 31}, headers=api.admin
    )

    body = problem(changed, 409, "report-locked")
    assert body["title"] == "Conflict"


def test_changing_a_report_of_a_closed_period_is_period_closed(
    client: TestClient, api: Api, insats: int
) -> None:
    api.report(insats, "2023H1", FIGURES)
    closed = client.post(
        "/api/v1/forbund/sundsvall/closed-periods", json={"period": "2023"}, headers=api.admin
    )
    assert closed.status_code == 201, closed.text

    changed = client.put(
        report_url(insats, "2023H1"), json={"volume_contacts": 31}, headers=api.admin
    )

    problem(changed, 409, "period-closed")


def test_a_reporter_creating_a_report_in_a_closed_period_is_period_closed(
    client: TestClient, api: Api, insats: int
) -> None:
    reporter = auth(api.key("reporter", insatser=[insats]))
    closed = client.post(
        "/api/v1/forbund/sundsvall/closed-periods", json={"period": "2022"}, headers=api.admin
    )
    assert closed.status_code == 201, closed.text

    problem(
        client.put(report_url(insats, "2022Q3"), json=FIGURES, headers=reporter),
        409,
        "period-closed",
    )


def test_closing_a_closed_period_again_is_already_exists(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    url = "/api/v1/forbund/sundsvall/closed-periods"
    assert client.post(url, json={"period": "2022"}, headers=api.admin).status_code == 201

    problem(client.post(url, json={"period": "2022"}, headers=api.admin), 409, "already-exists")


@pytest.mark.parametrize("period", ["2020", "2024H1"])
def test_a_period_outside_the_insats_s_lifetime_is_outside_insats_lifetime(
    client: TestClient, api: Api, insats: int, period: str
) -> None:
    response = client.put(report_url(insats, period), json=FIGURES, headers=api.admin)

    body = problem(response, 422, "outside-insats-lifetime")
    assert [e["loc"] for e in body["errors"]] == [["path", "period"]]


def test_a_step_that_does_not_apply_is_invalid_workflow_step(
    client: TestClient, api: Api, insats: int
) -> None:
    api.report(insats, "2023", FIGURES)

    response = client.post(f"{report_url(insats, '2023')}/approve", headers=api.admin)

    problem(response, 409, "invalid-workflow-step")


def test_a_stale_if_match_is_precondition_failed(client: TestClient, api: Api, insats: int) -> None:
    first = client.put(report_url(insats, "2023"), json=FIGURES, headers=api.admin)
    stale = first.headers["ETag"]
    api.report(insats, "2023", {"volume_contacts": 31})

    response = client.put(
        report_url(insats, "2023"),
        json={"volume_contacts": 32},
        headers={**api.admin, "If-Match": stale},
    )

    body = problem(response, 412, "precondition-failed")
    assert body["current_revision"] == 2


def test_a_missing_if_match_where_the_förbund_requires_it_is_precondition_required(
    client: TestClient, api: Api, insats: int
) -> None:
    api.report(insats, "2023", FIGURES)
    settings = client.patch(
        "/api/v1/forbund/sundsvall", json={"require_if_match": True}, headers=api.admin
    )
    assert settings.status_code == 200, settings.text

    response = client.put(
        report_url(insats, "2023"), json={"volume_contacts": 9}, headers=api.admin
    )

    problem(response, 428, "precondition-required")


def test_inconsistent_figures_are_inconsistent_figures(
    client: TestClient, api: Api, insats: int
) -> None:
    body = {"participants": {"women": 1, "men": 1}, "started": {"women": 5, "men": 0}}

    response = client.put(report_url(insats, "2023"), json=body, headers=api.admin)

    found = problem(response, 422, "inconsistent-figures")
    assert ["body", "started", "women"] in [e["loc"] for e in found["errors"]]


def test_an_invalid_period_is_invalid_period(client: TestClient, api: Api, insats: int) -> None:
    response = client.put(report_url(insats, "2023H3"), json=FIGURES, headers=api.admin)

    problem(response, 422, "invalid-period")


@pytest.mark.parametrize(
    "path",
    ["/api/v1/insatser/999999", "/api/v1/forbund/finns-inte", "/no/such/path"],
    ids=["no insats", "no förbund", "no route"],
)
def test_what_does_not_exist_is_not_found(client: TestClient, api: Api, path: str) -> None:
    problem(client.get(path, headers=api.admin), 404, "not-found")


def test_another_förbund_s_insats_is_forbidden(client: TestClient, api: Api, insats: int) -> None:
    api.forbund("umea")
    other = auth(api.key("forbund", forbund="umea"))

    problem(client.get(f"/api/v1/insatser/{insats}", headers=other), 403, "forbidden")


def test_no_key_and_an_unknown_key_are_told_apart(client: TestClient) -> None:
    missing = client.get("/api/v1/forbund")
    unknown = client.get("/api/v1/forbund", headers=auth("fsk_not-a-key"))

    problem(missing, 401, "authentication-required")
    problem(unknown, 401, "invalid-key")
    assert missing.headers["WWW-Authenticate"] == unknown.headers["WWW-Authenticate"] == "Bearer"


def test_an_unknown_field_is_validation_failed(client: TestClient, api: Api, insats: int) -> None:
    response = client.put(
        report_url(insats, "2023"), json={**FIGURES, "shoe_size": 42}, headers=api.admin
    )

    body = problem(response, 422, "validation-failed")
    assert body["errors"][0]["loc"] == ["body", "shoe_size"]


@pytest.mark.parametrize("where", ["body", "query"])
def test_a_personal_identity_number_is_personal_identity_number(
    client: TestClient, api: Api, insats: int, where: str
) -> None:
    number = "811228-9874"
    if where == "body":
        response = client.put(
            report_url(insats, "2023"), json={**FIGURES, "note": number}, headers=api.admin
        )
    else:
        response = client.get(report_url(insats, "2023"), params={"q": number}, headers=api.admin)

    body = problem(response, 422, "personal-identity-number")
    assert number not in response.text
    assert body["errors"][0]["loc"][0] == where


def test_a_body_over_its_limit_is_too_large(client: TestClient, api: Api, insats: int) -> None:
    response = client.put(
        report_url(insats, "2023"),
        content=b'{"note": "' + b"x" * 300_000 + b'"}',
        headers={**api.admin, "Content-Type": "application/json"},
    )

    problem(response, 413, "too-large")


def test_a_method_the_path_does_not_take_is_method_not_allowed(client: TestClient) -> None:
    problem(client.delete("/health"), 405, "method-not-allowed")


def test_an_import_names_each_row_s_code_beside_its_status(
    client: TestClient, api: Api, insats: int
) -> None:
    api.report(insats, "2023", FIGURES)
    for step in ("submit", "approve"):
        assert client.post(f"{report_url(insats, '2023')}/{step}", headers=api.admin).is_success
    rows = [
        {"insats_id": insats, "period": "2023", "report": {"volume_contacts": 1}},
        {"insats_id": insats, "period": "2020", "report": FIGURES},
        {"insats_id": insats, "period": "2022", "report": {"shoe_size": 1}},
        {"insats_id": 999_999, "period": "2022", "report": FIGURES},
    ]

    response = client.post("/api/v1/imports", json={"reports": rows}, headers=api.admin)

    body = problem(response, 422, "import-rejected")
    assert [(e["row"], e["code"], e["status"]) for e in body["errors"]] == [
        (1, "report-locked", 409),
        (2, "outside-insats-lifetime", 422),
        (3, "validation-failed", 422),
        (4, "not-found", 404),
    ]


# --- one catalogue, documented and declared --------------------------------------------


def test_every_code_is_documented_with_its_status() -> None:
    text = (Path(__file__).resolve().parents[2] / "docs" / "problems.md").read_text()
    rows = dict(re.findall(r"^\| `([a-z-]+)` \| (\d{3}) \|", text, re.MULTILINE))

    assert {code.value: str(HTTP[code.kind][0]) for code in Code} == rows


def test_every_kind_has_a_status_and_every_code_a_kebab_case_name() -> None:
    assert set(HTTP) == set(ErrorKind)
    assert [c for c in Code if not re.fullmatch(r"[a-z]+(-[a-z]+)*", c.value)] == []
    assert TYPE_PREFIX == "urn:finsam:problem:"


def test_the_report_operations_declare_their_codes() -> None:
    put = openapi_document()["paths"]["/api/v1/insatser/{insats_id}/reports/{period}"]["put"]
    described = {status: r["description"] for status, r in put["responses"].items()}

    for status, code in [
        ("409", "report-locked"),
        ("409", "period-closed"),
        ("412", "precondition-failed"),
        ("422", "outside-insats-lifetime"),
        ("428", "precondition-required"),
    ]:
        assert f"`{code}`" in described[status]
    assert put["responses"]["409"]["content"][PROBLEM_JSON]["schema"] == {
        "$ref": "#/components/schemas/Problem"
    }


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_errors_and_the_domain_know_no_web_framework_or_database() -> None:
    app = Path(__file__).resolve().parents[2] / "app"
    for path in [app / "errors.py", *sorted((app / "domain").glob("*.py"))]:
        roots = {name.split(".")[0] for name in _imports(path)}
        assert roots.isdisjoint({"fastapi", "starlette", "sqlalchemy"}), path.name
