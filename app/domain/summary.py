"""Summaries as plain data: figures from aggregated sums, shares, and change between periods.

Input rows are sums already made by the database; this module only shapes them. Anything no
report gave stays None: a summary must never turn "ej aktuellt" into 0.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from app.domain.measures import GENDERS, MEASURES, InsatsKind, Shape

SHARE_INPUTS = "share_inputs"
# Each share of those who ended, and the outcomes it counts (utfall vid avslut).
SHARE_OUTCOMES: dict[str, tuple[str, ...]] = {
    "work_of_ended": ("work",),
    "studies_of_ended": ("studies",),
    "work_or_studies_of_ended": ("work", "studies"),
}
SHARES = tuple(SHARE_OUTCOMES)
TOTAL = "total"


class Sum(NamedTuple):
    """The database's sum of one (measure, category, gender) at one level."""

    measure: str
    category: str
    gender: str
    value: int
    reported_by: int


def _gender_figure(cells: Mapping[str, Sum]) -> dict[str, int]:
    figure = {g: cells[g].value if g in cells else 0 for g in GENDERS}
    figure[TOTAL] = sum(figure.values())
    figure["reported_by"] = max(s.reported_by for s in cells.values())
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
COVERAGE = frozenset({"reported_by", "applies_to"})


def applies_to(insatser: Iterable[tuple[str, Iterable[str]]]) -> dict[str, int]:
    """Per measure, how many of these insatser it applies to: their kind allows it and they
    have not marked it as not applicable. `insatser` are (kind, not_applicable) pairs."""
    counts = dict.fromkeys(MEASURES, 0)
    for kind, not_applicable in insatser:
        excluded = set(not_applicable)
        for name, measure in MEASURES.items():
            if measure.applies_to(InsatsKind(kind)) and name not in excluded:
                counts[name] += 1
    return counts


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


def share(numerator: int | None, denominator: int | None) -> float | None:
    """numerator / denominator rounded to four decimals; None when either is missing or 0 people."""
    if numerator is None or not denominator:
        return None
    return round(numerator / denominator, 4)


def share_inputs(sums: Iterable[Sum]) -> dict[str, dict[str, dict[str, int]]]:
    """{share: {gender or total: {"numerator": n, "denominator": d}}} from the pseudo-measure."""
    inputs: dict[str, dict[str, dict[str, int]]] = {}
    for s in sums:
        if s.measure != SHARE_INPUTS:
            continue
        name, part = s.category.rsplit(".", 1)
        per_gender = inputs.setdefault(name, {})
        per_gender.setdefault(s.gender, {})[part] = s.value
        total = per_gender.setdefault(TOTAL, {})
        total[part] = total.get(part, 0) + s.value
    return inputs


def build_shares(inputs: Mapping[str, Mapping[str, Mapping[str, int]]]) -> dict[str, Any]:
    """Shares of those who ended, per gender and total, over insatser that reported both sides."""
    shares: dict[str, Any] = {}
    for name in SHARES:
        given = inputs.get(name)
        shares[name] = (
            {
                key: share(
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
