"""The report body of the contract, as request and response models.

Request and response differ only in that responses add computed `total`s and the stored
metadata; both are built from the measure catalogue's category lists so the two cannot drift.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

from pydantic import BaseModel, Field, ValidationInfo, create_model, field_validator

from app.api.schemas import InputModel, OutputModel
from app.domain.measures import (
    AGE_BANDS,
    ATTENDEE_ORGANISATIONS,
    CATEGORY_LABELS,
    INCOME_SOURCES,
    MEASURES,
    OUTCOME_CATEGORIES,
)
from app.domain.workflow import ReportStatus

Count = Annotated[int, Field(ge=0, le=10_000_000, strict=True)]


class GenderCountIn(InputModel):
    """Antal per kön: people counted by gender, as `women` and `men` (and `unspecified`, 0 when
    left out), or as `total` alone when the split is not known ("kön ej uppdelat"), which is
    never read as zero women and zero men. A `total` beside the split must be its sum."""

    women: Count | None = Field(default=None, description="Kvinnor; required with `men`.")
    # Checked even when left out (validate_default): a missing `men` beside `women` is an error
    # at `men`, and a missing `total` where no split was given is one at `total`.
    men: Count | None = Field(
        default=None, validate_default=True, description="Män; required with `women`."
    )
    unspecified: Count | None = Field(
        default=None, description="Kön ej angivet: gender not stated; 0 when left out."
    )
    total: Count | None = Field(
        default=None,
        validate_default=True,
        description="Totalt: alone when the split is not known (kön ej uppdelat); beside "
        "the split it must equal women + men + unspecified.",
    )

    @field_validator("men")
    @classmethod
    def _men_with_women(cls, men: int | None, info: ValidationInfo) -> int | None:
        if "women" not in info.data:  # women itself was invalid: said there
            return men
        women = info.data["women"]
        if women is not None and men is None:
            raise ValueError("required when women is given")
        if women is None and men is not None:
            raise ValueError("women is required when men is given")
        return men

    @field_validator("total")
    @classmethod
    def _total_alone_or_the_sum(cls, total: int | None, info: ValidationInfo) -> int | None:
        if any(g not in info.data for g in ("women", "men", "unspecified")):
            return total  # a part was invalid: said there
        women, men, unspecified = (info.data[g] for g in ("women", "men", "unspecified"))
        if women is None and men is None:
            if total is None:
                raise ValueError("required: give women and men, or total alone (kön ej uppdelat)")
            if unspecified is not None:
                raise ValueError("total alone means kön is not split: leave unspecified out")
        elif women is not None and men is not None and total is not None:
            parts = women + men + (unspecified or 0)
            if total != parts:
                raise ValueError(f"must equal women + men + unspecified ({parts})")
        return total


class GenderCount(OutputModel):
    """Antal per kön, with the total. Without a split (kön ej uppdelat) only `total` is set."""

    women: int | None = Field(description="Kvinnor; null when kön was not split.")
    men: int | None = Field(description="Män; null when kön was not split.")
    unspecified: int | None = Field(description="Kön ej angivet; null when kön was not split.")
    total: int = Field(description="Totalt: women + men + unspecified, or the total given alone.")


def _field_name(category: str) -> str:
    return "age_" + category.replace("-", "_") if category[0].isdigit() else category


def _category_model(
    name: str, doc: str, categories: tuple[str, ...], value: Any, base: type, what: str
) -> Any:
    fields: dict[str, Any] = {
        _field_name(c): (
            value | None,
            Field(
                default=None,
                alias=c if _field_name(c) != c else None,
                description=f"{CATEGORY_LABELS.get(c, c)}: {what}; null if not reported.",
            ),
        )
        for c in categories
    }
    return create_model(name, __base__=base, __doc__=doc, **fields)


OutcomesIn = _category_model(
    "OutcomesIn",
    "Utfall vid avslut: status of those who ended, by gender.",
    OUTCOME_CATEGORIES,
    GenderCountIn,
    InputModel,
    "people who ended in this status",
)
Outcomes = _category_model(
    "Outcomes",
    "Utfall vid avslut: status of those who ended, by gender.",
    OUTCOME_CATEGORIES,
    GenderCount,
    OutputModel,
    "people who ended in this status",
)
IncomeSourcesIn = _category_model(
    "IncomeSourcesIn",
    "Försörjning: main source of income, people per category.",
    INCOME_SOURCES,
    Count,
    InputModel,
    "people",
)
IncomeSources = _category_model(
    "IncomeSources",
    "Försörjning: main source of income, people per category.",
    INCOME_SOURCES,
    int,
    OutputModel,
    "people",
)
AgeBandsIn = _category_model(
    "AgeBandsIn",
    "Åldersgrupp: participants per age band.",
    AGE_BANDS,
    Count,
    InputModel,
    "people",
)
AgeBands = _category_model(
    "AgeBands",
    "Åldersgrupp: participants per age band.",
    AGE_BANDS,
    int,
    OutputModel,
    "people",
)
AttendeesIn = _category_model(
    "AttendeesIn",
    "Deltagare per organisation (strukturinriktad insats).",
    ATTENDEE_ORGANISATIONS,
    Count,
    InputModel,
    "attendees",
)
Attendees = _category_model(
    "Attendees",
    "Deltagare per organisation (strukturinriktad insats).",
    ATTENDEE_ORGANISATIONS,
    int,
    OutputModel,
    "attendees",
)

# What the schema says of each field: the catalogue's description of the measure.
_DESCRIPTIONS = {
    **{name: measure.description for name, measure in MEASURES.items()},
    "note": "Kommentar: free text. Never personal data.",
}


def _d(name: str) -> Any:
    return Field(
        default=None, description=_DESCRIPTIONS[name] + " Null: not applicable / not reported."
    )


class ReportIn(InputModel):
    """Rapport: one insats's figures for one period. Absent or null is "ej aktuellt", never 0."""

    participants: GenderCountIn | None = _d("participants")
    started: GenderCountIn | None = _d("started")
    ended: GenderCountIn | None = _d("ended")
    outcomes: OutcomesIn | None = _d("outcomes")  # type: ignore[valid-type]
    volume_contacts: Count | None = _d("volume_contacts")
    anonymous_cases: Count | None = _d("anonymous_cases")
    income_source_at_start: IncomeSourcesIn | None = _d("income_source_at_start")  # type: ignore[valid-type]
    income_source_at_exit: IncomeSourcesIn | None = _d("income_source_at_exit")  # type: ignore[valid-type]
    age_bands: AgeBandsIn | None = _d("age_bands")  # type: ignore[valid-type]
    attendees: AttendeesIn | None = _d("attendees")  # type: ignore[valid-type]
    activities: Count | None = _d("activities")
    note: Annotated[str, Field(max_length=4000)] | None = _d("note")

    def figures(self) -> dict[str, Any]:
        """The measures as plain data keyed by the contract's names; unreported ones left out."""
        data = self.model_dump(by_alias=True, exclude_none=True, exclude={"note"})
        return {k: v for k, v in data.items() if v != {}}


class ReportOut(OutputModel):
    """Rapport as stored, with computed totals and its revision."""

    insats_id: int = Field(description="Insatsens id.")
    period: str = Field(description="Period: e.g. 2023, 2023H1, 2023T2, 2023Q4.")
    revision: int = Field(description="Revision: 1 when created, +1 on every change.")
    status: ReportStatus = Field(
        description="Status: `draft` (utkast), `submitted` (inskickad), `approved` (godkänd, låst)."
    )
    updated_at: datetime = Field(description="Senast ändrad: when this revision was stored.")
    participants: GenderCount | None = _d("participants")
    started: GenderCount | None = _d("started")
    ended: GenderCount | None = _d("ended")
    outcomes: Outcomes | None = _d("outcomes")  # type: ignore[valid-type]
    volume_contacts: int | None = _d("volume_contacts")
    anonymous_cases: int | None = _d("anonymous_cases")
    income_source_at_start: IncomeSources | None = _d("income_source_at_start")  # type: ignore[valid-type]
    income_source_at_exit: IncomeSources | None = _d("income_source_at_exit")  # type: ignore[valid-type]
    age_bands: AgeBands | None = _d("age_bands")  # type: ignore[valid-type]
    attendees: Attendees | None = _d("attendees")  # type: ignore[valid-type]
    activities: int | None = _d("activities")
    note: str | None = _d("note")


class StepIn(InputModel):
    """A workflow step's words: the comment when returning, the reason when reopening."""

    comment: Annotated[str, Field(min_length=1, max_length=2000)] | None = Field(
        default=None,
        description="Kommentar: required when returning (what to fix) or reopening (why).",
    )


class KeyRef(BaseModel):
    """Who made a change."""

    key_id: UUID | None = Field(description="Nyckelns id; null for the bootstrap admin token.")
    label: str | None = Field(description="Nyckelns etikett.")


class FactChange(BaseModel):
    """One number that changed between two revisions."""

    measure: str = Field(description="Mått.")
    category: str | None = Field(description="Kategori (outcome, income source, age band, ...).")
    gender: str | None = Field(description="Kön: women, men or unspecified; null when not split.")
    before: int | None = Field(description="Före: null when the number was not reported.")
    after: int | None = Field(description="Efter: null when the number is no longer reported.")


class RevisionOut(BaseModel):
    """One revision of a report in its history."""

    revision: int = Field(description="Revision.")
    changed_at: datetime = Field(description="När.")
    changed_by: KeyRef = Field(description="Vem: the key that stored it.")
    changes: list[FactChange] = Field(
        description="Vad: the numbers that changed from the previous revision."
    )
    note_changed: bool = Field(description="Whether the note changed.")


class EventOut(BaseModel):
    """A workflow step or another audited action."""

    at: datetime = Field(description="När.")
    action: str = Field(
        description="Händelse, e.g. report.submitted, report.approved, report.reopened."
    )
    by: KeyRef = Field(description="Vem.")
    detail: dict[str, Any] | None = Field(
        description="Detaljer: revision, status change, comment or reason."
    )


class HistoryOut(BaseModel):
    """Historik: every revision with what changed, and every workflow step."""

    insats_id: int = Field(description="Insatsens id.")
    period: str = Field(description="Period.")
    revisions: list[RevisionOut] = Field(description="Oldest first.")
    events: list[EventOut] = Field(description="Oldest first.")
