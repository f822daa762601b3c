"""Request and response bodies for insatser."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Self

from pydantic import AfterValidator, Field, StringConstraints, model_validator
from pydantic_core import PydanticCustomError

from app.api.schemas import InputModel, OutputModel
from app.domain.measures import MEASURES, InsatsKind

Text200 = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


def _a_measure(name: str) -> str:
    if name not in MEASURES:
        raise PydanticCustomError("measure", "not a report measure: see the report's fields")
    return name


# A report measure by its catalogue name (a top-level field of the report body).
MeasureName = Annotated[
    str, AfterValidator(_a_measure), Field(json_schema_extra={"enum": list(MEASURES)})
]
NotApplicable = Annotated[
    list[MeasureName],
    Field(
        max_length=len(MEASURES),
        description="Ej aktuellt: the report measures (top-level fields of the report, e.g. "
        "`outcomes`, `volume_contacts`) that do not apply to this insats; a report giving one "
        "is refused, and summaries count the insats out of their `applies_to`.",
    ),
]


class InsatsIn(InputModel):
    """An insats to create under a förbund."""

    name: Text200 = Field(description="Namn: the insats's name.", examples=["Psykolog"])
    kind: InsatsKind = Field(
        description="Typ: `individual` (individinriktad) or `structural` (strukturinriktad)."
    )
    owner: Text200 = Field(
        description="Insatsägare: the member organisation that runs it.",
        examples=["Region Västernorrland"],
    )
    start_date: date = Field(
        ge=date(1900, 1, 1),
        le=date(2999, 12, 31),
        description="Startdatum: first day of the insats.",
    )
    end_date: date | None = Field(
        default=None,
        ge=date(1900, 1, 1),
        le=date(2999, 12, 31),
        description="Slutdatum: last day, if known.",
    )
    target_group: Annotated[str, StringConstraints(max_length=2000)] | None = Field(
        default=None, description="Målgrupp: who the insats is for."
    )
    not_applicable: NotApplicable = Field(default_factory=list)

    @model_validator(mode="after")
    def _dates_in_order(self) -> Self:
        if self.end_date is not None and self.end_date < self.start_date:
            raise PydanticCustomError(
                "date_order", "end_date must not be before start_date", {"path": ["end_date"]}
            )
        return self


class InsatsOut(OutputModel):
    """An insats."""

    id: int = Field(description="Id: assigned by the server.")
    forbund: str = Field(description="Förbund: the code of the förbund that finances it.")
    name: str = Field(description="Namn.")
    kind: InsatsKind = Field(description="Typ: individinriktad or strukturinriktad.")
    owner: str = Field(description="Insatsägare.")
    start_date: date = Field(description="Startdatum.")
    end_date: date | None = Field(description="Slutdatum, or null while it runs.")
    target_group: str | None = Field(description="Målgrupp.")
    not_applicable: list[str] = Field(
        description="Ej aktuellt: the report measures that do not apply to this insats."
    )
    created_at: datetime = Field(description="Skapad: when it was registered.")


class InsatsPatch(InputModel):
    """Changes to an insats: only the fields sent change. An insats that ends gets its
    `end_date`; one that would leave stored reports outside its lifetime is refused."""

    name: Text200 | None = Field(default=None, description="Namn.")
    owner: Text200 | None = Field(default=None, description="Insatsägare.")
    target_group: Annotated[str, StringConstraints(max_length=2000)] | None = Field(
        default=None, description="Målgrupp."
    )
    end_date: date | None = Field(
        default=None,
        ge=date(1900, 1, 1),
        le=date(2999, 12, 31),
        description="Slutdatum: the last day of the insats.",
    )
    not_applicable: NotApplicable | None = Field(
        default=None,
        description="Ej aktuellt: the whole new list of measures that do not apply "
        "(replaces the old one; [] for none).",
    )
