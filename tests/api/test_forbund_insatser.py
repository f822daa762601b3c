"""Förbund and insatser through HTTP: creating, listing and reading them back."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.conftest import PROBLEM_JSON, Api

MISSING_INSATS = 2_000_000_000  # fits PostgreSQL's integer; no test creates that many

HALLAND = {
    "code": "halland-norra",
    "name": "Samordningsförbundet Halland Norra",
    "lan": "Hallands län",
    "kommuner": ["Falkenberg", "Varberg", "Kungsbacka"],
}
INSATS = {
    "name": "Psykolog",
    "kind": "individual",
    "owner": "Region Halland",
    "start_date": "2021-03-01",
}


def error_locs(response: Any) -> list[list[str | int]]:
    assert response.headers["content-type"] == PROBLEM_JSON
    return [error["loc"] for error in response.json()["errors"]]


def names_field(response: Any, loc: list[str | int]) -> bool:
    """Whether an error of the problem names the field at `loc` (or a part of it)."""
    return any(found[: len(loc)] == loc for found in error_locs(response))


# Förbund


def test_a_created_forbund_is_returned_with_every_field(client: TestClient, api: Api) -> None:
    response = client.post("/api/v1/forbund", json=HALLAND, headers=api.admin)
    assert response.status_code == 201, response.text
    created = response.json()
    assert {k: created[k] for k in HALLAND} == HALLAND
    datetime.fromisoformat(created["created_at"])


def test_a_forbund_reads_back_as_it_was_created(client: TestClient, api: Api) -> None:
    created = api.forbund(**HALLAND)
    response = client.get("/api/v1/forbund/halland-norra", headers=api.admin)
    assert response.status_code == 200
    assert response.json() == created
    assert response.json()["kommuner"] == ["Falkenberg", "Varberg", "Kungsbacka"]


def test_forbund_are_listed_by_code(client: TestClient, api: Api) -> None:
    for code in ("umea", "boras", "kalmar"):
        api.forbund(code)
    listed = client.get("/api/v1/forbund", headers=api.admin).json()
    assert [f["code"] for f in listed] == ["boras", "kalmar", "umea"]


def test_an_empty_forbund_list_is_an_empty_array(client: TestClient, api: Api) -> None:
    response = client.get("/api/v1/forbund", headers=api.admin)
    assert response.status_code == 200
    assert response.json() == []


def test_a_second_forbund_with_the_same_code_is_a_409(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    response = client.post(
        "/api/v1/forbund",
        json={"code": "sundsvall", "name": "Annat", "lan": "X", "kommuner": ["X"]},
        headers=api.admin,
    )
    assert response.status_code == 409
    assert response.headers["content-type"] == PROBLEM_JSON
    assert client.get("/api/v1/forbund/sundsvall", headers=api.admin).json()["name"] != "Annat"


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"code": "Sundsvall"}, ["body", "code"]),
        ({"code": "sunds vall"}, ["body", "code"]),
        ({"code": "-sundsvall"}, ["body", "code"]),
        ({"name": ""}, ["body", "name"]),
        ({"lan": None}, ["body", "lan"]),
        ({"kommuner": []}, ["body", "kommuner"]),
        ({"kommuner": "Sundsvall"}, ["body", "kommuner"]),
        ({"id": 7}, ["body", "id"]),
    ],
    ids=[
        "upper-case code",
        "code with a space",
        "code with a leading dash",
        "empty name",
        "null lan",
        "no kommuner",
        "kommuner not a list",
        "unknown field",
    ],
)
def test_an_invalid_forbund_is_a_422_naming_the_field(
    client: TestClient, api: Api, change: dict[str, Any], loc: list[str | int]
) -> None:
    body = {**HALLAND, **change}
    response = client.post("/api/v1/forbund", json=body, headers=api.admin)
    assert response.status_code == 422, response.text
    assert names_field(response, loc), response.text


def test_an_unknown_forbund_code_is_a_404_problem(client: TestClient, api: Api) -> None:
    for response in (
        client.get("/api/v1/forbund/ingen", headers=api.admin),
        client.get("/api/v1/forbund/ingen/insatser", headers=api.admin),
        client.post("/api/v1/forbund/ingen/insatser", json=INSATS, headers=api.admin),
    ):
        assert response.status_code == 404, response.text
        assert response.headers["content-type"] == PROBLEM_JSON
        assert response.json()["status"] == 404


# Insatser


def test_a_created_insats_is_returned_with_every_field(client: TestClient, api: Api) -> None:
    api.forbund(**HALLAND)
    body = {**INSATS, "end_date": "2024-12-31", "target_group": "Unga vuxna 16-29 år"}
    response = client.post("/api/v1/forbund/halland-norra/insatser", json=body, headers=api.admin)
    assert response.status_code == 201, response.text
    created = response.json()
    assert {k: created[k] for k in body} == body
    assert created["forbund"] == "halland-norra"
    assert isinstance(created["id"], int)
    datetime.fromisoformat(created["created_at"])


def test_an_insats_without_end_date_or_target_group_has_them_null(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    created = api.insats("sundsvall", **INSATS)
    assert created["end_date"] is None
    assert created["target_group"] is None
    read = client.get(f"/api/v1/insatser/{created['id']}", headers=api.admin).json()
    assert (read["end_date"], read["target_group"]) == (None, None)


def test_an_insats_reads_back_as_it_was_created(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    created = api.insats("sundsvall", kind="structural", end_date="2022-06-30")
    response = client.get(f"/api/v1/insatser/{created['id']}", headers=api.admin)
    assert response.status_code == 200
    assert response.json() == created


def test_insats_ids_are_assigned_by_the_server_in_increasing_order(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    api.forbund("harnosand")
    ids = [api.insats(code)["id"] for code in ("sundsvall", "harnosand", "sundsvall")]
    assert ids == sorted(ids)
    assert len(set(ids)) == 3


def test_a_client_chosen_insats_id_is_refused(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    response = client.post(
        "/api/v1/forbund/sundsvall/insatser", json={**INSATS, "id": 1}, headers=api.admin
    )
    assert response.status_code == 422
    assert names_field(response, ["body", "id"]), response.text


def test_a_forbunds_insatser_are_listed_oldest_first_and_no_others(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    api.forbund("harnosand")
    first = api.insats("sundsvall", name="Öppen ingång")
    api.insats("harnosand", name="Annan")
    second = api.insats("sundsvall", name="Arbetsterapeut")
    listed = client.get("/api/v1/forbund/sundsvall/insatser", headers=api.admin).json()
    assert listed == [first, second]


def test_a_forbund_without_insatser_lists_an_empty_array(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    response = client.get("/api/v1/forbund/sundsvall/insatser", headers=api.admin)
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize(
    ("change", "loc"),
    [
        ({"kind": "individinriktad"}, ["body", "kind"]),
        ({"name": "  "}, ["body", "name"]),
        ({"owner": None}, ["body", "owner"]),
        ({"start_date": "2021-02-30"}, ["body", "start_date"]),
        ({"end_date": "2021-02-28"}, ["body", "end_date"]),
        ({"target_group": "x" * 2001}, ["body", "target_group"]),
    ],
    ids=[
        "unknown kind",
        "blank name",
        "null owner",
        "impossible start date",
        "end before start",
        "overlong target group",
    ],
)
def test_an_invalid_insats_is_a_422_naming_the_field(
    client: TestClient, api: Api, change: dict[str, Any], loc: list[str | int]
) -> None:
    api.forbund("sundsvall")
    body = {**INSATS, **change}
    response = client.post("/api/v1/forbund/sundsvall/insatser", json=body, headers=api.admin)
    assert response.status_code == 422, response.text
    assert names_field(response, loc), response.text


def test_a_missing_start_date_is_a_422_naming_it(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    body = {k: v for k, v in INSATS.items() if k != "start_date"}
    response = client.post("/api/v1/forbund/sundsvall/insatser", json=body, headers=api.admin)
    assert response.status_code == 422
    assert names_field(response, ["body", "start_date"]), response.text


# Ids no insats can have: below 1, and on either side of PostgreSQL's integer range.
UNKNOWN_IDS = [MISSING_INSATS, 0, -1, 2**31 - 1, 2**31, -(2**31) - 1, 10**30]
INSATS_PATHS = {
    "insats": ("GET", "/api/v1/insatser/{id}"),
    "reports": ("GET", "/api/v1/insatser/{id}/reports"),
    "report": ("GET", "/api/v1/insatser/{id}/reports/2023"),
    "put report": ("PUT", "/api/v1/insatser/{id}/reports/2023"),
}


@pytest.mark.parametrize("endpoint", INSATS_PATHS)
@pytest.mark.parametrize("insats_id", UNKNOWN_IDS)
def test_an_unknown_insats_id_is_a_404_problem(
    client: TestClient, api: Api, endpoint: str, insats_id: int
) -> None:
    method, path = INSATS_PATHS[endpoint]
    body = {"volume_contacts": 1} if method == "PUT" else None
    response = client.request(method, path.format(id=insats_id), json=body, headers=api.admin)
    assert response.status_code == 404, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["status"] == 404


@pytest.mark.parametrize(
    "path", ["/api/v1/insatser/{id}", "/api/v1/insatser/{id}/reports"], ids=["insats", "reports"]
)
@pytest.mark.parametrize("insats_id", ["psykolog", "1.5", "1e3"])
def test_a_non_integer_insats_id_is_a_422_naming_the_path_parameter(
    client: TestClient, api: Api, path: str, insats_id: str
) -> None:
    response = client.get(path.format(id=insats_id), headers=api.admin)
    assert response.status_code == 422, response.text
    assert error_locs(response) == [["path", "insats_id"]]
