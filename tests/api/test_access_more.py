"""The role matrix for the endpoints that tests/api/test_access.py leaves out: summaries, the
annual-report table (JSON and CSV), series, the national summary, a report's history and its
workflow steps, förbund settings, closed periods, the audit trails and bulk import.

The world of each test: förbund `sundsvall` (the target of every request) with insatser
`insats` (which has a draft 2022 report) and `sibling`, förbund `harnosand` with insats
`foreign`, and one key of each role. Before each request the admin arranges the state the
request needs (a submitted report to approve, a closed period to open); after it the test
compares what an admin sees, so a refused write must have changed nothing at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from httpx import Response

from tests.conftest import PROBLEM_JSON, Api, auth

JSON = "application/json"
CSV = "text/csv; charset=utf-8"
OWN, OTHER = "sundsvall", "harnosand"
PERIOD = "2022"  # the period of the world's report, and the one closed and opened
NEW_PERIOD = "2023"  # the period an import writes
FIGURES = {"participants": {"women": 5, "men": 6}}


@dataclass(frozen=True)
class World:
    insats: int
    sibling: int
    foreign: int
    tokens: dict[str, str | None]

    def headers(self, role: str) -> dict[str, str]:
        token = self.tokens[role]
        return auth(token) if token is not None else {}


@pytest.fixture
def world(api: Api) -> World:
    api.forbund(OWN)
    api.forbund(OTHER)
    insats = api.insats(OWN, name="Psykolog")["id"]
    sibling = api.insats(OWN, name="Arbetsterapeut")["id"]
    foreign = api.insats(OTHER, name="Rehabvägledare")["id"]
    api.report(insats, PERIOD, {"participants": {"women": 3, "men": 4}})
    return World(
        insats=insats,
        sibling=sibling,
        foreign=foreign,
        tokens={
            "admin key": api.key("admin"),
            "national": api.key("national"),
            "forbund (own)": api.key("forbund", forbund=OWN),
            "forbund (other)": api.key("forbund", forbund=OTHER),
            "reporter (named insats)": api.key("reporter", insatser=[insats]),
            "reporter (other insats)": api.key("reporter", insatser=[sibling]),
            "no token": None,
        },
    )


@dataclass(frozen=True)
class State:
    """What an admin sees of förbund `sundsvall` that any request here could change."""

    reports: tuple[tuple[int, str, int, str], ...]  # (insats, period, revision, status)
    require_if_match: bool
    closed: tuple[str, ...]
    audit: tuple[str, ...]  # the actions of the förbund's audit trail, newest first

    def status(self, insats: int, period: str = PERIOD) -> str | None:
        return next((s for i, p, _, s in self.reports if (i, p) == (insats, period)), None)


def state(client: TestClient, api: Api, world: World) -> State:
    def read(path: str) -> Any:
        response = client.get(path, headers=api.admin)
        assert response.status_code == 200, response.text
        return response.json()

    reports = [
        (insats, r["period"], r["revision"], r["status"])
        for insats in (world.insats, world.sibling)
        for r in read(f"/api/v1/insatser/{insats}/reports")
    ]
    return State(
        reports=tuple(reports),
        require_if_match=read(f"/api/v1/forbund/{OWN}")["require_if_match"],
        closed=tuple(c["period"] for c in read(f"/api/v1/forbund/{OWN}/closed-periods")),
        audit=tuple(e["action"] for e in read(f"/api/v1/forbund/{OWN}/audit?limit=1000")),
    )


@dataclass(frozen=True)
class Endpoint:
    """How to send one request, what the admin arranges first, and what a permitted call did
    (`effect` is None for a read, which must change nothing)."""

    method: str
    path: str
    body: dict[str, Any] | None = None
    accept: str | None = None
    media_type: str | None = JSON  # of a successful answer; None for 204
    arrange: tuple[str, ...] = ()  # admin steps on the 2022 report, or "close" the period
    effect: Callable[[State, World], bool] | None = None


def status_is(expected: str) -> Callable[[State, World], bool]:
    return lambda after, world: after.status(world.insats) == expected


ENDPOINTS: dict[str, Endpoint] = {
    "GET /api/v1/forbund/{code}/summary": Endpoint(
        "GET", "/api/v1/forbund/{code}/summary?period={period}"
    ),
    "GET /api/v1/forbund/{code}/table": Endpoint(
        "GET", "/api/v1/forbund/{code}/table?period={period}"
    ),
    "GET /api/v1/forbund/{code}/table as CSV": Endpoint(
        "GET", "/api/v1/forbund/{code}/table?period={period}", accept="text/csv", media_type=CSV
    ),
    "GET /api/v1/forbund/{code}/series": Endpoint(
        "GET", "/api/v1/forbund/{code}/series?measure=participants&from=2020&to=2023"
    ),
    "GET /api/v1/national/summary": Endpoint("GET", "/api/v1/national/summary?period={period}"),
    "GET /api/v1/insatser/{id}/reports/{period}/history": Endpoint(
        "GET", "/api/v1/insatser/{id}/reports/{period}/history"
    ),
    "POST /api/v1/insatser/{id}/reports/{period}/submit": Endpoint(
        "POST",
        "/api/v1/insatser/{id}/reports/{period}/submit",
        effect=status_is("submitted"),
    ),
    "POST /api/v1/insatser/{id}/reports/{period}/approve": Endpoint(
        "POST",
        "/api/v1/insatser/{id}/reports/{period}/approve",
        arrange=("submit",),
        effect=status_is("approved"),
    ),
    "POST /api/v1/insatser/{id}/reports/{period}/return": Endpoint(
        "POST",
        "/api/v1/insatser/{id}/reports/{period}/return",
        body={"comment": "Kontrollera antalet män."},
        arrange=("submit",),
        effect=status_is("draft"),
    ),
    "POST /api/v1/insatser/{id}/reports/{period}/reopen": Endpoint(
        "POST",
        "/api/v1/insatser/{id}/reports/{period}/reopen",
        body={"comment": "Felaktigt antal deltagare."},
        arrange=("submit", "approve"),
        effect=status_is("draft"),
    ),
    "PATCH /api/v1/forbund/{code}": Endpoint(
        "PATCH",
        "/api/v1/forbund/{code}",
        body={"require_if_match": True},
        effect=lambda after, world: after.require_if_match,
    ),
    "POST /api/v1/forbund/{code}/closed-periods": Endpoint(
        "POST",
        "/api/v1/forbund/{code}/closed-periods",
        body={"period": PERIOD},
        effect=lambda after, world: after.closed == (PERIOD,),
    ),
    "GET /api/v1/forbund/{code}/closed-periods": Endpoint(
        "GET", "/api/v1/forbund/{code}/closed-periods", arrange=("close",)
    ),
    "DELETE /api/v1/forbund/{code}/closed-periods/{period}": Endpoint(
        "DELETE",
        "/api/v1/forbund/{code}/closed-periods/{period}",
        media_type=None,
        arrange=("close",),
        effect=lambda after, world: after.closed == (),
    ),
    "GET /api/v1/forbund/{code}/audit": Endpoint("GET", "/api/v1/forbund/{code}/audit"),
    "GET /api/v1/audit": Endpoint("GET", "/api/v1/audit"),
    "POST /api/v1/imports": Endpoint(
        "POST",
        "/api/v1/imports",
        body={"reports": [{"insats_id": "{id}", "period": NEW_PERIOD, "report": FIGURES}]},
        effect=lambda after, world: after.status(world.insats, NEW_PERIOD) == "draft",
    ),
    "GET /api/v1/imports/template.csv": Endpoint(
        "GET", "/api/v1/imports/template.csv", media_type=CSV
    ),
}


def arrange(client: TestClient, api: Api, world: World, endpoint: Endpoint) -> None:
    """Bring the world into the state the request needs, as the admin."""
    for step in endpoint.arrange:
        if step == "close":
            path = f"/api/v1/forbund/{OWN}/closed-periods"
            response = client.post(path, json={"period": PERIOD}, headers=api.admin)
            assert response.status_code == 201, response.text
        else:
            path = f"/api/v1/insatser/{world.insats}/reports/{PERIOD}/{step}"
            response = client.post(path, headers=api.admin)
            assert response.status_code == 200, response.text


def fill(value: Any, world: World) -> Any:
    """The body with the world's insats id where it says "{id}"."""
    if value == "{id}":
        return world.insats
    if isinstance(value, dict):
        return {k: fill(v, world) for k, v in value.items()}
    if isinstance(value, list):
        return [fill(v, world) for v in value]
    return value


def send(client: TestClient, world: World, endpoint: Endpoint, role: str) -> Response:
    """Send the request about förbund `sundsvall`, insats `world.insats` and period 2022, with
    a valid body, so that only the caller decides the answer."""
    path = endpoint.path.format(code=OWN, id=world.insats, period=PERIOD)
    headers = world.headers(role)
    if endpoint.accept is not None:
        headers["Accept"] = endpoint.accept
    body: dict[str, Any] | None = fill(endpoint.body, world)
    response: Response = client.request(endpoint.method, path, json=body, headers=headers)
    return response


ROLES = (
    "admin key",
    "national",
    "forbund (own)",
    "forbund (other)",
    "reporter (named insats)",
    "reporter (other insats)",
    "no token",
)
# Expected status of each endpoint for each role in ROLES, in that order.
# fmt: off
MATRIX: dict[str, tuple[int, ...]] = {
    #                                                        admin nat  own  other rep  rep-o none
    "GET /api/v1/forbund/{code}/summary":                     (200, 200, 200, 403, 403, 403, 401),
    "GET /api/v1/forbund/{code}/table":                       (200, 200, 200, 403, 403, 403, 401),
    "GET /api/v1/forbund/{code}/table as CSV":                (200, 200, 200, 403, 403, 403, 401),
    "GET /api/v1/forbund/{code}/series":                      (200, 200, 200, 403, 403, 403, 401),
    "GET /api/v1/national/summary":                           (200, 200, 403, 403, 403, 403, 401),
    "GET /api/v1/insatser/{id}/reports/{period}/history":     (200, 200, 200, 403, 200, 403, 401),
    "POST /api/v1/insatser/{id}/reports/{period}/submit":     (200, 403, 200, 403, 200, 403, 401),
    "POST /api/v1/insatser/{id}/reports/{period}/approve":    (200, 403, 200, 403, 403, 403, 401),
    "POST /api/v1/insatser/{id}/reports/{period}/return":     (200, 403, 200, 403, 403, 403, 401),
    "POST /api/v1/insatser/{id}/reports/{period}/reopen":     (200, 403, 200, 403, 403, 403, 401),
    "PATCH /api/v1/forbund/{code}":                           (200, 403, 200, 403, 403, 403, 401),
    "POST /api/v1/forbund/{code}/closed-periods":             (201, 403, 201, 403, 403, 403, 401),
    "GET /api/v1/forbund/{code}/closed-periods":              (200, 200, 200, 403, 403, 403, 401),
    "DELETE /api/v1/forbund/{code}/closed-periods/{period}":  (204, 403, 204, 403, 403, 403, 401),
    "GET /api/v1/forbund/{code}/audit":                       (200, 200, 200, 403, 403, 403, 401),
    "GET /api/v1/audit":                                      (200, 403, 403, 403, 403, 403, 401),
    # Another förbund's or insats's row is a row error, so the import as a whole is a 422.
    "POST /api/v1/imports":                                   (200, 403, 200, 422, 200, 422, 401),
    "GET /api/v1/imports/template.csv":                       (200, 200, 200, 200, 200, 200, 401),
}
# fmt: on
assert MATRIX.keys() == ENDPOINTS.keys()
CASES = [
    pytest.param(role, endpoint, status, id=f"{role} {endpoint}")
    for endpoint, statuses in MATRIX.items()
    for role, status in zip(ROLES, statuses, strict=True)
]


@pytest.mark.parametrize(("role", "endpoint", "expected"), CASES)
def test_each_role_gets_what_the_contract_allows_it_and_a_refusal_changes_nothing(
    client: TestClient, api: Api, world: World, role: str, endpoint: str, expected: int
) -> None:
    sent = ENDPOINTS[endpoint]
    arrange(client, api, world, sent)
    before = state(client, api, world)

    response = send(client, world, sent, role)

    assert response.status_code == expected, response.text
    after = state(client, api, world)
    if expected >= 400:
        assert response.headers["content-type"] == PROBLEM_JSON
        assert response.json()["status"] == expected
        if expected == 401:
            assert response.headers["www-authenticate"] == "Bearer"
        assert after == before, "a refused request changed what the admin sees"
    elif sent.effect is None:
        assert response.headers["content-type"] == sent.media_type
        assert after == before, "a read changed what the admin sees"
    else:
        if sent.media_type is not None:
            assert response.headers["content-type"] == sent.media_type
        assert sent.effect(after, world), after
        assert after.audit != before.audit, "a permitted write left no audit event"


# --- the table as CSV ----------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin key", "national", "forbund (own)"])
def test_a_reader_of_the_forbund_gets_the_table_as_csv_with_one_row_per_insats_and_a_total(
    client: TestClient, world: World, role: str
) -> None:
    headers = {**world.headers(role), "Accept": "text/csv"}
    response = client.get(f"/api/v1/forbund/{OWN}/table?period={PERIOD}", headers=headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == CSV
    lines = response.content.decode("utf-8-sig").splitlines()
    assert len(lines) == 1 + 2 + 1, lines  # header, two insatser, total
    assert "Psykolog" in response.text
    assert "Arbetsterapeut" in response.text


# --- workflow steps on another förbund's report --------------------------------------------


@pytest.mark.parametrize(
    ("step", "arranged", "body"),
    [
        ("submit", (), None),
        ("approve", ("submit",), None),
        ("return", ("submit",), {"comment": "Kontrollera."}),
        ("reopen", ("submit", "approve"), {"comment": "Fel siffror."}),
    ],
)
def test_a_forbund_key_takes_no_step_on_another_forbunds_report_and_its_status_stays(
    client: TestClient,
    api: Api,
    world: World,
    step: str,
    arranged: tuple[str, ...],
    body: dict[str, str] | None,
) -> None:
    base = f"/api/v1/insatser/{world.foreign}/reports/{PERIOD}"
    api.report(world.foreign, PERIOD, FIGURES)
    for taken in arranged:
        assert client.post(f"{base}/{taken}", headers=api.admin).status_code == 200
    before = client.get(base, headers=api.admin).json()
    history_before = client.get(f"{base}/history", headers=api.admin).json()

    response = client.post(f"{base}/{step}", json=body, headers=world.headers("forbund (own)"))

    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert response.json()["status"] == 403
    after = client.get(base, headers=api.admin).json()
    assert (after["status"], after["revision"]) == (before["status"], before["revision"])
    assert client.get(f"{base}/history", headers=api.admin).json() == history_before


# --- imports: a row for an insats the key may not write ------------------------------------


def import_rows(*insatser: int) -> dict[str, Any]:
    return {
        "reports": [
            {"insats_id": insats, "period": NEW_PERIOD, "report": FIGURES} for insats in insatser
        ]
    }


def reports_of(client: TestClient, api: Api, insats: int) -> list[str]:
    response = client.get(f"/api/v1/insatser/{insats}/reports", headers=api.admin)
    assert response.status_code == 200, response.text
    return [r["period"] for r in response.json()]


@pytest.mark.parametrize(
    ("role", "target"),
    [
        ("reporter (named insats)", "sibling"),
        ("reporter (other insats)", "insats"),
        ("forbund (own)", "foreign"),
        ("forbund (other)", "insats"),
    ],
)
def test_an_import_row_for_an_insats_the_key_may_not_write_is_a_403_row_error_in_a_422(
    client: TestClient, api: Api, world: World, role: str, target: str
) -> None:
    insats = getattr(world, target)
    response = client.post("/api/v1/imports", json=import_rows(insats), headers=world.headers(role))

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = response.json()
    assert problem["status"] == 422
    assert (problem["created"], problem["rejected"]) == (0, 1)
    [error] = problem["errors"]
    assert (error["row"], error["insats_id"], error["status"]) == (1, insats, 403)
    assert error["loc"] == ["insats_id"]
    assert NEW_PERIOD not in reports_of(client, api, insats)


def test_an_import_mixing_own_and_other_insatser_writes_nothing_without_partial(
    client: TestClient, api: Api, world: World
) -> None:
    headers = world.headers("reporter (named insats)")
    body = import_rows(world.insats, world.sibling)

    response = client.post("/api/v1/imports", json=body, headers=headers)

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert [(e["row"], e["status"]) for e in response.json()["errors"]] == [(2, 403)]
    assert reports_of(client, api, world.insats) == [PERIOD]
    assert reports_of(client, api, world.sibling) == []


def test_with_partial_a_reporter_imports_its_own_insats_rows_and_the_others_are_rejected(
    client: TestClient, api: Api, world: World
) -> None:
    headers = world.headers("reporter (named insats)")
    body = import_rows(world.insats, world.sibling)

    response = client.post("/api/v1/imports?partial=true", json=body, headers=headers)

    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == JSON
    summary = response.json()
    assert (summary["status"], summary["created"], summary["rejected"]) == ("partial", 1, 1)
    assert [(e["row"], e["insats_id"], e["status"]) for e in summary["errors"]] == [
        (2, world.sibling, 403)
    ]
    assert reports_of(client, api, world.insats) == [PERIOD, NEW_PERIOD]
    assert reports_of(client, api, world.sibling) == []


def test_with_partial_an_import_whose_every_row_is_refused_is_still_a_422(
    client: TestClient, api: Api, world: World
) -> None:
    headers = world.headers("reporter (other insats)")

    response = client.post(
        "/api/v1/imports?partial=true", json=import_rows(world.insats), headers=headers
    )

    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert [e["status"] for e in response.json()["errors"]] == [403]
    assert reports_of(client, api, world.insats) == [PERIOD]


def test_a_national_key_is_refused_an_import_before_any_row_is_looked_at(
    client: TestClient, api: Api, world: World
) -> None:
    response = client.post(
        "/api/v1/imports?partial=true",
        json=import_rows(world.insats, world.foreign),
        headers=world.headers("national"),
    )

    assert response.status_code == 403, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    assert "errors" not in response.json() or not response.json()["errors"]
    assert reports_of(client, api, world.insats) == [PERIOD]
    assert reports_of(client, api, world.foreign) == []


# --- the admin-only audit list --------------------------------------------------------------


def test_the_admin_audit_list_holds_events_of_every_forbund(
    client: TestClient, api: Api, world: World
) -> None:
    for code in (OWN, OTHER):
        response = client.patch(
            f"/api/v1/forbund/{code}", json={"require_if_match": True}, headers=api.admin
        )
        assert response.status_code == 200, response.text

    response = client.get("/api/v1/audit", headers=world.headers("admin key"))

    assert response.status_code == 200, response.text
    targets = {e["target"] for e in response.json() if e["action"] == "forbund.settings"}
    assert targets == {OWN, OTHER}
