"""What the service counts for its operators, in Prometheus's terms (prometheus-client).

No label ever holds a tenant's data: routes are templates (`/api/v1/insatser/{insats_id}`),
never paths, and counts are of requests and writes, never of a förbund's figures.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector

REGISTRY = CollectorRegistry(auto_describe=True)

REQUESTS = Counter(
    "finsam_http_requests",
    "HTTP requests answered, by method, route template and status.",
    ("method", "route", "status"),
    registry=REGISTRY,
)
LATENCY = Histogram(
    "finsam_http_request_duration_seconds",
    "Time to answer, by route template.",
    ("route",),
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
    registry=REGISTRY,
)
SHED = Counter(
    "finsam_http_requests_shed",
    "Requests answered 503 at once because the service was saturated.",
    registry=REGISTRY,
)
DATABASE_UNAVAILABLE = Counter(
    "finsam_database_unavailable",
    "Requests answered 503 because the database could not be reached.",
    registry=REGISTRY,
)
IN_FLIGHT = Gauge(
    "finsam_http_requests_in_flight",
    "Requests being served that may use the database.",
    registry=REGISTRY,
)


# What a report write did: app.reports.service.WriteOutcome, or refused (a 4xx of the write).
WRITE_OUTCOMES = ("created", "replaced", "unchanged", "refused")
REPORT_WRITES = Counter(
    "finsam_report_writes",
    "Report writes (PUT and committed import rows) by outcome.",
    ("outcome",),
    registry=REGISTRY,
)
for _outcome in WRITE_OUTCOMES:
    REPORT_WRITES.labels(_outcome)  # every outcome shows, 0 included


class _Callback(Collector):
    """Gauges read when scraped: the pool in use, and the reports stored."""

    def __init__(self) -> None:
        self.pool_in_use: Callable[[], int | None] = lambda: None
        self.reports_stored: Callable[[], int | None] = lambda: None

    def collect(self) -> Iterator[GaugeMetricFamily]:
        for name, doc, read in (
            ("finsam_db_pool_in_use", "Database connections checked out.", self.pool_in_use),
            (
                "finsam_reports_stored",
                "Reports stored (every insats and period).",
                self.reports_stored,
            ),
        ):
            value = read()
            if value is not None:  # unknown (the database away) is left out, never 0
                yield GaugeMetricFamily(name, doc, value=value)


CALLBACKS = _Callback()
REGISTRY.register(CALLBACKS)
