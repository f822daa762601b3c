"""Odd inputs get clear 4xx problems, never a 500, and leak nothing."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Api, auth


def test_a_control_character_in_an_insats_name_is_a_422_naming_it(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    body = {
        "name": "Psykolog\u0001",
        "kind": "individual",
        "owner": "Region",
        "start_date": "2022-01-01",
    }
    response = client.post("/api/v1/forbund/sundsvall/insatser", json=body, headers=api.admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "name"]


def test_a_nul_in_a_forbund_code_is_a_404_not_a_500(client: TestClient, api: Api) -> None:
    response = client.get("/api/v1/open/forbund/x%00y/summary", params={"period": "2022"})
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_if_match_star_does_not_create_a_report(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats()
    url = f"/api/v1/insatser/{insats['id']}/reports/2023"
    response = client.put(url, json={"volume_contacts": 1}, headers={**api.admin, "If-Match": "*"})
    assert response.status_code == 412
    assert client.get(url, headers=api.admin).status_code == 404


def test_a_new_token_is_never_cached(client: TestClient, api: Api) -> None:
    response = client.post("/api/v1/keys", json={"role": "national"}, headers=api.admin)
    assert response.status_code == 201
    assert response.headers["Cache-Control"] == "no-store"


def test_a_refused_key_request_does_not_tell_which_forbund_exist(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    reporter = api.key("reporter", insatser=[api.insats()["id"]])
    for code in ("sundsvall", "finns-inte"):
        body = {"role": "forbund", "forbund": code}
        response = client.post("/api/v1/keys", json=body, headers=auth(reporter))
        assert response.status_code == 403, code


def test_an_insats_date_outside_1900_to_2999_is_a_422_naming_it(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    body = {"name": "X", "kind": "individual", "owner": "Region", "start_date": "0001-01-01"}
    response = client.post("/api/v1/forbund/sundsvall/insatser", json=body, headers=api.admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "start_date"]


def test_an_unacceptable_table_format_is_a_406_problem(client: TestClient, api: Api) -> None:
    api.forbund()
    response = client.get(
        "/api/v1/forbund/sundsvall/table",
        params={"period": "2022"},
        headers={**api.admin, "Accept": "application/xml"},
    )
    assert response.status_code == 406
    assert response.headers["content-type"] == "application/problem+json"
