"""A report's figures as plain data: to and from stored facts, and the consistency rules.

Figures are a mapping from measure name to its value in the contract's JSON shape
(`{"women": 3, "men": 4, "unspecified": 0}`, an int, or counts keyed by category). A measure
that is absent or None was not reported ("ej aktuellt"); it has no facts and is never zero.

A count by kön may also be given as `{"total": N}` alone ("kön ej uppdelat"): it is stored as
a total and nothing else, so it is never read back as zero women and zero men. A split count
is stored per kön *and* as its total, so that sums over any set of reports find every
insats's total in one place, split or not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from app.domain.measures import GENDERS, MEASURES, TOTAL, InsatsKind, Shape

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


def is_split(counts: Mapping[str, int | None]) -> bool:
    """Whether a count by kön gives the split (`women`, `men`), not only its total."""
    return counts.get("women") is not None or counts.get("men") is not None


def _gender_facts(measure: str, category: str, counts: Mapping[str, int | None]) -> list[Fact]:
    if not is_split(counts):
        return [Fact(measure, category, TOTAL, int(counts.get(TOTAL) or 0))]
    split = [Fact(measure, category, g, int(counts.get(g) or 0)) for g in GENDERS]
    return [*split, Fact(measure, category, TOTAL, sum(f.value for f in split))]


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
    for name, measure in MEASURES.items():
        if measure.shape is Shape.GENDER_COUNT and figures[name] is not None:
            figures[name] = _read_gender(figures[name])
        elif measure.shape is Shape.CATEGORY_GENDER_COUNTS and figures[name] is not None:
            figures[name] = {c: _read_gender(v) for c, v in figures[name].items()}
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


def _read_gender(stored: Mapping[str, int]) -> dict[str, int | None]:
    """A stored count by kön as the contract reads it: the split is null where none was given,
    and the total is the stored one (facts stored before totals were stored have none)."""
    if not is_split(stored):
        return {**dict.fromkeys(GENDERS), TOTAL: stored[TOTAL]}
    split = {g: stored.get(g, 0) for g in GENDERS}
    return {**split, TOTAL: sum(split.values())}


def _counts(value: Mapping[str, int | None] | None) -> dict[str, int | None] | None:
    """A count by kön with its total; the split is None where only the total was given."""
    if value is None:
        return None
    if not is_split(value):
        return {**dict.fromkeys(GENDERS), TOTAL: int(value.get(TOTAL) or 0)}
    counts: dict[str, int | None] = {g: int(value.get(g) or 0) for g in GENDERS}
    counts[TOTAL] = sum(int(v or 0) for v in counts.values())
    return counts


def _not_above(
    sub: Mapping[str, int | None], sup: Mapping[str, int | None], loc: Loc, what: str, of: str
) -> list[Violation]:
    """`sub` is a subset of `sup`, per gender and in total.

    Per gender only where both sides give the split, and only as far as `sup` can tell: people
    of unspecified gender in `sup` may be the women or men of `sub`, so they widen the bound. A
    report without a split (only totals, or all unspecified like Sundsvall 2022) is then checked
    on its total alone.
    """
    found = []
    for gender in ("women", "men"):
        below, above, extra = sub[gender], sup[gender], sup["unspecified"]
        if below is None or above is None or extra is None:
            continue
        bound = above + extra
        if below > bound:
            found.append(
                Violation((*loc, gender), f"{what} for {gender} ({below}) exceeds {of} ({bound})")
            )
    if (sub[TOTAL] or 0) > (sup[TOTAL] or 0):
        found.append(
            Violation(
                loc, f"{what} in total ({sub['total']}) exceeds {of} in total ({sup['total']})"
            )
        )
    return found


def _sum_or_none(values: Iterable[int | None]) -> int | None:
    given = list(values)
    return None if None in given else sum(v or 0 for v in given)


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
        # Per kön only when every outcome gives the split; the totals are always compared.
        summed: dict[str, int | None] = {
            g: None
            if any(c[g] is None for c in per_outcome)
            else sum(c[g] or 0 for c in per_outcome)
            for g in GENDERS
        }
        summed[TOTAL] = sum(c[TOTAL] or 0 for c in per_outcome)
        found += _not_above(summed, ended, ("outcomes",), "the sum of outcomes", "ended")
    for name, bound_name, bound in (
        ("age_bands", "participants", participants),
        ("income_source_at_start", "participants", participants),
        ("income_source_at_exit", "ended", ended),
    ):
        value = figures.get(name)
        if value is not None and bound is not None:
            total = sum(v for v in value.values() if v is not None)
            if total > (bound[TOTAL] or 0):
                found.append(
                    Violation(
                        (name,),
                        f"the sum of {name} ({total}) exceeds {bound_name} "
                        f"in total ({bound[TOTAL]})",
                    )
                )
    return found


def diff_facts(
    before: Iterable[Fact], after: Iterable[Fact]
) -> list[tuple[str, str, str, int | None, int | None]]:
    """(measure, category, gender, before, after) for every number that differs; None = absent.

    A stored total is named only where a side has it without a split: beside a split it
    changes exactly when the split does, and saying so twice would read as two changes.
    """
    old = {(f.measure, f.category, f.gender): f.value for f in before}
    new = {(f.measure, f.category, f.gender): f.value for f in after}

    def implied(key: tuple[str, str, str]) -> bool:
        measure, category, gender = key
        split = (measure, category, "women")
        return gender == TOTAL and all(split in side or key not in side for side in (old, new))

    return [
        (*key, old.get(key), new.get(key))
        for key in sorted(old.keys() | new.keys())
        if old.get(key) != new.get(key) and not implied(key)
    ]
