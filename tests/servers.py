"""`finsam serve` as a real process, for the tests that need one (logs, failures, load)."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import psutil  # type: ignore[import-untyped]

from tests.conftest import ADMIN_TOKEN


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    base_url: str
    log: Path

    def kill(self) -> None:
        """As a crash would (or systemd killing the service's cgroup): the server and its
        worker processes, with no chance to finish anything."""
        children = psutil.Process(self.process.pid).children(recursive=True)
        self.process.send_signal(signal.SIGKILL)
        for child in children:
            with contextlib.suppress(psutil.NoSuchProcess):
                child.kill()
        self.process.wait(timeout=10)
        psutil.wait_procs(children, timeout=10)


def wait_until_ready(base_url: str, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base_url}/ready", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError(f"finsam serve did not get ready: {log.read_text()[-3000:]}")


@contextmanager
def serving(database_url: str, folder: Path, *args: str, **env: str) -> Iterator[Server]:
    """`finsam serve` on a free port against `database_url`, stopped afterwards."""
    port = free_port()
    log = folder / f"serve-{port}.log"
    environment = {
        **os.environ,
        "DATABASE_URL": database_url,
        "FINSAM_ADMIN_TOKEN": ADMIN_TOKEN,
        **env,
    }
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port), *args],
            env=environment,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    try:
        wait_until_ready(server.base_url, log)
        yield server
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
