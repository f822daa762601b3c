"""What applies to an insats (issue 13): `not_applicable` at creation and by PATCH, the 422
for a report giving such a measure, `applies_to` beside `reported_by`, and PATCH's other
fields, an end date that would orphan a report refused."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Api, auth


def coverage(figure: dict[str, int]) -> tuple[int, int]:
    return figure["reported_by"], figure["applies_to"]


def patch(client: TestClient, api: Api, insats: int, body: dict[str, object]) -> object:
    return client.patch(f"/api/v1/insatser/{insats}", json=body, headers=api.admin)


def test_not_applicable_is_set_at_creation_and_read_back_sorted_once(api: Api) -> None:
    api.forbund()
    insats = api.insats(not_applicable=["volume_contacts", "outcomes", "outcomes"])
    assert insats["not_applicable"] == ["outcomes", "volume_contacts"]
    assert api.insats(name="Annan")["not_applicable"] == []


def test_an_unknown_measure_is_a_422_naming_the_field(client: TestClient, api: Api) -> None:
    api.forbund()
    body = {
        "name": "X",
        "kind": "individual",
        "owner": "Region",
        "start_date": "2022-01-01",
        "not_applicable": ["utfall"],
    }
    response = client.post("/api/v1/forbund/sundsvall/insatser", json=body, headers=api.admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"][:2] == ["body", "not_applicable"]


def test_a_report_giving_a_measure_that_does_not_apply_is_a_422(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    psykolog = api.insats(name="Psykolog", not_applicable=["outcomes"])["id"]
    url = f"/api/v1/insatser/{psykolog}/reports/2022"
    body = {"participants": {"women": 3, "men": 4}, "outcomes": {"work": {"women": 1, "men": 0}}}
    response = client.put(url, json=body, headers=api.admin)
    assert response.status_code == 422
    problem = response.json()
    assert problem["code"] == "measure-not-applicable"
    assert problem["errors"][0]["loc"] == ["body", "outcomes"]
    assert client.get(url, headers=api.admin).status_code == 404
    del body["outcomes"]
    assert client.put(url, json=body, headers=api.admin).status_code == 201


def test_applies_to_counts_the_insatser_a_measure_applies_to(client: TestClient, api: Api) -> None:
    api.forbund()
    psykolog = api.insats(name="Psykolog", not_applicable=["outcomes"])["id"]
    amt = api.insats(name="Arbetsförmedlare på AMT")["id"]
    natverk = api.insats(name="Nätverk", kind="structural")["id"]
    api.report(psykolog, "2022", {"participants": {"women": 3, "men": 4}, "volume_contacts": 9})
    api.report(amt, "2022", {"participants": {"women": 1, "men": 1}})
    api.report(natverk, "2022", {"attendees": {"fk": 4, "kommun": 6}, "volume_contacts": 2})
    measures = client.get(
        "/api/v1/forbund/sundsvall/summary", params={"period": "2022"}, headers=api.admin
    ).json()["measures"]
    assert (measures["participants"]["reported_by"], measures["participants"]["applies_to"]) == (
        2,
        2,
    )
    assert (
        measures["volume_contacts"]["reported_by"],
        measures["volume_contacts"]["applies_to"],
    ) == (
        2,
        3,
    )
    assert measures["attendees"]["fk"]["applies_to"] == 1
    api.report(
        amt,
        "2022",
        {
            "participants": {"women": 1, "men": 1},
            "ended": {"women": 1, "men": 0},
            "outcomes": {"work": {"women": 1, "men": 0}},
        },
    )
    measures = client.get(
        "/api/v1/forbund/sundsvall/summary", params={"period": "2022"}, headers=api.admin
    ).json()["measures"]
    # Utfall reported by 1 of the 1 it applies to: the psykolog is not counted as owing it.
    assert (
        measures["outcomes"]["work"]["reported_by"],
        measures["outcomes"]["work"]["applies_to"],
    ) == (1, 1)


def test_patch_changes_only_what_is_sent(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats(name="Psykolog", target_group="Unga vuxna")["id"]
    response = patch(client, api, insats, {"name": "Psykolog 2.0", "not_applicable": ["outcomes"]})
    assert response.status_code == 200, response.text  # type: ignore[attr-defined]
    changed = response.json()  # type: ignore[attr-defined]
    assert (changed["name"], changed["target_group"], changed["not_applicable"]) == (
        "Psykolog 2.0",
        "Unga vuxna",
        ["outcomes"],
    )
    trail = client.get("/api/v1/forbund/sundsvall/audit", headers=api.admin).json()
    assert trail[0]["action"] == "insats.changed"


def test_an_end_date_that_would_orphan_a_report_is_refused(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats(start_date="2020-01-01")["id"]
    api.report(insats, "2023H2", {"volume_contacts": 1})
    refused = patch(client, api, insats, {"end_date": "2023-06-30"})
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert refused.json()["code"] == "outside-insats-lifetime"  # type: ignore[attr-defined]
    assert refused.json()["errors"][0]["loc"] == ["body", "end_date"]  # type: ignore[attr-defined]
    ended = patch(client, api, insats, {"end_date": "2023-12-31"})
    assert ended.json()["end_date"] == "2023-12-31"  # type: ignore[attr-defined]
    before_start = patch(client, api, insats, {"end_date": "2019-12-31"})
    assert before_start.status_code == 422  # type: ignore[attr-defined]


def test_only_the_forbund_and_admins_change_an_insats(client: TestClient, api: Api) -> None:
    api.forbund()
    api.forbund("harnosand")
    insats = api.insats()["id"]
    own = auth(api.key("forbund", forbund="sundsvall"))
    for token, status in (
        (api.key("reporter", insatser=[insats]), 403),
        (api.key("national"), 403),
        (api.key("forbund", forbund="harnosand"), 403),
    ):
        response = client.patch(
            f"/api/v1/insatser/{insats}", json={"name": "X"}, headers=auth(token)
        )
        assert response.status_code == status
    assert (
        client.patch(f"/api/v1/insatser/{insats}", json={"name": "X"}, headers=own).status_code
        == 200
    )
    assert (
        client.patch("/api/v1/insatser/999999", json={"name": "X"}, headers=own).status_code == 404
    )
