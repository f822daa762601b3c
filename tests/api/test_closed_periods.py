"""A closed period closes every period that overlaps it (issue 10): for each pair of period
kinds, a reporter can neither create nor change a report overlapping a closed period, and
can for one that does not overlap it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient

from app.domain.periods import Period, PeriodKind, parse_period
from tests.conftest import Api, auth, published

KINDS = {
    "year": PeriodKind.YEAR,
    "half": PeriodKind.HALF,
    "tertial": PeriodKind.TERTIAL,
    "quarter": PeriodKind.QUARTER,
}
FIGURES = {"volume_contacts": 3}
EACH_PAIR_OF_KINDS = pytest.mark.parametrize(
    ("closed_kind", "report_kind"),
    [(c, r) for c in KINDS for r in KINDS],
    ids=[f"closed {c}, report {r}" for c in KINDS for r in KINDS],
)


def periods_of(kind: PeriodKind, year: int) -> list[Period]:
    return [Period(year, kind, i) for i in range(1, kind.parts_per_year + 1)]


def overlap(a: Period, b: Period) -> bool:
    return a.start <= b.end and b.start <= a.end


def disjoint_from(closed: Period, kind: PeriodKind) -> Period:
    """The last period of `kind` in 2022 that misses `closed`, else the first of 2023."""
    candidates = [p for p in periods_of(kind, 2022) if not overlap(p, closed)]
    return candidates[-1] if candidates else Period(2023, kind, 1)


@dataclass(frozen=True)
class Scene:
    client: TestClient
    insats: int
    admin: dict[str, str]
    reporter: dict[str, str]

    def put(self, period: Period | str, body: dict[str, Any] = FIGURES) -> int:
        url = f"/api/v1/insatser/{self.insats}/reports/{period}"
        return self.client.put(url, json=body, headers=self.reporter).status_code

    def close(self, period: Period | str) -> None:
        response = self.client.post(
            "/api/v1/forbund/sundsvall/closed-periods",
            json={"period": str(period)},
            headers=self.admin,
        )
        assert response.status_code == 201, response.text


@pytest.fixture
def scene(client: TestClient, api: Api) -> Scene:
    api.forbund("sundsvall")
    insats = api.insats("sundsvall", start_date="2020-01-01")["id"]
    reporter = auth(api.key("reporter", insatser=[insats]))
    return Scene(client, insats, api.admin, reporter)


@EACH_PAIR_OF_KINDS
def test_a_closed_period_refuses_new_reports_that_overlap_it_and_only_those(
    scene: Scene, closed_kind: str, report_kind: str
) -> None:
    closed = Period(2022, KINDS[closed_kind], 1)
    scene.close(closed)
    overlapping = [p for p in periods_of(KINDS[report_kind], 2022) if overlap(p, closed)]
    assert overlapping
    for period in overlapping:
        assert scene.put(period) == 409, period
    assert scene.put(disjoint_from(closed, KINDS[report_kind])) == 201


@EACH_PAIR_OF_KINDS
def test_a_closed_period_refuses_changes_to_reports_that_overlap_it(
    scene: Scene, closed_kind: str, report_kind: str
) -> None:
    closed = Period(2022, KINDS[closed_kind], 1)
    period = Period(2022, KINDS[report_kind], 1)
    assert scene.put(period) == 201
    scene.close(closed)
    assert scene.put(period, {"volume_contacts": 4}) == 409
    assert scene.put(period) == 200  # the stored body again changes nothing: still a 200


def test_approved_and_closed_halves_protect_their_year(scene: Scene, api: Api) -> None:
    for half in ("2022H1", "2022H2"):
        assert scene.put(half, {"ended": {"women": 2, "men": 3}}) == 201
        for step in ("submit", "approve"):
            url = f"/api/v1/insatser/{scene.insats}/reports/{half}/{step}"
            response = scene.client.post(url, headers=scene.admin)
            assert response.status_code == 200, response.text
        scene.close(half)
    summary_url = "/api/v1/forbund/sundsvall/summary?period=2022"
    open_url = "/api/v1/open/national/summary?period=2022"
    summary = scene.client.get(summary_url, headers=scene.admin).json()
    publish = {"year": 2022}
    response = scene.client.post("/api/v1/releases", json=publish, headers=scene.admin)
    assert published(scene.client, response, scene.admin)["created"] is True
    open_summary = scene.client.get(open_url).json()
    assert summary["measures"]["ended"]["total"] == 10
    assert open_summary["measures"]["ended"]["total"] == 10  # approved halves of closed periods

    assert scene.put("2022", {"ended": {"women": 50, "men": 50}}) == 409
    assert scene.put("2022Q2", {"ended": {"women": 50, "men": 50}}) == 409

    assert scene.client.get(summary_url, headers=scene.admin).json() == summary
    assert scene.client.get(open_url).json() == open_summary
    # Publishing again finds nothing changed: the same version answers.
    again = scene.client.post("/api/v1/releases", json=publish, headers=scene.admin)
    assert (published(scene.client, again, scene.admin)["created"], again.status_code) == (
        False,
        202,
    )


def test_the_helper_periods_are_what_they_say() -> None:
    assert disjoint_from(parse_period("2022H1"), PeriodKind.QUARTER) == parse_period("2022Q4")
    assert disjoint_from(parse_period("2022"), PeriodKind.HALF) == parse_period("2023H1")
    assert disjoint_from(parse_period("2022T1"), PeriodKind.YEAR) == parse_period("2023")
