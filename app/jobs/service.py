"""Jobs: work too long for a request, queued by one that answers `202` at once and run after
its response has gone, by the same process (docs/operations.md).

A job is stored before the `202` leaves, so a job accepted is never lost: a runner claims it
with an advisory lock on its id, held while it runs. A job whose server stopped mid-run is
`running` with nobody holding its lock; the next runner (the next job's request, or the next
start of the server) runs it again. Its work is one transaction, so a job that stopped left
nothing half done.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from app.db.models import Job
from app.errors import Code, FinsamError

log = logging.getLogger(__name__)

# The work of a job: its session, its parameters and the key that asked for it.
Work = Callable[[Session, Mapping[str, Any], uuid.UUID | None], dict[str, Any]]
Connect = Callable[[], AbstractContextManager[Connection]]

QUEUED, RUNNING, DONE, FAILED = "queued", "running", "done", "failed"
# Each kind of job and the work it does: one transaction on a session, returning the result.
_WORK: dict[str, tuple[Work, str | None]] = {}


def kind(name: str, isolation_level: str | None = None) -> Callable[[Work], Work]:
    """Register `work` as the job kind `name`, run at `isolation_level` (None: the default)."""

    def register(work: Work) -> Work:
        _WORK[name] = (work, isolation_level)
        return work

    return register


def enqueue(
    session: Session, name: str, params: Mapping[str, Any], created_by: uuid.UUID | None
) -> Job:
    """Store a job; it runs once the request's transaction has committed (see run_pending)."""
    if name not in _WORK:
        raise ValueError(f"no job kind {name!r}")
    job = Job(kind=name, params=dict(params), state=QUEUED, created_by=created_by)
    session.add(job)
    session.flush()
    session.refresh(job)
    return job


def get(session: Session, job_id: uuid.UUID) -> Job:
    job = session.get(Job, job_id)
    if job is None:
        raise FinsamError(Code.NOT_FOUND, "No job with that id.", loc=("path", "job_id"))
    return job


def run_pending(connect: Connect) -> None:
    """Run every queued job, and every running one whose runner has gone, oldest first,
    until none is left. Safe from several threads and processes at once: a job runs in one
    place at a time. It runs after a response has gone, so it raises nothing: a job that
    could not run now (the database away) stays queued for the next runner."""
    try:
        _run_pending(connect)
    except Exception:
        log.exception("jobs could not run now; they stay queued")


def _run_pending(connect: Connect) -> None:
    with connect() as connection:
        # A test's connection is inside its transaction; that is not this function's to end.
        outer = connection.in_transaction()
        while (claimed := _claim(connection)) is not None:
            job_id, name = claimed
            try:
                _run(connection, job_id, name)
            finally:
                connection.execute(select(func.pg_advisory_unlock(_lock_key(job_id))))
                connection.execute(select(func.pg_advisory_unlock(_kind_key(name))))
                if not outer:
                    connection.commit()


def _lock_key(job_id: uuid.UUID) -> int:
    return int.from_bytes(job_id.bytes[:8], "big", signed=True)


def _kind_key(name: str) -> int:
    digest = hashlib.sha256(f"finsam-job-kind:{name}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


def _claim(connection: Connection) -> tuple[uuid.UUID, str] | None:
    """The oldest job to run, with its kind, locked for this runner and marked running; None
    when none is left. Jobs of one kind run one at a time: while another runner has that
    kind, its jobs wait, and that runner takes them when it is done (it claims again after
    letting the kind go), so no thread waits on a lock for the length of a job."""
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        unfinished = session.scalars(
            select(Job.id)
            # Only kinds this process knows (one of an older release, mid-upgrade, may not).
            .where(Job.state.in_((QUEUED, RUNNING)), Job.kind.in_(list(_WORK)))
            .order_by(Job.created_at)
            .limit(50)
        ).all()
        for job_id in unfinished:
            if not session.scalar(select(func.pg_try_advisory_lock(_lock_key(job_id)))):
                continue  # another runner has it
            # Read again now that it is ours: it may have finished since the list was read.
            job = session.scalars(select(Job).where(Job.id == job_id)).one()
            name = job.kind
            if job.state in (QUEUED, RUNNING) and session.scalar(
                select(func.pg_try_advisory_lock(_kind_key(name)))
            ):
                job.state, job.started_at = RUNNING, func.now()
                session.commit()
                return job_id, name
            session.execute(select(func.pg_advisory_unlock(_lock_key(job_id))))
        session.commit()
    return None


def _run(connection: Connection, job_id: uuid.UUID, name: str) -> None:
    """Do the job's work and store its outcome, in one transaction. The runner holds the
    kind's lock, so the transaction begins after the last job of the kind has committed: a
    snapshot (REPEATABLE READ) sees what it stored."""
    with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
        job = session.get_one(Job, job_id)
        params, created_by = dict(job.params), job.created_by
        session.rollback()
    work, isolation_level = _WORK[name]
    own_transaction = not connection.in_transaction()
    # Under a test's transaction the isolation level is the test's; a server runs the job
    # in a transaction of its own at the level its kind asks for.
    if own_transaction and isolation_level is not None:
        connection.execution_options(isolation_level=isolation_level)
    try:
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            result = work(session, params, created_by)
            job = session.get_one(Job, job_id)
            job.state, job.result, job.finished_at = DONE, result, func.now()
            session.commit()
    except Exception:
        log.exception("job failed", extra={"job_id": str(job_id), "kind": name})
        with Session(bind=connection, join_transaction_mode="create_savepoint") as session:
            job = session.get_one(Job, job_id)
            job.state, job.finished_at = FAILED, func.now()
            job.error = "The job failed; the error has been logged."
            session.commit()
    finally:
        if own_transaction and isolation_level is not None:
            connection.execution_options(isolation_level="READ COMMITTED")
