"""A report's life through HTTP: its history (who, when, what changed), ETag and If-Match, the
draft → submitted → approved workflow with returning and reopening, closed periods, approved-only
summaries, the förbund's audit trail, and Idempotency-Key on POST.

Every actor is a labelled key, so the tests can check that each change is traced to the key that
made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from tests.conftest import PROBLEM_JSON, Api, auth, create_key

CODE = "sundsvall"
FORBUND_LABEL = "Förbundskansliet Sundsvall"
REPORTER_LABEL = "Insatssystem Psykolog"


def gc(women: int, men: int, unspecified: int = 0) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": unspecified}


FIRST = {"participants": gc(10, 12), "volume_contacts": 30, "note": "första"}
# Against FIRST: participants.women 10 → 11, volume_contacts removed, anonymous_cases added.
SECOND = {"participants": gc(11, 12), "anonymous_cases": 4, "note": "första"}
THIRD = {"participants": gc(11, 13), "anonymous_cases": 4, "note": "första"}


@dataclass
class Scene:
    """Förbund `sundsvall` with one insats, a labelled förbund key and a labelled reporter key."""

    client: TestClient
    api: Api
    insats: int
    forbund_key: str
    forbund_token: str
    reporter_key: str
    reporter_token: str

    @property
    def admin(self) -> dict[str, str]:
        return self.api.admin

    @property
    def forbund(self) -> dict[str, str]:
        return auth(self.forbund_token)

    @property
    def reporter(self) -> dict[str, str]:
        return auth(self.reporter_token)


@pytest.fixture
def scene(client: TestClient, api: Api) -> Scene:
    api.forbund(CODE)
    insats = api.insats(CODE)["id"]
    forbund_key = create_key(client, api.admin, role="forbund", forbund=CODE, label=FORBUND_LABEL)
    reporter_key = create_key(
        client, auth(forbund_key["token"]), role="reporter", insatser=[insats], label=REPORTER_LABEL
    )
    return Scene(
        client=client,
        api=api,
        insats=insats,
        forbund_key=forbund_key["id"],
        forbund_token=forbund_key["token"],
        reporter_key=reporter_key["id"],
        reporter_token=reporter_key["token"],
    )


def url(insats_id: int, period: str) -> str:
    return f"/api/v1/insatser/{insats_id}/reports/{period}"


def put(
    scene: Scene,
    body: dict[str, Any],
    *,
    period: str = "2023H1",
    headers: dict[str, str] | None = None,
    if_match: str | None = None,
    insats: int | None = None,
) -> httpx.Response:
    sent = dict(headers if headers is not None else scene.reporter)
    if if_match is not None:
        sent["If-Match"] = if_match
    return scene.client.put(url(insats or scene.insats, period), json=body, headers=sent)


def get(scene: Scene, period: str = "2023H1", insats: int | None = None) -> httpx.Response:
    return scene.client.get(url(insats or scene.insats, period), headers=scene.admin)


def step(
    scene: Scene,
    name: str,
    *,
    headers: dict[str, str] | None = None,
    comment: str | None = None,
    period: str = "2023H1",
    insats: int | None = None,
) -> httpx.Response:
    body = {"comment": comment} if comment is not None else None
    return scene.client.post(
        f"{url(insats or scene.insats, period)}/{name}",
        json=body,
        headers=headers if headers is not None else scene.forbund,
    )


def history(scene: Scene, period: str = "2023H1") -> dict[str, Any]:
    response = scene.client.get(f"{url(scene.insats, period)}/history", headers=scene.admin)
    assert response.status_code == 200, response.text
    return dict(response.json())


def ok(response: httpx.Response, status: int = 200) -> dict[str, Any]:
    assert response.status_code == status, response.text
    return dict(response.json())


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = dict(response.json())
    assert problem["status"] == status
    return problem


def error_locs(response: httpx.Response) -> list[list[str | int]]:
    assert response.headers["content-type"] == PROBLEM_JSON
    return [error["loc"] for error in response.json()["errors"]]


def figures(report: dict[str, Any]) -> dict[str, Any]:
    """The stored figures without the metadata that changes with every write."""
    return {
        k: v
        for k, v in report.items()
        if k not in ("revision", "status", "updated_at", "insats_id", "period")
    }


def approved(scene: Scene, body: dict[str, Any] = FIRST, period: str = "2023H1") -> None:
    """Arrange an approved report: the reporter stores and submits, the förbund approves."""
    ok(put(scene, body, period=period), 201)
    ok(step(scene, "submit", headers=scene.reporter, period=period))
    assert ok(step(scene, "approve", period=period))["status"] == "approved"


# History


def test_history_lists_every_revision_oldest_first_with_the_key_that_stored_it(
    scene: Scene,
) -> None:
    ok(put(scene, FIRST), 201)
    ok(put(scene, SECOND, headers=scene.forbund))
    ok(put(scene, THIRD))

    revisions = history(scene)["revisions"]

    assert [r["revision"] for r in revisions] == [1, 2, 3]
    assert [r["changed_by"] for r in revisions] == [
        {"key_id": scene.reporter_key, "label": REPORTER_LABEL},
        {"key_id": scene.forbund_key, "label": FORBUND_LABEL},
        {"key_id": scene.reporter_key, "label": REPORTER_LABEL},
    ]
    times = [r["changed_at"] for r in revisions]
    assert all(times)
    assert times == sorted(times)


def test_history_names_every_number_that_changed_with_its_value_before_and_after(
    scene: Scene,
) -> None:
    ok(put(scene, FIRST), 201)
    ok(put(scene, SECOND))

    changes = history(scene)["revisions"][1]["changes"]

    assert sorted(changes, key=lambda c: c["measure"]) == [
        {
            "measure": "anonymous_cases",
            "category": None,
            "gender": None,
            "before": None,
            "after": 4,
        },
        {"measure": "participants", "category": None, "gender": "women", "before": 10, "after": 11},
        {
            "measure": "volume_contacts",
            "category": None,
            "gender": None,
            "before": 30,
            "after": None,
        },
    ]


def test_the_first_revision_shows_every_number_as_added(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)

    changes = history(scene)["revisions"][0]["changes"]

    assert {(c["measure"], c["gender"], c["after"]) for c in changes} == {
        ("participants", "women", 10),
        ("participants", "men", 12),
        ("participants", "unspecified", 0),
        ("volume_contacts", None, 30),
    }
    assert all(c["before"] is None for c in changes)


def test_history_shows_a_changed_note_without_a_changed_number(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(put(scene, {**FIRST, "note": "rättad kommentar"}))

    revisions = history(scene)["revisions"]

    assert [r["revision"] for r in revisions] == [1, 2]
    assert revisions[1]["changes"] == []
    assert revisions[1]["note_changed"] is True


def test_an_unchanged_put_adds_no_revision_to_the_history(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    assert ok(put(scene, FIRST))["revision"] == 1

    assert [r["revision"] for r in history(scene)["revisions"]] == [1]


def test_history_lists_the_workflow_steps_oldest_first_with_who_took_them(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))
    ok(step(scene, "return", comment="Kontrollera antalet män"))
    ok(step(scene, "submit", headers=scene.reporter))
    ok(step(scene, "approve"))

    events = history(scene)["events"]
    steps = [e for e in events if e["action"] != "report.created"]

    assert [e["action"] for e in steps] == [
        "report.submitted",
        "report.returned",
        "report.submitted",
        "report.approved",
    ]
    assert [e["by"]["label"] for e in steps] == [
        REPORTER_LABEL,
        FORBUND_LABEL,
        REPORTER_LABEL,
        FORBUND_LABEL,
    ]
    assert steps[1]["by"]["key_id"] == scene.forbund_key
    assert steps[1]["detail"]["comment"] == "Kontrollera antalet män"
    assert (steps[1]["detail"]["from"], steps[1]["detail"]["to"]) == ("submitted", "draft")
    assert [e["at"] for e in events] == sorted(e["at"] for e in events)


def test_the_history_of_a_period_without_a_report_is_a_404_problem(scene: Scene) -> None:
    response = scene.client.get(f"{url(scene.insats, '2023H1')}/history", headers=scene.admin)
    assert_problem(response, 404)


def test_a_reporter_reads_the_history_of_its_own_insats_only(scene: Scene) -> None:
    other = scene.api.insats(CODE, name="Arbetsterapeut")["id"]
    ok(put(scene, FIRST, headers=scene.admin, insats=other), 201)
    ok(put(scene, FIRST), 201)

    own = scene.client.get(f"{url(scene.insats, '2023H1')}/history", headers=scene.reporter)
    foreign = scene.client.get(f"{url(other, '2023H1')}/history", headers=scene.reporter)

    assert own.status_code == 200, own.text
    assert_problem(foreign, 403)


# ETag and If-Match


def test_put_and_get_carry_the_same_etag_for_the_stored_revision(scene: Scene) -> None:
    created = put(scene, FIRST)
    read = get(scene)

    assert created.status_code == 201
    etag = created.headers["ETag"]
    assert etag.startswith('"')
    assert etag.endswith('"')
    assert read.headers["ETag"] == etag


def test_the_etag_changes_with_every_revision_and_every_workflow_step(scene: Scene) -> None:
    tags = [put(scene, FIRST).headers["ETag"]]
    tags.append(put(scene, SECOND).headers["ETag"])
    tags.append(step(scene, "submit", headers=scene.reporter).headers["ETag"])
    tags.append(step(scene, "approve").headers["ETag"])

    assert len(set(tags)) == 4
    assert get(scene).headers["ETag"] == tags[-1]


def test_an_unchanged_put_keeps_the_etag(scene: Scene) -> None:
    etag = put(scene, FIRST).headers["ETag"]
    assert put(scene, FIRST, if_match=etag).headers["ETag"] == etag


def test_a_put_with_a_stale_if_match_is_a_412_naming_the_current_revision(scene: Scene) -> None:
    stale = put(scene, FIRST).headers["ETag"]
    ok(put(scene, SECOND, if_match=stale))

    response = put(scene, THIRD, if_match=stale)

    problem = assert_problem(response, 412)
    assert problem["current_revision"] == 2
    stored = ok(get(scene))
    assert stored["revision"] == 2
    assert stored["participants"]["men"] == SECOND["participants"]["men"]


def test_a_put_with_the_current_if_match_replaces_the_report(scene: Scene) -> None:
    etag = put(scene, FIRST).headers["ETag"]

    response = put(scene, SECOND, if_match=etag)

    assert ok(response)["revision"] == 2
    assert response.headers["ETag"] != etag
    assert ok(get(scene))["anonymous_cases"] == 4


def test_if_match_star_replaces_whatever_revision_is_stored(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(put(scene, SECOND))

    assert ok(put(scene, THIRD, if_match="*"))["revision"] == 3


def test_if_match_with_a_list_of_etags_matches_when_one_is_current(scene: Scene) -> None:
    etag = put(scene, FIRST).headers["ETag"]

    assert ok(put(scene, SECOND, if_match=f'"999-draft", {etag}'))["revision"] == 2


def test_an_if_match_etag_for_a_report_that_does_not_exist_yet_is_412(scene: Scene) -> None:
    assert_problem(put(scene, FIRST, if_match='"1-draft"'), 412)
    assert_problem(get(scene), 404)


def test_a_förbund_can_require_if_match_on_replacements(scene: Scene) -> None:
    response = scene.client.patch(
        f"/api/v1/forbund/{CODE}", json={"require_if_match": True}, headers=scene.forbund
    )
    assert ok(response)["require_if_match"] is True

    created = put(scene, FIRST)
    missing = put(scene, SECOND)
    with_etag = put(scene, SECOND, if_match=created.headers["ETag"])

    assert created.status_code == 201, created.text
    problem = assert_problem(missing, 428)
    assert "If-Match" in problem["detail"]
    assert ok(with_etag)["revision"] == 2
    assert ok(scene.client.get(f"/api/v1/forbund/{CODE}", headers=scene.admin))["require_if_match"]


def test_without_the_requirement_a_replacement_needs_no_if_match(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    assert ok(put(scene, SECOND))["revision"] == 2


def test_a_reporter_cannot_change_the_förbund_s_settings(scene: Scene) -> None:
    response = scene.client.patch(
        f"/api/v1/forbund/{CODE}", json={"require_if_match": True}, headers=scene.reporter
    )
    assert_problem(response, 403)


# Workflow


def test_a_new_report_is_a_draft(scene: Scene) -> None:
    assert ok(put(scene, FIRST), 201)["status"] == "draft"


def test_a_reporter_submits_a_draft(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)

    submitted = ok(step(scene, "submit", headers=scene.reporter))

    assert submitted["status"] == "submitted"
    assert submitted["revision"] == 1
    assert ok(get(scene))["status"] == "submitted"


def test_a_reporter_cannot_approve_its_own_report(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))

    assert_problem(step(scene, "approve", headers=scene.reporter), 403)
    assert ok(get(scene))["status"] == "submitted"


def test_a_reporter_cannot_return_or_reopen_a_report(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))

    assert_problem(step(scene, "return", headers=scene.reporter, comment="nej"), 403)
    ok(step(scene, "approve"))
    assert_problem(step(scene, "reopen", headers=scene.reporter, comment="nej"), 403)
    assert ok(get(scene))["status"] == "approved"


def test_the_förbund_approves_a_submitted_report(scene: Scene) -> None:
    approved(scene)
    assert ok(get(scene))["status"] == "approved"


def test_a_put_that_changes_an_approved_report_is_409_and_changes_nothing(scene: Scene) -> None:
    approved(scene)
    before = ok(get(scene))

    for headers in (scene.reporter, scene.forbund, scene.admin):
        assert_problem(put(scene, SECOND, headers=headers), 409)

    after = ok(get(scene))
    assert after == before
    assert [r["revision"] for r in history(scene)["revisions"]] == [1]


def test_an_unchanged_put_of_an_approved_report_is_200_with_the_same_revision(
    scene: Scene,
) -> None:
    approved(scene)

    response = put(scene, FIRST)

    again = ok(response)
    assert (again["revision"], again["status"]) == (1, "approved")
    assert figures(again) == figures(ok(get(scene)))


@pytest.mark.parametrize("body", [None, {}, {"comment": ""}])
def test_reopening_without_a_reason_is_a_422_naming_the_comment(
    scene: Scene, body: dict[str, Any] | None
) -> None:
    approved(scene)

    response = scene.client.post(
        f"{url(scene.insats, '2023H1')}/reopen", json=body, headers=scene.forbund
    )

    assert_problem(response, 422)
    assert ["body", "comment"] in error_locs(response)
    assert ok(get(scene))["status"] == "approved"


def test_a_reopened_report_is_a_draft_that_can_change_and_its_history_shows_the_reason(
    scene: Scene,
) -> None:
    approved(scene)

    reopened = ok(step(scene, "reopen", comment="Fel antal kvinnor enligt styrelsen"))
    assert reopened["status"] == "draft"
    changed = ok(put(scene, SECOND))
    assert (changed["revision"], changed["status"]) == (2, "draft")

    record = history(scene)
    assert [r["revision"] for r in record["revisions"]] == [1, 2]
    reopening = [e for e in record["events"] if e["action"] == "report.reopened"]
    assert len(reopening) == 1
    assert reopening[0]["detail"]["comment"] == "Fel antal kvinnor enligt styrelsen"
    assert (reopening[0]["detail"]["from"], reopening[0]["detail"]["to"]) == ("approved", "draft")
    assert reopening[0]["by"] == {"key_id": scene.forbund_key, "label": FORBUND_LABEL}
    actions = [e["action"] for e in record["events"]]
    assert actions.index("report.approved") < actions.index("report.reopened")
    assert actions.index("report.reopened") < actions.index("report.replaced")


def test_returning_needs_a_comment_and_makes_the_report_a_draft(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))

    without = step(scene, "return")
    assert_problem(without, 422)
    assert ["body", "comment"] in error_locs(without)

    returned = ok(step(scene, "return", comment="Utfall saknas"))
    assert returned["status"] == "draft"
    assert ok(step(scene, "submit", headers=scene.reporter))["status"] == "submitted"


def test_changing_a_submitted_report_makes_it_a_draft_again(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))

    changed = ok(put(scene, SECOND))

    assert (changed["revision"], changed["status"]) == (2, "draft")
    assert_problem(step(scene, "approve"), 409)


def test_an_unchanged_put_of_a_submitted_report_keeps_it_submitted(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))

    assert ok(put(scene, FIRST))["status"] == "submitted"


def test_approving_a_draft_is_a_409(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    assert_problem(step(scene, "approve"), 409)
    assert ok(get(scene))["status"] == "draft"


def test_submitting_an_approved_report_is_a_409(scene: Scene) -> None:
    approved(scene)
    assert_problem(step(scene, "submit", headers=scene.reporter), 409)
    assert ok(get(scene))["status"] == "approved"


def test_submitting_twice_is_a_409(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(step(scene, "submit", headers=scene.reporter))
    assert_problem(step(scene, "submit", headers=scene.reporter), 409)


def test_reopening_a_draft_of_an_open_period_is_a_409(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    assert_problem(step(scene, "reopen", comment="varför inte"), 409)


def test_returning_an_approved_report_is_a_409(scene: Scene) -> None:
    approved(scene)
    assert_problem(step(scene, "return", comment="för sent"), 409)


def test_a_refused_step_is_not_in_the_history(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    assert_problem(step(scene, "approve"), 409)

    assert [e["action"] for e in history(scene)["events"]] == ["report.created"]


def test_a_step_on_a_period_without_a_report_is_a_404(scene: Scene) -> None:
    assert_problem(step(scene, "submit", headers=scene.reporter), 404)


# Closed periods


def close(scene: Scene, period: str = "2023") -> httpx.Response:
    return scene.client.post(
        f"/api/v1/forbund/{CODE}/closed-periods", json={"period": period}, headers=scene.forbund
    )


def test_closing_a_year_locks_the_reports_of_its_halves(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)

    assert ok(close(scene), 201)["period"] == "2023"

    for headers in (scene.reporter, scene.forbund):
        assert_problem(put(scene, SECOND, headers=headers), 409)
    assert ok(get(scene))["revision"] == 1


def test_an_unchanged_put_in_a_closed_period_is_still_200(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(close(scene), 201)

    assert ok(put(scene, FIRST))["revision"] == 1


def test_closing_a_period_leaves_other_periods_open(scene: Scene) -> None:
    ok(put(scene, FIRST, period="2024H1"), 201)
    ok(close(scene, "2023"), 201)

    assert ok(put(scene, SECOND, period="2024H1"))["revision"] == 2


def test_submitting_in_a_closed_period_is_a_409(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(close(scene), 201)

    assert_problem(step(scene, "submit", headers=scene.reporter), 409)
    assert ok(get(scene))["status"] == "draft"


def test_the_förbund_reopens_a_report_of_a_closed_period_so_that_it_can_change(
    scene: Scene,
) -> None:
    ok(put(scene, FIRST), 201)
    ok(close(scene), 201)

    reopened = ok(step(scene, "reopen", comment="Sen rättelse från insatsen"))
    changed = ok(put(scene, SECOND))

    assert reopened["status"] == "draft"
    assert changed["revision"] == 2
    reopening = [e for e in history(scene)["events"] if e["action"] == "report.reopened"]
    assert [e["detail"]["comment"] for e in reopening] == ["Sen rättelse från insatsen"]


def test_a_reporter_cannot_create_a_report_in_a_closed_period(scene: Scene) -> None:
    ok(close(scene), 201)

    assert_problem(put(scene, FIRST), 409)
    assert_problem(get(scene), 404)


def test_opening_a_closed_period_again_unlocks_it(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(close(scene), 201)
    assert_problem(put(scene, FIRST, period="2023H2"), 409)

    opened = scene.client.delete(
        f"/api/v1/forbund/{CODE}/closed-periods/2023", headers=scene.forbund
    )

    assert opened.status_code == 204, opened.text
    assert ok(put(scene, SECOND))["revision"] == 2
    assert ok(put(scene, FIRST, period="2023H2"), 201)["revision"] == 1
    listed = scene.client.get(f"/api/v1/forbund/{CODE}/closed-periods", headers=scene.forbund)
    assert ok_list(listed) == []


def ok_list(response: httpx.Response) -> list[Any]:
    assert response.status_code == 200, response.text
    return list(response.json())


def test_closed_periods_are_listed_and_cannot_be_closed_twice(scene: Scene) -> None:
    ok(close(scene, "2023"), 201)

    assert_problem(close(scene, "2023"), 409)
    listed = scene.client.get(f"/api/v1/forbund/{CODE}/closed-periods", headers=scene.forbund)
    assert [c["period"] for c in ok_list(listed)] == ["2023"]


def test_opening_a_period_that_is_not_closed_is_a_404(scene: Scene) -> None:
    response = scene.client.delete(
        f"/api/v1/forbund/{CODE}/closed-periods/2023", headers=scene.forbund
    )
    assert_problem(response, 404)


def test_a_reporter_cannot_close_a_period(scene: Scene) -> None:
    response = scene.client.post(
        f"/api/v1/forbund/{CODE}/closed-periods", json={"period": "2023"}, headers=scene.reporter
    )
    assert_problem(response, 403)


def test_closing_an_invalid_period_is_a_422_naming_it(scene: Scene) -> None:
    response = close(scene, "2023H3")
    assert_problem(response, 422)
    assert ["body", "period"] in error_locs(response)


# Approved-only summaries


@pytest.fixture
def one_approved_one_draft(scene: Scene) -> Scene:
    """Two reports for 2023H1: the scene's insats approved (10+12), another a draft (5+6)."""
    approved(scene)
    other = scene.api.insats(CODE, name="Arbetsterapeut")["id"]
    ok(put(scene, {"participants": gc(5, 6)}, headers=scene.admin, insats=other), 201)
    return scene


def test_the_förbund_summary_counts_every_report_by_default(one_approved_one_draft: Scene) -> None:
    scene = one_approved_one_draft
    response = scene.client.get(
        f"/api/v1/forbund/{CODE}/summary", params={"period": "2023H1"}, headers=scene.forbund
    )

    summary = ok(response)
    assert summary["reports"] == 2
    assert summary["measures"]["participants"]["total"] == 33


def test_the_förbund_summary_with_approved_only_counts_only_approved_reports(
    one_approved_one_draft: Scene,
) -> None:
    scene = one_approved_one_draft
    response = scene.client.get(
        f"/api/v1/forbund/{CODE}/summary",
        params={"period": "2023H1", "approved_only": "true"},
        headers=scene.forbund,
    )

    summary = ok(response)
    assert summary["approved_only"] is True
    assert summary["reports"] == 1
    assert summary["measures"]["participants"]["total"] == 22
    assert summary["measures"]["participants"]["reported_by"] == 1


def test_the_national_summary_with_approved_only_counts_only_approved_reports(
    one_approved_one_draft: Scene,
) -> None:
    scene = one_approved_one_draft
    response = scene.client.get(
        "/api/v1/national/summary",
        params={"period": "2023H1", "approved_only": "true"},
        headers=scene.admin,
    )

    summary = ok(response)
    assert summary["approved_only"] is True
    assert summary["measures"]["participants"]["total"] == 22
    assert summary["measures"]["participants"]["reported_by"] == 1


def test_the_annual_table_with_approved_only_leaves_out_unapproved_figures(
    one_approved_one_draft: Scene,
) -> None:
    scene = one_approved_one_draft
    response = scene.client.get(
        f"/api/v1/forbund/{CODE}/table",
        params={"period": "2023H1", "approved_only": "true"},
        headers=scene.forbund,
    )

    rows = ok(response)["rows"]
    total = next(r for r in rows if r["insats_id"] is None)
    assert total["participants_total"] == 22


def test_a_reopened_report_no_longer_counts_as_approved(scene: Scene) -> None:
    approved(scene)
    ok(step(scene, "reopen", comment="Rättelse"))

    response = scene.client.get(
        "/api/v1/national/summary",
        params={"period": "2023H1", "approved_only": "true"},
        headers=scene.admin,
    )

    assert ok(response)["measures"]["participants"] is None


# Audit trail


def audit(scene: Scene, headers: dict[str, str] | None = None) -> list[dict[str, Any]]:
    response = scene.client.get(
        f"/api/v1/forbund/{CODE}/audit", headers=headers if headers is not None else scene.forbund
    )
    return ok_list(response)


def test_the_förbund_audit_lists_keys_approvals_and_closed_periods_with_the_key_label(
    scene: Scene,
) -> None:
    approved(scene)
    ok(close(scene), 201)

    events = audit(scene)

    by_action = {e["action"]: e for e in events}
    assert {"key.created", "report.approved", "period.closed"} <= set(by_action)
    created = next(
        e for e in events if e["action"] == "key.created" and e["detail"]["label"] == FORBUND_LABEL
    )
    assert created["key_label"] == "FINSAM_ADMIN_TOKEN"
    assert created["detail"]["role"] == "forbund"
    assert by_action["report.approved"]["key_label"] == FORBUND_LABEL
    assert by_action["report.approved"]["key_id"] == scene.forbund_key
    assert by_action["period.closed"]["key_label"] == FORBUND_LABEL
    assert by_action["period.closed"]["target"] == "2023"
    assert [e["at"] for e in events] == sorted((e["at"] for e in events), reverse=True)


def test_a_reporter_key_created_naming_the_förbund_is_in_its_audit(scene: Scene) -> None:
    body = {"role": "reporter", "forbund": CODE, "insatser": [scene.insats], "label": "Nytt system"}
    key = create_key(scene.client, scene.forbund, **body)

    created = [
        e
        for e in audit(scene)
        if e["action"] == "key.created" and e["target"] == f"key {key['id']}"
    ]

    assert len(created) == 1
    assert created[0]["key_label"] == FORBUND_LABEL


def test_a_reporter_key_for_the_förbund_s_insats_is_in_its_audit_without_naming_the_förbund(
    scene: Scene,
) -> None:
    # The scene's förbund key created the reporter key with only `insatser` in the body, as the
    # contract allows; revoking that key is audited under the förbund, so creating it must be too.
    created = [
        e
        for e in audit(scene)
        if e["action"] == "key.created" and e["detail"]["label"] == REPORTER_LABEL
    ]

    assert len(created) == 1
    assert created[0]["key_id"] == scene.forbund_key
    assert created[0]["key_label"] == FORBUND_LABEL
    assert created[0]["target"] == f"key {scene.reporter_key}"


def test_the_förbund_audit_lists_a_revoked_key(scene: Scene) -> None:
    response = scene.client.delete(f"/api/v1/keys/{scene.reporter_key}", headers=scene.forbund)
    assert response.status_code == 204, response.text

    revoked = [e for e in audit(scene) if e["action"] == "key.revoked"]

    assert len(revoked) == 1
    assert revoked[0]["key_label"] == FORBUND_LABEL
    assert revoked[0]["target"] == f"key {scene.reporter_key}"


def test_the_förbund_audit_lists_report_changes_and_settings(scene: Scene) -> None:
    ok(put(scene, FIRST), 201)
    ok(put(scene, SECOND))
    ok(
        scene.client.patch(
            f"/api/v1/forbund/{CODE}", json={"require_if_match": True}, headers=scene.forbund
        )
    )

    actions = [e["action"] for e in audit(scene)]

    assert actions[:3] == ["forbund.settings", "report.replaced", "report.created"]


def test_another_förbund_s_audit_is_forbidden(scene: Scene) -> None:
    scene.api.forbund("harnosand")
    response = scene.client.get("/api/v1/forbund/harnosand/audit", headers=scene.forbund)
    assert_problem(response, 403)


def test_a_reporter_cannot_read_the_audit(scene: Scene) -> None:
    response = scene.client.get(f"/api/v1/forbund/{CODE}/audit", headers=scene.reporter)
    assert_problem(response, 403)


# Idempotency-Key


INSATS = {
    "name": "Jobbcoach",
    "kind": "individual",
    "owner": "Sundsvalls kommun",
    "start_date": "2022-01-01",
}


def post_insats(
    scene: Scene, body: dict[str, Any], key: str | None = "insats-retry-1"
) -> httpx.Response:
    headers = dict(scene.forbund)
    if key is not None:
        headers["Idempotency-Key"] = key
    return scene.client.post(f"/api/v1/forbund/{CODE}/insatser", json=body, headers=headers)


def insats_names(scene: Scene) -> list[str]:
    response = scene.client.get(f"/api/v1/forbund/{CODE}/insatser", headers=scene.admin)
    return [i["name"] for i in ok_list(response)]


def test_a_retried_insats_post_with_the_same_idempotency_key_creates_one_insats(
    scene: Scene,
) -> None:
    first = post_insats(scene, INSATS)
    retry = post_insats(scene, INSATS)

    assert first.status_code == retry.status_code == 201
    assert retry.json()["id"] == first.json()["id"]
    assert retry.json() == first.json()
    assert retry.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert insats_names(scene).count("Jobbcoach") == 1


def test_the_same_idempotency_key_with_another_body_is_a_422_naming_the_header(
    scene: Scene,
) -> None:
    ok(post_insats(scene, INSATS), 201)

    response = post_insats(scene, {**INSATS, "name": "Annan insats"})

    assert_problem(response, 422)
    assert ["header", "idempotency-key"] in error_locs(response)
    assert "Annan insats" not in insats_names(scene)


def test_idempotency_keys_are_each_caller_s_own(scene: Scene) -> None:
    first = ok(post_insats(scene, INSATS, key="shared"), 201)
    other = scene.client.post(
        f"/api/v1/forbund/{CODE}/insatser",
        json=INSATS,
        headers={**scene.admin, "Idempotency-Key": "shared"},
    )

    assert ok(other, 201)["id"] != first["id"]
    assert "Idempotent-Replayed" not in other.headers


def test_posts_without_an_idempotency_key_each_create_an_insats(scene: Scene) -> None:
    ok(post_insats(scene, INSATS, key=None), 201)
    ok(post_insats(scene, INSATS, key=None), 201)

    assert insats_names(scene).count("Jobbcoach") == 2


def test_different_idempotency_keys_create_different_insatser(scene: Scene) -> None:
    first = ok(post_insats(scene, INSATS, key="a"), 201)
    second = ok(post_insats(scene, INSATS, key="b"), 201)

    assert first["id"] != second["id"]


def test_a_retried_key_post_returns_the_first_key_without_its_token(
    scene: Scene, db: Session
) -> None:
    body = {"role": "national", "label": "SCB exportjobb"}
    headers = {**scene.admin, "Idempotency-Key": "key-retry-1"}

    first = scene.client.post("/api/v1/keys", json=body, headers=headers)
    retry = scene.client.post("/api/v1/keys", json=body, headers=headers)

    assert first.status_code == retry.status_code == 201
    assert first.json()["token"]
    replayed = retry.json()
    assert replayed["id"] == first.json()["id"]
    assert "token" in replayed
    assert replayed["token"] is None
    assert retry.headers["Idempotent-Replayed"] == "true"
    rows = db.execute(
        text("SELECT id FROM api_keys WHERE label = :label"), {"label": "SCB exportjobb"}
    ).all()
    assert [str(r.id) for r in rows] == [first.json()["id"]]


def test_the_first_key_s_token_works_after_a_replay(scene: Scene) -> None:
    body = {"role": "national", "label": "SCB"}
    headers = {**scene.admin, "Idempotency-Key": "key-retry-2"}
    token = scene.client.post("/api/v1/keys", json=body, headers=headers).json()["token"]
    scene.client.post("/api/v1/keys", json=body, headers=headers)

    response = scene.client.get(f"/api/v1/forbund/{CODE}", headers=auth(token))

    assert response.status_code == 200, response.text
