"""`finsam serve` as a real process: what it writes to its logs, and what it refuses to start
with (issue 10)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import Engine

from app.domain.personal_numbers import contains_personal_number
from tests.conftest import ADMIN_TOKEN
from tests.servers import free_port, serving


def test_no_personnummer_reaches_the_server_log_in_any_form(engine: Engine, tmp_path: Path) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with serving(url, tmp_path) as server:
        admin = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
        with httpx.Client(base_url=server.base_url, headers=admin, timeout=10) as client:
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
        time.sleep(0.5)  # let the last lines reach the file
        text = server.log.read_text()
    assert all(400 <= s < 500 for s in statuses), statuses
    assert '"route": "unmatched"' in text or '"route":"unmatched"' in text
    assert "811228" not in text
    assert not contains_personal_number(text)


def test_the_server_logs_one_json_object_per_line_with_request_ids(
    engine: Engine, tmp_path: Path
) -> None:
    url = engine.url.render_as_string(hide_password=False)
    with serving(url, tmp_path) as server:
        response = httpx.get(
            f"{server.base_url}/api/v1/forbund",
            headers={"Authorization": f"Bearer {ADMIN_TOKEN}", "X-Request-ID": "trace-42"},
        )
        assert response.status_code == 200
        time.sleep(0.5)
        lines = server.log.read_text().splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    access = [r for r in records if r.get("request_id") == "trace-42"]
    assert access
    assert access[0]["route"] == "/api/v1/forbund"
    assert access[0]["key_id"] == "FINSAM_ADMIN_TOKEN"
    assert ADMIN_TOKEN not in "\n".join(lines)


def test_the_server_refuses_to_start_with_a_weak_admin_token(engine: Engine) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "serve", "--port", str(free_port())],
        env={
            **os.environ,
            "DATABASE_URL": engine.url.render_as_string(hide_password=False),
            "FINSAM_ADMIN_TOKEN": "change-me",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "FINSAM_ADMIN_TOKEN must be at least 32 characters" in result.stderr
    assert "change-me" not in result.stdout + result.stderr
