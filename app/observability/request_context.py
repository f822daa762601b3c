"""Every request gets an id, one access log line and its place in the metrics.

`X-Request-ID` is the caller's when it is a sane token (so a request can be followed from
the insats system through the service), else a new one; it is on every response and in
every problem body, and on every log line written while the request is served. The access
line names the route template, never the path: paths hold ids and codes.
"""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.api.problems import internal_error, problem_response
from app.domain.personal_numbers import contains_personal_number
from app.observability.logs import CURRENT_REQUEST, RequestInfo
from app.observability.metrics import LATENCY, REQUESTS

HEADER = "X-Request-ID"
_SANE = re.compile(r"[A-Za-z0-9._:-]{1,128}")
# Requests that matched no route share one label, so that scanning for paths cannot grow
# the metrics without bound.
UNMATCHED = "unmatched"

access_log = logging.getLogger("finsam.access")
log = logging.getLogger(__name__)


def request_id_from(scope: Scope) -> str:
    """The caller's id when it is a sane token and no personal data, else a new one."""
    for name, value in scope.get("headers", ()):
        if name == b"x-request-id":
            text = str(value.decode("latin-1"))
            if _SANE.fullmatch(text) and not contains_personal_number(text):
                return text
            break
    return new_request_id()


def new_request_id() -> str:
    """A random id that reads as no personal identity number. One in a few thousand random
    hex strings holds ten digits that do; log redaction would then hide the id itself, and
    a client checking answers for personal data would find one."""
    while True:
        request_id = uuid.uuid4().hex
        if not contains_personal_number(request_id):
            return request_id


class RequestContext:
    """ASGI middleware; the outermost of the service's own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        info = RequestInfo(request_id=request_id_from(scope), method=scope["method"])
        token = CURRENT_REQUEST.set(info)
        started = time.perf_counter()
        status = 500
        response_started = False

        async def send_with_id(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                status = message["status"]
                response_started = True
                MutableHeaders(scope=message)[HEADER] = info.request_id
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        except Exception:
            # Answered here rather than by the server's last-resort handler, so that even
            # a 500 carries its request id, and logged with it.
            log.exception("unhandled error")
            if response_started:
                raise
            await problem_response(internal_error())(scope, receive, send_with_id)
        finally:
            route = getattr(scope.get("route"), "path", None) or UNMATCHED
            seconds = time.perf_counter() - started
            REQUESTS.labels(scope["method"], route, str(status)).inc()
            LATENCY.labels(route).observe(seconds)
            access_log.info(
                "%s %s %s",
                scope["method"],
                route,
                status,
                extra={
                    "method": scope["method"],
                    "route": route,
                    "status": status,
                    "duration_ms": round(seconds * 1000, 1),
                    "key_id": info.key_id,
                },
            )
            CURRENT_REQUEST.reset(token)
