"""Alembic environment: migrates the database the service uses, or the URL handed in."""

from alembic import context
from sqlalchemy import Connection, create_engine, text
from sqlalchemy.pool import NullPool

from app.db.engine import database_url
from app.db.models import Base

target_metadata = Base.metadata


def run_migrations_online() -> None:
    url = context.config.get_main_option("sqlalchemy.url") or database_url()
    # NullPool: the connection closes when the migration ends, so nothing stays connected
    # (a database that is copied as a template must have no one connected to it).
    connectable = context.config.attributes.get("connection") or create_engine(
        url, poolclass=NullPool
    )
    if hasattr(connectable, "connect"):
        with connectable.connect() as connection:
            _run(connection)
    else:
        _run(connectable)


# Instances starting together on one database migrate one at a time: the others wait here,
# then find nothing left to do. A transaction-level lock, released with the migration.
MIGRATION_LOCK = 7_436_210_531


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, compare_type=True)
    with context.begin_transaction():
        connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
        context.run_migrations()


if context.is_offline_mode():
    raise SystemExit("offline migrations are not supported; run against a database")
run_migrations_online()
