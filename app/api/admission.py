"""Load shedding: at most as many requests use the database at once as the pool has
connections; the next ones wait a moment for a place, then get 503 with `Retry-After`.

Without it, a burst of requests queues on the pool until they time out with 500s, and, worse,
every worker thread can end up waiting for a connection while the connections' own sessions
wait for a free thread to finish their transaction: a deadlock (issue 11). With the in-flight
requests bounded by the pool, and the thread pool larger than that, neither can happen.
Operations endpoints (`/health`, `/ready`, `/metrics`, `/docs`) are never shed.
"""

from __future__ import annotations

import anyio
from anyio.lowlevel import RunVar
from starlette.types import ASGIApp, Receive, Scope, Send

from app.api.problems import problem_response
from app.errors import Code, FinsamError
from app.observability.metrics import IN_FLIGHT, SHED

GUARDED_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 1

# One limiter per event loop: a limiter belongs to the loop that made it.
_LIMITER: RunVar[anyio.CapacityLimiter] = RunVar("finsam_admission")


class Admission:
    """ASGI middleware admitting at most `capacity` API requests at once."""

    def __init__(self, app: ASGIApp, capacity: int, wait_seconds: float = 2.0) -> None:
        self.app = app
        self.capacity = capacity
        self.wait_seconds = wait_seconds

    def _limiter(self) -> anyio.CapacityLimiter:
        try:
            return _LIMITER.get()
        except LookupError:
            limiter = anyio.CapacityLimiter(self.capacity)
            _LIMITER.set(limiter)
            return limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith(GUARDED_PREFIX):
            await self.app(scope, receive, send)
            return
        limiter = self._limiter()
        admitted = False
        with anyio.move_on_after(self.wait_seconds):
            await limiter.acquire()
            admitted = True
        if not admitted:
            SHED.inc()
            response = problem_response(
                FinsamError(Code.BUSY, "The service is busy; try again in a moment."),
                headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
            )
            await response(scope, receive, send)
            return
        IN_FLIGHT.inc()
        try:
            await self.app(scope, receive, send)
        finally:
            IN_FLIGHT.dec()
            limiter.release()
