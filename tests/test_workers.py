"""Several instances on one database (issue 11): If-Match and Idempotency-Key hold across
processes, because both rest on row locks in PostgreSQL, not on anything a process keeps.

Two real servers share the test database: one `finsam serve --workers 2`, one `finsam serve`.
Concurrent requests alternate between them; those sent to the first land on either of its
workers, whichever accepts the connection first. The rows are committed for real, so every
förbund code is unique.
"""

from __future__ import annotations

import os
import threading
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from tests.conftest import ADMIN_TOKEN
from tests.test_shutdown import ADMIN, Served, serving

CONCURRENT = 8
TIMEOUT = 60


@pytest.fixture(scope="module")
def servers(engine: Engine, tmp_path_factory: pytest.TempPathFactory) -> Iterator[list[Served]]:
    env = {
        **os.environ,
        "DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "FINSAM_ADMIN_TOKEN": ADMIN_TOKEN,
    }
    folder: Path = tmp_path_factory.mktemp("workers")
    with (
        serving(env, folder / "workers.log", "--workers", "2") as with_workers,
        serving(env, folder / "single.log") as single,
    ):
        yield [with_workers, single]


def _forbund_and_insats(server: Served) -> tuple[str, int]:
    code = f"workers-{uuid.uuid4().hex[:8]}"
    with httpx.Client(base_url=server.base, headers=ADMIN, timeout=TIMEOUT) as client:
        made = client.post(
            "/api/v1/forbund",
            json={
                "code": code,
                "name": f"Samordningsförbundet {code}",
                "lan": "Västernorrlands län",
                "kommuner": ["Sundsvall"],
            },
        )
        assert made.status_code == 201, made.text
        insats = client.post(f"/api/v1/forbund/{code}/insatser", json=_insats_body())
        assert insats.status_code == 201, insats.text
    return code, int(insats.json()["id"])


def _insats_body() -> dict[str, Any]:
    return {
        "name": "Arbetsförmedlare på AMT",
        "kind": "individual",
        "owner": "Arbetsförmedlingen",
        "start_date": "2021-01-01",
    }


def _all_at_once(
    servers: list[Served], send: Callable[[httpx.Client, int], httpx.Response]
) -> list[httpx.Response]:
    """Send CONCURRENT requests, alternating between the servers, released together."""
    clients = [
        httpx.Client(base_url=servers[n % len(servers)].base, headers=ADMIN, timeout=TIMEOUT)
        for n in range(CONCURRENT)
    ]
    for client in clients:  # connect first, so that the requests themselves race
        assert client.get("/health").status_code == 200
    start = threading.Barrier(CONCURRENT)

    def one(n: int) -> httpx.Response:
        start.wait()
        return send(clients[n], n)

    try:
        with ThreadPoolExecutor(CONCURRENT) as pool:
            return list(pool.map(one, range(CONCURRENT)))
    finally:
        for client in clients:
            client.close()


def test_if_match_lets_exactly_one_of_concurrent_writers_on_two_servers_win(
    servers: list[Served],
) -> None:
    _, insats = _forbund_and_insats(servers[0])
    url = f"/api/v1/insatser/{insats}/reports/2022"
    first = httpx.put(
        servers[1].base + url,
        json={"participants": {"women": 1, "men": 1}, "volume_contacts": 0},
        headers=ADMIN,
        timeout=TIMEOUT,
    )
    assert first.status_code == 201, first.text
    etag = first.headers["ETag"]

    def write(client: httpx.Client, n: int) -> httpx.Response:
        # Every writer changes something (its own volume), so none is an idempotent re-send.
        body = {"participants": {"women": 1, "men": 1}, "volume_contacts": n + 1}
        return client.put(url, json=body, headers={"If-Match": etag})

    responses = _all_at_once(servers, write)

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [200] + [412] * (CONCURRENT - 1), [r.text for r in responses]
    winner = next(r for r in responses if r.status_code == 200).json()
    stored = httpx.get(servers[1].base + url, headers=ADMIN, timeout=TIMEOUT)
    assert stored.json()["revision"] == 2
    assert stored.json()["volume_contacts"] == winner["volume_contacts"]
    assert stored.headers["ETag"] != etag


def test_one_idempotency_key_sent_to_two_servers_creates_one_insats(
    servers: list[Served],
) -> None:
    code, _ = _forbund_and_insats(servers[0])
    key = {"Idempotency-Key": str(uuid.uuid4())}
    body = _insats_body() | {"name": "Psykolog"}

    def create(client: httpx.Client, n: int) -> httpx.Response:
        return client.post(f"/api/v1/forbund/{code}/insatser", json=body, headers=key)

    responses = _all_at_once(servers, create)

    assert [r.status_code for r in responses] == [201] * CONCURRENT, [r.text for r in responses]
    assert len({r.json()["id"] for r in responses}) == 1
    replayed = [r.headers.get("Idempotent-Replayed") for r in responses]
    assert sorted(replayed, key=str) == [None] + ["true"] * (CONCURRENT - 1)
    listed = httpx.get(
        f"{servers[1].base}/api/v1/forbund/{code}/insatser", headers=ADMIN, timeout=TIMEOUT
    )
    assert [i["name"] for i in listed.json()] == ["Arbetsförmedlare på AMT", "Psykolog"]
