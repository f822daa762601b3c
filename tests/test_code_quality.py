"""ruff and mypy run with the tests, so that CI and people enforce them the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy-strict"],
)
def test_code_is_clean(command: list[str], project_root: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *command], cwd=project_root, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
