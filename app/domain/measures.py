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


class Unit(StrEnum):
    """What a measure counts. Only counts of people can identify someone, so only they are
    protected by disclosure control; kronor join next (the roadmap's money measures)."""

    PEOPLE = "people"
    OCCASIONS = "occasions"  # volyminsatser: consultations, not people
    CASES = "cases"  # anonyma ärenden
    ACTIVITIES = "activities"  # a strukturinriktad insats's forums, courses, meetings


class Shape(StrEnum):
    """How a measure's value is built."""

    GENDER_COUNT = "gender_count"  # {"women", "men", "unspecified"}
    COUNT = "count"  # one integer
    CATEGORY_COUNTS = "category_counts"  # {category: int}
    CATEGORY_GENDER_COUNTS = "category_gender_counts"  # {category: gender count or null}


GENDERS = ("women", "men", "unspecified")
# A count by kön's total: stored beside the split, or alone when the split was not given.
TOTAL = "total"

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


# The Swedish words for every category, as the förbund's own tables write them.
CATEGORY_LABELS = {
    "work": "arbete",
    "studies": "studier",
    "work_preparation": "arbetsförberedande/arbetsinriktad insats",
    "other_intervention": "annan insats (social, LSS, hälso- och sjukvård)",
    "benefit": "sjuk- eller aktivitetsersättning",
    "other": "annat/okänt",
    "none": "ingen offentlig försörjning",
    "unemployment_insurance": "a-kassa",
    "activity_compensation": "aktivitetsersättning",
    "activity_support": "aktivitetsstöd",
    "social_assistance": "ekonomiskt bistånd (försörjningsstöd)",
    "sickness_compensation": "sjukersättning",
    "sickness_benefit": "sjuk-/rehabiliteringspenning",
    "study_support": "studiestöd",
    "other_public": "annan offentlig försörjning",
    "fk": "Försäkringskassan",
    "af": "Arbetsförmedlingen",
    "region": "region",
    "kommun": "kommun",
    **{band: f"{band} år" for band in AGE_BANDS},
}


@dataclass(frozen=True)
class Measure:
    """One measure of a report: the one place that says what it is.

    `flow` measures count events within the period (people who started, occasions) and may be
    added over disjoint periods; the others are stocks and may not. `description` is what the
    OpenAPI schema and the docs say of it; `swedish` is its label in tables and headers.
    """

    name: str
    swedish: str
    shape: Shape
    flow: bool
    kinds: frozenset[InsatsKind]
    categories: tuple[str, ...] = ()
    unit: Unit = Unit.PEOPLE
    description: str = ""

    @property
    def split_by_kon(self) -> bool:
        """Whether its figures are given per kön (women, men, unspecified)."""
        return self.shape in (Shape.GENDER_COUNT, Shape.CATEGORY_GENDER_COUNTS)

    @property
    def protected(self) -> bool:
        """Whether disclosure control protects it: counts of people only."""
        return self.unit is Unit.PEOPLE

    def applies_to(self, kind: InsatsKind) -> bool:
        """Whether an insats of this kind can report it at all."""
        return kind in self.kinds


MEASURES: dict[str, Measure] = {
    m.name: m
    for m in (
        Measure(
            "participants",
            "deltagare",
            Shape.GENDER_COUNT,
            False,
            _INDIVIDUAL,
            description="Deltagare: people taking part during the period.",
        ),
        Measure(
            "started",
            "nya deltagare",
            Shape.GENDER_COUNT,
            True,
            _INDIVIDUAL,
            description="Nya deltagare: people who started during the period.",
        ),
        Measure(
            "ended",
            "avslutade deltagare",
            Shape.GENDER_COUNT,
            True,
            _INDIVIDUAL,
            description="Avslutade deltagare: people who ended during the period.",
        ),
        Measure(
            "outcomes",
            "utfall vid avslut",
            Shape.CATEGORY_GENDER_COUNTS,
            True,
            _INDIVIDUAL,
            OUTCOME_CATEGORIES,
            description="Utfall vid avslut: status at exit, among those who ended.",
        ),
        Measure(
            "volume_contacts",
            "volyminsatser",
            Shape.COUNT,
            True,
            _BOTH,
            unit=Unit.OCCASIONS,
            description="Volyminsatser: occasions of short consultative support (not people).",
        ),
        Measure(
            "anonymous_cases",
            "anonyma ärenden",
            Shape.COUNT,
            True,
            _BOTH,
            unit=Unit.CASES,
            description="Anonyma ärenden/konsultationer: cases discussed anonymously.",
        ),
        Measure(
            "income_source_at_start",
            "försörjning vid start",
            Shape.CATEGORY_COUNTS,
            False,
            _INDIVIDUAL,
            INCOME_SOURCES,
            description="Försörjning vid start: main income source when starting.",
        ),
        Measure(
            "income_source_at_exit",
            "försörjning vid avslut",
            Shape.CATEGORY_COUNTS,
            False,
            _INDIVIDUAL,
            INCOME_SOURCES,
            description="Försörjning vid avslut: main income source when ending.",
        ),
        Measure(
            "age_bands",
            "åldersgrupp",
            Shape.CATEGORY_COUNTS,
            False,
            _INDIVIDUAL,
            AGE_BANDS,
            description="Åldersgrupp: participants per age band.",
        ),
        Measure(
            "attendees",
            "deltagare per organisation",
            Shape.CATEGORY_COUNTS,
            False,
            _STRUCTURAL,
            ATTENDEE_ORGANISATIONS,
            description="Deltagare per organisation: attendees of a strukturinriktad insats.",
        ),
        Measure(
            "activities",
            "antal aktiviteter",
            Shape.COUNT,
            True,
            _STRUCTURAL,
            unit=Unit.ACTIVITIES,
            description="Antal aktiviteter: activities held by a strukturinriktad insats.",
        ),
    )
}
