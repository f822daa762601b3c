"""Benchmark: one atomic bulk import of many reports beside a COPY floor, printed as JSON.

Run: `PYTHONPATH=. .venv/bin/python bench/imports.py [--rows 10000] [--format csv|json]
[--skip-dry-run] [--profile PATH]`.

Starts its own embedded PostgreSQL in a temporary folder (or uses BENCH_DATABASE_URL), seeds
förbund and insatser through the service's own HTTP API (in process, TestClient), then times:

- `import`: `--rows` reports for distinct (insats, period) pairs in one request to the import
  endpoint (`POST /api/v1/imports/csv` as CSV, or `POST /api/v1/imports` as JSON), all or
  nothing. When that is refused (today: more than `MAX_ROWS` rows), its status and problem
  type are reported, and `import_5000` times the largest import allowed, on other pairs, so
  that a figure exists.
- `dry_run` / `dry_run_5000`: the same rows with `dry_run=true`, before the real import (so
  both count "created").
- `copy_seconds` / `copy_5000_seconds`: the floor, psycopg's `cursor.copy()` of the same rows,
  flattened into a plain typed table the bench creates (`floor_reports`, no index) on the
  same PostgreSQL, in one transaction, committed.
- `ratio` = copy_seconds / import seconds (null when the import was refused) and
  `ratio_5000`; the performance issue's target is at least 0.03 for 10,000 rows.

The request body limit (`FINSAM_MAX_BODY_BYTES`) is raised for the run only when a body would
not fit it; `max_body_bytes.raised` says whether it was. `--profile PATH` records each timed
import with `py-spy record -f raw` on this process (the app runs in it); the file holds the
last import that ran, and its timing is inflated by the sampling (`profiled` in the output).
Figures are wall-clock seconds on whatever machine runs it: compare runs on the same machine.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.database import bench_database
from bench.seeding import forbund_with_insatser

TOKEN = "bench-admin-token-0123456789abcdef0123"
INSATSER_PER_FORBUND = 10
# Every insats starts 2015-01-01, so each of these periods lies inside its lifetime.
PERIODS = [str(y) for y in range(2015, 2025)] + [
    f"{y}H{h}" for y in range(2015, 2025) for h in (1, 2)
]
TARGET_RATIO = 0.03
# The figures each row carries, as the import's CSV columns (app/imports/formats.py); the
# floor table has one integer column for each.
FIGURES = (
    "participants_women",
    "participants_men",
    "started_women",
    "started_men",
    "ended_women",
    "ended_men",
    "outcomes_work_women",
    "outcomes_work_men",
    "outcomes_studies_women",
    "outcomes_studies_men",
    "volume_contacts",
)
COLUMNS = ("insats_id", "period", *FIGURES)
WIDEST_ID = 2**31 - 1  # sizes bodies before the real ids exist


@dataclass
class Row:
    """One report to import: which insats (by its place in the seeded list until the real id
    is known), the period and the figures, None where not reported."""

    slot: int
    period: str
    figures: dict[str, int | None]
    insats_id: int = WIDEST_ID

    def values(self) -> tuple[int | str | None, ...]:
        return (self.insats_id, self.period, *(self.figures[f] for f in FIGURES))


def make_rows(rng: random.Random, count: int, first_key: int) -> list[Row]:
    """`count` rows for the (insats, period) keys first_key.., each a consistent report."""
    rows = []
    for key in range(first_key, first_key + count):
        slot, period = divmod(key, len(PERIODS))
        figures: dict[str, int | None] = {}
        for gender in ("women", "men"):
            participants = rng.randint(0, 60)
            ended = rng.randint(0, participants)
            work = rng.randint(0, ended)
            figures[f"participants_{gender}"] = participants
            figures[f"started_{gender}"] = rng.randint(0, participants)
            figures[f"ended_{gender}"] = ended
            figures[f"outcomes_work_{gender}"] = work
            figures[f"outcomes_studies_{gender}"] = rng.randint(0, ended - work)
        figures["volume_contacts"] = rng.choice([None, rng.randint(0, 300)])
        rows.append(Row(slot, PERIODS[period], figures))
    return rows


def csv_body(rows: list[Row]) -> bytes:
    """The rows as an import file: `;`-separated, a header, an empty cell for not reported."""
    lines = [";".join(COLUMNS)]
    lines += [";".join("" if v is None else str(v) for v in row.values()) for row in rows]
    return ("\r\n".join(lines) + "\r\n").encode()


def json_body(rows: list[Row]) -> bytes:
    """The rows as `{"reports": [{insats_id, period, report}]}`."""

    def report(f: dict[str, int | None]) -> dict[str, Any]:
        def pair(name: str) -> dict[str, int | None]:
            return {"women": f[f"{name}_women"], "men": f[f"{name}_men"]}

        return {
            "participants": pair("participants"),
            "started": pair("started"),
            "ended": pair("ended"),
            "outcomes": {"work": pair("outcomes_work"), "studies": pair("outcomes_studies")},
            "volume_contacts": f["volume_contacts"],
        }

    reports = [
        {"insats_id": r.insats_id, "period": r.period, "report": report(r.figures)} for r in rows
    ]
    return json.dumps({"reports": reports}, separators=(",", ":")).encode()


@contextlib.contextmanager
def profiled(path: Path | None) -> Iterator[None]:
    """Record this process with py-spy (raw, collapsed stacks, idle threads included, so
    filter on the import's frames) while the block runs."""
    if path is None:
        yield
        return
    py_spy = Path(sys.executable).with_name("py-spy")
    # --idle: time spent waiting for PostgreSQL is part of the import's cost.
    command = [str(py_spy), "record", "--idle", "-p", str(os.getpid()), "-f", "raw"]
    command += ["-o", str(path)]
    recorder = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    assert recorder.stdout is not None
    # py-spy says "Sampling process ..." once attached; what it says before is the reason
    # it could not.
    said = []
    for line in recorder.stdout:
        said.append(line)
        if "Sampling process" in line:
            break
    else:  # it closed its output: it has exited
        recorder.wait()
        raise RuntimeError("py-spy did not start: " + "".join(said))
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)
        rest, _ = recorder.communicate(timeout=120)
        print("".join(said) + rest, file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--rows", type=int, default=10_000, help="rows in the one import")
    parser.add_argument("--format", choices=("csv", "json"), default="csv")
    parser.add_argument(
        "--skip-dry-run", action="store_true", help="time the real imports only (saves a minute)"
    )
    parser.add_argument(
        "--profile", type=Path, help="py-spy raw profile of the timed import(s) into this file"
    )
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    url, _ = bench_database()
    os.environ["DATABASE_URL"] = url
    os.environ["FINSAM_ADMIN_TOKEN"] = TOKEN

    from app.imports import formats
    from app.imports.schemas import MAX_ROWS

    unknown = [c for c in COLUMNS if c not in formats.COLUMNS]
    assert not unknown, f"the import has no columns {unknown}"

    # The rows, with the widest ids, before the app exists: its body limit is read at start.
    rng = random.Random(args.seed)
    rows = make_rows(rng, args.rows, 0)
    # When the import is refused, the largest allowed one runs on keys of its own.
    fallback = make_rows(rng, MAX_ROWS, args.rows) if args.rows > MAX_ROWS else []
    body_of = csv_body if args.format == "csv" else json_body
    largest = max(len(body_of(rows)), len(body_of(fallback)))
    body_limit = _body_limit(largest)

    from fastapi.testclient import TestClient
    from sqlalchemy.engine import make_url

    from app.db import migrate
    from app.db.engine import database_url
    from app.main import app

    migrate.upgrade(database_url())
    client = TestClient(app)
    admin = {"Authorization": f"Bearer {TOKEN}"}

    started = time.perf_counter()
    ids = _seed(client, admin, math.ceil((len(rows) + len(fallback)) / len(PERIODS)))
    seed_seconds = time.perf_counter() - started
    for row in (*rows, *fallback):
        row.insats_id = ids[row.slot]

    def timed_import(batch: list[Row], *, dry_run: bool) -> dict[str, Any]:
        body = body_of(batch)
        path, media_type = (
            ("/api/v1/imports/csv", "text/csv")
            if args.format == "csv"
            else ("/api/v1/imports", "application/json")
        )
        with profiled(None if dry_run else args.profile):
            t0 = time.perf_counter()
            response = client.post(
                path,
                content=body,
                params={"dry_run": "true"} if dry_run else {},
                headers={**admin, "Content-Type": media_type},
            )
            seconds = time.perf_counter() - t0
        answer = response.json()
        out: dict[str, Any] = {
            "rows": len(batch),
            "body_bytes": len(body),
            "status": response.status_code,
            "seconds": round(seconds, 3),
        }
        if response.status_code == 200:
            out["ms_per_row"] = round(seconds / len(batch) * 1000, 3)
            out |= {k: answer[k] for k in ("created", "updated", "unchanged", "rejected")}
        else:
            out |= {
                "problem_type": answer.get("type"),
                "detail": answer.get("detail"),
                "errors": (answer.get("errors") or [])[:3],
            }
        return out

    results: dict[str, Any] = {
        "rows": args.rows,
        "format": args.format,
        "max_rows": MAX_ROWS,
        "insatser": len(ids),
        "seed_seconds": round(seed_seconds, 1),
        "max_body_bytes": body_limit,
    }
    if not args.skip_dry_run:
        results["dry_run"] = timed_import(rows, dry_run=True)
    results["import"] = timed_import(rows, dry_run=False)
    if results["import"]["status"] != 200 and fallback:
        if not args.skip_dry_run:
            results["dry_run_5000"] = timed_import(fallback, dry_run=True)
        results["import_5000"] = timed_import(fallback, dry_run=False)

    conninfo = make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)
    results["copy_seconds"] = _copy_floor(conninfo, rows)
    results["copy_ms_per_row"] = round(results["copy_seconds"] / len(rows) * 1000, 4)
    if "import_5000" in results:
        results["copy_5000_seconds"] = _copy_floor(conninfo, fallback)
    results["ratio"] = _ratio(results["copy_seconds"], results["import"])
    if "import_5000" in results:
        results["ratio_5000"] = _ratio(results["copy_5000_seconds"], results["import_5000"])
    results["target_ratio"] = TARGET_RATIO
    if args.profile:
        results["profiled"] = str(args.profile)
    print(json.dumps(results, indent=2, ensure_ascii=False))


def _body_limit(largest_body: int) -> dict[str, Any]:
    """The app's body limit for this run: raised (through its environment setting, before
    the app reads it) only when the largest body would not fit."""
    from app.config import Settings

    limit = Settings().finsam_max_body_bytes
    raised = largest_body > limit
    if raised:
        limit = 2 * largest_body
        os.environ["FINSAM_MAX_BODY_BYTES"] = str(limit)
    return {"limit": limit, "raised": raised, "largest_body": largest_body}


def _seed(client: Any, admin: dict[str, str], insatser: int) -> list[int]:
    """Förbund of INSATSER_PER_FORBUND individual insatser each, all started 2015-01-01;
    returns the insats ids. Codes carry the run's time, so a reused database does not clash."""
    run = f"{int(time.time()):x}"
    ids: list[int] = []
    for f in range(math.ceil(insatser / INSATSER_PER_FORBUND)):
        code = f"imp-{run}-{f:03d}"
        count = min(INSATSER_PER_FORBUND, insatser - len(ids))
        ids += forbund_with_insatser(client, code, f, count, "2015-01-01", admin)
    return ids


def _copy_floor(conninfo: str, rows: list[Row]) -> float:
    """Seconds to COPY the rows into a fresh plain table in one committed transaction."""
    import psycopg

    figures = ", ".join(f"{name} integer" for name in FIGURES)
    with psycopg.connect(conninfo, autocommit=True) as connection:
        connection.execute("DROP TABLE IF EXISTS floor_reports")
        connection.execute(
            f"CREATE TABLE floor_reports (insats_id integer NOT NULL, period text NOT NULL, "
            f"{figures})"
        )
        t0 = time.perf_counter()
        copy_rows = f"COPY floor_reports ({', '.join(COLUMNS)}) FROM STDIN"
        with (
            connection.transaction(),
            connection.cursor() as cursor,
            cursor.copy(copy_rows) as copy,
        ):
            for row in rows:
                copy.write_row(row.values())
        seconds = time.perf_counter() - t0
        (copied,) = connection.execute("SELECT count(*) FROM floor_reports").fetchone() or (0,)
        assert copied == len(rows), f"copied {copied} of {len(rows)} rows"
        connection.execute("DROP TABLE floor_reports")
    return round(seconds, 4)


def _ratio(copy_seconds: float, timed: dict[str, Any]) -> float | None:
    if timed["status"] != 200:
        return None
    return round(copy_seconds / float(timed["seconds"]), 5)


if __name__ == "__main__":
    main()
