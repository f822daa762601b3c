"""No personal identity number reaches a log, whichever logger writes it and however the
value arrives (decoded, percent-encoded, in an argument, in a traceback).

A log-record factory redacts every record as it is made, so it covers every logger and
handler, including those a server (uvicorn, gunicorn, ...) configures after the app is
imported. Arguments are redacted one by one so that formatters that read them (uvicorn's
access formatter unpacks them) keep working.
"""

from __future__ import annotations

import logging
from typing import Any

from app.domain.personal_numbers import redact

_formatter = logging.Formatter()


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
        return record

    redacting_factory.redacts_personal_numbers = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(redacting_factory)
