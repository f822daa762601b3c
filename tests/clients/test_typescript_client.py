"""The TypeScript client: it type-checks under `strict`, and, compiled and run by node, it
drives a real `finsam serve` through the main flow."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import uuid
from pathlib import Path
from typing import Any

import pytest

from scripts.generate_clients import TYPESCRIPT_CLIENT, ensure_node_modules
from tests.conftest import ADMIN_TOKEN

pytestmark = pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")

# Imports the compiled flow (test/e2e.ts) and prints what it returns.
RUN_FLOW = """
const { run } = await import(process.env.FINSAM_FLOW);
const { FINSAM_URL, FINSAM_TOKEN, FINSAM_CODE } = process.env;
console.log(JSON.stringify(await run(FINSAM_URL, FINSAM_TOKEN, FINSAM_CODE)));
"""


def tsc(*arguments: str) -> subprocess.CompletedProcess[str]:
    ensure_node_modules()
    return subprocess.run(
        ["npx", "--no", "--", "tsc", "--project", ".", "--strict", *arguments],
        cwd=TYPESCRIPT_CLIENT,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_the_typescript_client_compiles_under_strict() -> None:
    result = tsc("--noEmit")

    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def compiled(tmp_path: Path) -> Path:
    """The client and test/e2e.ts as JavaScript modules, beside the client's node_modules."""
    result = tsc("--noEmit", "false", "--outDir", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    (tmp_path / "package.json").write_text('{"type": "module"}\n')
    (tmp_path / "node_modules").symlink_to(TYPESCRIPT_CLIENT / "node_modules")
    return tmp_path / "test" / "e2e.js"


def test_the_main_flow_runs_through_the_typescript_client(server: str, compiled: Path) -> None:
    environment = {
        **os.environ,
        "FINSAM_FLOW": compiled.as_uri(),
        "FINSAM_URL": server,
        "FINSAM_TOKEN": ADMIN_TOKEN,
        "FINSAM_CODE": f"ts-{uuid.uuid4().hex[:8]}",
    }
    result = subprocess.run(
        ["node", "--input-type=module", "--eval", RUN_FLOW],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr

    outcome: dict[str, Any] = json.loads(result.stdout)

    assert outcome["forbund"] == 201
    assert outcome["created"] == [201, 1]
    assert outcome["changed"] == [200, 2]
    refused_status, refused = outcome["refused"]
    assert (refused_status, refused["status"], refused["current_revision"]) == (412, 412, 2)
    invalid_status, invalid = outcome["invalid"]
    assert invalid_status == 422
    assert [error["loc"] for error in invalid["errors"]] == [["body", "participants", "women"]]
    assert (outcome["participants"], outcome["volumeContacts"]) == (376, 601)
    assert outcome["imported"] == [200, True, 1]  # sent as text/csv, not as a JSON string
    assert outcome["anonymous"] == 401  # the token goes only where it was given
