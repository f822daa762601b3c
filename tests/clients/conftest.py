"""The generated clients under test: the Python one is imported from its folder, as it is
committed (no install needed), and `finsam serve` runs as a real process for them to talk to."""

from __future__ import annotations

import sys
import uuid
from collections.abc import Iterator

import pytest

from app.db import migrate
from scripts.generate_clients import PYTHON_CLIENT
from tests.conftest import _create_database, _drop_database
from tests.servers import serving

# Before the test modules import `finsam_client`.
sys.path.insert(0, str(PYTHON_CLIENT))


@pytest.fixture(scope="package")
def database(server_url: str) -> Iterator[str]:
    """A migrated database of its own: a real server commits what it is sent, and national
    figures in other tests must not count it."""
    name = f"finsam_test_clients_{uuid.uuid4().hex[:8]}"
    url = _create_database(server_url, name)
    migrate.upgrade(url)
    yield url
    _drop_database(server_url, name)


@pytest.fixture(scope="package")
def server(database: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a `finsam serve` on `database`, with the admin token of the tests."""
    with serving(database, tmp_path_factory.mktemp("serve")) as running:
        yield running.base_url
