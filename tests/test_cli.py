"""The `finsam` command line, for the commands that need no database.

`create-key`, `migrate` and `serve` act on the configured database, so none of them is run
here, not even with bad arguments.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main, openapi_document


def test_export_openapi_writes_the_schema_as_json(tmp_path: Path) -> None:
    output = tmp_path / "o.json"
    main(["export-openapi", "--output", str(output)])
    schema = json.loads(output.read_text(encoding="utf-8"))
    assert schema["openapi"].startswith("3.")
    assert schema["info"]["title"] == "finsam"
    expected_paths = {
        "/health",
        "/ready",
        "/api/v1/forbund",
        "/api/v1/forbund/{code}",
        "/api/v1/forbund/{code}/insatser",
        "/api/v1/insatser/{insats_id}",
        "/api/v1/insatser/{insats_id}/reports",
        "/api/v1/insatser/{insats_id}/reports/{period}",
        "/api/v1/keys",
        "/api/v1/keys/{key_id}",
    }
    assert expected_paths <= set(schema["paths"])
    assert set(schema["paths"]["/api/v1/insatser/{insats_id}/reports/{period}"]) >= {"put", "get"}


def test_export_openapi_writes_what_the_app_serves(tmp_path: Path) -> None:
    output = tmp_path / "o.json"
    main(["export-openapi", "--output", str(output)])
    assert json.loads(output.read_text(encoding="utf-8")) == openapi_document()


def test_export_openapi_keeps_swedish_letters_readable(tmp_path: Path) -> None:
    output = tmp_path / "o.json"
    main(["export-openapi", "--output", str(output)])
    assert "förbund" in output.read_text(encoding="utf-8")


def test_export_openapi_creates_missing_folders_and_says_where_it_wrote(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "openapi" / "nested" / "o.json"
    main(["export-openapi", "--output", str(output)])
    assert output.is_file()
    assert str(output) in capsys.readouterr().out


def test_an_unknown_command_exits_with_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "usage: finsam" in capsys.readouterr().err
