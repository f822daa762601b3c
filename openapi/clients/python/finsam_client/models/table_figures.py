from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.missing_in_compared_figures import MissingInComparedFigures


T = TypeVar("T", bound="TableFigures")


@_attrs_define
class TableFigures:
    """The figures of a table row in the compare period.

    Attributes:
        participants_women (int | None): Deltagare kvinnor. Deltagare: people taking part during the period.
        participants_men (int | None): Deltagare män. Deltagare: people taking part during the period.
        participants_total (int | None): Deltagare totalt. Deltagare: people taking part during the period.
        started_women (int | None): Nya kvinnor. Nya deltagare: people who started during the period.
        started_men (int | None): Nya män. Nya deltagare: people who started during the period.
        started_total (int | None): Nya totalt. Nya deltagare: people who started during the period.
        ended_women (int | None): Avslutade kvinnor. Avslutade deltagare: people who ended during the period.
        ended_men (int | None): Avslutade män. Avslutade deltagare: people who ended during the period.
        ended_total (int | None): Avslutade totalt. Avslutade deltagare: people who ended during the period.
        work_women (int | None): Utfall arbete kvinnor. Utfall vid avslut: status at exit, among those who ended.
        work_men (int | None): Utfall arbete män. Utfall vid avslut: status at exit, among those who ended.
        work_total (int | None): Utfall arbete totalt. Utfall vid avslut: status at exit, among those who ended.
        studies_women (int | None): Utfall studier kvinnor. Utfall vid avslut: status at exit, among those who ended.
        studies_men (int | None): Utfall studier män. Utfall vid avslut: status at exit, among those who ended.
        studies_total (int | None): Utfall studier totalt. Utfall vid avslut: status at exit, among those who ended.
        work_preparation_women (int | None): Utfall arbetsförberedande/arbetsinriktad insats kvinnor. Utfall vid avslut:
            status at exit, among those who ended.
        work_preparation_men (int | None): Utfall arbetsförberedande/arbetsinriktad insats män. Utfall vid avslut:
            status at exit, among those who ended.
        work_preparation_total (int | None): Utfall arbetsförberedande/arbetsinriktad insats totalt. Utfall vid avslut:
            status at exit, among those who ended.
        other_intervention_women (int | None): Utfall annan insats (social, LSS, hälso- och sjukvård) kvinnor. Utfall
            vid avslut: status at exit, among those who ended.
        other_intervention_men (int | None): Utfall annan insats (social, LSS, hälso- och sjukvård) män. Utfall vid
            avslut: status at exit, among those who ended.
        other_intervention_total (int | None): Utfall annan insats (social, LSS, hälso- och sjukvård) totalt. Utfall vid
            avslut: status at exit, among those who ended.
        benefit_women (int | None): Utfall sjuk- eller aktivitetsersättning kvinnor. Utfall vid avslut: status at exit,
            among those who ended.
        benefit_men (int | None): Utfall sjuk- eller aktivitetsersättning män. Utfall vid avslut: status at exit, among
            those who ended.
        benefit_total (int | None): Utfall sjuk- eller aktivitetsersättning totalt. Utfall vid avslut: status at exit,
            among those who ended.
        other_women (int | None): Utfall annat/okänt kvinnor. Utfall vid avslut: status at exit, among those who ended.
        other_men (int | None): Utfall annat/okänt män. Utfall vid avslut: status at exit, among those who ended.
        other_total (int | None): Utfall annat/okänt totalt. Utfall vid avslut: status at exit, among those who ended.
        work_of_ended_women (float | None): Andel arbete av avslutade kvinnor: a share 0..1 (0.25 is 25 %), over the
            insatser that reported both the outcomes and avslutade.
        work_of_ended_men (float | None): Andel arbete av avslutade män: a share 0..1 (0.25 is 25 %), over the insatser
            that reported both the outcomes and avslutade.
        work_of_ended_total (float | None): Andel arbete av avslutade totalt: a share 0..1 (0.25 is 25 %), over the
            insatser that reported both the outcomes and avslutade.
        studies_of_ended_women (float | None): Andel studier av avslutade kvinnor: a share 0..1 (0.25 is 25 %), over the
            insatser that reported both the outcomes and avslutade.
        studies_of_ended_men (float | None): Andel studier av avslutade män: a share 0..1 (0.25 is 25 %), over the
            insatser that reported both the outcomes and avslutade.
        studies_of_ended_total (float | None): Andel studier av avslutade totalt: a share 0..1 (0.25 is 25 %), over the
            insatser that reported both the outcomes and avslutade.
        work_or_studies_of_ended_women (float | None): Andel arbete/studier av avslutade kvinnor: a share 0..1 (0.25 is
            25 %), over the insatser that reported both the outcomes and avslutade.
        work_or_studies_of_ended_men (float | None): Andel arbete/studier av avslutade män: a share 0..1 (0.25 is 25 %),
            over the insatser that reported both the outcomes and avslutade.
        work_or_studies_of_ended_total (float | None): Andel arbete/studier av avslutade totalt: a share 0..1 (0.25 is
            25 %), over the insatser that reported both the outcomes and avslutade.
        volume_contacts (int | None): Volyminsats. Volyminsatser: occasions of short consultative support (not people).
        anonymous_cases (int | None): Anonyma ärenden. Anonyma ärenden/konsultationer: cases discussed anonymously.
        income_source_at_start_none (int | None): Försörjning vid start: ingen offentlig försörjning. Försörjning vid
            start: main income source when starting.
        income_source_at_start_unemployment_insurance (int | None): Försörjning vid start: a-kassa. Försörjning vid
            start: main income source when starting.
        income_source_at_start_activity_compensation (int | None): Försörjning vid start: aktivitetsersättning.
            Försörjning vid start: main income source when starting.
        income_source_at_start_activity_support (int | None): Försörjning vid start: aktivitetsstöd. Försörjning vid
            start: main income source when starting.
        income_source_at_start_social_assistance (int | None): Försörjning vid start: ekonomiskt bistånd
            (försörjningsstöd). Försörjning vid start: main income source when starting.
        income_source_at_start_sickness_compensation (int | None): Försörjning vid start: sjukersättning. Försörjning
            vid start: main income source when starting.
        income_source_at_start_sickness_benefit (int | None): Försörjning vid start: sjuk-/rehabiliteringspenning.
            Försörjning vid start: main income source when starting.
        income_source_at_start_study_support (int | None): Försörjning vid start: studiestöd. Försörjning vid start:
            main income source when starting.
        income_source_at_start_other_public (int | None): Försörjning vid start: annan offentlig försörjning.
            Försörjning vid start: main income source when starting.
        income_source_at_exit_none (int | None): Försörjning vid avslut: ingen offentlig försörjning. Försörjning vid
            avslut: main income source when ending.
        income_source_at_exit_unemployment_insurance (int | None): Försörjning vid avslut: a-kassa. Försörjning vid
            avslut: main income source when ending.
        income_source_at_exit_activity_compensation (int | None): Försörjning vid avslut: aktivitetsersättning.
            Försörjning vid avslut: main income source when ending.
        income_source_at_exit_activity_support (int | None): Försörjning vid avslut: aktivitetsstöd. Försörjning vid
            avslut: main income source when ending.
        income_source_at_exit_social_assistance (int | None): Försörjning vid avslut: ekonomiskt bistånd
            (försörjningsstöd). Försörjning vid avslut: main income source when ending.
        income_source_at_exit_sickness_compensation (int | None): Försörjning vid avslut: sjukersättning. Försörjning
            vid avslut: main income source when ending.
        income_source_at_exit_sickness_benefit (int | None): Försörjning vid avslut: sjuk-/rehabiliteringspenning.
            Försörjning vid avslut: main income source when ending.
        income_source_at_exit_study_support (int | None): Försörjning vid avslut: studiestöd. Försörjning vid avslut:
            main income source when ending.
        income_source_at_exit_other_public (int | None): Försörjning vid avslut: annan offentlig försörjning.
            Försörjning vid avslut: main income source when ending.
        age_bands_16_19 (int | None): Åldersgrupp: 16-19 år. Åldersgrupp: participants per age band.
        age_bands_20_24 (int | None): Åldersgrupp: 20-24 år. Åldersgrupp: participants per age band.
        age_bands_25_29 (int | None): Åldersgrupp: 25-29 år. Åldersgrupp: participants per age band.
        age_bands_30_39 (int | None): Åldersgrupp: 30-39 år. Åldersgrupp: participants per age band.
        age_bands_40_49 (int | None): Åldersgrupp: 40-49 år. Åldersgrupp: participants per age band.
        age_bands_50_59 (int | None): Åldersgrupp: 50-59 år. Åldersgrupp: participants per age band.
        age_bands_60_66 (int | None): Åldersgrupp: 60-66 år. Åldersgrupp: participants per age band.
        attendees_total (int | None): Deltagare strukturinsats totalt. Deltagare per organisation: attendees of a
            strukturinriktad insats.
        attendees_fk (int | None): varav Försäkringskassan. Deltagare per organisation: attendees of a strukturinriktad
            insats.
        attendees_af (int | None): varav Arbetsförmedlingen. Deltagare per organisation: attendees of a strukturinriktad
            insats.
        attendees_region (int | None): varav region. Deltagare per organisation: attendees of a strukturinriktad insats.
        attendees_kommun (int | None): varav kommun. Deltagare per organisation: attendees of a strukturinriktad insats.
        attendees_other (int | None): varav övriga organisationer. Deltagare per organisation: attendees of a
            strukturinriktad insats.
        activities (int | None): Aktiviteter. Antal aktiviteter: activities held by a strukturinriktad insats.
        missing (MissingInComparedFigures | Unset): Why each null figure of the row is null; CSV and XLSX print the
            Swedish word in the cell instead. `not_applicable` (`ej aktuellt`): the measure does not apply to the insats
            (its kind, or its `not_applicable`); on the total row, to none of the insatser; `not_reported` (`ej
            rapporterat`): the measure applies and no report for the period gave it; `not_summable` (`ej summerbart`): the
            period was computed from shorter reports: a stock (deltagare, ages, attendees, försörjning) cannot be added over
            parts of a period; flows are given; `parts_missing` (`delperiod saknas`): reports for part of the period are
            missing, so a flow for the whole period cannot be given (a total row is blank where an insats's figure was
            withheld so); `not_approved` (`ej godkänd`): `approved_only=true` and the figure is in a report that is not
            approved; `not_split` (`kön ej uppdelat`): the total was reported without a split by kön, which is not 0 women
            and 0 men; `none_ended` (`inga avslutade`): a share of those who ended where nobody ended (0 avslutade): it has
            no value; `not_active` (`ej aktiv`): the insats was not active in that period (with `compare`: only in the other
            one).
    """

    participants_women: int | None
    participants_men: int | None
    participants_total: int | None
    started_women: int | None
    started_men: int | None
    started_total: int | None
    ended_women: int | None
    ended_men: int | None
    ended_total: int | None
    work_women: int | None
    work_men: int | None
    work_total: int | None
    studies_women: int | None
    studies_men: int | None
    studies_total: int | None
    work_preparation_women: int | None
    work_preparation_men: int | None
    work_preparation_total: int | None
    other_intervention_women: int | None
    other_intervention_men: int | None
    other_intervention_total: int | None
    benefit_women: int | None
    benefit_men: int | None
    benefit_total: int | None
    other_women: int | None
    other_men: int | None
    other_total: int | None
    work_of_ended_women: float | None
    work_of_ended_men: float | None
    work_of_ended_total: float | None
    studies_of_ended_women: float | None
    studies_of_ended_men: float | None
    studies_of_ended_total: float | None
    work_or_studies_of_ended_women: float | None
    work_or_studies_of_ended_men: float | None
    work_or_studies_of_ended_total: float | None
    volume_contacts: int | None
    anonymous_cases: int | None
    income_source_at_start_none: int | None
    income_source_at_start_unemployment_insurance: int | None
    income_source_at_start_activity_compensation: int | None
    income_source_at_start_activity_support: int | None
    income_source_at_start_social_assistance: int | None
    income_source_at_start_sickness_compensation: int | None
    income_source_at_start_sickness_benefit: int | None
    income_source_at_start_study_support: int | None
    income_source_at_start_other_public: int | None
    income_source_at_exit_none: int | None
    income_source_at_exit_unemployment_insurance: int | None
    income_source_at_exit_activity_compensation: int | None
    income_source_at_exit_activity_support: int | None
    income_source_at_exit_social_assistance: int | None
    income_source_at_exit_sickness_compensation: int | None
    income_source_at_exit_sickness_benefit: int | None
    income_source_at_exit_study_support: int | None
    income_source_at_exit_other_public: int | None
    age_bands_16_19: int | None
    age_bands_20_24: int | None
    age_bands_25_29: int | None
    age_bands_30_39: int | None
    age_bands_40_49: int | None
    age_bands_50_59: int | None
    age_bands_60_66: int | None
    attendees_total: int | None
    attendees_fk: int | None
    attendees_af: int | None
    attendees_region: int | None
    attendees_kommun: int | None
    attendees_other: int | None
    activities: int | None
    missing: MissingInComparedFigures | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        participants_women: int | None
        participants_women = self.participants_women

        participants_men: int | None
        participants_men = self.participants_men

        participants_total: int | None
        participants_total = self.participants_total

        started_women: int | None
        started_women = self.started_women

        started_men: int | None
        started_men = self.started_men

        started_total: int | None
        started_total = self.started_total

        ended_women: int | None
        ended_women = self.ended_women

        ended_men: int | None
        ended_men = self.ended_men

        ended_total: int | None
        ended_total = self.ended_total

        work_women: int | None
        work_women = self.work_women

        work_men: int | None
        work_men = self.work_men

        work_total: int | None
        work_total = self.work_total

        studies_women: int | None
        studies_women = self.studies_women

        studies_men: int | None
        studies_men = self.studies_men

        studies_total: int | None
        studies_total = self.studies_total

        work_preparation_women: int | None
        work_preparation_women = self.work_preparation_women

        work_preparation_men: int | None
        work_preparation_men = self.work_preparation_men

        work_preparation_total: int | None
        work_preparation_total = self.work_preparation_total

        other_intervention_women: int | None
        other_intervention_women = self.other_intervention_women

        other_intervention_men: int | None
        other_intervention_men = self.other_intervention_men

        other_intervention_total: int | None
        other_intervention_total = self.other_intervention_total

        benefit_women: int | None
        benefit_women = self.benefit_women

        benefit_men: int | None
        benefit_men = self.benefit_men

        benefit_total: int | None
        benefit_total = self.benefit_total

        other_women: int | None
        other_women = self.other_women

        other_men: int | None
        other_men = self.other_men

        other_total: int | None
        other_total = self.other_total

        work_of_ended_women: float | None
        work_of_ended_women = self.work_of_ended_women

        work_of_ended_men: float | None
        work_of_ended_men = self.work_of_ended_men

        work_of_ended_total: float | None
        work_of_ended_total = self.work_of_ended_total

        studies_of_ended_women: float | None
        studies_of_ended_women = self.studies_of_ended_women

        studies_of_ended_men: float | None
        studies_of_ended_men = self.studies_of_ended_men

        studies_of_ended_total: float | None
        studies_of_ended_total = self.studies_of_ended_total

        work_or_studies_of_ended_women: float | None
        work_or_studies_of_ended_women = self.work_or_studies_of_ended_women

        work_or_studies_of_ended_men: float | None
        work_or_studies_of_ended_men = self.work_or_studies_of_ended_men

        work_or_studies_of_ended_total: float | None
        work_or_studies_of_ended_total = self.work_or_studies_of_ended_total

        volume_contacts: int | None
        volume_contacts = self.volume_contacts

        anonymous_cases: int | None
        anonymous_cases = self.anonymous_cases

        income_source_at_start_none: int | None
        income_source_at_start_none = self.income_source_at_start_none

        income_source_at_start_unemployment_insurance: int | None
        income_source_at_start_unemployment_insurance = self.income_source_at_start_unemployment_insurance

        income_source_at_start_activity_compensation: int | None
        income_source_at_start_activity_compensation = self.income_source_at_start_activity_compensation

        income_source_at_start_activity_support: int | None
        income_source_at_start_activity_support = self.income_source_at_start_activity_support

        income_source_at_start_social_assistance: int | None
        income_source_at_start_social_assistance = self.income_source_at_start_social_assistance

        income_source_at_start_sickness_compensation: int | None
        income_source_at_start_sickness_compensation = self.income_source_at_start_sickness_compensation

        income_source_at_start_sickness_benefit: int | None
        income_source_at_start_sickness_benefit = self.income_source_at_start_sickness_benefit

        income_source_at_start_study_support: int | None
        income_source_at_start_study_support = self.income_source_at_start_study_support

        income_source_at_start_other_public: int | None
        income_source_at_start_other_public = self.income_source_at_start_other_public

        income_source_at_exit_none: int | None
        income_source_at_exit_none = self.income_source_at_exit_none

        income_source_at_exit_unemployment_insurance: int | None
        income_source_at_exit_unemployment_insurance = self.income_source_at_exit_unemployment_insurance

        income_source_at_exit_activity_compensation: int | None
        income_source_at_exit_activity_compensation = self.income_source_at_exit_activity_compensation

        income_source_at_exit_activity_support: int | None
        income_source_at_exit_activity_support = self.income_source_at_exit_activity_support

        income_source_at_exit_social_assistance: int | None
        income_source_at_exit_social_assistance = self.income_source_at_exit_social_assistance

        income_source_at_exit_sickness_compensation: int | None
        income_source_at_exit_sickness_compensation = self.income_source_at_exit_sickness_compensation

        income_source_at_exit_sickness_benefit: int | None
        income_source_at_exit_sickness_benefit = self.income_source_at_exit_sickness_benefit

        income_source_at_exit_study_support: int | None
        income_source_at_exit_study_support = self.income_source_at_exit_study_support

        income_source_at_exit_other_public: int | None
        income_source_at_exit_other_public = self.income_source_at_exit_other_public

        age_bands_16_19: int | None
        age_bands_16_19 = self.age_bands_16_19

        age_bands_20_24: int | None
        age_bands_20_24 = self.age_bands_20_24

        age_bands_25_29: int | None
        age_bands_25_29 = self.age_bands_25_29

        age_bands_30_39: int | None
        age_bands_30_39 = self.age_bands_30_39

        age_bands_40_49: int | None
        age_bands_40_49 = self.age_bands_40_49

        age_bands_50_59: int | None
        age_bands_50_59 = self.age_bands_50_59

        age_bands_60_66: int | None
        age_bands_60_66 = self.age_bands_60_66

        attendees_total: int | None
        attendees_total = self.attendees_total

        attendees_fk: int | None
        attendees_fk = self.attendees_fk

        attendees_af: int | None
        attendees_af = self.attendees_af

        attendees_region: int | None
        attendees_region = self.attendees_region

        attendees_kommun: int | None
        attendees_kommun = self.attendees_kommun

        attendees_other: int | None
        attendees_other = self.attendees_other

        activities: int | None
        activities = self.activities

        missing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "participants_women": participants_women,
                "participants_men": participants_men,
                "participants_total": participants_total,
                "started_women": started_women,
                "started_men": started_men,
                "started_total": started_total,
                "ended_women": ended_women,
                "ended_men": ended_men,
                "ended_total": ended_total,
                "work_women": work_women,
                "work_men": work_men,
                "work_total": work_total,
                "studies_women": studies_women,
                "studies_men": studies_men,
                "studies_total": studies_total,
                "work_preparation_women": work_preparation_women,
                "work_preparation_men": work_preparation_men,
                "work_preparation_total": work_preparation_total,
                "other_intervention_women": other_intervention_women,
                "other_intervention_men": other_intervention_men,
                "other_intervention_total": other_intervention_total,
                "benefit_women": benefit_women,
                "benefit_men": benefit_men,
                "benefit_total": benefit_total,
                "other_women": other_women,
                "other_men": other_men,
                "other_total": other_total,
                "work_of_ended_women": work_of_ended_women,
                "work_of_ended_men": work_of_ended_men,
                "work_of_ended_total": work_of_ended_total,
                "studies_of_ended_women": studies_of_ended_women,
                "studies_of_ended_men": studies_of_ended_men,
                "studies_of_ended_total": studies_of_ended_total,
                "work_or_studies_of_ended_women": work_or_studies_of_ended_women,
                "work_or_studies_of_ended_men": work_or_studies_of_ended_men,
                "work_or_studies_of_ended_total": work_or_studies_of_ended_total,
                "volume_contacts": volume_contacts,
                "anonymous_cases": anonymous_cases,
                "income_source_at_start_none": income_source_at_start_none,
                "income_source_at_start_unemployment_insurance": income_source_at_start_unemployment_insurance,
                "income_source_at_start_activity_compensation": income_source_at_start_activity_compensation,
                "income_source_at_start_activity_support": income_source_at_start_activity_support,
                "income_source_at_start_social_assistance": income_source_at_start_social_assistance,
                "income_source_at_start_sickness_compensation": income_source_at_start_sickness_compensation,
                "income_source_at_start_sickness_benefit": income_source_at_start_sickness_benefit,
                "income_source_at_start_study_support": income_source_at_start_study_support,
                "income_source_at_start_other_public": income_source_at_start_other_public,
                "income_source_at_exit_none": income_source_at_exit_none,
                "income_source_at_exit_unemployment_insurance": income_source_at_exit_unemployment_insurance,
                "income_source_at_exit_activity_compensation": income_source_at_exit_activity_compensation,
                "income_source_at_exit_activity_support": income_source_at_exit_activity_support,
                "income_source_at_exit_social_assistance": income_source_at_exit_social_assistance,
                "income_source_at_exit_sickness_compensation": income_source_at_exit_sickness_compensation,
                "income_source_at_exit_sickness_benefit": income_source_at_exit_sickness_benefit,
                "income_source_at_exit_study_support": income_source_at_exit_study_support,
                "income_source_at_exit_other_public": income_source_at_exit_other_public,
                "age_bands_16_19": age_bands_16_19,
                "age_bands_20_24": age_bands_20_24,
                "age_bands_25_29": age_bands_25_29,
                "age_bands_30_39": age_bands_30_39,
                "age_bands_40_49": age_bands_40_49,
                "age_bands_50_59": age_bands_50_59,
                "age_bands_60_66": age_bands_60_66,
                "attendees_total": attendees_total,
                "attendees_fk": attendees_fk,
                "attendees_af": attendees_af,
                "attendees_region": attendees_region,
                "attendees_kommun": attendees_kommun,
                "attendees_other": attendees_other,
                "activities": activities,
            }
        )
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.missing_in_compared_figures import MissingInComparedFigures  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_participants_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        participants_women = _parse_participants_women(d.pop("participants_women"))

        def _parse_participants_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        participants_men = _parse_participants_men(d.pop("participants_men"))

        def _parse_participants_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        participants_total = _parse_participants_total(d.pop("participants_total"))

        def _parse_started_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        started_women = _parse_started_women(d.pop("started_women"))

        def _parse_started_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        started_men = _parse_started_men(d.pop("started_men"))

        def _parse_started_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        started_total = _parse_started_total(d.pop("started_total"))

        def _parse_ended_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ended_women = _parse_ended_women(d.pop("ended_women"))

        def _parse_ended_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ended_men = _parse_ended_men(d.pop("ended_men"))

        def _parse_ended_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        ended_total = _parse_ended_total(d.pop("ended_total"))

        def _parse_work_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        work_women = _parse_work_women(d.pop("work_women"))

        def _parse_work_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        work_men = _parse_work_men(d.pop("work_men"))

        def _parse_work_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        work_total = _parse_work_total(d.pop("work_total"))

        def _parse_studies_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        studies_women = _parse_studies_women(d.pop("studies_women"))

        def _parse_studies_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        studies_men = _parse_studies_men(d.pop("studies_men"))

        def _parse_studies_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        studies_total = _parse_studies_total(d.pop("studies_total"))

        def _parse_work_preparation_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        work_preparation_women = _parse_work_preparation_women(d.pop("work_preparation_women"))

        def _parse_work_preparation_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        work_preparation_men = _parse_work_preparation_men(d.pop("work_preparation_men"))

        def _parse_work_preparation_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        work_preparation_total = _parse_work_preparation_total(d.pop("work_preparation_total"))

        def _parse_other_intervention_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        other_intervention_women = _parse_other_intervention_women(d.pop("other_intervention_women"))

        def _parse_other_intervention_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        other_intervention_men = _parse_other_intervention_men(d.pop("other_intervention_men"))

        def _parse_other_intervention_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        other_intervention_total = _parse_other_intervention_total(d.pop("other_intervention_total"))

        def _parse_benefit_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        benefit_women = _parse_benefit_women(d.pop("benefit_women"))

        def _parse_benefit_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        benefit_men = _parse_benefit_men(d.pop("benefit_men"))

        def _parse_benefit_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        benefit_total = _parse_benefit_total(d.pop("benefit_total"))

        def _parse_other_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        other_women = _parse_other_women(d.pop("other_women"))

        def _parse_other_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        other_men = _parse_other_men(d.pop("other_men"))

        def _parse_other_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        other_total = _parse_other_total(d.pop("other_total"))

        def _parse_work_of_ended_women(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_of_ended_women = _parse_work_of_ended_women(d.pop("work_of_ended_women"))

        def _parse_work_of_ended_men(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_of_ended_men = _parse_work_of_ended_men(d.pop("work_of_ended_men"))

        def _parse_work_of_ended_total(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_of_ended_total = _parse_work_of_ended_total(d.pop("work_of_ended_total"))

        def _parse_studies_of_ended_women(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        studies_of_ended_women = _parse_studies_of_ended_women(d.pop("studies_of_ended_women"))

        def _parse_studies_of_ended_men(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        studies_of_ended_men = _parse_studies_of_ended_men(d.pop("studies_of_ended_men"))

        def _parse_studies_of_ended_total(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        studies_of_ended_total = _parse_studies_of_ended_total(d.pop("studies_of_ended_total"))

        def _parse_work_or_studies_of_ended_women(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_or_studies_of_ended_women = _parse_work_or_studies_of_ended_women(d.pop("work_or_studies_of_ended_women"))

        def _parse_work_or_studies_of_ended_men(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_or_studies_of_ended_men = _parse_work_or_studies_of_ended_men(d.pop("work_or_studies_of_ended_men"))

        def _parse_work_or_studies_of_ended_total(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        work_or_studies_of_ended_total = _parse_work_or_studies_of_ended_total(d.pop("work_or_studies_of_ended_total"))

        def _parse_volume_contacts(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        volume_contacts = _parse_volume_contacts(d.pop("volume_contacts"))

        def _parse_anonymous_cases(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        anonymous_cases = _parse_anonymous_cases(d.pop("anonymous_cases"))

        def _parse_income_source_at_start_none(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_none = _parse_income_source_at_start_none(d.pop("income_source_at_start_none"))

        def _parse_income_source_at_start_unemployment_insurance(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_unemployment_insurance = _parse_income_source_at_start_unemployment_insurance(
            d.pop("income_source_at_start_unemployment_insurance")
        )

        def _parse_income_source_at_start_activity_compensation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_activity_compensation = _parse_income_source_at_start_activity_compensation(
            d.pop("income_source_at_start_activity_compensation")
        )

        def _parse_income_source_at_start_activity_support(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_activity_support = _parse_income_source_at_start_activity_support(
            d.pop("income_source_at_start_activity_support")
        )

        def _parse_income_source_at_start_social_assistance(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_social_assistance = _parse_income_source_at_start_social_assistance(
            d.pop("income_source_at_start_social_assistance")
        )

        def _parse_income_source_at_start_sickness_compensation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_sickness_compensation = _parse_income_source_at_start_sickness_compensation(
            d.pop("income_source_at_start_sickness_compensation")
        )

        def _parse_income_source_at_start_sickness_benefit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_sickness_benefit = _parse_income_source_at_start_sickness_benefit(
            d.pop("income_source_at_start_sickness_benefit")
        )

        def _parse_income_source_at_start_study_support(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_study_support = _parse_income_source_at_start_study_support(
            d.pop("income_source_at_start_study_support")
        )

        def _parse_income_source_at_start_other_public(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_start_other_public = _parse_income_source_at_start_other_public(
            d.pop("income_source_at_start_other_public")
        )

        def _parse_income_source_at_exit_none(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_none = _parse_income_source_at_exit_none(d.pop("income_source_at_exit_none"))

        def _parse_income_source_at_exit_unemployment_insurance(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_unemployment_insurance = _parse_income_source_at_exit_unemployment_insurance(
            d.pop("income_source_at_exit_unemployment_insurance")
        )

        def _parse_income_source_at_exit_activity_compensation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_activity_compensation = _parse_income_source_at_exit_activity_compensation(
            d.pop("income_source_at_exit_activity_compensation")
        )

        def _parse_income_source_at_exit_activity_support(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_activity_support = _parse_income_source_at_exit_activity_support(
            d.pop("income_source_at_exit_activity_support")
        )

        def _parse_income_source_at_exit_social_assistance(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_social_assistance = _parse_income_source_at_exit_social_assistance(
            d.pop("income_source_at_exit_social_assistance")
        )

        def _parse_income_source_at_exit_sickness_compensation(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_sickness_compensation = _parse_income_source_at_exit_sickness_compensation(
            d.pop("income_source_at_exit_sickness_compensation")
        )

        def _parse_income_source_at_exit_sickness_benefit(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_sickness_benefit = _parse_income_source_at_exit_sickness_benefit(
            d.pop("income_source_at_exit_sickness_benefit")
        )

        def _parse_income_source_at_exit_study_support(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_study_support = _parse_income_source_at_exit_study_support(
            d.pop("income_source_at_exit_study_support")
        )

        def _parse_income_source_at_exit_other_public(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        income_source_at_exit_other_public = _parse_income_source_at_exit_other_public(
            d.pop("income_source_at_exit_other_public")
        )

        def _parse_age_bands_16_19(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_16_19 = _parse_age_bands_16_19(d.pop("age_bands_16_19"))

        def _parse_age_bands_20_24(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_20_24 = _parse_age_bands_20_24(d.pop("age_bands_20_24"))

        def _parse_age_bands_25_29(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_25_29 = _parse_age_bands_25_29(d.pop("age_bands_25_29"))

        def _parse_age_bands_30_39(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_30_39 = _parse_age_bands_30_39(d.pop("age_bands_30_39"))

        def _parse_age_bands_40_49(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_40_49 = _parse_age_bands_40_49(d.pop("age_bands_40_49"))

        def _parse_age_bands_50_59(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_50_59 = _parse_age_bands_50_59(d.pop("age_bands_50_59"))

        def _parse_age_bands_60_66(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        age_bands_60_66 = _parse_age_bands_60_66(d.pop("age_bands_60_66"))

        def _parse_attendees_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        attendees_total = _parse_attendees_total(d.pop("attendees_total"))

        def _parse_attendees_fk(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        attendees_fk = _parse_attendees_fk(d.pop("attendees_fk"))

        def _parse_attendees_af(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        attendees_af = _parse_attendees_af(d.pop("attendees_af"))

        def _parse_attendees_region(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        attendees_region = _parse_attendees_region(d.pop("attendees_region"))

        def _parse_attendees_kommun(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        attendees_kommun = _parse_attendees_kommun(d.pop("attendees_kommun"))

        def _parse_attendees_other(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        attendees_other = _parse_attendees_other(d.pop("attendees_other"))

        def _parse_activities(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        activities = _parse_activities(d.pop("activities"))

        _missing = d.pop("missing", UNSET)
        missing: MissingInComparedFigures | Unset
        if isinstance(_missing, Unset):
            missing = UNSET
        else:
            missing = MissingInComparedFigures.from_dict(_missing)

        table_figures = cls(
            participants_women=participants_women,
            participants_men=participants_men,
            participants_total=participants_total,
            started_women=started_women,
            started_men=started_men,
            started_total=started_total,
            ended_women=ended_women,
            ended_men=ended_men,
            ended_total=ended_total,
            work_women=work_women,
            work_men=work_men,
            work_total=work_total,
            studies_women=studies_women,
            studies_men=studies_men,
            studies_total=studies_total,
            work_preparation_women=work_preparation_women,
            work_preparation_men=work_preparation_men,
            work_preparation_total=work_preparation_total,
            other_intervention_women=other_intervention_women,
            other_intervention_men=other_intervention_men,
            other_intervention_total=other_intervention_total,
            benefit_women=benefit_women,
            benefit_men=benefit_men,
            benefit_total=benefit_total,
            other_women=other_women,
            other_men=other_men,
            other_total=other_total,
            work_of_ended_women=work_of_ended_women,
            work_of_ended_men=work_of_ended_men,
            work_of_ended_total=work_of_ended_total,
            studies_of_ended_women=studies_of_ended_women,
            studies_of_ended_men=studies_of_ended_men,
            studies_of_ended_total=studies_of_ended_total,
            work_or_studies_of_ended_women=work_or_studies_of_ended_women,
            work_or_studies_of_ended_men=work_or_studies_of_ended_men,
            work_or_studies_of_ended_total=work_or_studies_of_ended_total,
            volume_contacts=volume_contacts,
            anonymous_cases=anonymous_cases,
            income_source_at_start_none=income_source_at_start_none,
            income_source_at_start_unemployment_insurance=income_source_at_start_unemployment_insurance,
            income_source_at_start_activity_compensation=income_source_at_start_activity_compensation,
            income_source_at_start_activity_support=income_source_at_start_activity_support,
            income_source_at_start_social_assistance=income_source_at_start_social_assistance,
            income_source_at_start_sickness_compensation=income_source_at_start_sickness_compensation,
            income_source_at_start_sickness_benefit=income_source_at_start_sickness_benefit,
            income_source_at_start_study_support=income_source_at_start_study_support,
            income_source_at_start_other_public=income_source_at_start_other_public,
            income_source_at_exit_none=income_source_at_exit_none,
            income_source_at_exit_unemployment_insurance=income_source_at_exit_unemployment_insurance,
            income_source_at_exit_activity_compensation=income_source_at_exit_activity_compensation,
            income_source_at_exit_activity_support=income_source_at_exit_activity_support,
            income_source_at_exit_social_assistance=income_source_at_exit_social_assistance,
            income_source_at_exit_sickness_compensation=income_source_at_exit_sickness_compensation,
            income_source_at_exit_sickness_benefit=income_source_at_exit_sickness_benefit,
            income_source_at_exit_study_support=income_source_at_exit_study_support,
            income_source_at_exit_other_public=income_source_at_exit_other_public,
            age_bands_16_19=age_bands_16_19,
            age_bands_20_24=age_bands_20_24,
            age_bands_25_29=age_bands_25_29,
            age_bands_30_39=age_bands_30_39,
            age_bands_40_49=age_bands_40_49,
            age_bands_50_59=age_bands_50_59,
            age_bands_60_66=age_bands_60_66,
            attendees_total=attendees_total,
            attendees_fk=attendees_fk,
            attendees_af=attendees_af,
            attendees_region=attendees_region,
            attendees_kommun=attendees_kommun,
            attendees_other=attendees_other,
            activities=activities,
            missing=missing,
        )

        table_figures.additional_properties = d
        return table_figures

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
