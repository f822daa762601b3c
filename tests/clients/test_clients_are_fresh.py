"""The committed clients are what the generators make of the app's schema today."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from app.cli import export_openapi, openapi_document
from scripts.generate_clients import (
    PYTHON_CLIENT,
    TYPESCRIPT_SCHEMA,
    generate_python,
    generate_typescript,
    generated_files,
)

REGENERATE = "run `.venv/bin/python scripts/generate_clients.py`"
needs_npm = pytest.mark.skipif(shutil.which("npm") is None, reason="npm is not installed")


@pytest.fixture(scope="module")
def schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The schema the app serves now (test_openapi.py checks that it is the committed one)."""
    path = tmp_path_factory.mktemp("schema") / "openapi.json"
    export_openapi(path)
    return path


def test_tags_and_operation_ids_make_plain_ascii_module_names() -> None:
    # Generators name modules and functions after them (openapi-python-client: a package
    # per tag, a module per operation id), and "förbund" makes an awkward import.
    document = openapi_document()
    operations = [op for path in document["paths"].values() for op in path.values()]
    tags = {tag["name"] for tag in document["tags"]}
    used = {tag for operation in operations for tag in operation.get("tags", [])}

    assert used <= tags
    assert [t for t in tags if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", t)] == []
    ids = [operation["operationId"] for operation in operations]
    assert [i for i in ids if not re.fullmatch(r"[a-z][A-Za-z0-9]*", i)] == []
    assert all(path.isascii() for path in generated_files(PYTHON_CLIENT))


def test_the_python_client_is_what_the_generator_makes_of_the_schema(
    schema: Path, tmp_path: Path
) -> None:
    generate_python(schema, tmp_path / "python")

    fresh = generated_files(tmp_path / "python")
    committed = generated_files(PYTHON_CLIENT)
    differing = sorted(
        path for path in fresh.keys() | committed.keys() if fresh.get(path) != committed.get(path)
    )
    assert differing == [], f"openapi/clients/python is stale: {REGENERATE}"


@needs_npm
def test_the_typescript_types_are_what_the_generator_makes_of_the_schema(
    schema: Path, tmp_path: Path
) -> None:
    generate_typescript(schema, tmp_path / "schema.d.ts")

    fresh = (tmp_path / "schema.d.ts").read_bytes()
    assert fresh == TYPESCRIPT_SCHEMA.read_bytes(), f"{TYPESCRIPT_SCHEMA} is stale: {REGENERATE}"
