"""Derived figures: each defined once, as a numerator and a denominator of catalogue measures.

Today these are the shares of those who ended (andel till arbete, studier, arbete eller studier
av avslutade); the roadmap's key figures (kronor per deltagare, ...) join here. A derived
figure counts only insatser that reported both of its sides: an insats that gave "utfall
arbete" but no "avslutade" (Sundsvall 2022) must not inflate the numerator over someone else's
denominator. The sums themselves come from the one aggregation (`app/db/aggregates.py`), which
reads this registry to pair the sides per insats.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.measures import MEASURES


@dataclass(frozen=True)
class Side:
    """One side of a derived figure: a measure, summed over some of its categories (none for a
    measure without categories). An insats gave the side if it gave any of those categories."""

    measure: str
    categories: tuple[str, ...] = ("",)

    def __post_init__(self) -> None:
        measure = MEASURES[self.measure]  # a side names a catalogue measure, or nothing loads
        assert set(self.categories) <= set(measure.categories or ("",)), self

    @property
    def cells(self) -> tuple[tuple[str, str], ...]:
        """The (measure, category) cells the side sums."""
        return tuple((self.measure, c) for c in self.categories)


@dataclass(frozen=True)
class Derived:
    """numerator / denominator over the insatser that gave both, rounded to `decimals`."""

    name: str
    swedish: str
    description: str
    numerator: Side
    denominator: Side
    decimals: int = 4

    def value(self, numerator: int | None, denominator: int | None) -> float | None:
        """The figure; None when a side is missing or the denominator counts no one."""
        if numerator is None or not denominator:
            return None
        return round(numerator / denominator, self.decimals)

    @property
    def cells(self) -> tuple[tuple[str, str], ...]:
        """Every cell it is computed from: what disclosure control must see published."""
        return (*self.numerator.cells, *self.denominator.cells)


_ENDED = Side("ended")

DERIVED: dict[str, Derived] = {
    d.name: d
    for d in (
        Derived(
            "work_of_ended",
            "andel till arbete av avslutade",
            "Andel till arbete av avslutade: utfall arbete / avslutade.",
            Side("outcomes", ("work",)),
            _ENDED,
        ),
        Derived(
            "studies_of_ended",
            "andel till studier av avslutade",
            "Andel till studier av avslutade: utfall studier / avslutade.",
            Side("outcomes", ("studies",)),
            _ENDED,
        ),
        Derived(
            "work_or_studies_of_ended",
            "andel till arbete eller studier av avslutade",
            "Andel till arbete eller studier av avslutade: (utfall arbete + studier) / avslutade.",
            Side("outcomes", ("work", "studies")),
            _ENDED,
        ),
    )
}
