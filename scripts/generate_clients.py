"""Regenerate the typed clients from the app's OpenAPI schema.

    .venv/bin/python scripts/generate_clients.py

1. exports the schema (`openapi/openapi.json`, as `finsam export-openapi` does);
2. generates the Python client with openapi-python-client (version pinned in pyproject.toml's
   `test` extra) into a temporary folder, then replaces `openapi/clients/python` with it;
3. generates the TypeScript types (`openapi/clients/typescript/src/schema.d.ts`) with
   openapi-typescript (version pinned in that folder's package.json and package-lock.json),
   running `npm ci` there first when node_modules is missing or older than the lock file.

The output depends only on the schema and the pinned tools, so a test regenerates into a
temporary folder and compares (tests/clients/test_clients_are_fresh.py).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "openapi" / "openapi.json"
CLIENTS = ROOT / "openapi" / "clients"
PYTHON_CLIENT = CLIENTS / "python"
PYTHON_CONFIG = CLIENTS / "openapi-python-client.yaml"
TYPESCRIPT_CLIENT = CLIENTS / "typescript"
TYPESCRIPT_SCHEMA = TYPESCRIPT_CLIENT / "src" / "schema.d.ts"

BUILT = ("build", "dist")


def _tool_environment() -> dict[str, str]:
    # The generator's post-hooks call `ruff`: the one installed beside this Python.
    tools = str(Path(sys.executable).parent)
    return {**os.environ, "PATH": os.pathsep.join([tools, os.environ.get("PATH", "")])}


def generate_python(schema: Path, output: Path) -> None:
    """Generate the Python client from `schema` into `output`, a folder that must not exist.
    Any warning is an error: a schema the generator cannot model fully is a bug to fix."""
    subprocess.run(
        [
            sys.executable,
            "-m",
            "openapi_python_client",
            "generate",
            "--path",
            str(schema),
            "--config",
            str(PYTHON_CONFIG),
            "--meta",
            "setup",
            "--fail-on-warning",
            "--output-path",
            str(output),
        ],
        check=True,
        env=_tool_environment(),
        cwd=output.parent,
    )


def ensure_node_modules() -> None:
    """Install the TypeScript client's pinned tools (`npm ci`) unless they are up to date."""
    installed = TYPESCRIPT_CLIENT / "node_modules" / ".package-lock.json"
    lock = TYPESCRIPT_CLIENT / "package-lock.json"
    if installed.is_file() and installed.stat().st_mtime >= lock.stat().st_mtime:
        return
    subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"],
        cwd=TYPESCRIPT_CLIENT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def generate_typescript(schema: Path, output: Path) -> None:
    """Generate the TypeScript types from `schema` into the file `output`."""
    ensure_node_modules()
    subprocess.run(
        [
            "npx",
            "--no",
            "--",
            "openapi-typescript",
            str(schema),
            "--output",
            str(output),
            # A field with a default (`unspecified: 0`) may be left out of a request body.
            "--default-non-nullable",
            "false",
        ],
        cwd=TYPESCRIPT_CLIENT,
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _is_generated(relative: Path) -> bool:
    """False for what building, installing, importing or linting the client leaves in its
    folder (`build/`, `dist/`, `*.egg-info`, `__pycache__`, tool caches such as
    `.ruff_cache`; the project's .gitignore names them)."""
    parts = relative.parts
    return not (
        parts[0] in BUILT
        or relative.suffix == ".pyc"
        or any(part == "__pycache__" or part.endswith((".egg-info", "_cache")) for part in parts)
    )


def generated_files(folder: Path) -> dict[str, bytes]:
    """Every generated file under `folder` by its relative path, with its content."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and _is_generated(path.relative_to(folder))
    }


def _replace_python_client(generated: Path) -> None:
    """Make `openapi/clients/python` exactly `generated`: files the generator no longer
    writes (a removed model, say) go too; an editable install's metadata stays."""
    for child in PYTHON_CLIENT.iterdir() if PYTHON_CLIENT.exists() else ():
        if child.name.endswith(".egg-info"):
            continue
        if child.is_dir():
            shutil.rmtree(child)
        else:
            child.unlink()
    shutil.copytree(generated, PYTHON_CLIENT, dirs_exist_ok=True)


def main() -> None:
    from app.cli import export_openapi

    export_openapi(SCHEMA)
    with tempfile.TemporaryDirectory(prefix="finsam-clients-") as temporary:
        generated = Path(temporary) / "python"
        generate_python(SCHEMA, generated)
        _replace_python_client(generated)
    print(f"wrote {PYTHON_CLIENT}")
    generate_typescript(SCHEMA, TYPESCRIPT_SCHEMA)
    print(f"wrote {TYPESCRIPT_SCHEMA}")


if __name__ == "__main__":
    main()
