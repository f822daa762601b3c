"""Parsing of parameters every router shares, with 422s that name the parameter."""

from __future__ import annotations

from collections.abc import Sequence

from app.domain.periods import Period, PeriodError, parse_period
from app.errors import Code, FinsamError


def period_param(text: str, loc: Sequence[str] = ("path", "period")) -> Period:
    """A period from a URL or body, or a 422 naming where it was and the accepted forms."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise FinsamError.at(Code.INVALID_PERIOD, loc, str(exc)) from None
