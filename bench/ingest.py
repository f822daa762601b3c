"""Benchmark: report PUT throughput with concurrent clients, beside a floor, printed as JSON.

Run: `PYTHONPATH=. .venv/bin/python bench/ingest.py [--puts 1600] [--clients 8]
[--mode insert|overwrite] [--workers N] [--rounds 1]
[--profile PATH [--profile-mode active|gil|idle]]`.

What it measures: reports stored per second (wall clock of the whole timed phase) and the
per-request latency (median, p95) when `--clients` threads, each with its own httpx.Client,
PUT `--puts` reports (`PUT /api/v1/insatser/{id}/reports/{period}`, bearer token) against

- finsam as `finsam serve` runs it (a subprocess on a free port; `--workers` passed on only
  when given here, so by default the CLI's own default), after seeding 20 förbund × 10
  insatser through HTTP; and
- the floor, `bench/floor_app.py`: a bare FastAPI app under the same uvicorn with the same
  worker count, parsing the same bodies with a small Pydantic model and storing each with
  one upsert into a plain typed table (`floor_reports`) of the same PostgreSQL;

with the same bodies, over the same distinct (insats, period) pairs (periods 2016..2025 as
years, halves, tertials and quarters). `--mode insert` (default): every timed PUT creates a
report. `--mode overwrite`: the pairs are stored first (untimed) and the timed PUTs replace
them with different figures. Each server gets a short warm-up first. Every response must be
2xx; any other status ends the run with an error. `ratio` is finsam / floor reports per
second. The CPU each side used during its timed phase (server processes, PostgreSQL when it
is the embedded one, this client) is reported too, as cores busy and ms per PUT.

Starts its own embedded PostgreSQL in a temporary folder (or uses BENCH_DATABASE_URL), and
stops it and both servers at the end, on errors too. `--profile PATH` records finsam's
server with py-spy (`record -r 100 -f raw --subprocesses`) during its timed phase (of the
last round), so that throughput figure is depressed by the sampling. Figures are wall clock
on whatever machine runs it: compare runs on the same machine, never against a fixed number.
"""

from __future__ import annotations

import argparse
import atexit
import json
import os
import random
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

import httpx
import psutil  # type: ignore[import-untyped]  # the project's test extra

from bench.database import bench_database
from bench.seeding import forbund_with_insatser

ROOT = Path(__file__).resolve().parent.parent
TOKEN = "bench-admin-token-0123456789abcdef0123"
FORBUND = 20
INSATSER_PER_FORBUND = 10
YEARS = range(2016, 2026)
WARMUP_YEAR = 2015  # warm-up PUTs use this year's periods, never a timed pair
WARMUP_PER_CLIENT = 5
READY_TIMEOUT_SECONDS = 90
STOP_TIMEOUT_SECONDS = 40


def periods_of(year: int) -> list[str]:
    """Every period of a year: the year, its halves, tertials and quarters."""
    return [
        str(year),
        *(f"{year}H{i}" for i in (1, 2)),
        *(f"{year}T{i}" for i in (1, 2, 3)),
        *(f"{year}Q{i}" for i in (1, 2, 3, 4)),
    ]


# --- bodies, as bench/summaries.py makes them --------------------------------------------


def _gender(rng: random.Random, high: int) -> dict[str, int]:
    return {"women": rng.randint(0, high), "men": rng.randint(0, high)}


def make_report(rng: random.Random) -> dict[str, Any]:
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


def different_report(rng: random.Random, old: dict[str, Any]) -> dict[str, Any]:
    """A report whose figures differ from `old` (so a replacement is a real change)."""
    while (new := make_report(rng)) == old:
        pass
    return new


@dataclass(frozen=True)
class Put:
    """One PUT: its path and its JSON body, serialised once."""

    path: str
    body: bytes


def puts_for(pairs: Sequence[tuple[int, str]], bodies: Sequence[dict[str, Any]]) -> list[Put]:
    return [
        Put(f"/api/v1/insatser/{insats}/reports/{period}", json.dumps(body).encode())
        for (insats, period), body in zip(pairs, bodies, strict=True)
    ]


# --- driving the load --------------------------------------------------------------------


@dataclass
class Load:
    """What one concurrent run of PUTs gave."""

    seconds: float
    latencies: list[float]
    failures: list[str]
    client_cpu_seconds: float


def drive(base_url: str, puts: Sequence[Put], clients: int, token: str = TOKEN) -> Load:
    """PUT every one of `puts` with `clients` threads (one httpx.Client each) taking the
    next from a shared queue; wall clock from the start signal until the last answer."""
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    next_index = 0
    start = threading.Barrier(clients + 1)

    def client_loop() -> None:
        nonlocal next_index
        mine: list[float] = []
        with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
            client.get("/health").raise_for_status()  # connected before the clock starts
            start.wait()
            while True:
                with lock:
                    index = next_index
                    next_index += 1
                if index >= len(puts):
                    break
                put = puts[index]
                t0 = time.perf_counter()
                try:
                    response = client.put(put.path, content=put.body)
                except httpx.HTTPError as exc:
                    with lock:
                        failures.append(f"{put.path}: {type(exc).__name__}: {exc}")
                    continue
                mine.append(time.perf_counter() - t0)
                if not response.is_success:
                    with lock:
                        failures.append(f"{put.path}: {response.status_code} {response.text[:300]}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=client_loop, daemon=True) for _ in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - t0
    return Load(seconds, latencies, failures, time.process_time() - cpu0)


def check(load: Load, what: str) -> None:
    if load.failures:
        shown = "\n  ".join(load.failures[:10])
        raise RuntimeError(f"{what}: {len(load.failures)} PUTs failed, first ones:\n  {shown}")


# --- CPU accounting ----------------------------------------------------------------------


def tree_cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU of a process, its live descendants and its reaped children."""
    if pid is None:
        return None
    try:
        root = psutil.Process(pid)
        times = root.cpu_times()
        total = times.user + times.system + times.children_user + times.children_system
        descendants = root.children(recursive=True)
    except psutil.Error:
        return None
    for child in descendants:
        with suppress(psutil.Error):
            child_times = child.cpu_times()
            total += child_times.user + child_times.system
    return float(total)


@contextmanager
def cpu_meter(pids: dict[str, int | None]) -> Iterator[dict[str, float | None]]:
    """CPU seconds each named process tree used inside the block (None: not measurable)."""
    before = {name: tree_cpu_seconds(pid) for name, pid in pids.items()}
    used: dict[str, float | None] = {}
    yield used
    for name, pid in pids.items():
        after = tree_cpu_seconds(pid)
        start = before[name]
        used[name] = None if after is None or start is None else after - start


# --- servers -----------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    process: subprocess.Popen[bytes]
    base_url: str
    log_path: Path
    log_file: Any = field(repr=False)

    def log_tail(self, lines: int = 30) -> str:
        self.log_file.flush()
        text = self.log_path.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])

    def worker_count(self) -> int:
        """Processes serving: uvicorn's spawned workers, or this process alone."""
        try:
            children = psutil.Process(self.process.pid).children()
            spawned = [c for c in children if "spawn_main" in " ".join(c.cmdline())]
        except psutil.Error:
            return 1
        return len(spawned) or 1


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_server(name: str, argv: list[str], env: dict[str, str], folder: Path) -> Server:
    """Start a server subprocess (output to a log file) and wait for its /health."""
    port = free_port()
    log_path = folder / f"{name}.log"
    log_file = log_path.open("wb")
    process = subprocess.Popen(
        [*argv, "--host", "127.0.0.1", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # a Ctrl-C of the bench reaches it only through stop_server
    )
    server = Server(name, process, f"http://127.0.0.1:{port}", log_path, log_file)
    deadline = time.monotonic() + READY_TIMEOUT_SECONDS
    with httpx.Client(base_url=server.base_url, timeout=2) as client:
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited ({process.returncode}):\n{server.log_tail()}")
            with suppress(httpx.HTTPError):
                if client.get("/health").status_code == 200:
                    return server
            if time.monotonic() > deadline:
                stop_server(server)
                raise RuntimeError(f"{name} not ready in {READY_TIMEOUT_SECONDS} s")
            time.sleep(0.2)


def stop_server(server: Server) -> None:
    """SIGTERM (both servers finish what is in flight and stop their workers), then SIGKILL
    for whatever of what this bench started is left."""
    process = server.process
    try:
        family = [process.pid, *(c.pid for c in psutil.Process(process.pid).children(True))]
    except psutil.Error:
        family = [process.pid]
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(STOP_TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    for pid in family[1:]:
        with suppress(psutil.Error):
            psutil.Process(pid).kill()
    server.log_file.close()


# --- profiling ---------------------------------------------------------------------------


@contextmanager
def profiled(pid: int, output: Path | None, mode: str) -> Iterator[None]:
    """py-spy records `pid` (and its subprocesses) for the duration of the block: the threads
    it deems active (`active`, its default), only the thread holding the GIL (`gil`: where
    the Python CPU goes) or every thread (`idle`: where the wall time goes, waits included)."""
    if output is None:
        yield
        return
    py_spy = shutil.which("py-spy", path=str(Path(sys.executable).parent)) or "py-spy"
    argv = [py_spy, "record", "-r", "100", "-f", "raw", "-o", str(output), "--subprocesses"]
    argv += {"active": [], "gil": ["--gil"], "idle": ["--idle"]}[mode] + ["--pid", str(pid)]
    recorder = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    time.sleep(1.5)  # attached and sampling before the load starts
    if recorder.poll() is not None:
        _, err = recorder.communicate()
        raise RuntimeError(f"py-spy failed: {err.decode(errors='replace')}")
    try:
        yield
    finally:
        recorder.send_signal(signal.SIGINT)  # py-spy writes its file on SIGINT
        try:
            _, err = recorder.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            recorder.kill()
            _, err = recorder.communicate()
        if message := err.decode(errors="replace").strip():
            print(f"py-spy: {message}", file=sys.stderr)


# --- the run -----------------------------------------------------------------------------


def summarise(load: Load, puts: int, cpu: dict[str, float | None]) -> dict[str, Any]:
    latencies = sorted(load.latencies)
    result: dict[str, Any] = {
        "per_second": round(puts / load.seconds, 1),
        "seconds": round(load.seconds, 2),
        "median_ms": round(statistics.median(latencies) * 1000, 1),
        "p95_ms": round(statistics.quantiles(latencies, n=20)[18] * 1000, 1),
    }
    for name, seconds in {**cpu, "client": load.client_cpu_seconds}.items():
        if seconds is not None:
            result[f"{name}_cores_busy"] = round(seconds / load.seconds, 2)
            result[f"{name}_cpu_ms_per_put"] = round(seconds / puts * 1000, 2)
    return result


def timed_phase(
    server: Server,
    puts: list[Put],
    before: list[Put],
    clients: int,
    pg_pid: int | None,
    profile: Path | None = None,
    profile_mode: str = "active",
    token: str = TOKEN,
) -> dict[str, Any]:
    """Untimed `before` PUTs (overwrite mode), then the timed ones, with CPU accounting."""
    if before:
        check(drive(server.base_url, before, clients, token), f"{server.name} first versions")
    with (
        profiled(server.process.pid, profile, profile_mode),
        cpu_meter({"server": server.process.pid, "postgres": pg_pid}) as cpu,
    ):
        load = drive(server.base_url, puts, clients, token)
    check(load, server.name)
    return summarise(load, len(puts), cpu)


def reporter_key(base_url: str, insatser: list[int]) -> str:
    """A reporter key for these insatser, as an insats system would hold."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    body = {"role": "reporter", "insatser": insatser, "label": "bench ingest"}
    response = httpx.post(f"{base_url}/api/v1/keys", json=body, headers=headers, timeout=60)
    response.raise_for_status()
    return str(response.json()["token"])


def seed(base_url: str) -> list[int]:
    """20 förbund × 10 insatser through the API; their insats ids. The codes are new each
    run, so that runs can share a BENCH_DATABASE_URL."""
    ids: list[int] = []
    headers = {"Authorization": f"Bearer {TOKEN}"}
    run = uuid.uuid4().hex[:8]
    with httpx.Client(base_url=base_url, headers=headers, timeout=60) as client:
        for f in range(FORBUND):
            code = f"ingest-{run}-{f:03d}"
            ids += forbund_with_insatser(
                client, code, f, INSATSER_PER_FORBUND, f"{WARMUP_YEAR}-01-01"
            )
    return ids


def create_floor_table(url: str) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import floor_app
    from sqlalchemy import create_engine

    engine = create_engine(floor_app.sqlalchemy_url(url))
    with engine.begin() as connection:
        floor_app.metadata.drop_all(connection)
        floor_app.metadata.create_all(connection)
    engine.dispose()


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(signal.Signals(signum).name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--puts", type=int, default=1600, help="timed PUTs per server per round")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--mode", choices=("insert", "overwrite"), default="insert")
    parser.add_argument(
        "--workers", type=int, default=None, help="passed to both servers (default: not passed)"
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="floor then finsam, this many times (fresh pairs)"
    )
    parser.add_argument("--profile", type=Path, help="py-spy raw output of finsam's timed phase")
    parser.add_argument(
        "--profile-mode",
        choices=("active", "gil", "idle"),
        default="active",
        help="py-spy's default, --gil (Python CPU) or --idle (wall time, waits included)",
    )
    parser.add_argument(
        "--key",
        choices=("admin", "reporter"),
        default="admin",
        help="finsam's PUTs with the admin token, or with a reporter key for the seeded "
        "insatser (looked up in the database on every request, as an insats system's is)",
    )
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()

    # SIGTERM, and SIGINT even when started in the background (where it is ignored), end the
    # run through the `finally` below, which stops the servers; atexit then stops PostgreSQL.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _interrupt)

    pairs_available = FORBUND * INSATSER_PER_FORBUND * len(YEARS) * len(periods_of(YEARS[0]))
    if args.puts * args.rounds > pairs_available:
        parser.error(f"--puts × --rounds is at most {pairs_available} (distinct pairs)")

    url, pg_pid = bench_database("finsam-ingest-")
    folder = Path(tempfile.mkdtemp(prefix="finsam-ingest-logs-"))
    atexit.register(shutil.rmtree, folder, True)
    env = {**os.environ, "DATABASE_URL": url, "FLOOR_DATABASE_URL": url}
    env["FINSAM_ADMIN_TOKEN"] = TOKEN
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    create_floor_table(url)

    finsam_cli = Path(sys.executable).with_name("finsam")
    finsam_argv = (
        [str(finsam_cli)] if finsam_cli.exists() else [sys.executable, "-m", "app.cli"]
    ) + ["serve"]
    if args.workers is not None:
        finsam_argv += ["--workers", str(args.workers)]

    servers: list[Server] = []
    try:
        finsam = start_server("finsam", finsam_argv, env, folder)
        servers.append(finsam)
        insatser = seed(finsam.base_url)
        token = TOKEN if args.key == "admin" else reporter_key(finsam.base_url, insatser)
        workers = finsam.worker_count()
        uvicorn = [sys.executable, "-m", "uvicorn", "--app-dir", str(ROOT / "bench")]
        floor_argv = [*uvicorn, "floor_app:app", "--workers", str(workers), "--no-access-log"]
        floor = start_server("floor", [*floor_argv, "--log-level", "warning"], env, folder)
        servers.append(floor)

        rng = random.Random(args.seed)
        pairs = [(i, p) for i in insatser for y in YEARS for p in periods_of(y)]
        rng.shuffle(pairs)
        warmup = [(i, p) for i in insatser for p in periods_of(WARMUP_YEAR)]
        rng.shuffle(warmup)
        for server in (floor, finsam):
            n = args.clients * WARMUP_PER_CLIENT
            bodies = [make_report(rng) for _ in range(n)]
            key = token if server is finsam else TOKEN  # the floor reads no token
            warm = drive(server.base_url, puts_for(warmup[:n], bodies), args.clients, key)
            check(warm, "warm-up")

        rounds: list[dict[str, dict[str, Any]]] = []
        for r in range(args.rounds):
            chosen = pairs[r * args.puts : (r + 1) * args.puts]
            first = [make_report(rng) for _ in chosen]
            before: list[Put] = []
            bodies = first
            if args.mode == "overwrite":
                before = puts_for(chosen, first)
                bodies = [different_report(rng, old) for old in first]
            timed = puts_for(chosen, bodies)
            last = r == args.rounds - 1
            results = {"floor": timed_phase(floor, timed, before, args.clients, pg_pid)}
            results["finsam"] = timed_phase(
                finsam,
                timed,
                before,
                args.clients,
                pg_pid,
                args.profile if last else None,
                args.profile_mode,
                token,
            )
            rounds.append(results)
    except BaseException:
        for server in servers:
            print(f"--- {server.name} log (tail) ---\n{server.log_tail()}", file=sys.stderr)
        raise
    finally:
        for server in reversed(servers):
            stop_server(server)

    def pick(side: str) -> dict[str, Any]:
        """The round with the median throughput (the only one, by default)."""
        ordered = sorted((r[side] for r in rounds), key=lambda s: s["per_second"])
        return ordered[(len(ordered) - 1) // 2]

    output: dict[str, Any] = {
        "clients": args.clients,
        "puts": args.puts,
        "mode": args.mode,
        "key": args.key,
        "workers": workers,
        "finsam": pick("finsam"),
        "floor": pick("floor"),
    }
    output["ratio"] = round(output["finsam"]["per_second"] / output["floor"]["per_second"], 3)
    if args.rounds > 1:
        output["rounds"] = [
            {side: r[side]["per_second"] for side in ("floor", "finsam")} for r in rounds
        ]
    if args.profile:
        output["profiled"] = str(args.profile)
    print(json.dumps(output, indent=2))


if __name__ == "__main__":
    main()
