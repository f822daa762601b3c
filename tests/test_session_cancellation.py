"""A request cancelled while it holds a transaction (the client went away, the server is
stopping) still rolls it back and gives its connection back, however often it is cancelled:
an open transaction would keep its row locks and its connection until the process ended."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Iterator

import anyio
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.orm import sessionmaker

import app.db.engine as db_engine

LOCK = 987_654  # an advisory lock the cancelled handler takes inside its transaction


@pytest.fixture
def own_engine(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    """get_session on a pool of its own, so that its checked-out count is the handler's."""
    own = create_engine(engine.url, pool_size=2)
    makers = sessionmaker(own, expire_on_commit=False)
    monkeypatch.setattr(db_engine, "get_sessionmaker", lambda: makers)
    yield own
    own.dispose()


def _lock_is_free(engine: Engine) -> bool:
    with engine.connect() as connection:
        got = bool(connection.scalar(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK}))
        if got:
            connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK})
        return got


async def _handler(started: asyncio.Event | None = None) -> None:
    async with contextlib.asynccontextmanager(db_engine.get_session)() as session:
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": LOCK})
        if started is not None:
            started.set()
        await asyncio.sleep(30)


def test_a_request_timed_out_by_its_scope_rolls_back(own_engine: Engine) -> None:
    async def main() -> None:
        with anyio.move_on_after(0.3):
            await _handler()

    anyio.run(main)
    assert own_engine.pool.checkedout() == 0
    assert _lock_is_free(own_engine)


@pytest.mark.parametrize("cancels", [1, 2, 5])
def test_a_request_cancelled_again_and_again_still_rolls_back(
    own_engine: Engine, cancels: int
) -> None:
    async def main() -> None:
        started = asyncio.Event()
        task = asyncio.create_task(_handler(started))
        await started.wait()
        for _ in range(cancels):
            task.cancel()
            await asyncio.sleep(0)
        with contextlib.suppress(asyncio.CancelledError):
            await task

    asyncio.run(main())
    assert own_engine.pool.checkedout() == 0
    assert _lock_is_free(own_engine)
