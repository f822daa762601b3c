"""Reporting periods: parsing, calendar bounds and how shorter periods cover a longer one.

Förbund report per year (`2023`), half (`2023H1`), tertial (`2023T1`, Jämtland's rhythm) or
quarter (`2023Q1`). Flows over disjoint periods add up; stocks do not (a person taking part in
both halves is one participant of the year), which is why covering a period is explicit here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache

from app.errors import Code, FinsamError

ACCEPTED_FORMS = "YYYY (year), YYYYH1-H2 (half), YYYYT1-T3 (tertial) or YYYYQ1-Q4 (quarter)"

_PATTERN = re.compile(r"(?P<year>[0-9]{4})(?:(?P<kind>[HTQ])(?P<index>[0-9]))?")


class PeriodKind(StrEnum):
    """The kinds of period, named by the letter used in the period string."""

    YEAR = "Y"
    HALF = "H"
    TERTIAL = "T"
    QUARTER = "Q"

    @property
    def parts_per_year(self) -> int:
        return {"Y": 1, "H": 2, "T": 3, "Q": 4}[self.value]

    @property
    def months(self) -> int:
        return 12 // self.parts_per_year


class PeriodError(ValueError):
    """A period string that is not one of the accepted forms."""


@dataclass(frozen=True, order=True)
class Period:
    """One reporting period. Ordered by year, then kind, then index."""

    year: int
    kind: PeriodKind
    index: int = 1

    def __post_init__(self) -> None:
        if not 1 <= self.index <= self.kind.parts_per_year:
            kind = self.kind.name.lower()
            raise PeriodError(f"{kind} index must be 1..{self.kind.parts_per_year}")

    def __str__(self) -> str:
        if self.kind is PeriodKind.YEAR:
            return f"{self.year:04d}"
        return f"{self.year:04d}{self.kind.value}{self.index}"

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, 1 + (self.index - 1) * self.kind.months, 1)

    @property
    def end(self) -> date:
        """The last day of the period (inclusive)."""
        last_month = self.index * self.kind.months
        if last_month == 12:
            return date(self.year, 12, 31)
        return date.fromordinal(date(self.year, last_month + 1, 1).toordinal() - 1)

    def overlaps(self, start: date, end: date | None) -> bool:
        """Whether the period shares at least one day with `start`..`end` (None: open-ended)."""
        return self.start <= (end or date.max) and start <= self.end

    def parts(self, kind: PeriodKind) -> list[Period]:
        """The periods of `kind` that exactly tile this one; empty when `kind` does not fit.

        A tertial cannot be split into quarters nor a half into tertials: their boundaries differ.
        """
        if kind.parts_per_year % self.kind.parts_per_year:
            return []
        per_part = kind.parts_per_year // self.kind.parts_per_year
        first = (self.index - 1) * per_part + 1
        return [Period(self.year, kind, i) for i in range(first, first + per_part)]


def parse_period(text: str) -> Period:
    """Parse `2023`, `2023H1`, `2023T3` or `2023Q4`; raise PeriodError naming the accepted forms."""
    if not isinstance(text, str):
        raise PeriodError(f"not a period; use {ACCEPTED_FORMS}")
    return _parse(text)


# Cached: a national summary parses the period of every report it chooses from (720 in the
# benchmark, 6 µs each), and they are a few dozen strings. Bounded: 1,024 of the ~11,000
# valid ones; errors are not cached.
@lru_cache(maxsize=1024)
def _parse(text: str) -> Period:
    # Lower case is accepted; nothing else is (no spaces, no non-ASCII digits). The input is
    # never echoed: a rejected string may be anything, a personnummer included.
    match = _PATTERN.fullmatch(text.upper())
    if match is None:
        raise PeriodError(f"not a period; use {ACCEPTED_FORMS}")
    year = int(match["year"])
    if not 1900 <= year <= 2999:
        raise PeriodError(f"year {year} is out of range 1900..2999; use {ACCEPTED_FORMS}")
    if match["kind"] is None:
        return Period(year, PeriodKind.YEAR)
    kind = PeriodKind(match["kind"])
    index = int(match["index"])
    if not 1 <= index <= kind.parts_per_year:
        raise PeriodError(
            f"not a period: a year has {kind.parts_per_year} {kind.name.lower()}s; "
            f"use {ACCEPTED_FORMS}"
        )
    return Period(year, kind, index)


@dataclass(frozen=True)
class Coverage:
    """Which of an insats's reports stand for a period, and whether they cover it whole."""

    periods: tuple[Period, ...]
    exact: bool
    complete: bool

    @property
    def missing(self) -> bool:
        return not self.periods


def choose_coverage(
    target: Period,
    available: set[Period],
    lifetime: tuple[date, date | None] | None = None,
) -> Coverage:
    """Pick the reports that stand for `target` among an insats's reported periods.

    The insats's own report for `target` wins. Otherwise the longest kind of shorter period
    that tiles `target` is used, never mixing kinds (a half and two quarters could overlap or
    leave gaps). A kind counts even if some parts are missing: the result is then incomplete,
    and the caller says so rather than pretending the sum is the whole period. Parts outside
    the insats's `lifetime` (start, end or None) are not missing: nothing happened then.
    """
    if target in available:
        return Coverage((target,), exact=True, complete=True)
    best: Coverage | None = None
    for kind in (PeriodKind.HALF, PeriodKind.TERTIAL, PeriodKind.QUARTER):
        parts = target.parts(kind)
        if not parts or parts == [target]:
            continue
        if lifetime is not None:
            # An insats that started in July owes no report for the first half.
            parts = [p for p in parts if p.overlaps(*lifetime)] or parts
        present = tuple(p for p in parts if p in available)
        if not present:
            continue
        candidate = Coverage(present, exact=False, complete=len(present) == len(parts))
        # A complete tiling beats a partial one; among equals, the coarser kind (fewer reports).
        if best is None or (candidate.complete and not best.complete):
            best = candidate
    return best or Coverage((), exact=False, complete=False)


def period_at(text: str, loc: Sequence[str | int] = ("path", "period")) -> Period:
    """The period `text` names, or an `invalid-period` error located at `loc` (where it was:
    a path, a query parameter, a body field or an import row's column)."""
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise FinsamError.at(Code.INVALID_PERIOD, loc, str(exc)) from None
