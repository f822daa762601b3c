"""The floor for `bench/ingest.py`: the least a report PUT can cost on this stack.

A bare FastAPI app with one PUT route of the same shape as finsam's
(`/api/v1/insatser/{insats_id}/reports/{period}`). It parses the same JSON body with a small
Pydantic model and stores it with ONE `INSERT ... ON CONFLICT DO UPDATE` into a plain typed
table (`floor_reports`, created by the benchmark), through SQLAlchemy 2 Core and psycopg 3,
then commits: what any service storing a report must do at least. No authentication, no
middleware, no logging, no facts table, no history.

Not run on its own: `bench/ingest.py` serves it with uvicorn (`--app-dir bench floor_app:app`),
with `FLOOR_DATABASE_URL` naming the database.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Annotated

from fastapi import FastAPI
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Column, Engine, Integer, MetaData, Table, Text, create_engine
from sqlalchemy.dialects.postgresql import insert
from sqlalchemy.engine import make_url

Count = Annotated[int, Field(ge=0, le=10_000_000, strict=True)]

metadata = MetaData()
floor_reports = Table(
    "floor_reports",
    metadata,
    Column("insats_id", Integer, primary_key=True),
    Column("period", Text, primary_key=True),
    Column("participants_women", Integer),
    Column("participants_men", Integer),
    Column("started_women", Integer),
    Column("started_men", Integer),
    Column("ended_women", Integer),
    Column("ended_men", Integer),
    Column("work_women", Integer),
    Column("work_men", Integer),
    Column("studies_women", Integer),
    Column("studies_men", Integer),
    Column("volume_contacts", Integer),
)


class GenderIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    women: Count
    men: Count


class OutcomesIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    work: GenderIn | None = None
    studies: GenderIn | None = None


class ReportIn(BaseModel):
    """The subset of finsam's report body that the benchmark sends."""

    model_config = ConfigDict(extra="forbid")

    participants: GenderIn | None = None
    started: GenderIn | None = None
    ended: GenderIn | None = None
    outcomes: OutcomesIn | None = None
    volume_contacts: Count | None = None


class Stored(BaseModel):
    insats_id: int
    period: str


def sqlalchemy_url(url: str) -> str:
    """A plain `postgresql://` URL with the psycopg 3 driver, as finsam picks it."""
    parsed = make_url(url)
    if parsed.drivername in ("postgresql", "postgres"):
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed.render_as_string(hide_password=False)


@lru_cache
def get_engine() -> Engine:
    # finsam's pool size; no pre-ping: the floor does only what a PUT needs.
    return create_engine(
        sqlalchemy_url(os.environ["FLOOR_DATABASE_URL"]), pool_size=10, max_overflow=10
    )


def _pair(gender: GenderIn | None) -> tuple[int | None, int | None]:
    return (gender.women, gender.men) if gender else (None, None)


app = FastAPI(title="finsam ingest floor")


@app.get("/health")
async def health() -> dict[str, str]:
    return {"status": "ok"}


@app.put("/api/v1/insatser/{insats_id}/reports/{period}")
def put_report(insats_id: int, period: str, data: ReportIn) -> Stored:
    """Store the report with one upsert and commit (a sync route: the thread pool, as finsam)."""
    outcomes = data.outcomes or OutcomesIn()
    values = {
        "insats_id": insats_id,
        "period": period,
        "volume_contacts": data.volume_contacts,
    }
    for name, gender in (
        ("participants", data.participants),
        ("started", data.started),
        ("ended", data.ended),
        ("work", outcomes.work),
        ("studies", outcomes.studies),
    ):
        values[f"{name}_women"], values[f"{name}_men"] = _pair(gender)
    statement = insert(floor_reports).values(values)
    statement = statement.on_conflict_do_update(
        index_elements=["insats_id", "period"],
        set_={c: statement.excluded[c] for c in values if c not in ("insats_id", "period")},
    )
    with get_engine().begin() as connection:
        connection.execute(statement)
    return Stored(insats_id=insats_id, period=period)
