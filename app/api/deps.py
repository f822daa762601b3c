"""Dependencies shared by the routers, as `Annotated` aliases. Who the caller is and what it
may do are in `app/auth/`; the Idempotency-Key in `app/idempotency/`."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.config import Settings, get_settings
from app.db.engine import get_engine, get_session
from app.jobs.service import Connect

# scope="function": the transaction is committed before the response leaves (see get_session).
SessionDep = Annotated[Session, Depends(get_session, scope="function")]


async def current_settings() -> Settings:
    """The settings, as a dependency: async, so FastAPI returns the cached value on the loop
    instead of handing a thread the call. Tests override this one."""
    return get_settings()


SettingsDep = Annotated[Settings, Depends(current_settings)]


def get_job_connect() -> Connect:
    """Where jobs run after the response: a connection of the pool (a test's own, in tests)."""
    return get_engine().connect


JobConnectDep = Annotated[Connect, Depends(get_job_connect)]


async def _period_in_path(period: str) -> str:
    # async: trivial, so FastAPI calls it on the loop instead of handing it to a thread.
    return period


PeriodInPath = Annotated[str, Depends(_period_in_path)]
"""The `{period}` of a path, as written; the route parses it (`period_param`) where its checks
want it. A dependency rather than a plain parameter so that it comes after the authorising
dependency that resolves `{code}` or `{insats_id}`: an operation's parameters are then listed
in the path's order, as clients generated from the schema take them."""
