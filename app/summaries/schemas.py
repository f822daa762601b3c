"""Response bodies of summaries, comparisons, series and the annual-report table.

Figures are nullable in two senses, never confused: a measure or category nobody reported is
null ("ej aktuellt"); in open data a hidden count is null *and* named in `suppressed`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, Field, RootModel, computed_field, create_model

from app.domain.measures import MEASURES
from app.summaries import tables

APPLIES_TO = (
    "Gäller: active insatser the measure applies to (their kind allows it and it is not in "
    "their `not_applicable`); `reported_by` of `applies_to` is who has reported what they should."
)


class GenderFigure(BaseModel):
    """Antal per kön, summed, with how many insatser gave it."""

    women: int | None = Field(
        description="Kvinnor; null when an insats behind the figure did not split it by kön."
    )
    men: int | None = Field(description="Män; null as `women`.")
    unspecified: int | None = Field(description="Kön ej angivet; null as `women`.")
    total: int | None = Field(description="Totalt, split by kön or not.")
    reported_by: int = Field(description="Rapporterat av: insatser whose reports gave this figure.")
    applies_to: int | None = Field(default=None, description=APPLIES_TO)
    not_split_by: int = Field(
        default=0,
        description="Kön ej uppdelat: of `reported_by`, the insatser that gave the total alone; "
        "when above 0, the figure has no split (a split of some would misread the total).",
    )


class CountFigure(BaseModel):
    """A summed count, with how many insatser gave it."""

    total: int | None = Field(description="Totalt.")
    reported_by: int = Field(description="Rapporterat av: insatser whose reports gave this figure.")
    applies_to: int | None = Field(default=None, description=APPLIES_TO)


def _summed(name: str) -> Any:
    """A summary field described by the catalogue: what the measure is, and how it sums."""
    measure = MEASURES[name]
    how = (
        "a flow: summed over shorter periods"
        if measure.flow
        else "a stock: null unless reported for the period itself"
    )
    per = f" Per category: {', '.join(measure.categories)}." if measure.categories else ""
    return Field(description=f"{measure.description} ({how}).{per} Null when no report gave it.")


class Measures(BaseModel):
    """Every measure of a report, summed; null when no report gave it. The fields are the
    catalogue's measures (app/domain/measures.py; a test holds them to it)."""

    participants: GenderFigure | None = _summed("participants")
    started: GenderFigure | None = _summed("started")
    ended: GenderFigure | None = _summed("ended")
    outcomes: dict[str, GenderFigure | None] | None = _summed("outcomes")
    volume_contacts: CountFigure | None = _summed("volume_contacts")
    anonymous_cases: CountFigure | None = _summed("anonymous_cases")
    income_source_at_start: dict[str, CountFigure | None] | None = _summed("income_source_at_start")
    income_source_at_exit: dict[str, CountFigure | None] | None = _summed("income_source_at_exit")
    age_bands: dict[str, CountFigure | None] | None = _summed("age_bands")
    attendees: dict[str, CountFigure | None] | None = _summed("attendees")
    activities: CountFigure | None = _summed("activities")


SummaryMissing = Literal["not_applicable", "not_summable", "not_reported"]


class MissingMeasures(RootModel[dict[str, SummaryMissing]]):
    """Why each null measure is null, by measure name (one schema component: every summary
    level shares it)."""


class ShareFigure(BaseModel):
    """A share (0..1) per kön and in total; null where it cannot be computed or is suppressed."""

    women: float | None = Field(description="Kvinnor.")
    men: float | None = Field(description="Män.")
    unspecified: float | None = Field(description="Kön ej angivet.")
    total: float | None = Field(description="Totalt.")


class Shares(BaseModel):
    """Andelar av avslutade, over insatser that reported both the outcome and avslutade."""

    work_of_ended: ShareFigure | None = Field(description="Andel till arbete av avslutade.")
    studies_of_ended: ShareFigure | None = Field(description="Andel till studier av avslutade.")
    work_or_studies_of_ended: ShareFigure | None = Field(
        description="Andel till arbete eller studier av avslutade."
    )


class InsatsCoverage(BaseModel):
    """Which reports stand for an insats in this period."""

    insats_id: int = Field(description="Insatsens id.")
    name: str = Field(description="Insatsens namn.")
    periods: list[str] = Field(description="Perioder: the reports used; empty when none.")
    complete: bool = Field(description="Fullständig: the reports cover the whole period.")


class Figures(BaseModel):
    """Counts, summed measures and shares for one set of insatser."""

    insatser: int = Field(description="Insatser active in the period.")
    reports: int = Field(description="Insatser that reported for the period (itself or its parts).")
    complete: bool = Field(description="Every active insats covered the whole period.")
    computed_from: list[str] = Field(
        description="Perioder: every report period the figures came from."
    )
    measures: Measures = Field(description="Mått: every measure, summed.")
    missing: MissingMeasures = Field(
        default_factory=lambda: MissingMeasures({}),
        description="Why each null measure is null: `not_applicable` (ej aktuellt: it applies "
        "to none of the insatser), `not_summable` (ej summerbart: a stock, and the period was "
        "computed from shorter reports), `not_reported` (ej rapporterat: it applies and no "
        "report gave it). In open data a hidden count is named in `suppressed` instead.",
    )
    shares: Shares = Field(description="Andelar.")


class Comparison(BaseModel):
    """The figures of another period, and the change to this one."""

    period: str = Field(description="Jämförelseperiod.")
    figures: Figures = Field(description="Its figures.")
    change: dict[str, object] | None = Field(
        description="Förändring: this period minus the other, where both have the figure."
    )


class ForbundSummary(Figures):
    """Förbundssammanställning for one period."""

    forbund: str = Field(description="Förbundets kod.")
    period: str = Field(description="Period.")
    approved_only: bool = Field(description="Endast godkända: only approved reports counted.")
    coverage: list[InsatsCoverage] = Field(description="Täckning: the reports used per insats.")
    comparison: Comparison | None = Field(default=None, description="With `compare=PERIOD`.")
    suppressed: list[str] | None = Field(
        default=None,
        description="Open data only: figures hidden by disclosure control (dotted paths).",
    )


class GroupRow(Figures):
    """One förbund's (or län's) row in the national summary."""

    key: str = Field(description="Förbundets kod, or the län's name when grouped by län.")
    name: str | None = Field(description="Förbundets namn (null for a län row).")
    lan: str = Field(description="Län.")


class NationalSummary(Figures):
    """Nationell sammanställning: the sum over förbund, with one row per förbund (or län)."""

    period: str = Field(description="Period.")
    approved_only: bool = Field(description="Endast godkända: only approved reports counted.")
    group_by: str = Field(description="`forbund` or `lan`: what the rows are.")
    forbund: list[GroupRow] = Field(
        description="One row per förbund; with group_by=lan one row per län (read `lan` for "
        "those: this field keeps them for clients written before it existed)."
    )
    comparison: Comparison | None = Field(default=None, description="With `compare=PERIOD`.")
    suppressed: list[str] | None = Field(
        default=None,
        description="Open data only: figures hidden by disclosure control (dotted paths).",
    )

    @computed_field(  # type: ignore[prop-decorator]
        description="Län: one row per län with group_by=lan (the rows `forbund` also holds), "
        "else null."
    )
    @property
    def lan(self) -> list[GroupRow] | None:
        return self.forbund if self.group_by == "lan" else None


class SeriesPoint(BaseModel):
    """One year of a series."""

    period: str = Field(description="År.")
    women: int | None = Field(description="Kvinnor.")
    men: int | None = Field(description="Män.")
    unspecified: int | None = Field(description="Kön ej angivet.")
    total: int | None = Field(description="Totalt; null when no report gave the measure that year.")
    reported_by: int = Field(description="Rapporterat av.")
    applies_to: int | None = Field(
        default=None, description=APPLIES_TO + " Null in a year no insats reported it."
    )
    not_split_by: int = Field(
        default=0,
        description="Kön ej uppdelat: insatser that gave the total alone that year; when above "
        "0, women, men and unspecified are null.",
    )
    missing: SummaryMissing | None = Field(
        default=None,
        description="Why `total` is null that year (as a summary's `missing`); null when given.",
    )
    complete: bool = Field(
        default=True,
        description="Fullständig: as a summary's `complete`. False when some insats active that "
        "year reported only part of it (say 2022H1 alone): the point then sums those parts, "
        "and is not the whole year's figure.",
    )
    computed_from: list[str] = Field(
        default_factory=list,
        description="Beräknat från: the periods summed for the point, as a summary's.",
    )


class Series(BaseModel):
    """A yearly series of one measure by kön (trend, e.g. deltagare 2018–2023)."""

    forbund: str = Field(description="Förbundets kod.")
    measure: str = Field(description="Mått, e.g. `participants` or `outcomes.work`.")
    points: list[SeriesPoint] = Field(description="One point per year, oldest first.")


# The table's figure fields are its columns, built from the measure catalogue
# (app/summaries/tables.py COLUMNS); mypy sees the hand-written bases, pydantic and the OpenAPI
# schema the full models.
MissingReason = tables.MissingReason

_COMPARE_DESCRIPTION = (
    "With `compare=PERIOD`: the same figures for that period, with their own `missing`; "
    "an insats active in only one of the two periods has `not_active` on the other side."
)


def _figure_fields(missing_title: str) -> dict[str, Any]:
    """A required, nullable field per column of the table, then `missing` (titled apart in
    each model: generated clients name the map's type after its title)."""
    fields: dict[str, Any] = {
        c.key: (float | None if c.share else int | None, Field(description=c.description))
        for c in tables.COLUMNS
    }
    fields["missing"] = (
        dict[str, MissingReason],
        Field(default_factory=dict, title=missing_title, description=tables.missing_description()),
    )
    return fields


class _TableRowStart(BaseModel):
    """One row of the annual-report table: an insats, or the total row."""

    insats_id: int | None = Field(description="Insatsens id; null on the total row.")
    insats: str = Field(description="Insats (or `Totalt`).")


if TYPE_CHECKING:
    TableFigures = BaseModel
    TableRow = _TableRowStart
else:
    TableFigures = create_model(
        "TableFigures",
        __doc__="The figures of a table row in the compare period.",
        **_figure_fields("MissingInComparedFigures"),
    )
    TableRow = create_model(
        "TableRow",
        __base__=_TableRowStart,
        __doc__="One row of the annual-report table: an insats, or the total row. A null "
        "figure says why it is null in `missing`.",
        **_figure_fields("MissingInRow"),
        compare=(TableFigures | None, Field(default=None, description=_COMPARE_DESCRIPTION)),
    )


class AnnualTable(BaseModel):
    """Årsredovisningstabell: one row per insats and a total row."""

    forbund: str = Field(description="Förbundets kod.")
    forbund_name: str = Field(description="Förbundets namn.")
    period: str = Field(description="Period.")
    compare_period: str | None = Field(
        default=None, description="Jämförelseperiod: the `compare` period, if any."
    )
    approved_only: bool = Field(
        default=False, description="Endast godkända: only approved reports counted."
    )
    columns: list[str] = Field(
        description="Kolumner: the keys `columns=` chose, in order: what CSV and XLSX print "
        "after the insats's name. Every row carries every figure in JSON whichever are chosen."
    )
    rows: list[TableRow] = Field(
        description="One row per insats active in the period (or in `compare`), then the total row."
    )
