"""The one entry point that CI and people share: the tests (in parallel, the ten slowest
listed), then ruff and mypy, outside the timed test run. Exits non-zero if any step fails.

    .venv/bin/python scripts/check.py            # everything
    .venv/bin/python scripts/check.py tests/api  # pytest arguments narrow the tests
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(pytest_args: list[str]) -> int:
    python = sys.executable
    steps = [
        ("tests", [python, "-m", "pytest", "-n", "auto", "--durations=10", *pytest_args]),
        ("ruff check", [python, "-m", "ruff", "check", "."]),
        ("ruff format", [python, "-m", "ruff", "format", "--check", "."]),
        ("mypy (strict)", [python, "-m", "mypy"]),
    ]
    # CI runs more examples than a developer's quick run (tests/conftest.py has the profiles).
    env = {**os.environ}
    if os.environ.get("CI"):
        env.setdefault("HYPOTHESIS_PROFILE", "ci")
    failed = []
    for name, command in steps:
        started = time.monotonic()
        result = subprocess.run(command, cwd=ROOT, env=env)
        print(
            f"== {name}: {'ok' if result.returncode == 0 else 'FAILED'} "
            f"in {time.monotonic() - started:.0f} s",
            flush=True,
        )
        if result.returncode != 0:
            failed.append(name)
    if failed:
        print(f"== failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
