"""API keys through HTTP: tokens shown once and stored as hashes, revocation, who may create
which key, and validation of a key's scope."""

from __future__ import annotations

import hashlib
import re
import uuid
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from app.api.deps import current_settings
from app.config import Settings
from app.main import app
from tests.conftest import ADMIN_TOKEN, PROBLEM_JSON, Api, auth, create_key


def error_locs(response: Any) -> list[list[str | int]]:
    assert response.headers["content-type"] == PROBLEM_JSON
    return [error["loc"] for error in response.json()["errors"]]


def names_field(response: Any, loc: list[str | int]) -> bool:
    """Whether an error of the problem names the field at `loc` (or a part of it)."""
    return any(found[: len(loc)] == loc for found in error_locs(response))


@pytest.fixture
def two_forbund(api: Api) -> dict[str, int]:
    """Förbund `sundsvall` with insatser `own` and `own2`; förbund `harnosand` with `other`."""
    api.forbund("sundsvall")
    api.forbund("harnosand")
    return {
        "own": api.insats("sundsvall", name="Psykolog")["id"],
        "own2": api.insats("sundsvall", name="Arbetsterapeut")["id"],
        "other": api.insats("harnosand", name="Rehabvägledare")["id"],
    }


# Creating and storing


def test_a_new_key_is_returned_with_its_id_and_token(client: TestClient, api: Api) -> None:
    key = create_key(client, api.admin, role="national", label="SCB")
    uuid.UUID(key["id"])
    assert key["token"]
    assert (key["role"], key["label"]) == ("national", "SCB")


def test_every_key_gets_its_own_token(client: TestClient, api: Api) -> None:
    tokens = {create_key(client, api.admin, role="national")["token"] for _ in range(3)}
    assert len(tokens) == 3


def test_only_a_sha256_hash_of_the_token_is_stored(
    client: TestClient, api: Api, db: Session
) -> None:
    key = create_key(client, api.admin, role="national")
    row = db.execute(text("SELECT * FROM api_keys WHERE id = :id"), {"id": key["id"]}).one()
    stored = row._mapping["token_hash"]
    assert re.fullmatch(r"[0-9a-f]{64}", stored)
    assert stored == hashlib.sha256(key["token"].encode()).hexdigest()
    assert all(key["token"] not in str(value) for value in row)


def test_the_token_is_in_no_later_response(client: TestClient, api: Api) -> None:
    api.forbund()
    key = create_key(client, api.admin, role="national")
    token = key["token"]
    later = [
        client.get("/api/v1/forbund", headers=auth(token)),
        client.post("/api/v1/keys", json={"role": "national"}, headers=api.admin),
        client.post("/api/v1/keys", json={"role": "national"}, headers=auth(token)),
        client.delete(f"/api/v1/keys/{key['id']}", headers=api.admin),
        client.get("/api/v1/forbund", headers=auth(token)),
        client.delete(f"/api/v1/keys/{key['id']}", headers=api.admin),
    ]
    assert [r.status_code for r in later] == [200, 201, 403, 204, 401, 404]
    for response in later:
        assert token not in response.text
        assert token not in str(response.headers)


# Using and revoking


def test_a_created_key_works_as_a_bearer_token(client: TestClient, api: Api) -> None:
    api.forbund()
    token = create_key(client, api.admin, role="national")["token"]
    response = client.get("/api/v1/forbund", headers=auth(token))
    assert response.status_code == 200
    assert [f["code"] for f in response.json()] == ["sundsvall"]


def test_a_created_admin_key_may_create_keys(client: TestClient, api: Api) -> None:
    admin = create_key(client, api.admin, role="admin")["token"]
    national = create_key(client, auth(admin), role="national")["token"]
    assert client.get("/api/v1/forbund", headers=auth(national)).status_code == 200


def test_a_revoked_key_is_refused_at_once(client: TestClient, api: Api) -> None:
    key = create_key(client, api.admin, role="admin")
    assert client.get("/api/v1/forbund", headers=auth(key["token"])).status_code == 200
    revoked = client.delete(f"/api/v1/keys/{key['id']}", headers=api.admin)
    assert revoked.status_code == 204
    assert revoked.content == b""
    response = client.get("/api/v1/forbund", headers=auth(key["token"]))
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["www-authenticate"] == "Bearer"


def test_a_key_may_revoke_itself(client: TestClient, api: Api) -> None:
    key = create_key(client, api.admin, role="admin")
    response = client.delete(f"/api/v1/keys/{key['id']}", headers=auth(key["token"]))
    assert response.status_code == 204
    assert client.get("/api/v1/forbund", headers=auth(key["token"])).status_code == 401


def test_revoking_a_key_twice_is_a_404(client: TestClient, api: Api) -> None:
    key = create_key(client, api.admin, role="national")
    assert client.delete(f"/api/v1/keys/{key['id']}", headers=api.admin).status_code == 204
    again = client.delete(f"/api/v1/keys/{key['id']}", headers=api.admin)
    assert again.status_code == 404
    assert again.headers["content-type"] == PROBLEM_JSON


def test_revoking_an_unknown_key_is_a_404(client: TestClient, api: Api) -> None:
    response = client.delete(f"/api/v1/keys/{uuid.uuid4()}", headers=api.admin)
    assert response.status_code == 404
    assert response.headers["content-type"] == PROBLEM_JSON


def test_revoking_a_key_by_a_malformed_id_is_a_422_naming_it(client: TestClient, api: Api) -> None:
    response = client.delete("/api/v1/keys/not-a-uuid", headers=api.admin)
    assert response.status_code == 422
    assert error_locs(response) == [["path", "key_id"]]


def test_revoking_one_key_leaves_the_others_working(client: TestClient, api: Api) -> None:
    first = create_key(client, api.admin, role="national")
    second = create_key(client, api.admin, role="national")
    assert client.delete(f"/api/v1/keys/{first['id']}", headers=api.admin).status_code == 204
    assert client.get("/api/v1/forbund", headers=auth(second["token"])).status_code == 200


# What a förbund key may create and revoke


def test_a_forbund_key_creates_reporter_keys_for_its_own_insatser(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    key = create_key(
        client, forbund, role="reporter", insatser=[two_forbund["own"], two_forbund["own2"]]
    )
    assert key["role"] == "reporter"
    assert key["insatser"] == sorted([two_forbund["own"], two_forbund["own2"]])
    body = {"participants": {"women": 1, "men": 2}}
    reporter = auth(key["token"])
    put = client.put(
        f"/api/v1/insatser/{two_forbund['own']}/reports/2023", json=body, headers=reporter
    )
    assert put.status_code == 201, put.text


def test_a_forbund_key_may_name_its_own_forbund_on_a_reporter_key(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    response = client.post(
        "/api/v1/keys",
        json={"role": "reporter", "forbund": "sundsvall", "insatser": [two_forbund["own"]]},
        headers=forbund,
    )
    assert response.status_code == 201, response.text


@pytest.mark.parametrize("insatser", [["other"], ["own", "other"]], ids=["other", "own and other"])
def test_a_forbund_key_creates_no_reporter_key_for_another_forbunds_insats(
    client: TestClient, api: Api, two_forbund: dict[str, int], insatser: list[str]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    body = {"role": "reporter", "insatser": [two_forbund[name] for name in insatser]}
    response = client.post("/api/v1/keys", json=body, headers=forbund)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON


def test_a_forbund_key_creates_no_reporter_key_scoped_to_another_forbund(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    body = {"role": "reporter", "forbund": "harnosand", "insatser": [two_forbund["other"]]}
    response = client.post("/api/v1/keys", json=body, headers=forbund)
    assert response.status_code == 403, response.text


@pytest.mark.parametrize(
    "body",
    [
        {"role": "forbund", "forbund": "sundsvall"},
        {"role": "forbund", "forbund": "harnosand"},
        {"role": "national"},
        {"role": "admin"},
    ],
    ids=["forbund (own)", "forbund (other)", "national", "admin"],
)
def test_a_forbund_key_creates_no_key_but_reporter_keys(
    client: TestClient, api: Api, two_forbund: dict[str, int], body: dict[str, Any]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    response = client.post("/api/v1/keys", json=body, headers=forbund)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON


def test_a_forbund_key_revokes_reporter_keys_of_its_own_insatser_only(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    own = create_key(client, api.admin, role="reporter", insatser=[two_forbund["own"]])
    other = create_key(client, api.admin, role="reporter", insatser=[two_forbund["other"]])
    # 404, as for a key that does not exist: another förbund's key ids are not its business.
    assert client.delete(f"/api/v1/keys/{other['id']}", headers=forbund).status_code == 404
    assert (
        client.get(
            f"/api/v1/insatser/{two_forbund['other']}/reports", headers=auth(other["token"])
        ).status_code
        == 200
    )
    assert client.delete(f"/api/v1/keys/{own['id']}", headers=forbund).status_code == 204
    assert (
        client.get(
            f"/api/v1/insatser/{two_forbund['own']}/reports", headers=auth(own["token"])
        ).status_code
        == 401
    )


@pytest.mark.parametrize("role", ["admin", "national"])
def test_a_forbund_key_revokes_no_wider_key(
    client: TestClient, api: Api, two_forbund: dict[str, int], role: str
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    target = create_key(client, api.admin, role=role)
    assert client.delete(f"/api/v1/keys/{target['id']}", headers=forbund).status_code == 404
    assert client.get("/api/v1/forbund", headers=auth(target["token"])).status_code == 200


# What other keys may create


@pytest.mark.parametrize(
    "body",
    [
        {"role": "reporter", "insatser": ["own"]},
        {"role": "reporter", "insatser": ["own2"]},
        {"role": "national"},
    ],
    ids=["reporter for its own insats", "reporter for a sibling insats", "national"],
)
def test_a_reporter_key_creates_no_keys(
    client: TestClient, api: Api, two_forbund: dict[str, int], body: dict[str, Any]
) -> None:
    reporter = auth(api.key("reporter", insatser=[two_forbund["own"]]))
    if "insatser" in body:
        body = {**body, "insatser": [two_forbund[name] for name in body["insatser"]]}
    response = client.post("/api/v1/keys", json=body, headers=reporter)
    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON


def test_a_reporter_key_revokes_no_keys(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    reporter = auth(api.key("reporter", insatser=[two_forbund["own"]]))
    sibling = create_key(client, api.admin, role="reporter", insatser=[two_forbund["own"]])
    assert client.delete(f"/api/v1/keys/{sibling['id']}", headers=reporter).status_code == 403


@pytest.mark.parametrize("role", ["reporter", "national"])
def test_a_national_key_creates_no_keys(
    client: TestClient, api: Api, two_forbund: dict[str, int], role: str
) -> None:
    national = auth(api.key("national"))
    body: dict[str, Any] = {"role": role}
    if role == "reporter":
        body["insatser"] = [two_forbund["own"]]
    response = client.post("/api/v1/keys", json=body, headers=national)
    assert response.status_code == 403, response.text


# Validation of a key's scope


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"role": "forbund"}, ["body", "forbund"]),
        ({"role": "forbund", "forbund": "okand"}, ["body", "forbund"]),
        ({"role": "reporter"}, ["body", "insatser"]),
        ({"role": "reporter", "insatser": []}, ["body", "insatser"]),
        ({"role": "reporter", "insatser": [2_000_000_000]}, ["body", "insatser"]),
        ({"role": "reporter", "insatser": [2**31]}, ["body", "insatser"]),
        ({"role": "reporter", "insatser": [1, "ett"]}, ["body", "insatser", 1]),
        ({"role": "superuser"}, ["body", "role"]),
        ({}, ["body", "role"]),
        ({"role": "national", "token": "chosen-by-client"}, ["body", "token"]),
    ],
    ids=[
        "forbund without forbund",
        "unknown forbund code",
        "reporter without insatser",
        "reporter with no insatser",
        "unknown insats id",
        "insats id beyond the integer range",
        "non-integer insats id",
        "unknown role",
        "no role",
        "unknown field",
    ],
)
def test_an_invalid_key_is_a_422_naming_the_field(
    client: TestClient, api: Api, body: dict[str, Any], loc: list[str | int]
) -> None:
    api.forbund("sundsvall")
    response = client.post("/api/v1/keys", json=body, headers=api.admin)
    assert response.status_code == 422, response.text
    assert names_field(response, loc), response.text


def test_a_reporter_key_naming_a_forbund_its_insats_is_not_in_is_a_422(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    body = {"role": "reporter", "forbund": "sundsvall", "insatser": [two_forbund["other"]]}
    response = client.post("/api/v1/keys", json=body, headers=api.admin)
    assert response.status_code == 422, response.text
    assert names_field(response, ["body", "insatser"]), response.text


@pytest.mark.parametrize(
    "body",
    [{"role": "forbund", "forbund": "sundsvall"}, {"role": "national"}, {"role": "admin"}],
    ids=["forbund", "national", "admin"],
)
def test_a_key_of_another_role_than_reporter_naming_insatser_is_a_422(
    client: TestClient, api: Api, two_forbund: dict[str, int], body: dict[str, Any]
) -> None:
    response = client.post(
        "/api/v1/keys", json={**body, "insatser": [two_forbund["own"]]}, headers=api.admin
    )
    assert response.status_code == 422, response.text
    assert names_field(response, ["body", "insatser"]), response.text


@pytest.mark.parametrize("role", ["admin", "national"])
def test_an_unscoped_role_scoped_to_a_forbund_is_a_422(
    client: TestClient, api: Api, role: str
) -> None:
    api.forbund("sundsvall")
    response = client.post(
        "/api/v1/keys", json={"role": role, "forbund": "sundsvall"}, headers=api.admin
    )
    assert response.status_code == 422, response.text
    assert names_field(response, ["body", "forbund"]), response.text


def test_a_refused_key_is_not_stored(client: TestClient, api: Api, db: Session) -> None:
    before = db.execute(text("SELECT count(*) FROM api_keys")).scalar_one()
    response = client.post("/api/v1/keys", json={"role": "forbund"}, headers=api.admin)
    assert response.status_code == 422
    assert db.execute(text("SELECT count(*) FROM api_keys")).scalar_one() == before


# The bootstrap admin token


def test_the_admin_token_from_the_environment_is_an_admin(client: TestClient) -> None:
    response = client.post(
        "/api/v1/forbund",
        json={"code": "sundsvall", "name": "S", "lan": "Y", "kommuner": ["Sundsvall"]},
        headers=auth(ADMIN_TOKEN),
    )
    assert response.status_code == 201, response.text
    assert (
        client.post("/api/v1/keys", json={"role": "admin"}, headers=auth(ADMIN_TOKEN)).status_code
        == 201
    )


@pytest.mark.parametrize(
    "token",
    [ADMIN_TOKEN + "x", ADMIN_TOKEN[:-1], ADMIN_TOKEN.upper()],
    ids=["longer", "shorter", "upper"],
)
def test_a_wrong_admin_token_is_a_401(client: TestClient, token: str) -> None:
    response = client.get("/api/v1/forbund", headers=auth(token))
    assert response.status_code == 401
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["www-authenticate"] == "Bearer"


def test_without_an_admin_token_in_the_environment_that_token_is_unknown(
    client: TestClient, api: Api
) -> None:
    token = create_key(client, api.admin, role="admin")["token"]
    app.dependency_overrides[current_settings] = lambda: Settings(finsam_admin_token=None)
    assert client.get("/api/v1/forbund", headers=auth(ADMIN_TOKEN)).status_code == 401
    assert client.get("/api/v1/forbund", headers=auth(token)).status_code == 200
