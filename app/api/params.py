"""Parsing of parameters every router shares, with 422s that name the parameter.

The rule itself is the domain's (`app.domain.periods.period_at`); routers take it from here.
"""

from __future__ import annotations

from app.domain.periods import period_at as period_param

__all__ = ["period_param"]
