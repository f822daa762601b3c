"""Jobs through HTTP: publishing answers 202 with a job that is stored before the answer, runs
after it, and is never lost (app/jobs)."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, delete, func, select, update
from sqlalchemy.orm import Session

from app.api.deps import get_job_connect
from app.db.models import Job, Release, public_id
from app.domain.personal_numbers import contains_personal_number
from app.jobs.service import _kind_key, enqueue, kind, run_pending
from app.main import app
from tests.conftest import PROBLEM_JSON, Api, auth, create_key, published

RELEASES = "/api/v1/releases"


def world(api: Api) -> None:
    api.forbund("sundsvall")
    insats = api.insats("sundsvall")
    api.report(insats["id"], "2022", {"participants": {"women": 30, "men": 40}})


def unreachable() -> AbstractContextManager[Connection]:
    raise ConnectionError("the database is away")


@pytest.fixture
def runner_away(db: Session) -> Iterator[None]:
    """Jobs cannot run after the response (the database went away in between)."""
    saved = app.dependency_overrides[get_job_connect]
    app.dependency_overrides[get_job_connect] = lambda: unreachable
    yield
    app.dependency_overrides[get_job_connect] = saved


def test_publishing_answers_202_with_a_job_whose_location_gives_the_version(
    client: TestClient, api: Api
) -> None:
    world(api)
    api.publish(2022, approve=True)  # approves and closes; version 1
    response = client.post(RELEASES, json={"year": 2022, "reason": "igen"}, headers=api.admin)

    assert response.status_code == 202, response.text
    assert response.headers["Location"] == f"/api/v1/jobs/{response.json()['id']}"
    assert response.headers["Retry-After"]
    job = client.get(response.headers["Location"], headers=api.admin).json()
    assert job["kind"] == "publish"
    assert job["state"] == "done"
    assert job["result"] == {"year": 2022, "version": 1, "created": False}
    assert job["started_at"] is not None
    assert job["finished_at"] is not None


def test_a_job_accepted_is_stored_and_runs_when_a_runner_can(
    client: TestClient, api: Api, db: Session, runner_away: None
) -> None:
    world(api)
    response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)

    assert response.status_code == 202, response.text
    location = response.headers["Location"]
    assert client.get(location, headers=api.admin).json()["state"] == "queued"

    # The next runner (the next publication's, or the server's at start) runs it.
    connection = db.get_bind()
    assert isinstance(connection, Connection)
    run_pending(lambda: nullcontext(connection))
    assert client.get(location, headers=api.admin).json()["state"] == "done"


def test_a_job_whose_server_stopped_mid_run_is_run_again(
    client: TestClient, api: Api, db: Session, runner_away: None
) -> None:
    world(api)
    response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)
    job_id = uuid.UUID(response.json()["id"])
    # Marked running by a server that stopped: its work was rolled back, its lock released.
    db.execute(update(Job).where(Job.id == job_id).values(state="running"))
    db.flush()

    connection = db.get_bind()
    assert isinstance(connection, Connection)
    run_pending(lambda: nullcontext(connection))

    job = client.get(f"/api/v1/jobs/{job_id}", headers=api.admin).json()
    assert job["state"] == "done", job
    assert job["result"]["created"] is True


def test_a_job_that_fails_stores_nothing_and_says_so_without_details(
    client: TestClient, api: Api, db: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    world(api)

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("app.releases.service.protect_release", broken)
    response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)

    job = client.get(response.headers["Location"], headers=api.admin).json()
    assert job["state"] == "failed"
    assert job["result"] is None
    assert job["error"]
    assert "secret" not in job["error"]
    assert db.query(Release).count() == 0
    assert client.get("/api/v1/open/releases").json()["releases"] == []


def test_jobs_are_read_by_publishers_only_and_bad_ids_are_problems(
    client: TestClient, api: Api
) -> None:
    world(api)
    response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)
    location = response.headers["Location"]
    forbund_key = create_key(client, api.admin, role="forbund", forbund="sundsvall")["token"]
    national_key = create_key(client, api.admin, role="national")["token"]

    assert client.get(location).status_code == 401
    assert client.get(location, headers=auth(forbund_key)).status_code == 403
    assert client.get(location, headers=auth(national_key)).status_code == 200
    missing = client.get(f"/api/v1/jobs/{uuid.uuid4()}", headers=api.admin)
    assert missing.status_code == 404
    assert missing.headers["content-type"].startswith(PROBLEM_JSON)
    bad = client.get("/api/v1/jobs/19710101-1234", headers=api.admin)
    assert bad.status_code == 422
    assert "19710101" not in bad.text
    assert [e["loc"] for e in bad.json()["errors"]] == [["path", "job_id"]]


def test_publish_helper_reads_the_release_of_a_job(client: TestClient, api: Api) -> None:
    world(api)
    first = api.publish(2022)
    response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)
    again = published(client, response, api.admin)
    assert (first["version"], first["created"]) == (1, True)
    assert (again["version"], again["created"]) == (1, False)


@kind("test-echo")
def _echo(
    session: Session, params: Mapping[str, Any], created_by: uuid.UUID | None
) -> dict[str, Any]:
    return {"echo": params["n"]}


def test_a_job_whose_kind_is_running_elsewhere_waits_queued_without_holding_a_thread(
    engine: Engine,
) -> None:
    """Real connections: another runner holds the kind (mid-job). A runner started now leaves
    the job queued and returns at once; once the kind is free, the next runner runs it."""
    with Session(engine) as session:
        job = enqueue(session, "test-echo", {"n": 7}, None)
        job_id = job.id
        session.commit()
    try:
        with engine.connect() as other:
            other.execute(select(func.pg_advisory_lock(_kind_key("test-echo"))))
            runner = threading.Thread(target=run_pending, args=(engine.connect,))
            runner.start()
            runner.join(timeout=5)
            returned_at_once = not runner.is_alive()
            with Session(engine) as session:
                state = session.get_one(Job, job_id).state
            other.execute(select(func.pg_advisory_unlock(_kind_key("test-echo"))))
            runner.join(timeout=30)  # a runner that waited for the kind ends now
            assert returned_at_once
            assert state == "queued"
        run_pending(engine.connect)
        with Session(engine) as session:
            done = session.get_one(Job, job_id)
            assert (done.state, done.result) == ("done", {"echo": 7})
    finally:
        with engine.begin() as connection:
            connection.execute(delete(Job).where(Job.id == job_id))


def test_ids_in_urls_never_read_as_a_personnummer(monkeypatch: pytest.MonkeyPatch) -> None:
    """A UUID can hold `YYMMDD-NNNN` (about one in 14,000); the input guard would refuse its
    URL (`/api/v1/jobs/{id}`, `/api/v1/keys/{id}`), so such an id is never handed out."""
    flagged = uuid.UUID("c80bc9b4-b63a-4c0a-b4a1-2404838142c3")
    assert contains_personal_number(str(flagged))
    clean = uuid.UUID("00000000-0000-4000-8000-000000000001")
    drawn = iter([flagged, clean])
    monkeypatch.setattr(uuid, "uuid4", lambda: next(drawn))
    assert public_id() == clean


def test_a_job_url_is_not_refused_whatever_its_id(client: TestClient, api: Api) -> None:
    world(api)
    for _ in range(3):
        response = client.post(RELEASES, json={"year": 2022}, headers=api.admin)
        assert not contains_personal_number(response.json()["id"])
        assert client.get(response.headers["Location"], headers=api.admin).status_code == 200
