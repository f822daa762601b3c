"""The role matrix of the contract through HTTP: every role against every endpoint.

The world of each test: förbund `sundsvall` (the target of every request) with insatser
`insats` (which has a 2022 report) and `sibling`, förbund `harnosand` with insats `foreign`,
one key of each role, and a reporter key for `insats` that DELETE /api/v1/keys/{id} targets.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response
from sqlalchemy.orm import Session

from app.domain.access import Caller, Role
from tests import factories
from tests.conftest import ADMIN_TOKEN, PROBLEM_JSON, Api, auth

OWN, OTHER = "sundsvall", "harnosand"
MISSING_INSATS = 2_000_000_000  # fits PostgreSQL's integer; no test creates that many


@dataclass(frozen=True)
class World:
    insats: int
    sibling: int
    foreign: int
    target_key: str
    tokens: dict[str, str | None]

    def headers(self, role: str) -> dict[str, str]:
        token = self.tokens[role]
        assert token is not None
        return auth(token)


@pytest.fixture(scope="module")
def world(module_session: Session) -> World:
    """Built once for the module, through the services; each test runs in a savepoint of it."""
    own = factories.forbund(module_session, OWN)
    other = factories.forbund(module_session, OTHER)
    insats = factories.insats(module_session, own, name="Psykolog")
    sibling = factories.insats(module_session, own, name="Arbetsterapeut")
    foreign = factories.insats(module_session, other, name="Rehabvägledare")
    factories.report(module_session, insats, "2022", {"participants": {"women": 3, "men": 4}})

    def token(role: str, **scope: Any) -> str:
        return factories.key(module_session, role, **scope)[1]

    world = World(
        insats=insats.id,
        sibling=sibling.id,
        foreign=foreign.id,
        target_key=factories.key(module_session, "reporter", insatser=[insats.id])[0],
        tokens={
            "admin key": token("admin"),
            "FINSAM_ADMIN_TOKEN": ADMIN_TOKEN,
            "national": token("national"),
            "forbund (own)": token("forbund", forbund=OWN),
            "forbund (other)": token("forbund", forbund=OTHER),
            "reporter (named insats)": token("reporter", insatser=[insats.id]),
            "reporter (other insats)": token("reporter", insatser=[sibling.id]),
            "no token": None,
            "unknown token": "fsk_" + uuid.uuid4().hex,
            "revoked key": factories.revoked_key(module_session, "admin", label="revoked"),
        },
    )
    module_session.commit()  # into the module's transaction, under every test's savepoint
    return world


NEW_FORBUND = {
    "code": "nyforbund",
    "name": "Nytt förbund",
    "lan": "Gävleborgs län",
    "kommuner": ["Gävle"],
}
NEW_INSATS = {
    "name": "Ny insats",
    "kind": "individual",
    "owner": "Sundsvalls kommun",
    "start_date": "2021-01-01",
}


def request(client: TestClient, world: World, endpoint: str, token: str | None) -> Response:
    """Send the request named `endpoint` (method and path template) about förbund `sundsvall`
    and insats `world.insats`, each with a valid body, so only the caller decides the answer."""
    method, template = endpoint.split(" ", 1)
    path = template.format(
        code=OWN,
        id=world.insats,
        period="2023" if method == "PUT" else "2022",
        key=world.target_key,
    )
    body: dict[str, Any] | None = {
        "POST /api/v1/forbund": NEW_FORBUND,
        "POST /api/v1/forbund/{code}/insatser": NEW_INSATS,
        "PUT /api/v1/insatser/{id}/reports/{period}": {"participants": {"women": 5, "men": 6}},
        "POST /api/v1/keys": {"role": "reporter", "insatser": [world.insats]},
        "PATCH /api/v1/insatser/{id}": {"target_group": "Unga vuxna"},
    }.get(endpoint)
    headers = auth(token) if token is not None else {}
    return client.request(method, path, json=body, headers=headers)


ROLES = (
    "admin key",
    "FINSAM_ADMIN_TOKEN",
    "national",
    "forbund (own)",
    "forbund (other)",
    "reporter (named insats)",
    "reporter (other insats)",
)
# Expected status of each endpoint for each role in ROLES, in that order.
# fmt: off
MATRIX: dict[str, tuple[int, ...]] = {
    #                                            admin env  nat  own  other rep  rep-other
    "POST /api/v1/forbund":                       (201, 201, 403, 403, 403, 403, 403),
    "GET /api/v1/forbund":                        (200, 200, 200, 200, 200, 403, 403),
    "GET /api/v1/forbund/{code}":                 (200, 200, 200, 200, 403, 403, 403),
    "POST /api/v1/forbund/{code}/insatser":       (201, 201, 403, 201, 403, 403, 403),
    "GET /api/v1/forbund/{code}/insatser":        (200, 200, 200, 200, 403, 403, 403),
    "GET /api/v1/insatser/{id}":                  (200, 200, 200, 200, 403, 403, 403),
    "PATCH /api/v1/insatser/{id}":                (200, 200, 403, 200, 403, 403, 403),
    "PUT /api/v1/insatser/{id}/reports/{period}": (201, 201, 403, 201, 403, 201, 403),
    "GET /api/v1/insatser/{id}/reports/{period}": (200, 200, 200, 200, 403, 200, 403),
    "GET /api/v1/insatser/{id}/reports":          (200, 200, 200, 200, 403, 200, 403),
    "POST /api/v1/keys":                          (201, 201, 403, 201, 403, 403, 403),
    "DELETE /api/v1/keys/{key}":                  (204, 204, 403, 204, 404, 403, 403),
}
# fmt: on
CASES = [
    pytest.param(role, endpoint, status, id=f"{role} {endpoint}")
    for endpoint, statuses in MATRIX.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


@pytest.mark.parametrize(("role", "endpoint", "expected"), CASES)
def test_each_role_gets_what_the_contract_allows_it(
    client: TestClient, world: World, role: str, endpoint: str, expected: int
) -> None:
    response = request(client, world, endpoint, world.tokens[role])
    assert response.status_code == expected, response.text
    if expected >= 400:
        assert response.headers["content-type"] == PROBLEM_JSON
        assert response.json()["status"] == expected
    elif expected != 204:
        assert response.headers["content-type"] == "application/json"


@pytest.mark.parametrize("endpoint", MATRIX)
@pytest.mark.parametrize("caller", ["no token", "unknown token", "revoked key"])
def test_a_request_without_a_valid_key_is_a_401_bearer_challenge(
    client: TestClient, world: World, caller: str, endpoint: str
) -> None:
    token = world.tokens[caller]
    response = request(client, world, endpoint, token)
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.json()["status"] == 401
    if token is not None:
        assert token not in response.text


@pytest.mark.parametrize("endpoint", ["GET /api/v1/forbund", "GET /api/v1/insatser/{id}"])
@pytest.mark.parametrize("authorization", ["Basic dXNlcjpwYXNz", "Bearer", "fsk_no_scheme"])
def test_a_malformed_authorization_header_is_a_401_bearer_challenge(
    client: TestClient, world: World, endpoint: str, authorization: str
) -> None:
    method, template = endpoint.split(" ", 1)
    path = template.format(id=world.insats)
    response = client.request(method, path, headers={"Authorization": authorization})
    assert response.status_code == 401, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.headers["www-authenticate"] == "Bearer"


NOT_FOUND = [
    "GET /api/v1/forbund/ingen",
    "POST /api/v1/forbund/ingen/insatser",
    "GET /api/v1/forbund/ingen/insatser",
    f"GET /api/v1/insatser/{MISSING_INSATS}",
    f"PUT /api/v1/insatser/{MISSING_INSATS}/reports/2023",
    f"GET /api/v1/insatser/{MISSING_INSATS}/reports/2023",
    f"GET /api/v1/insatser/{MISSING_INSATS}/reports",
    "DELETE /api/v1/keys/{random}",
]


@pytest.mark.parametrize("endpoint", NOT_FOUND)
@pytest.mark.parametrize("role", ROLES)
def test_a_nonexistent_forbund_insats_or_key_is_a_404_problem(
    client: TestClient, world: World, role: str, endpoint: str
) -> None:
    method, path = endpoint.split(" ", 1)
    body = {
        "POST": NEW_INSATS,
        "PUT": {"participants": {"women": 5, "men": 6}},
    }.get(method)
    path = path.replace("{random}", str(uuid.uuid4()))
    response = client.request(method, path, json=body, headers=world.headers(role))
    # Keys that may revoke no key at all are told so, whether the key exists or not.
    never_revokes = endpoint.startswith("DELETE /api/v1/keys") and role.startswith(
        ("national", "reporter")
    )
    expected = 403 if never_revokes else 404
    assert response.status_code == expected, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["status"] == expected


@pytest.mark.parametrize(
    "role", ["admin key", "national", "forbund (own)", "reporter (named insats)"]
)
def test_a_missing_report_of_a_readable_insats_is_a_404_problem(
    client: TestClient, world: World, role: str
) -> None:
    response = client.get(
        f"/api/v1/insatser/{world.insats}/reports/2021", headers=world.headers(role)
    )
    assert response.status_code == 404, response.text
    assert response.headers["content-type"] == PROBLEM_JSON


@pytest.mark.parametrize(
    ("role", "visible"),
    [
        ("admin key", [OTHER, OWN]),
        ("national", [OTHER, OWN]),
        ("forbund (own)", [OWN]),
        ("forbund (other)", [OTHER]),
    ],
)
def test_the_forbund_list_holds_only_what_the_key_may_read(
    client: TestClient, world: World, role: str, visible: list[str]
) -> None:
    response = client.get("/api/v1/forbund", headers=world.headers(role))
    assert response.status_code == 200
    assert [f["code"] for f in response.json()] == visible


@pytest.mark.parametrize("role", ["admin key", "national", "forbund (own)"])
def test_an_insats_list_holds_every_insats_of_that_forbund_and_no_other(
    client: TestClient, world: World, role: str
) -> None:
    response = client.get(f"/api/v1/forbund/{OWN}/insatser", headers=world.headers(role))
    assert response.status_code == 200
    assert [i["id"] for i in response.json()] == [world.insats, world.sibling]


def test_a_reporter_reads_back_the_report_it_wrote(client: TestClient, world: World) -> None:
    headers = world.headers("reporter (named insats)")
    body = {"participants": {"women": 5, "men": 6}}
    written = client.put(
        f"/api/v1/insatser/{world.insats}/reports/2023", json=body, headers=headers
    )
    assert written.status_code == 201, written.text
    listed = client.get(f"/api/v1/insatser/{world.insats}/reports", headers=headers)
    assert [r["period"] for r in listed.json()] == ["2022", "2023"]
    assert listed.json()[1]["participants"]["total"] == 11


def test_a_forbund_key_writes_the_report_of_any_insats_of_its_own(
    client: TestClient, world: World
) -> None:
    headers = world.headers("forbund (own)")
    body = {"participants": {"women": 1, "men": 1}}
    response = client.put(
        f"/api/v1/insatser/{world.sibling}/reports/2023", json=body, headers=headers
    )
    assert response.status_code == 201, response.text


def test_a_forbund_key_neither_reads_nor_writes_another_forbunds_insats(
    client: TestClient, world: World
) -> None:
    headers = world.headers("forbund (own)")
    base = f"/api/v1/insatser/{world.foreign}"
    body = {"participants": {"women": 1, "men": 1}}
    for response in (
        client.get(base, headers=headers),
        client.get(f"{base}/reports", headers=headers),
        client.get(f"{base}/reports/2022", headers=headers),
        client.put(f"{base}/reports/2022", json=body, headers=headers),
    ):
        assert response.status_code == 403, response.text
        assert response.headers["content-type"] == PROBLEM_JSON


def test_a_refused_write_stores_nothing(client: TestClient, world: World, api: Api) -> None:
    body = {"participants": {"women": 9, "men": 9}}
    for role in ("national", "forbund (other)", "reporter (other insats)"):
        response = client.put(
            f"/api/v1/insatser/{world.insats}/reports/2023",
            json=body,
            headers=world.headers(role),
        )
        assert response.status_code == 403
    listed = client.get(f"/api/v1/insatser/{world.insats}/reports", headers=api.admin).json()
    assert [r["period"] for r in listed] == ["2022"]


@pytest.mark.parametrize(
    ("method", "path", "expected"),
    [
        ("DELETE", "/api/v1/forbund", 405),
        ("DELETE", "/api/v1/insatser/1", 405),  # PATCH exists since issue 13
        ("GET", "/api/v1/no-such-resource", 404),
    ],
)
def test_a_wrong_method_or_path_is_a_problem_too(
    client: TestClient, api: Api, method: str, path: str, expected: int
) -> None:
    response = client.request(method, path, headers=api.admin)
    assert response.status_code == expected
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["status"] == expected


@pytest.mark.parametrize("path", ["/health", "/ready"])
@pytest.mark.parametrize("headers", [{}, auth("fsk_unknown")], ids=["no token", "unknown token"])
def test_health_and_readiness_need_no_token(
    client: TestClient, path: str, headers: dict[str, str]
) -> None:
    response = client.get(path, headers=headers)
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_the_caller_can_be_set_without_a_token(
    client: TestClient, world: World, act_as: Callable[[Caller], None]
) -> None:
    act_as(Caller(role=Role.NATIONAL, label="a national reader"))
    assert client.get(f"/api/v1/insatser/{world.insats}/reports").status_code == 200
    assert client.post("/api/v1/forbund", json=NEW_FORBUND).status_code == 403
