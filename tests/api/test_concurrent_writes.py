"""Concurrent writers against real, separately committed transactions: no update is lost.

The per-test rollback fixture runs every request on one connection, so it cannot show what two
transactions do to each other. These tests give the app a session per request on the test
database, as production does, commit for real, and delete what they created afterwards. Every
förbund code is unique, so committed rows never meet another test's.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from app.api.deps import current_settings, get_job_connect
from app.config import Settings
from app.db.engine import get_session, request_transaction
from app.domain.access import Caller, Role
from app.domain.periods import parse_period
from app.insatser.service import insats_ref
from app.main import app
from app.reports.schemas import ReportIn
from app.reports.service import ReportWrite, apply_writes, plan_writes
from tests.conftest import ADMIN_TOKEN, auth

WRITERS = 20
MAX_ROUNDS = 50
TIMEOUT = 60  # seconds any one phase may take before the test fails instead of hanging
LABEL = "Insatssystem parallellt"

T = TypeVar("T")


@dataclass
class Committed:
    """A förbund, an insats and a labelled förbund key, all committed."""

    code: str
    insats: int
    key_id: str
    headers: dict[str, str]

    @property
    def url(self) -> str:
        return f"/api/v1/insatser/{self.insats}/reports/2023H1"


def new_client() -> TestClient:
    return TestClient(app, raise_server_exceptions=False)


def _delete_everything_of(engine: Engine, code: str) -> None:
    """Delete the förbund and all that hangs off it, in foreign-key order."""
    scope = {"code": code}
    with engine.begin() as connection:
        forbund = connection.scalar(text("SELECT id FROM forbund WHERE code = :code"), scope)
        if forbund is None:
            return
        ids = {"f": forbund}
        insatser = "SELECT id FROM insatser WHERE forbund_id = :f"
        reports = f"SELECT id FROM reports WHERE insats_id IN ({insatser})"
        keys = (
            "SELECT id FROM api_keys WHERE forbund_id = :f UNION "
            f"SELECT key_id FROM api_key_insatser WHERE insats_id IN ({insatser})"
        )
        key_ids = [str(k) for k in connection.scalars(text(keys), ids)]
        connection.execute(
            text(
                "DELETE FROM audit_events WHERE forbund_id = :f "
                f"OR report_id IN ({reports}) OR key_id::text = ANY(:keys)"
            ),
            {**ids, "keys": key_ids},
        )
        connection.execute(
            text("DELETE FROM idempotency_records WHERE caller = ANY(:keys)"), {"keys": key_ids}
        )
        connection.execute(
            text(f"DELETE FROM report_revisions WHERE report_id IN ({reports})"), ids
        )
        connection.execute(text(f"DELETE FROM report_facts WHERE report_id IN ({reports})"), ids)
        connection.execute(text(f"DELETE FROM reports WHERE insats_id IN ({insatser})"), ids)
        connection.execute(
            text(
                f"DELETE FROM api_key_insatser WHERE insats_id IN ({insatser}) "
                "OR key_id::text = ANY(:keys)"
            ),
            {**ids, "keys": key_ids},
        )
        connection.execute(
            text("DELETE FROM api_keys WHERE id::text = ANY(:keys)"), {"keys": key_ids}
        )
        connection.execute(text("DELETE FROM insatser WHERE forbund_id = :f"), ids)
        connection.execute(text("DELETE FROM closed_periods WHERE forbund_id = :f"), ids)
        connection.execute(text("DELETE FROM forbund WHERE id = :f"), ids)


@pytest.fixture
def committed(engine: Engine) -> Iterator[Committed]:
    """The app on real transactions: one session per request, committed like get_session."""

    def session_per_request() -> Iterator[Session]:
        with Session(engine, expire_on_commit=False) as session:
            yield from request_transaction(session)

    settings = Settings(finsam_admin_token=ADMIN_TOKEN, finsam_suppression_threshold=5)
    saved = dict(app.dependency_overrides)
    app.dependency_overrides[get_session] = session_per_request
    app.dependency_overrides[current_settings] = lambda: settings
    app.dependency_overrides[get_job_connect] = lambda: engine.connect
    code = f"parallell-{uuid.uuid4().hex[:12]}"
    try:
        yield _arrange(code)
    finally:
        app.dependency_overrides.clear()
        app.dependency_overrides.update(saved)
        _delete_everything_of(engine, code)


def _arrange(code: str) -> Committed:
    admin = auth(ADMIN_TOKEN)
    client = new_client()
    forbund = {
        "code": code,
        "name": "Parallellförbundet",
        "lan": "Jämtlands län",
        "kommuner": ["Ås"],
    }
    response = client.post("/api/v1/forbund", json=forbund, headers=admin)
    assert response.status_code == 201, response.text
    insats = {
        "name": "Psykolog",
        "kind": "individual",
        "owner": "Region",
        "start_date": "2020-01-01",
    }
    response = client.post(f"/api/v1/forbund/{code}/insatser", json=insats, headers=admin)
    assert response.status_code == 201, response.text
    insats_id = response.json()["id"]
    key = {"role": "forbund", "forbund": code, "label": LABEL}
    response = client.post("/api/v1/keys", json=key, headers=admin)
    assert response.status_code == 201, response.text
    return Committed(
        code=code,
        insats=insats_id,
        key_id=response.json()["id"],
        headers=auth(response.json()["token"]),
    )


def body(writer: int) -> dict[str, Any]:
    """Writer `writer`'s report: told apart by `volume_contacts` and the note."""
    return {
        "participants": {"women": 20, "men": 20},
        "volume_contacts": writer,
        "note": f"skribent {writer}",
    }


def together(count: int, work: Callable[[int, threading.Barrier], T]) -> list[T]:
    """Run work(1..count) on `count` threads released together by a barrier; bounded in time."""
    barrier = threading.Barrier(count, timeout=TIMEOUT)
    with ThreadPoolExecutor(max_workers=count) as pool:
        futures = [pool.submit(work, n, barrier) for n in range(1, count + 1)]
        return [future.result(timeout=TIMEOUT) for future in futures]


@dataclass(frozen=True)
class Attempt:
    writer: int
    status: int
    payload: dict[str, Any]


@dataclass(frozen=True)
class Win:
    writer: int
    revision: int
    losses: int


def test_twenty_concurrent_writers_with_if_match_lose_no_update(committed: Committed) -> None:
    client = new_client()
    created = client.put(committed.url, json=body(0), headers=committed.headers)
    assert created.status_code == 201, created.text
    assert created.json()["revision"] == 1
    first_etag = created.headers["ETag"]

    def first_attempt(writer: int, barrier: threading.Barrier) -> Attempt:
        own = new_client()
        headers = {**committed.headers, "If-Match": first_etag}
        barrier.wait()
        response = own.put(committed.url, json=body(writer), headers=headers)
        return Attempt(writer, response.status_code, response.json())

    attempts = together(WRITERS, first_attempt)

    statuses = sorted(a.status for a in attempts)
    assert statuses == [200] + [412] * (WRITERS - 1), [a.payload for a in attempts]
    first_winner = next(a for a in attempts if a.status == 200)
    assert first_winner.payload["revision"] == 2
    assert all(a.payload["current_revision"] == 2 for a in attempts if a.status == 412)
    losers = {a.writer for a in attempts if a.status == 412}

    def retry_until_won(writer: int, barrier: threading.Barrier) -> Win:
        own = new_client()
        rng = random.Random(writer)
        barrier.wait()
        for losses in range(MAX_ROUNDS):
            current = own.get(committed.url, headers=committed.headers)
            assert current.status_code == 200, current.text
            headers = {**committed.headers, "If-Match": current.headers["ETag"]}
            response = own.put(committed.url, json=body(writer), headers=headers)
            if response.status_code == 200:
                return Win(writer, response.json()["revision"], losses)
            assert response.status_code == 412, response.text
            time.sleep(rng.uniform(0, 0.005))
        raise AssertionError(f"writer {writer} did not win in {MAX_ROUNDS} rounds")

    retried = together(
        len(losers), lambda n, barrier: retry_until_won(sorted(losers)[n - 1], barrier)
    )

    wins = [Win(first_winner.writer, 2, 0), *retried]
    assert sorted(w.writer for w in wins) == list(range(1, WRITERS + 1))
    assert sorted(w.revision for w in wins) == list(range(2, WRITERS + 2))
    order = [w.writer for w in sorted(wins, key=lambda w: w.revision)]

    stored = client.get(committed.url, headers=committed.headers)
    assert stored.status_code == 200, stored.text
    assert stored.json()["revision"] == WRITERS + 1
    last = order[-1]
    assert stored.json()["volume_contacts"] == last
    assert stored.json()["note"] == f"skribent {last}"
    assert stored.json()["participants"]["total"] == 40

    response = client.get(f"{committed.url}/history", headers=committed.headers)
    assert response.status_code == 200, response.text
    history = response.json()
    revisions = history["revisions"]
    assert [r["revision"] for r in revisions] == list(range(1, WRITERS + 2))
    assert all(r["changed_by"] == {"key_id": committed.key_id, "label": LABEL} for r in revisions)
    # Each revision is the body of the writer that won it, changed from the one before.
    written = [0, *order]
    for revision, before, after in zip(revisions[1:], written[:-1], written[1:], strict=True):
        assert revision["changes"] == [
            {
                "measure": "volume_contacts",
                "category": None,
                "gender": None,
                "before": before,
                "after": after,
            }
        ]
        assert revision["note_changed"] is True
    actions = [e["action"] for e in history["events"]]
    assert actions == ["report.created"] + ["report.replaced"] * WRITERS


def test_twenty_concurrent_first_writers_create_one_report_and_lose_no_revision(
    committed: Committed,
) -> None:
    def write(writer: int, barrier: threading.Barrier) -> Attempt:
        own = new_client()
        barrier.wait()
        response = own.put(committed.url, json=body(writer), headers=committed.headers)
        return Attempt(writer, response.status_code, response.json())

    attempts = together(WRITERS, write)

    statuses = sorted(a.status for a in attempts)
    assert statuses == [200] * (WRITERS - 1) + [201], [a.payload for a in attempts]
    revisions = sorted(a.payload["revision"] for a in attempts)
    assert revisions == list(range(1, WRITERS + 1))
    last = max(attempts, key=lambda a: a.payload["revision"])
    client = new_client()
    stored = client.get(committed.url, headers=committed.headers).json()
    assert (stored["revision"], stored["volume_contacts"]) == (WRITERS, last.writer)
    history = client.get(f"{committed.url}/history", headers=committed.headers).json()
    assert [r["revision"] for r in history["revisions"]] == list(range(1, WRITERS + 1))


def test_concurrent_retries_with_one_idempotency_key_create_one_insats(
    committed: Committed,
) -> None:
    insats = {
        "name": "Jobbcoach",
        "kind": "individual",
        "owner": "Kommunen",
        "start_date": "2022-01-01",
    }
    headers = {**committed.headers, "Idempotency-Key": f"retry-{uuid.uuid4()}"}
    path = f"/api/v1/forbund/{committed.code}/insatser"

    def post(writer: int, barrier: threading.Barrier) -> Attempt:
        own = new_client()
        barrier.wait()
        response = own.post(path, json=insats, headers=headers)
        return Attempt(writer, response.status_code, response.json())

    attempts = together(10, post)

    assert [a.status for a in attempts] == [201] * 10, [a.payload for a in attempts]
    assert len({a.payload["id"] for a in attempts}) == 1
    listed = new_client().get(path, headers=committed.headers).json()
    assert [i["name"] for i in listed].count("Jobbcoach") == 1


def test_a_dry_run_import_takes_no_row_locks(committed: Committed, engine: Engine) -> None:
    """While another transaction holds the report's row lock (a writer mid-PUT), a dry run
    of an import over it answers at once, deciding from what is stored; the real import of
    the same rows waits for the lock."""
    client = new_client()
    first = client.put(committed.url, json=body(1), headers=committed.headers)
    assert first.status_code == 201, first.text
    rows = {
        "reports": [
            {"insats_id": committed.insats, "period": "2023H1", "report": body(2)},
            {"insats_id": committed.insats, "period": "2022", "report": body(3)},
        ]
    }
    with engine.connect() as holder:
        holder.execute(
            text("SELECT 1 FROM reports WHERE insats_id = :i AND period = '2023H1' FOR UPDATE"),
            {"i": committed.insats},
        )

        def dry_run() -> Any:
            response = new_client().post(
                "/api/v1/imports", params={"dry_run": "true"}, json=rows, headers=committed.headers
            )
            assert response.status_code == 200, response.text
            return response.json()

        def real() -> int:
            response = new_client().post("/api/v1/imports", json=rows, headers=committed.headers)
            return response.status_code

        with ThreadPoolExecutor(max_workers=2) as pool:
            dry = pool.submit(dry_run)
            try:
                summary = dry.result(timeout=5)  # at once, though the row is locked
            finally:
                if not dry.done():
                    holder.rollback()  # release it, or the test would hang on a regression
            assert (summary["dry_run"], summary["created"], summary["updated"]) == (True, 1, 1)
            waiting = pool.submit(real)
            time.sleep(1.0)
            assert not waiting.done()  # the real import waits for the row lock
            holder.rollback()
            assert waiting.result(timeout=TIMEOUT) == 200
    stored = client.get(committed.url, headers=committed.headers).json()
    assert stored["volume_contacts"] == 2


IMPORTERS = 8


def test_overlapping_imports_in_any_row_order_neither_deadlock_nor_lose_a_revision(
    committed: Committed,
) -> None:
    """Eight imports of the same 40 reports, each sending its rows in its own order, half of
    the reports stored before and half new: every import stands (a deadlock would be a 503),
    and every report ends with one revision per write, none lost."""
    periods = [f"{year}Q{quarter}" for year in range(2020, 2030) for quarter in range(1, 5)]
    existing, new = periods[::2], periods[1::2]
    client = new_client()
    first = {
        "reports": [
            {"insats_id": committed.insats, "period": p, "report": body(0)} for p in existing
        ]
    }
    response = client.post("/api/v1/imports", json=first, headers=committed.headers)
    assert response.status_code == 200, response.text

    def run(importer: int, barrier: threading.Barrier) -> Attempt:
        rows = [
            {"insats_id": committed.insats, "period": p, "report": body(importer)} for p in periods
        ]
        random.Random(importer).shuffle(rows)
        own = new_client()
        barrier.wait()
        answer = own.post("/api/v1/imports", json={"reports": rows}, headers=committed.headers)
        return Attempt(importer, answer.status_code, answer.json())

    attempts = together(IMPORTERS, run)

    assert [a.status for a in attempts] == [200] * IMPORTERS, [a.payload for a in attempts]
    assert sum(a.payload["created"] for a in attempts) == len(new)
    for period in periods:
        url = f"/api/v1/insatser/{committed.insats}/reports/{period}"
        history = client.get(f"{url}/history", headers=committed.headers).json()
        writes = IMPORTERS + (period in existing)
        assert [r["revision"] for r in history["revisions"]] == list(range(1, writes + 1))


def _while_another_writer_holds_the_lock(
    engine: Engine,
    committed: Committed,
    other: dict[str, Any],
    mine: dict[str, Any],
    **headers: str,
) -> Any:
    """Another transaction decides `other` (locking the report, as an import does before it
    writes) while a PUT of `mine` waits for that lock; then the other writes and commits."""
    answer: dict[str, Any] = {}
    with Session(engine, expire_on_commit=False) as session:
        caller = Caller(role=Role.ADMIN, label="the other writer")
        write = ReportWrite(
            insats_ref(session, committed.insats),
            parse_period("2023H1"),
            ReportIn.model_validate(other),
        )
        plan = plan_writes(session, caller, [write])

        def put() -> None:
            answer["response"] = new_client().put(
                committed.url, json=mine, headers={**committed.headers, **headers}
            )

        waiter = threading.Thread(target=put)
        waiter.start()
        with engine.connect() as watcher:
            _until_a_backend_waits_for_a_lock(watcher)
        apply_writes(session, caller, plan)
        session.commit()
        waiter.join(TIMEOUT)
    return answer["response"]


def _until_a_backend_waits_for_a_lock(connection: Any) -> None:
    deadline = time.monotonic() + TIMEOUT
    waiting = text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
    while not connection.execute(waiting).scalar_one():
        connection.rollback()
        assert time.monotonic() < deadline, "the PUT never waited for the lock"
        time.sleep(0.05)


def test_a_put_that_waited_for_the_lock_decides_on_the_facts_committed_meanwhile(
    committed: Committed, engine: Engine
) -> None:
    """Revision 1 holds 1; another writer stores 2 while this PUT of 1 waits for the lock. The
    PUT must see 2 and store its 1 as revision 3, not answer "unchanged" (a lost update: the
    lock statement once read the facts from before its wait)."""

    def figures(volume: int) -> dict[str, Any]:  # the same note: only the facts differ
        return {"participants": {"women": 20, "men": 20}, "volume_contacts": volume}

    client = new_client()
    first = client.put(committed.url, json=figures(1), headers=committed.headers)
    assert first.status_code == 201, first.text

    response = _while_another_writer_holds_the_lock(engine, committed, figures(2), figures(1))

    assert response.status_code == 200, response.text
    stored = client.get(committed.url, headers=committed.headers).json()
    assert (stored["revision"], stored["volume_contacts"]) == (3, 1)
    assert response.json()["revision"] == 3


def test_a_retry_that_waited_for_its_first_attempt_is_unchanged(
    committed: Committed, engine: Engine
) -> None:
    """The first attempt (the other writer) and its retry send the same change with the same
    If-Match: the retry, having waited, finds it stored and answers 200 with revision 2."""
    client = new_client()
    first = client.put(committed.url, json=body(1), headers=committed.headers)
    etag = first.headers["ETag"]

    response = _while_another_writer_holds_the_lock(
        engine, committed, body(2), body(2), **{"If-Match": etag}
    )

    assert response.status_code == 200, response.text
    assert response.json()["revision"] == 2
