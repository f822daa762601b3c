"""Benchmark: summaries at national scale (80 förbund, ~900 insatser), printed as JSON.

Run: `.venv/bin/python bench/summaries.py [--forbund 80] [--insatser 11] [--repeat 5]`.
Starts its own embedded PostgreSQL in a temporary folder (or uses BENCH_DATABASE_URL), seeds
it through the service's own write path, then times each read through HTTP (httpx against the
app, in process). Figures are wall-clock medians on whatever machine runs it: compare runs on
the same machine, never against a fixed number.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from bench.database import bench_database
from bench.seeding import forbund_with_insatser


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--forbund", type=int, default=80)
    parser.add_argument("--insatser", type=int, default=11, help="per förbund")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--skip-publish",
        action="store_true",
        help="time the authenticated summaries only (publishing a large country takes long)",
    )
    parser.add_argument(
        "--profile",
        metavar="PATH",
        help="also run py-spy (raw stacks to PATH) over 40 more summaries of 2022",
    )
    parser.add_argument(
        "--profile-summary",
        choices=("national", "forbund"),
        default="national",
        help="which summary --profile repeats: the national one, or förbund f000's",
    )
    parser.add_argument(
        "--grow",
        action="store_true",
        help="then seed 9 times as many förbund and time förbund f000's summary again",
    )
    args = parser.parse_args()

    url, _ = bench_database()
    os.environ["DATABASE_URL"] = url
    token = "bench-admin-token-0123456789abcdef0123"
    os.environ["FINSAM_ADMIN_TOKEN"] = token

    from app.db import migrate
    from app.db.engine import database_url
    from app.main import app

    migrate.upgrade(database_url())
    client = TestClient(app)
    admin = {"Authorization": f"Bearer {token}"}
    rng = random.Random(2022)

    started = time.perf_counter()
    reports, put_seconds = _seed(client, admin, rng, range(args.forbund), args.insatser)
    seed_seconds = time.perf_counter() - started

    def timed(
        path: str, params: dict[str, str], headers: dict[str, str] | None = None
    ) -> dict[str, Any]:
        samples = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            client.get(path, params=params, headers=headers or {}).raise_for_status()
            samples.append(time.perf_counter() - t0)
        return {
            "median_ms": round(statistics.median(samples) * 1000, 1),
            "min_ms": round(min(samples) * 1000, 1),
            "max_ms": round(max(samples) * 1000, 1),
        }

    published: dict[str, Any] = {}
    if not args.skip_publish:
        t0 = time.perf_counter()
        job = client.post("/api/v1/releases", json={"year": 2022}, headers=admin)
        # In process the job has run when the 202 returns.
        state = client.get(job.headers["Location"], headers=admin).json()["state"]
        assert state == "done", state
        published = {
            "publish_2022_seconds": round(time.perf_counter() - t0, 2),
            "open_national_summary_2022": timed(
                "/api/v1/open/national/summary", {"period": "2022"}
            ),
            "open_release_2022": timed("/api/v1/open/releases/2022", {}),
        }

    if args.profile:
        path = {"national": "/api/v1/national/summary", "forbund": "/api/v1/forbund/f000/summary"}
        read = path[args.profile_summary]
        _profile(args.profile, lambda: timed(read, {"period": "2022"}, admin))
    floor = _floor(url, args.repeat)
    results = {
        "forbund": args.forbund,
        "insatser": args.forbund * args.insatser,
        "reports": reports,
        "seed_seconds": round(seed_seconds, 1),
        "put_report_ms_mean": round(put_seconds / reports * 1000, 2),
        "national_summary_2022": timed("/api/v1/national/summary", {"period": "2022"}, admin),
        "national_summary_2023_from_halves": timed(
            "/api/v1/national/summary", {"period": "2023"}, admin
        ),
        **published,
        "forbund_summary_2022": timed("/api/v1/forbund/f000/summary", {"period": "2022"}, admin),
        "forbund_table_csv_2022": timed(
            "/api/v1/forbund/f000/table", {"period": "2022"}, {**admin, "Accept": "text/csv"}
        ),
    }
    if args.grow:
        # The rest of the country grows tenfold; förbund f000's own summary should not.
        _seed(client, admin, rng, range(args.forbund, args.forbund * 10), args.insatser)
        after = timed("/api/v1/forbund/f000/summary", {"period": "2022"}, admin)
        results["forbund_summary_2022_country_x10"] = after
        # The least of the samples: the cost of the work itself, least disturbed by a shared
        # machine (one slow sample moves a median of few).
        results["forbund_summary_growth"] = round(
            after["min_ms"] / results["forbund_summary_2022"]["min_ms"], 2
        )
    results["floor"] = floor
    results["ratio"] = {
        name: round(results[name]["median_ms"] / floor[name]["median_ms"], 1)
        for name in floor
        if name in results
    }
    # Beside the floor (one GROUP BY, the national sums alone), the national summaries
    # against a floor that also sums each förbund's row, as the summary does.
    results["ratio_with_forbund_rows"] = {
        name: round(results[name]["median_ms"] / floor[f"{name}_with_forbund_rows"]["median_ms"], 1)
        for name in ("national_summary_2022", "national_summary_2023_from_halves")
    }
    print(json.dumps(results, indent=2))


def _profile(path: str, run: Any) -> None:
    """py-spy over this process while `run` repeats; raw stacks, for grep and sums."""
    import subprocess
    import sys

    spy = Path(sys.executable).parent / "py-spy"
    command = [str(spy), "record", "-r", "200", "-f", "raw", "-o", path, "--pid", str(os.getpid())]
    recorder = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(1.0)  # py-spy attaches
    for _ in range(40):
        run()
    recorder.send_signal(2)
    recorder.wait(timeout=30)


FLOOR_TABLE = """
CREATE TABLE floor_facts AS
SELECT f.code AS forbund, f.lan, r.insats_id, r.period, x.measure, x.category, x.gender, x.value
FROM report_facts x JOIN reports r ON r.id = x.report_id
JOIN insatser i ON i.id = r.insats_id JOIN forbund f ON f.id = i.forbund_id
"""
FLOOR_SUM = """
SELECT measure, category, gender, sum(value) AS value, count(DISTINCT insats_id) AS insatser
FROM floor_facts WHERE period = ANY(:periods) {where} GROUP BY measure, category, gender
"""
# The national summary also gives every förbund its row: the same sums, grouped as it groups.
FLOOR_SUM_BY_FORBUND = """
SELECT forbund, measure, category, gender, sum(value) AS value,
       count(DISTINCT insats_id) AS insatser
FROM floor_facts WHERE period = ANY(:periods)
GROUP BY GROUPING SETS ((forbund, measure, category, gender), (measure, category, gender))
"""


def _floor(url: str, repeat: int) -> dict[str, Any]:
    """The least a FastAPI service could do for each summary, in the same run: one
    hand-written GROUP BY over the same facts in a plain typed table, behind a minimal
    endpoint, timed through HTTP the same way (in process)."""
    from fastapi import FastAPI
    from sqlalchemy import create_engine, text

    from app.db.engine import database_url

    engine = create_engine(database_url())
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE IF EXISTS floor_facts"))
        connection.execute(text(FLOOR_TABLE))
        connection.execute(text("CREATE INDEX ON floor_facts (period)"))
        connection.execute(text("CREATE INDEX ON floor_facts (forbund, period)"))
        connection.execute(text("ANALYZE floor_facts"))
    app = FastAPI()

    def rows(periods: list[str], where: str = "", **bind: str) -> list[dict[str, Any]]:
        return run(FLOOR_SUM.format(where=where), {"periods": periods, **bind})

    def run(sql: str, bind: dict[str, Any]) -> list[dict[str, Any]]:
        with engine.connect() as connection:
            return [dict(row._mapping) for row in connection.execute(text(sql), bind)]

    @app.get("/national")
    def national(periods: str) -> list[dict[str, Any]]:
        return rows(periods.split(","))

    @app.get("/national/by-forbund")
    def national_by_forbund(periods: str) -> list[dict[str, Any]]:
        return run(FLOOR_SUM_BY_FORBUND, {"periods": periods.split(",")})

    @app.get("/forbund/{code}")
    def forbund(code: str, periods: str) -> list[dict[str, Any]]:
        return rows(periods.split(","), "AND forbund = :code", code=code)

    client = TestClient(app)

    def timed(path: str, periods: str) -> dict[str, Any]:
        samples = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            client.get(path, params={"periods": periods}).raise_for_status()
            samples.append(time.perf_counter() - t0)
        return {"median_ms": round(statistics.median(samples) * 1000, 2)}

    found = {
        "national_summary_2022": timed("/national", "2022"),
        "national_summary_2023_from_halves": timed("/national", "2023H1,2023H2"),
        "forbund_summary_2022": timed("/forbund/f000", "2022"),
        "national_summary_2022_with_forbund_rows": timed("/national/by-forbund", "2022"),
        "national_summary_2023_from_halves_with_forbund_rows": timed(
            "/national/by-forbund", "2023H1,2023H2"
        ),
    }
    engine.dispose()
    return found


def _seed(
    client: TestClient,
    admin: dict[str, str],
    rng: random.Random,
    numbers: range,
    insatser: int,
) -> tuple[int, float]:
    """Förbund `f{n:03d}` for n in `numbers`, each with `insatser` insatser reporting 2022 and
    the halves of 2023 through the API; 2022 approved and closed. (reports, seconds in PUTs)"""
    reports = 0
    put_seconds = 0.0
    for f in numbers:
        code = f"f{f:03d}"
        for insats_id in forbund_with_insatser(client, code, f, insatser, "2020-01-01", admin):
            for period in ("2022", "2023H1", "2023H2"):
                put_started = time.perf_counter()
                client.put(
                    f"/api/v1/insatser/{insats_id}/reports/{period}",
                    json=_report(rng),
                    headers=admin,
                ).raise_for_status()
                put_seconds += time.perf_counter() - put_started
                reports += 1
            # 2022 is approved and closed, so that publishing it has figures to protect.
            for step in ("submit", "approve"):
                client.post(
                    f"/api/v1/insatser/{insats_id}/reports/2022/{step}", headers=admin
                ).raise_for_status()
        client.post(
            f"/api/v1/forbund/{code}/closed-periods", json={"period": "2022"}, headers=admin
        ).raise_for_status()
    return reports, put_seconds


def _gender(rng: random.Random, high: int) -> dict[str, int]:
    return {"women": rng.randint(0, high), "men": rng.randint(0, high)}


def _report(rng: random.Random) -> dict[str, Any]:
    participants = _gender(rng, 60)
    ended = {g: rng.randint(0, n) for g, n in participants.items()}
    work = {g: rng.randint(0, n) for g, n in ended.items()}
    studies = {g: rng.randint(0, ended[g] - work[g]) for g in ended}
    return {
        "participants": participants,
        "started": {g: rng.randint(0, n) for g, n in participants.items()},
        "ended": ended,
        "outcomes": {"work": work, "studies": studies},
        "volume_contacts": rng.choice([None, rng.randint(0, 300)]),
    }


if __name__ == "__main__":
    main()
