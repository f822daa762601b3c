"""Summaries as plain data: figures from aggregated sums, shares, and change between periods.

Input rows are sums already made by the database; this module only shapes them. Anything no
report gave stays None: a summary must never turn "ej aktuellt" into 0.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from app.domain.derived import DERIVED
from app.domain.measures import GENDERS, MEASURES, TOTAL, InsatsKind, Shape

# The pseudo-measure the aggregation gives each derived figure's sides under, per insats
# that gave both (`app.domain.derived`); categories are `<figure>.numerator` and `.denominator`.
SHARE_INPUTS = "share_inputs"
SHARES = tuple(DERIVED)
# Each share of those who ended and the outcomes it counts, as the registry defines them.
SHARE_OUTCOMES: dict[str, tuple[str, ...]] = {
    name: d.numerator.categories for name, d in DERIVED.items() if d.numerator.measure == "outcomes"
}


class Sum(NamedTuple):
    """The database's sum of one (measure, category, gender) at one level."""

    measure: str
    category: str
    gender: str
    value: int
    reported_by: int


def _split_by_all(cells: Mapping[str, Sum]) -> bool:
    """Whether every insats behind a total gave its kön split: each one that gave the total
    also gave women (a split is stored whole), so the counts of insatser agree."""
    total, women = cells.get(TOTAL), cells.get("women")
    return women is not None and (total is None or women.reported_by == total.reported_by)


def _gender_figure(cells: Mapping[str, Sum]) -> dict[str, int | None]:
    """A count by kön summed over insatser. The split is given only when every insats gave it:
    women summed over some insatser beside a total over all would read as a split of that total.
    `not_split_by` says how many gave the total alone ("kön ej uppdelat")."""
    split = _split_by_all(cells)
    total = cells.get(TOTAL)
    figure: dict[str, int | None] = {
        g: (cells[g].value if g in cells else 0) if split else None for g in GENDERS
    }
    # Facts stored before totals were stored have none; their split is their total.
    figure[TOTAL] = total.value if total else sum(v or 0 for v in figure.values())
    reported_by = max(s.reported_by for s in cells.values())
    figure["reported_by"] = reported_by
    figure["not_split_by"] = reported_by - (cells["women"].reported_by if "women" in cells else 0)
    return figure


def build_measures(sums: Iterable[Sum]) -> dict[str, Any]:
    """Every measure of the catalogue, summed per gender and total, with `reported_by`.

    A measure (or category) that no report gave is None.
    """
    cells: dict[tuple[str, str], dict[str, Sum]] = {}
    for s in sums:
        cells.setdefault((s.measure, s.category), {})[s.gender] = s
    measures: dict[str, Any] = {}
    for name, measure in MEASURES.items():
        match measure.shape:
            case Shape.GENDER_COUNT:
                given = cells.get((name, ""))
                measures[name] = _gender_figure(given) if given else None
            case Shape.COUNT:
                one = cells.get((name, ""), {}).get("")
                measures[name] = {TOTAL: one.value, "reported_by": one.reported_by} if one else None
            case Shape.CATEGORY_COUNTS:
                found = {c: cells[(name, c)][""] for c in measure.categories if (name, c) in cells}
                measures[name] = (
                    {
                        c: {TOTAL: found[c].value, "reported_by": found[c].reported_by}
                        if c in found
                        else None
                        for c in measure.categories
                    }
                    if found
                    else None
                )
            case Shape.CATEGORY_GENDER_COUNTS:
                given_any = any((name, c) in cells for c in measure.categories)
                measures[name] = (
                    {
                        c: _gender_figure(cells[(name, c)]) if (name, c) in cells else None
                        for c in measure.categories
                    }
                    if given_any
                    else None
                )
    return measures


# Counts of insatser behind a figure, not of what it measures.
COVERAGE = frozenset({"reported_by", "applies_to", "not_split_by"})


def applies_to(insatser: Iterable[tuple[str, Iterable[str]]]) -> dict[str, int]:
    """Per measure, how many of these insatser it applies to: their kind allows it and they
    have not marked it as not applicable. `insatser` are (kind, not_applicable) pairs."""
    counts = dict.fromkeys(MEASURES, 0)
    alike = Counter((kind, frozenset(not_applicable)) for kind, not_applicable in insatser)
    for (kind, excluded), insatser_alike in alike.items():
        for name in _applicable(kind, excluded):
            counts[name] += insatser_alike
    return counts


@lru_cache(maxsize=256)  # bounded: the pairs come from stored insatser
def _applicable(kind: str, excluded: frozenset[str]) -> tuple[str, ...]:
    # Insatser share a handful of (kind, not_applicable) pairs; a national summary asks for
    # every förbund's count, and a profile found it a tenth of the summary's time uncached.
    return tuple(
        name
        for name, measure in MEASURES.items()
        if measure.applies_to(InsatsKind(kind)) and name not in excluded
    )


def with_applies_to(measures: dict[str, Any], counts: dict[str, int]) -> dict[str, Any]:
    """`measures` (as `build_measures` gives them) with `applies_to` on every figure, so that
    "reported by 4" reads "reported by 4 of the 4 it applies to"."""
    shaped: dict[str, Any] = {}
    for name, figure in measures.items():
        if figure is None:
            shaped[name] = None
        elif MEASURES[name].categories:
            shaped[name] = {
                c: None if f is None else {**f, "applies_to": counts[name]}
                for c, f in figure.items()
            }
        else:
            shaped[name] = {**figure, "applies_to": counts[name]}
    return shaped


def share_inputs(sums: Iterable[Sum]) -> dict[str, dict[str, dict[str, int]]]:
    """{share: {gender or total: {"numerator": n, "denominator": d}}} from the pseudo-measure.

    The total counts every insats that reported both sides, split by kön or not; a kön
    counts only where every one of them gave the split (as for any count by kön).
    """
    cells: dict[str, dict[str, dict[str, Sum]]] = {}
    for s in sums:
        if s.measure == SHARE_INPUTS:
            name, part = s.category.rsplit(".", 1)
            cells.setdefault(name, {}).setdefault(part, {})[s.gender] = s
    inputs: dict[str, dict[str, dict[str, int]]] = {}
    for name, parts in cells.items():
        split = all(_split_by_all(part) for part in parts.values())
        keys = (*GENDERS, TOTAL) if split else (TOTAL,)
        inputs[name] = {
            key: {part: given[key].value for part, given in parts.items() if key in given}
            for key in keys
            if any(key in given for given in parts.values())
        }
    return inputs


def build_shares(inputs: Mapping[str, Mapping[str, Mapping[str, int]]]) -> dict[str, Any]:
    """Every derived figure, per gender and total, over insatser that reported both sides."""
    shares: dict[str, Any] = {}
    for name, derived in DERIVED.items():
        given = inputs.get(name)
        shares[name] = (
            {
                key: derived.value(
                    given.get(key, {}).get("numerator"), given.get(key, {}).get("denominator")
                )
                for key in (*GENDERS, TOTAL)
            }
            if given
            else None
        )
    return shares


def change(current: Any, previous: Any) -> Any:
    """Current minus previous, number by number, for figures both periods have; else None.

    Coverage (`reported_by`, `applies_to`) is left out: a change in how many reported is not
    a change in the measure.
    """
    if isinstance(current, dict) and isinstance(previous, dict):
        result = {
            key: change(current[key], previous.get(key)) for key in current if key not in COVERAGE
        }
        return result if any(v is not None for v in result.values()) else None
    if isinstance(current, int | float) and isinstance(previous, int | float):
        return round(current - previous, 4)
    return None


def missing_reasons(
    measures: Mapping[str, Any], applies: Mapping[str, int], from_parts: Iterable[str]
) -> dict[str, str]:
    """Why each null measure of a summary is null: `not_applicable` (it applies to none of
    the insatser), `not_summable` (a stock that an insats it applies to reported only for
    shorter periods: stocks are not added over them), or `not_reported` (nobody gave it)."""
    parts = set(from_parts)
    reasons = {}
    for name, figure in measures.items():
        if figure is not None:
            continue
        if not applies.get(name):
            reasons[name] = "not_applicable"
        elif not MEASURES[name].flow and name in parts:
            reasons[name] = "not_summable"
        else:
            reasons[name] = "not_reported"
    return reasons
