"""Migrations: they build the schema from nothing, undo cleanly, and match the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from app.db import migrate
from app.db.models import Base


def test_upgrade_downgrade_upgrade_on_an_empty_database(empty_database: str) -> None:
    engine = create_engine(empty_database)
    migrate.upgrade(empty_database)
    assert {"forbund", "insatser", "reports", "report_facts", "api_keys"} <= set(
        inspect(engine).get_table_names()
    )
    migrate.downgrade(empty_database, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    migrate.upgrade(empty_database)
    with engine.connect() as connection:
        assert migrate.is_at_head(connection)
    engine.dispose()


def test_models_and_migrations_do_not_drift(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == [], "models differ from migrations: write an Alembic migration"
