"""The committed OpenAPI schema is what the app serves, and documents every field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from app.cli import openapi_document


def test_committed_openapi_matches_the_app(project_root: Path) -> None:
    committed = json.loads((project_root / "openapi" / "openapi.json").read_text())
    assert committed == openapi_document(), (
        "openapi/openapi.json is stale: run `finsam export-openapi`"
    )


def _undocumented(schema: dict[str, Any]) -> list[str]:
    missing = []
    for name, component in schema["components"]["schemas"].items():
        if name in ("ValidationError", "HTTPValidationError"):
            continue
        for field, spec in component.get("properties", {}).items():
            if not spec.get("description"):
                missing.append(f"{name}.{field}")
    return missing


def test_every_schema_field_has_a_description() -> None:
    assert _undocumented(openapi_document()) == []


def test_every_operation_has_an_explicit_operation_id() -> None:
    for path, operations in openapi_document()["paths"].items():
        for method, operation in operations.items():
            # FastAPI's generated ids end in the method name; ours are chosen camelCase names.
            assert not operation["operationId"].endswith(f"_{method}"), (path, method)
