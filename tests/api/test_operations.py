"""What operators see and rely on (issue 11): request ids, metrics, JSON log lines, 503 with
Retry-After while the database is away or the service saturated, and /docs without a CDN."""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from starlette.types import Receive, Scope, Send

from app.api.admission import Admission
from app.api.deps import get_job_connect
from app.db.engine import get_readiness_engine, get_session
from app.main import app
from app.observability.logs import JsonLines
from tests.conftest import ADMIN_TOKEN, Api

# A real PostgreSQL driver pointed at a port where nothing listens: the database "away".
UNREACHABLE = "postgresql+psycopg://finsam@127.0.0.1:9/finsam"


def metric(text: str, name: str, **labels: str) -> float | None:
    """The value of one sample in Prometheus text format, or None when absent."""
    wanted = ",".join(f'{k}="{v}"' for k, v in labels.items())
    pattern = rf"^{re.escape(name)}(?:\{{{re.escape(wanted)}\}})? (\S+)$" if wanted else None
    for line in text.splitlines():
        if pattern and re.match(pattern, line):
            return float(line.rsplit(" ", 1)[1])
        if not pattern and line.startswith(f"{name} "):
            return float(line.rsplit(" ", 1)[1])
    return None


# --- X-Request-ID -------------------------------------------------------------------------


def test_a_sane_request_id_is_kept_and_returned(client: TestClient, api: Api) -> None:
    response = client.get("/api/v1/forbund", headers={**api.admin, "X-Request-ID": "abc-123.x"})
    assert response.headers["X-Request-ID"] == "abc-123.x"


@pytest.mark.parametrize("sent", ["", "två ord", "x" * 200, "811228-9874", "<script>"])
def test_an_insane_request_id_is_replaced_and_never_echoed(
    client: TestClient, api: Api, sent: str
) -> None:
    headers = {**api.admin, "X-Request-ID": sent.encode()}
    response = client.get("/api/v1/forbund", headers=headers)  # type: ignore[arg-type]
    assert response.status_code == 200
    assert re.fullmatch(r"[0-9a-f]{32}", response.headers["X-Request-ID"])
    assert (sent or "\0") not in response.text


@pytest.mark.parametrize(
    ("method", "path", "status"),
    [
        ("GET", "/api/v1/forbund", 401),
        ("GET", "/nowhere", 404),
        ("GET", "/api/v1/insatser/198112289874", 422),
        ("GET", "/health", 200),
    ],
)
def test_every_response_and_every_problem_carries_the_request_id(
    client: TestClient, method: str, path: str, status: int
) -> None:
    response = client.request(method, path)
    assert response.status_code == status
    request_id = response.headers["X-Request-ID"]
    if status >= 400:
        assert response.json()["request_id"] == request_id


# --- /metrics -----------------------------------------------------------------------------


def test_metrics_count_requests_by_route_template_and_report_writes_by_outcome(
    client: TestClient, api: Api
) -> None:
    api.forbund("sundsvall")
    insats = api.insats("sundsvall")["id"]
    before = client.get("/metrics").text
    url = f"/api/v1/insatser/{insats}/reports/2023"
    body = {"volume_contacts": 3}
    assert client.put(url, json=body, headers=api.admin).status_code == 201
    assert client.put(url, json=body, headers=api.admin).status_code == 200
    assert client.put(url, json={"volume_contacts": 4}, headers=api.admin).status_code == 200
    refused = client.put(
        url,
        json={"started": {"women": 9, "men": 9}, "participants": {"women": 1, "men": 1}},
        headers=api.admin,
    )
    assert refused.status_code == 422
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    after = response.text
    for outcome in ("created", "replaced", "unchanged", "refused"):
        was = metric(before, "finsam_report_writes_total", outcome=outcome) or 0
        assert metric(after, "finsam_report_writes_total", outcome=outcome) == was + 1, outcome
    route = "/api/v1/insatser/{insats_id}/reports/{period}"
    count = metric(after, "finsam_http_requests_total", method="PUT", route=route, status="200")
    assert count is not None
    assert count >= 2
    assert metric(after, "finsam_http_request_duration_seconds_count", route=route) is not None
    assert metric(after, "finsam_reports_stored") is not None


def test_metrics_hold_no_tenant_data_and_no_raw_paths(client: TestClient, api: Api) -> None:
    api.forbund("hemligt-forbund")
    client.get("/api/v1/forbund/hemligt-forbund", headers=api.admin)
    client.get("/api/v1/no/such/path/zyxwvu")
    text = client.get("/metrics").text
    assert "hemligt" not in text
    assert "zyxwvu" not in text
    assert metric(text, "finsam_http_requests_total", method="GET", route="unmatched", status="404")


# --- JSON log lines -----------------------------------------------------------------------


def test_the_access_line_is_one_json_object_with_the_request_and_never_the_token(
    client: TestClient, api: Api, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="finsam.access")
    response = client.get("/api/v1/forbund", headers={**api.admin, "X-Request-ID": "req-1"})
    assert response.status_code == 200
    record = next(r for r in caplog.records if r.name == "finsam.access")
    line = JsonLines().format(record)
    assert "\n" not in line
    assert ADMIN_TOKEN not in line
    data = json.loads(line)
    assert data["request_id"] == "req-1"
    assert (data["method"], data["route"], data["status"]) == ("GET", "/api/v1/forbund", 200)
    assert data["key_id"] == "FINSAM_ADMIN_TOKEN"
    assert data["duration_ms"] >= 0
    assert {"time", "level", "logger", "message"} <= set(data)


def test_an_error_line_carries_its_traceback_redacted(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    try:
        raise RuntimeError("insats 811228-9874 failed")
    except RuntimeError:
        logging.getLogger("app.test").exception("failed")
    data = json.loads(JsonLines().format(caplog.records[-1]))
    assert data["level"] == "error"
    assert "RuntimeError" in data["exception"]
    assert "9874" not in data["exception"]


# --- the database away ----------------------------------------------------------------------


@pytest.fixture
def database_away(client: TestClient) -> Iterator[None]:
    dead = create_engine(UNREACHABLE, connect_args={"connect_timeout": 2}, pool_pre_ping=True)

    def session() -> Iterator[Session]:
        with Session(dead) as s:
            yield s

    saved = dict(app.dependency_overrides)
    app.dependency_overrides[get_session] = session
    app.dependency_overrides[get_readiness_engine] = lambda: dead
    app.dependency_overrides[get_job_connect] = lambda: dead.connect
    yield
    app.dependency_overrides.clear()
    app.dependency_overrides.update(saved)
    dead.dispose()


@pytest.mark.usefixtures("database_away")
@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/v1/forbund"),
        ("GET", "/api/v1/open/national/summary?period=2022"),
        ("PUT", "/api/v1/insatser/1/reports/2023"),
    ],
)
def test_while_the_database_is_away_requests_get_503_with_retry_after(
    client: TestClient, method: str, path: str
) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    response = client.request(method, path, json={"volume_contacts": 1}, headers=headers)
    assert response.status_code == 503, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert int(response.headers["Retry-After"]) > 0


@pytest.mark.usefixtures("database_away")
def test_while_the_database_is_away_ready_fails_and_health_and_metrics_answer(
    client: TestClient,
) -> None:
    assert client.get("/ready").status_code == 503
    assert client.get("/health").status_code == 200
    metrics = client.get("/metrics")
    assert metrics.status_code == 200
    assert metric(metrics.text, "finsam_reports_stored") is None  # unknown, not 0


# --- saturation -----------------------------------------------------------------------------


def test_when_saturated_requests_get_503_at_once_and_operations_endpoints_still_answer() -> None:
    release = asyncio.Event()

    async def slow(scope: Scope, receive: Receive, send: Send) -> None:
        await release.wait() if scope["path"] == "/api/slow" else None
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"ok"})

    guarded = Admission(slow, capacity=2, wait_seconds=0.2)

    async def scenario() -> list[int]:
        transport = httpx.ASGITransport(app=guarded)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
            holding = [asyncio.create_task(client.get("/api/slow")) for _ in range(2)]
            await asyncio.sleep(0.05)
            shed = await client.get("/api/other")
            health = await client.get("/health")
            release.set()
            held = await asyncio.gather(*holding)
            after = await client.get("/api/other")
        assert shed.headers["Retry-After"] == "1"
        return [
            shed.status_code,
            health.status_code,
            *(r.status_code for r in held),
            after.status_code,
        ]

    assert asyncio.run(scenario()) == [503, 200, 200, 200, 200]


# --- /docs without a CDN ------------------------------------------------------------------


def test_the_docs_page_loads_its_assets_from_the_service_itself(client: TestClient) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources
    assert not [s for s in sources if s.startswith(("http:", "https:", "//"))], sources
    for source in sources:
        if source.endswith((".js", ".css")):
            assert client.get(source).status_code == 200, source


def test_a_made_request_id_never_reads_as_a_personnummer() -> None:
    from app.domain.personal_numbers import contains_personal_number
    from app.observability.request_context import new_request_id

    assert not any(contains_personal_number(new_request_id()) for _ in range(20_000))
