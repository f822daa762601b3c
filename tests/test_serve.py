"""`finsam serve` as a real process: what it writes to its logs, and what it refuses to start
with (issue 10)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import Engine

from app.domain.personal_numbers import contains_personal_number
from tests.conftest import ADMIN_TOKEN


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _environment(engine: Engine, token: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": engine.url.render_as_string(hide_password=False),
        "FINSAM_ADMIN_TOKEN": token,
    }


@pytest.fixture
def served(engine: Engine, tmp_path: Path) -> Iterator[tuple[str, Path]]:
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "app.cli", "serve", "--port", str(port)],
            env=_environment(engine, ADMIN_TOKEN),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                if httpx.get(f"{base}/ready", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.25)
        else:
            pytest.fail(f"finsam serve did not get ready: {log.read_text()[-2000:]}")
        yield base, log
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_no_personnummer_reaches_the_server_log_in_any_form(served: tuple[str, Path]) -> None:
    base, log = served
    admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    with httpx.Client(base_url=base, headers=admin, timeout=10) as client:
        statuses = [
            client.get("/api/v1/forbund/x/summary?period=811228%2D9874").status_code,
            client.get("/api/v1/forbund/x/summary?period=811228%252D9874").status_code,
            client.get("/api/v1/insatser/198112289874").status_code,
            client.get("/api/v1/insatser/198112289874/reports/2023").status_code,
            client.put("/api/v1/insatser/1/reports/811228-9874", json={}).status_code,
            client.post(
                "/api/v1/keys",
                json={"role": "national", "label": "811228\u20139874"},
                headers={"Idempotency-Key": "811228-9874"},
            ).status_code,
        ]
    assert all(400 <= s < 500 for s in statuses), statuses
    time.sleep(0.5)  # let the access log lines reach the file
    text = log.read_text()
    assert "GET /api/v1/" in text  # the access log is there, redacted
    assert "[personnummer]" in text
    assert "9874" not in text
    assert not contains_personal_number(text)


def test_the_server_refuses_to_start_with_a_weak_admin_token(engine: Engine) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(_free_port())],
        env=_environment(engine, "change-me"),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "FINSAM_ADMIN_TOKEN must be at least 32 characters" in result.stderr
    assert "change-me" not in result.stdout + result.stderr
