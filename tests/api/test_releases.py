"""Open data as published releases, through HTTP: publishing, versions and what changed,
what never reaches open data (drafts, open periods), who may publish, CSV, and an anonymous
read that costs the same whatever the size of the country."""

from __future__ import annotations

import csv
import io
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, event

from tests.conftest import ADMIN_TOKEN, PROBLEM_JSON, Api, auth, create_key, published

RELEASES = "/api/v1/releases"
OPEN = "/api/v1/open/releases"


def gender(women: int, men: int) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": 0}


def report(api: Api, code: str, period: str, women: int, men: int, **extra: Any) -> int:
    """An insats of `code` (made for the purpose) with one report; its id."""
    insats = api.insats(code, **extra)
    api.report(insats["id"], period, {"participants": gender(women, men)})
    return int(insats["id"])


def national(client: TestClient, year: int = 2022, **params: Any) -> dict[str, Any]:
    response = client.get(f"{OPEN}/{year}", params=params)
    assert response.status_code == 200, response.text
    return dict(response.json())


def participants(table: dict[str, Any]) -> Any:
    return table["measures"]["participants"]


# --- publishing and reading ---------------------------------------------------------------


def test_publishing_a_year_makes_version_one_that_anyone_reads(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    report(api, "sundsvall", "2022", 30, 40)

    published = api.publish(2022, reason="Årsredovisning 2022")

    assert (published["year"], published["version"], published["changes"]) == (2022, 1, [])
    assert published["reason"] == "Årsredovisning 2022"
    listed = client.get(OPEN).json()["releases"]
    assert [(r["year"], r["version"]) for r in listed] == [(2022, 1)]
    table = national(client)
    assert table["release"]["version"] == 1
    assert participants(table)["total"] == 70
    assert national(client, version=1) == table
    assert client.get("/api/v1/open/national/summary", params={"period": "2022"}).json() == {
        k: v for k, v in table.items() if k != "release"
    }


def test_drafts_and_periods_still_open_never_reach_open_data(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    api.forbund("ange")
    approved = report(api, "sundsvall", "2022", 30, 40)
    draft = report(api, "sundsvall", "2022", 100, 100)
    in_open_period = report(api, "ange", "2022", 500, 500)
    api.approve(approved, "2022")
    api.approve(in_open_period, "2022")
    closed = client.post(
        "/api/v1/forbund/sundsvall/closed-periods", json={"period": "2022"}, headers=api.admin
    )
    assert closed.status_code == 201, closed.text

    response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)

    assert published(client, response, api.admin)["created"] is True
    table = national(client)
    # Only the approved report of Sundsvall's closed year: not the draft, not Ånge's open year.
    assert participants(table)["total"] == 70
    rows = {row["key"]: row for row in table["forbund"]}
    assert participants(rows["ange"]) is None
    assert draft  # stored, and still not published
    exact = client.get(
        "/api/v1/national/summary", params={"period": "2022"}, headers=api.admin
    ).json()
    assert participants(exact)["total"] == 70 + 200 + 1000


def test_a_correction_reaches_the_public_only_as_a_new_version_that_says_what_changed(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    insats = report(api, "sundsvall", "2022", 30, 40)
    api.publish(2022)
    reopen = client.post(
        f"/api/v1/insatser/{insats}/reports/2022/reopen",
        json={"comment": "Fel antal män"},
        headers=api.admin,
    )
    assert reopen.status_code == 200, reopen.text
    api.report(insats, "2022", {"participants": gender(30, 45)})

    # Not yet republished: the public still reads version 1.
    assert participants(national(client))["total"] == 70

    second = api.publish(2022, reason="Rättelse: män 45")

    assert second["version"] == 2
    changed = {(c["table"], c["path"]): (c["before"], c["after"]) for c in second["changes"]}
    assert changed[("national", "measures.participants.men")] == (40, 45)
    assert changed[("national", "measures.participants.total")] == (70, 75)
    assert changed[("forbund:sundsvall", "measures.participants.total")] == (70, 75)
    # Counts are integers in JSON (api.md), in the changes too: 45, not 45.0.
    counts = [
        v
        for c in second["changes"]
        if "participants" in c["path"]
        for v in (c["before"], c["after"])
    ]
    assert counts
    assert all(type(v) is int for v in counts if v is not None), counts
    assert participants(national(client))["total"] == 75
    assert participants(national(client, version=1))["total"] == 70
    assert [r["version"] for r in client.get(OPEN).json()["releases"]] == [1, 2]


def test_publishing_again_with_nothing_changed_answers_the_same_version(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    report(api, "sundsvall", "2022", 30, 40)
    first = api.publish(2022)

    again = published(
        client, client.post(RELEASES, json={"year": 2022}, headers=api.admin), api.admin
    )

    assert again["created"] is False
    assert again["version"] == first["version"] == 1
    assert [r["version"] for r in client.get(OPEN).json()["releases"]] == [1]


def test_nothing_published_is_a_404_problem(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    report(api, "sundsvall", "2022", 30, 40)
    api.publish(2022)

    for url, params in (
        (f"{OPEN}/2021", {}),
        (f"{OPEN}/2022", {"version": 2}),
        ("/api/v1/open/national/summary", {"period": "2021"}),
        ("/api/v1/open/forbund/sundsvall/summary", {"period": "2021"}),
    ):
        response = client.get(url, params=params)
        assert response.status_code == 404, url
        assert response.headers["content-type"].startswith(PROBLEM_JSON)
        assert response.json()["code"] == "not-published"


def test_a_forbund_s_own_open_summary_is_its_row_and_names_no_insats(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    report(api, "sundsvall", "2022", 30, 40, name="Arbetsterapeut i Sundsvall")
    api.publish(2022)

    own = client.get(f"{OPEN}/2022/forbund/sundsvall").json()
    row = next(r for r in national(client)["forbund"] if r["key"] == "sundsvall")

    assert own["measures"] == row["measures"]
    assert own["coverage"] == []
    assert "Arbetsterapeut" not in client.get(f"{OPEN}/2022/forbund/sundsvall").text
    assert client.get(f"{OPEN}/2022/forbund/finns-inte").status_code == 404


@pytest.mark.parametrize("role", ["forbund", "reporter"])
def test_only_national_and_admin_keys_publish(client: TestClient, api: Api, role: str) -> None:
    api.forbund("sundsvall")
    insats = report(api, "sundsvall", "2022", 30, 40)
    scope = {"forbund": "sundsvall"} if role == "forbund" else {"insatser": [insats]}
    key = create_key(client, api.admin, role=role, **scope)["token"]
    national_key = create_key(client, api.admin, role="national")["token"]

    assert client.post(RELEASES, json={"year": 2022}).status_code == 401
    assert client.post(RELEASES, json={"year": 2022}, headers=auth(key)).status_code == 403
    assert client.get(OPEN).json()["releases"] == []
    response = client.post(RELEASES, json={"year": 2022}, headers=auth(national_key))
    assert published(client, response, auth(national_key))["version"] == 1


@pytest.mark.parametrize(
    "body", [{}, {"year": "2022"}, {"year": 1999}, {"year": 2022, "reason": ""}, {"year": 2022.5}]
)
def test_a_bad_publication_is_a_422_naming_the_field(
    client: TestClient, api: Api, body: dict[str, Any]
) -> None:
    response = client.post(RELEASES, json=body, headers=api.admin)

    assert response.status_code == 422, response.text
    locs = [e["loc"][:2] for e in response.json()["errors"]]
    assert any(loc[0] == "body" for loc in locs), locs
    assert client.get(OPEN).json()["releases"] == []


def test_a_release_reads_as_csv_with_hidden_counts_marked(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    report(api, "sundsvall", "2022", 3, 40)  # 3 women: hidden
    api.publish(2022)

    response = client.get(f"{OPEN}/2022", params={"format": "csv"})

    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/csv")
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["tabell", "mått", "värde"]
    values = {(table, path): value for table, path, value in lines[1:]}
    table = national(client)
    assert "measures.participants.women" in table["suppressed"]
    for kon in ("women", "men", "total"):
        path = f"measures.participants.{kon}"
        hidden = path in table["suppressed"]
        expected = "prickad" if hidden else str(participants(table)[kon])
        assert values[("national", path)] == expected
    assert values[("national", "measures.started")] == ""  # nobody reported it


# --- an anonymous read serves what is stored ------------------------------------------------


class Statements:
    """The SQL statements run on an engine while counting."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.seen: list[str] = []

    def __enter__(self) -> Statements:
        event.listen(self.engine, "before_cursor_execute", self._record)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._record)

    def _record(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        self.seen.append(statement)


def test_an_anonymous_read_costs_the_same_whatever_the_size_of_the_country(
    client: TestClient, api: Api, engine: Engine
) -> None:
    """Protection is computed at publication: reading runs the same few statements, none of
    them over reports, for 2 förbund as for 12."""
    counts = []
    for size in (2, 12):
        for n in range(len(counts) * 2, size):
            api.forbund(f"f{n}", lan=f"Län {n % 3}")
            report(api, f"f{n}", "2022", 10 + n, 20 + n)
        api.publish(2022)
        with Statements(engine) as statements:
            for url in (f"{OPEN}/2022", "/api/v1/open/national/summary?period=2022"):
                assert client.get(url).status_code == 200
            assert client.get(f"{OPEN}/2022/forbund/f1").status_code == 200
        assert not [s for s in statements.seen if "report" in s.lower()], statements.seen
        counts.append(len(statements.seen))
    assert counts[0] == counts[1], counts


# --- one consistent snapshot ------------------------------------------------------------------


@pytest.fixture
def server(scratch_database: str, tmp_path: Any) -> Iterator[str]:
    from tests.servers import serving

    with serving(scratch_database, tmp_path) as running:
        yield running.base_url


def test_publishing_while_reports_are_approved_sees_one_snapshot(server: str) -> None:
    """Approvals land while the year is published again and again: every version's national
    figure is the sum of its förbund rows and of its län rows, as one snapshot gives."""
    admin = auth(ADMIN_TOKEN)
    with httpx.Client(base_url=server, headers=admin, timeout=60) as http:
        pending: list[int] = []
        for n in range(6):
            code = f"snap{n}"
            body = {"code": code, "name": code, "lan": f"Län {n % 2}", "kommuner": ["K"]}
            assert http.post("/api/v1/forbund", json=body).status_code == 201
            for _ in range(3):
                insats = http.post(
                    f"/api/v1/forbund/{code}/insatser",
                    json={
                        "name": "Insats",
                        "kind": "individual",
                        "owner": "Region",
                        "start_date": "2020-01-01",
                    },
                ).json()
                url = f"/api/v1/insatser/{insats['id']}/reports/2022"
                assert http.put(url, json={"participants": gender(7, 8)}).status_code == 201
                assert http.post(f"{url}/submit").status_code == 200
                pending.append(insats["id"])
            closed = http.post(f"/api/v1/forbund/{code}/closed-periods", json={"period": "2022"})
            assert closed.status_code == 201, closed.text

        def approve_all() -> None:
            with httpx.Client(base_url=server, headers=admin, timeout=60) as other:
                for insats_id in pending:
                    url = f"/api/v1/insatser/{insats_id}/reports/2022/approve"
                    assert other.post(url).status_code == 200

        approver = threading.Thread(target=approve_all)
        approver.start()
        while approver.is_alive():
            published(http, http.post("/api/v1/releases", json={"year": 2022}), {})
        approver.join()
        published(http, http.post("/api/v1/releases", json={"year": 2022}), {})

        versions = [r["version"] for r in http.get("/api/v1/open/releases").json()["releases"]]
        assert len(versions) >= 2
        for version in versions:
            by_forbund = http.get("/api/v1/open/releases/2022", params={"version": version}).json()
            by_lan = http.get(
                "/api/v1/open/releases/2022", params={"version": version, "group_by": "lan"}
            ).json()
            total = (participants(by_forbund) or {}).get("total") or 0
            # Every count here is 15 per insats, never hidden: sums are exact.
            assert total == sum(
                (participants(r) or {}).get("total") or 0 for r in by_forbund["forbund"]
            )
            assert total == sum(
                (participants(r) or {}).get("total") or 0 for r in by_lan["forbund"]
            )
        assert total == 15 * len(pending)


def test_the_release_agrees_with_the_approved_only_summary_wherever_it_publishes(
    client: TestClient, api: Api
) -> None:
    for n, (women, men) in enumerate(((30, 40), (12, 3), (8, 9))):
        api.forbund(f"f{n}", lan=f"Län {n % 2}")
        report(api, f"f{n}", "2022", women, men)
    api.publish(2022)
    report(api, "f0", "2022", 100, 100)  # a draft after publication: in neither

    released = national(client)
    exact = client.get(
        "/api/v1/national/summary",
        params={"period": "2022", "approved_only": "true"},
        headers=api.admin,
    ).json()

    hidden = set(released["suppressed"])
    for prefix, ours, theirs in [("", released, exact)] + [
        (f"forbund.{i}.", a, b)
        for i, (a, b) in enumerate(zip(released["forbund"], exact["forbund"], strict=True))
    ]:
        for kon, value in participants(ours).items():
            if kon in ("reported_by", "applies_to", "not_split_by"):
                continue
            path = f"{prefix}measures.participants.{kon}"
            if path in hidden:
                assert value is None
            else:
                assert value == participants(theirs)[kon], path


@pytest.mark.parametrize(
    ("url", "params", "headers"),
    [
        (f"{OPEN}/abc", {}, {}),
        (f"{OPEN}/99999999999999999999", {}, {}),
        (f"{OPEN}/2022", {"version": "-1"}, {}),
        (f"{OPEN}/2022", {"version": "99999999999999999999"}, {}),
        (f"{OPEN}/2022", {"format": "xml"}, {}),
        (f"{OPEN}/2022", {"group_by": "kommun"}, {}),
        (f"{OPEN}/2022", {}, {"Accept": "application/xml"}),
        (f"{OPEN}/2022/forbund/811228-9874", {}, {}),
        (f"{OPEN}/2022/forbund/{'x' * 5000}", {}, {}),
    ],
)
def test_hostile_reads_of_releases_are_4xx_problems_that_echo_nothing(
    client: TestClient, api: Api, url: str, params: dict[str, str], headers: dict[str, str]
) -> None:
    api.forbund("sundsvall")
    report(api, "sundsvall", "2022", 30, 40)
    api.publish(2022)

    response = client.get(url, params=params, headers=headers)

    assert 400 <= response.status_code < 500, response.text
    assert response.headers["content-type"].startswith(PROBLEM_JSON)
    problem = {k: v for k, v in response.json().items() if k != "request_id"}
    for value in [url.rsplit("/", 1)[-1], *params.values()]:
        if len(value) > 3 and value != "2022":
            assert value not in str(problem)
