"""Schemathesis over every operation of the schema, with an admin key and a bounded number
of examples: whatever it sends, no answer is a 5xx (issue 11).

The app runs on a database of its own here, since what the fuzzer sends is committed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from sqlalchemy import create_engine
from sqlalchemy.orm import Session

from app.api.deps import current_settings, get_job_connect
from app.config import Settings
from app.db import migrate
from app.db.engine import get_readiness_engine, get_session, request_transaction
from app.main import app
from tests.conftest import ADMIN_TOKEN, _create_database, _drop_database

schema = schemathesis.openapi.from_asgi("/openapi.json", app)
EXAMPLES_PER_OPERATION = 12


@pytest.fixture(scope="module", autouse=True)
def own_database(server_url: str) -> Iterator[None]:
    name = f"finsam_fuzz_{uuid.uuid4().hex[:8]}"
    url = _create_database(server_url, name)
    migrate.upgrade(url)
    engine = create_engine(url)

    def session_per_request() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session:
            yield from request_transaction(session)

    saved = dict(app.dependency_overrides)
    app.dependency_overrides[get_session] = session_per_request
    app.dependency_overrides[current_settings] = lambda: Settings(finsam_admin_token=ADMIN_TOKEN)
    app.dependency_overrides[get_readiness_engine] = lambda: engine
    app.dependency_overrides[get_job_connect] = lambda: engine.connect
    yield
    app.dependency_overrides.clear()
    app.dependency_overrides.update(saved)
    engine.dispose()
    _drop_database(server_url, name)


@schema.parametrize()
@settings(
    max_examples=EXAMPLES_PER_OPERATION,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,  # the same examples every run: a failure here is reproducible
)
def test_no_operation_answers_5xx(case: schemathesis.Case) -> None:
    case.call_and_validate(
        headers={"Authorization": f"Bearer {ADMIN_TOKEN}"}, checks=[not_a_server_error]
    )
