"""Reports through HTTP: storing, reading back, idempotency and revisions."""

from __future__ import annotations

from fastapi.testclient import TestClient

from tests.conftest import Api

SUNDSVALL_2022 = [
    # name, participants, volume_contacts, utfall arbete, utfall studier (None = ej aktuellt)
    ("Arbetsförmedlare på AMT", 376, 600, 111, 9),
    ("Arbetskonsulent AE", 34, None, 4, 1),
    ("Arbetskonsulent gemensam", 45, None, 4, 0),
    ("Försäkringskassan på AMT", 20, 103, None, None),
    ("Psykolog", 34, 166, None, None),
    ("Arbetsterapeut", 33, 100, None, None),
    ("SIP-samordnare på AMT", 100, 165, None, None),
    ("Rehabvägledare", 71, None, 4, 4),
]


def unsplit(total: int) -> dict[str, int]:
    """Sundsvall 2022 gives totals without a kön split: kön ej uppdelat."""
    return {"total": total}


NO_SPLIT = {"women": None, "men": None, "unspecified": None}


def test_the_sundsvall_2022_example_is_stored_and_read_back(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    for name, participants, volume, work, studies in SUNDSVALL_2022:
        insats = api.insats(name=name)
        body = {
            "participants": unsplit(participants),
            "volume_contacts": volume,
            "outcomes": None
            if work is None
            else {"work": unsplit(work), "studies": unsplit(studies or 0)},
        }
        api.report(insats["id"], "2022", body)
        back = client.get(f"/api/v1/insatser/{insats['id']}/reports/2022", headers=api.admin).json()
        assert back["participants"]["total"] == participants
        assert back["volume_contacts"] == volume
        assert (back["outcomes"] or {}).get("work") == (
            None if work is None else {**NO_SPLIT, "total": work}
        )
        # Never read back as zero women and zero men.
        assert back["participants"] == {**NO_SPLIT, "total": participants}
        assert back["started"] is None  # not reported is null, never 0


def test_a_new_report_is_created_with_revision_one(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats()
    response = client.put(
        f"/api/v1/insatser/{insats['id']}/reports/2023H1",
        json={"participants": {"women": 124, "men": 161}},
        headers=api.admin,
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["insats_id"], body["period"], body["revision"]) == (insats["id"], "2023H1", 1)
    assert body["participants"] == {"women": 124, "men": 161, "unspecified": 0, "total": 285}


def test_resending_the_same_report_changes_nothing(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats()
    body = {"participants": {"women": 5, "men": 6}, "note": "samma"}
    first = api.report(insats["id"], "2023", body)
    again = client.put(
        f"/api/v1/insatser/{insats['id']}/reports/2023", json=body, headers=api.admin
    )
    assert again.status_code == 200
    assert again.json()["revision"] == first["revision"] == 1
    assert again.json()["updated_at"] == first["updated_at"]


def test_replacing_a_report_bumps_its_revision_and_drops_what_was_left_out(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    insats = api.insats()
    api.report(
        insats["id"], "2023", {"participants": {"women": 5, "men": 6}, "volume_contacts": 10}
    )
    response = client.put(
        f"/api/v1/insatser/{insats['id']}/reports/2023",
        json={"participants": {"women": 5, "men": 7}},
        headers=api.admin,
    )
    assert response.status_code == 200
    assert response.json()["revision"] == 2
    assert response.json()["volume_contacts"] is None
    assert (
        client.get(f"/api/v1/insatser/{insats['id']}/reports/2023", headers=api.admin).json()[
            "participants"
        ]["men"]
        == 7
    )


def test_reports_are_listed_in_period_order(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats()
    for period in ("2023H2", "2022", "2023H1"):
        api.report(insats["id"], period, {"volume_contacts": 1})
    listed = client.get(f"/api/v1/insatser/{insats['id']}/reports", headers=api.admin).json()
    assert [r["period"] for r in listed] == ["2022", "2023H1", "2023H2"]


def test_a_missing_report_is_a_404_problem(client: TestClient, api: Api) -> None:
    api.forbund()
    insats = api.insats()
    response = client.get(f"/api/v1/insatser/{insats['id']}/reports/2023", headers=api.admin)
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"


def test_a_retry_with_a_stale_if_match_of_what_is_already_stored_succeeds(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    insats = api.insats()
    url = f"/api/v1/insatser/{insats['id']}/reports/2023"
    first = client.put(url, json={"volume_contacts": 1}, headers=api.admin)
    stale = first.headers["ETag"]
    body = {"volume_contacts": 2}
    assert client.put(url, json=body, headers={**api.admin, "If-Match": stale}).status_code == 200
    # The client never saw that response and sends it again with the ETag it had.
    again = client.put(url, json=body, headers={**api.admin, "If-Match": stale})
    assert again.status_code == 200
    assert again.json()["revision"] == 2
