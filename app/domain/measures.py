"""The catalogue of report measures: one place that says what each measure is.

Storage, validation, summaries and the annual-report table all read this catalogue, so a new
measure is one entry here rather than a new column in five places.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class InsatsKind(StrEnum):
    """Individinriktad (people take part) or strukturinriktad (staff forums, networks)."""

    INDIVIDUAL = "individual"
    STRUCTURAL = "structural"


class Shape(StrEnum):
    """How a measure's value is built."""

    GENDER_COUNT = "gender_count"  # {"women", "men", "unspecified"}
    COUNT = "count"  # one integer
    CATEGORY_COUNTS = "category_counts"  # {category: int}
    CATEGORY_GENDER_COUNTS = "category_gender_counts"  # {category: gender count or null}


GENDERS = ("women", "men", "unspecified")

OUTCOME_CATEGORIES = (
    "work",
    "studies",
    "work_preparation",
    "other_intervention",
    "benefit",
    "other",
)
INCOME_SOURCES = (
    "none",
    "unemployment_insurance",
    "activity_compensation",
    "activity_support",
    "social_assistance",
    "sickness_compensation",
    "sickness_benefit",
    "study_support",
    "other_public",
)
AGE_BANDS = ("16-19", "20-24", "25-29", "30-39", "40-49", "50-59", "60-66")
ATTENDEE_ORGANISATIONS = ("fk", "af", "region", "kommun", "other")

_BOTH = frozenset(InsatsKind)
_INDIVIDUAL = frozenset({InsatsKind.INDIVIDUAL})
_STRUCTURAL = frozenset({InsatsKind.STRUCTURAL})


@dataclass(frozen=True)
class Measure:
    """One measure of a report.

    `flow` measures count events within the period (people who started, occasions) and may be
    added over disjoint periods; the others are stocks and may not.
    """

    name: str
    swedish: str
    shape: Shape
    flow: bool
    kinds: frozenset[InsatsKind]
    categories: tuple[str, ...] = ()


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure("participants", "deltagare", Shape.GENDER_COUNT, False, _INDIVIDUAL),
        Measure("started", "nya deltagare", Shape.GENDER_COUNT, True, _INDIVIDUAL),
        Measure("ended", "avslutade deltagare", Shape.GENDER_COUNT, True, _INDIVIDUAL),
        Measure(
            "outcomes",
            "utfall vid avslut",
            Shape.CATEGORY_GENDER_COUNTS,
            True,
            _INDIVIDUAL,
            OUTCOME_CATEGORIES,
        ),
        Measure("volume_contacts", "volyminsatser", Shape.COUNT, True, _BOTH),
        Measure("anonymous_cases", "anonyma ärenden", Shape.COUNT, True, _BOTH),
        Measure(
            "income_source_at_start",
            "försörjning vid start",
            Shape.CATEGORY_COUNTS,
            False,
            _INDIVIDUAL,
            INCOME_SOURCES,
        ),
        Measure(
            "income_source_at_exit",
            "försörjning vid avslut",
            Shape.CATEGORY_COUNTS,
            False,
            _INDIVIDUAL,
            INCOME_SOURCES,
        ),
        Measure("age_bands", "åldersgrupp", Shape.CATEGORY_COUNTS, False, _INDIVIDUAL, AGE_BANDS),
        Measure(
            "attendees",
            "deltagare per organisation",
            Shape.CATEGORY_COUNTS,
            False,
            _STRUCTURAL,
            ATTENDEE_ORGANISATIONS,
        ),
        Measure("activities", "antal aktiviteter", Shape.COUNT, True, _STRUCTURAL),
    )
}
