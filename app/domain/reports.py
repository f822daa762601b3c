"""A report's figures as plain data: to and from stored facts, and the consistency rules.

Figures are a mapping from measure name to its value in the contract's JSON shape
(`{"women": 3, "men": 4, "unspecified": 0}`, an int, or counts keyed by category). A measure
that is absent or None was not reported ("ej aktuellt"); it has no facts and is never zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from app.domain.measures import GENDERS, MEASURES, InsatsKind, Shape

Figures = Mapping[str, Any]
Loc = tuple[str | int, ...]

NO_CATEGORY = ""
NO_GENDER = ""


class Fact(NamedTuple):
    """One stored number: `value` of `measure` for `category` and `gender` ('' when not split)."""

    measure: str
    category: str
    gender: str
    value: int


def to_facts(figures: Figures) -> list[Fact]:
    """Flatten figures into facts, one per number given. Not-reported measures yield nothing."""
    facts: list[Fact] = []
    for name, measure in MEASURES.items():
        value = figures.get(name)
        if value is None:
            continue
        match measure.shape:
            case Shape.GENDER_COUNT:
                facts += _gender_facts(name, NO_CATEGORY, value)
            case Shape.COUNT:
                facts.append(Fact(name, NO_CATEGORY, NO_GENDER, int(value)))
            case Shape.CATEGORY_COUNTS:
                facts += [
                    Fact(name, c, NO_GENDER, int(v)) for c, v in value.items() if v is not None
                ]
            case Shape.CATEGORY_GENDER_COUNTS:
                for category, counts in value.items():
                    if counts is not None:
                        facts += _gender_facts(name, category, counts)
    return facts


def _gender_facts(measure: str, category: str, counts: Mapping[str, int]) -> list[Fact]:
    return [Fact(measure, category, g, int(counts.get(g) or 0)) for g in GENDERS]


def from_facts(facts: Iterable[Fact]) -> dict[str, Any]:
    """Rebuild figures from facts; every measure of the catalogue is present, None if not given."""
    figures: dict[str, Any] = dict.fromkeys(MEASURES)
    for fact in facts:
        shape = MEASURES[fact.measure].shape
        if shape is Shape.COUNT:
            figures[fact.measure] = fact.value
            continue
        slot = figures[fact.measure] = figures[fact.measure] or {}
        if shape is Shape.GENDER_COUNT:
            slot[fact.gender] = fact.value
        elif shape is Shape.CATEGORY_COUNTS:
            slot[fact.category] = fact.value
        else:
            slot.setdefault(fact.category, {})[fact.gender] = fact.value
    # Outcome categories not reported are explicitly null, as in the contract's example.
    for name, measure in MEASURES.items():
        if measure.shape is Shape.CATEGORY_GENDER_COUNTS and figures[name] is not None:
            figures[name] = {c: figures[name].get(c) for c in measure.categories}
    return figures


@dataclass(frozen=True)
class Violation:
    """A broken rule, located at the field a client should fix."""

    loc: Loc
    msg: str


def _counts(value: Mapping[str, int] | None) -> dict[str, int] | None:
    if value is None:
        return None
    counts = {g: int(value.get(g) or 0) for g in GENDERS}
    counts["total"] = sum(counts.values())
    return counts


def _not_above(
    sub: dict[str, int], sup: dict[str, int], loc: Loc, what: str, of: str
) -> list[Violation]:
    """`sub` is a subset of `sup`, per gender and in total.

    Per gender only where `sup` can tell: people of unspecified gender in `sup` may be the
    women or men of `sub`, so they widen the bound. A report without a gender split (all
    unspecified, like Sundsvall 2022) is then checked on its total alone.
    """
    found = []
    for gender in ("women", "men"):
        bound = sup[gender] + sup["unspecified"]
        if sub[gender] > bound:
            found.append(
                Violation(
                    (*loc, gender), f"{what} for {gender} ({sub[gender]}) exceeds {of} ({bound})"
                )
            )
    if sub["total"] > sup["total"]:
        found.append(
            Violation(
                loc, f"{what} in total ({sub['total']}) exceeds {of} in total ({sup['total']})"
            )
        )
    return found


def check_consistency(figures: Figures, kind: InsatsKind) -> list[Violation]:
    """Every rule a report must meet; an empty list means it may be stored.

    A rule comparing two measures applies only when both were reported: real reports are
    partial, and a missing measure is unknown, not zero.
    """
    found = [
        Violation((name,), f"{name} ({measure.swedish}) does not apply to a {kind.value} insats")
        for name, measure in MEASURES.items()
        if figures.get(name) is not None and kind not in measure.kinds
    ]
    participants = _counts(figures.get("participants"))
    ended = _counts(figures.get("ended"))
    for name in ("started", "ended"):
        counts = _counts(figures.get(name))
        if counts and participants:
            found += _not_above(counts, participants, (name,), name, "participants")
    outcomes = {c: v for c, v in (figures.get("outcomes") or {}).items() if v is not None}
    if outcomes and ended:
        per_outcome = [_counts(v) or {} for v in outcomes.values()]
        summed = {g: sum(c[g] for c in per_outcome) for g in (*GENDERS, "total")}
        found += _not_above(summed, ended, ("outcomes",), "the sum of outcomes", "ended")
    for name, bound_name, bound in (
        ("age_bands", "participants", participants),
        ("income_source_at_start", "participants", participants),
        ("income_source_at_exit", "ended", ended),
    ):
        value = figures.get(name)
        if value is not None and bound is not None:
            total = sum(v for v in value.values() if v is not None)
            if total > bound["total"]:
                found.append(
                    Violation(
                        (name,),
                        f"the sum of {name} ({total}) exceeds {bound_name} "
                        f"in total ({bound['total']})",
                    )
                )
    return found


def diff_facts(
    before: Iterable[Fact], after: Iterable[Fact]
) -> list[tuple[str, str, str, int | None, int | None]]:
    """(measure, category, gender, before, after) for every number that differs; None = absent."""
    old = {(f.measure, f.category, f.gender): f.value for f in before}
    new = {(f.measure, f.category, f.gender): f.value for f in after}
    return [
        (*key, old.get(key), new.get(key))
        for key in sorted(old.keys() | new.keys())
        if old.get(key) != new.get(key)
    ]
