from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.count_figure import CountFigure
    from ..models.gender_figure import GenderFigure
    from ..models.measures_age_bands_type_0 import MeasuresAgeBandsType0
    from ..models.measures_attendees_type_0 import MeasuresAttendeesType0
    from ..models.measures_income_source_at_exit_type_0 import MeasuresIncomeSourceAtExitType0
    from ..models.measures_income_source_at_start_type_0 import MeasuresIncomeSourceAtStartType0
    from ..models.measures_outcomes_type_0 import MeasuresOutcomesType0


T = TypeVar("T", bound="Measures")


@_attrs_define
class Measures:
    """Every measure of a report, summed; null when no report gave it. The fields are the
    catalogue's measures (app/domain/measures.py; a test holds them to it).

        Attributes:
            participants (GenderFigure | None): Deltagare: people taking part during the period. (a stock: null unless
                reported for the period itself). Null when no report gave it.
            started (GenderFigure | None): Nya deltagare: people who started during the period. (a flow: summed over shorter
                periods). Null when no report gave it.
            ended (GenderFigure | None): Avslutade deltagare: people who ended during the period. (a flow: summed over
                shorter periods). Null when no report gave it.
            outcomes (MeasuresOutcomesType0 | None): Utfall vid avslut: status at exit, among those who ended. (a flow:
                summed over shorter periods). Per category: work, studies, work_preparation, other_intervention, benefit, other.
                Null when no report gave it.
            volume_contacts (CountFigure | None): Volyminsatser: occasions of short consultative support (not people). (a
                flow: summed over shorter periods). Null when no report gave it.
            anonymous_cases (CountFigure | None): Anonyma ärenden/konsultationer: cases discussed anonymously. (a flow:
                summed over shorter periods). Null when no report gave it.
            income_source_at_start (MeasuresIncomeSourceAtStartType0 | None): Försörjning vid start: main income source when
                starting. (a stock: null unless reported for the period itself). Per category: none, unemployment_insurance,
                activity_compensation, activity_support, social_assistance, sickness_compensation, sickness_benefit,
                study_support, other_public. Null when no report gave it.
            income_source_at_exit (MeasuresIncomeSourceAtExitType0 | None): Försörjning vid avslut: main income source when
                ending. (a stock: null unless reported for the period itself). Per category: none, unemployment_insurance,
                activity_compensation, activity_support, social_assistance, sickness_compensation, sickness_benefit,
                study_support, other_public. Null when no report gave it.
            age_bands (MeasuresAgeBandsType0 | None): Åldersgrupp: participants per age band. (a stock: null unless reported
                for the period itself). Per category: 16-19, 20-24, 25-29, 30-39, 40-49, 50-59, 60-66. Null when no report gave
                it.
            attendees (MeasuresAttendeesType0 | None): Deltagare per organisation: attendees of a strukturinriktad insats.
                (a stock: null unless reported for the period itself). Per category: fk, af, region, kommun, other. Null when no
                report gave it.
            activities (CountFigure | None): Antal aktiviteter: activities held by a strukturinriktad insats. (a flow:
                summed over shorter periods). Null when no report gave it.
    """

    participants: GenderFigure | None
    started: GenderFigure | None
    ended: GenderFigure | None
    outcomes: MeasuresOutcomesType0 | None
    volume_contacts: CountFigure | None
    anonymous_cases: CountFigure | None
    income_source_at_start: MeasuresIncomeSourceAtStartType0 | None
    income_source_at_exit: MeasuresIncomeSourceAtExitType0 | None
    age_bands: MeasuresAgeBandsType0 | None
    attendees: MeasuresAttendeesType0 | None
    activities: CountFigure | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.count_figure import CountFigure  # noqa: PLC0415
        from ..models.gender_figure import GenderFigure  # noqa: PLC0415
        from ..models.measures_age_bands_type_0 import MeasuresAgeBandsType0  # noqa: PLC0415
        from ..models.measures_attendees_type_0 import MeasuresAttendeesType0  # noqa: PLC0415
        from ..models.measures_income_source_at_exit_type_0 import MeasuresIncomeSourceAtExitType0  # noqa: PLC0415
        from ..models.measures_income_source_at_start_type_0 import MeasuresIncomeSourceAtStartType0  # noqa: PLC0415
        from ..models.measures_outcomes_type_0 import MeasuresOutcomesType0  # noqa: PLC0415

        participants: dict[str, Any] | None
        if isinstance(self.participants, GenderFigure):
            participants = self.participants.to_dict()
        else:
            participants = self.participants

        started: dict[str, Any] | None
        if isinstance(self.started, GenderFigure):
            started = self.started.to_dict()
        else:
            started = self.started

        ended: dict[str, Any] | None
        if isinstance(self.ended, GenderFigure):
            ended = self.ended.to_dict()
        else:
            ended = self.ended

        outcomes: dict[str, Any] | None
        if isinstance(self.outcomes, MeasuresOutcomesType0):
            outcomes = self.outcomes.to_dict()
        else:
            outcomes = self.outcomes

        volume_contacts: dict[str, Any] | None
        if isinstance(self.volume_contacts, CountFigure):
            volume_contacts = self.volume_contacts.to_dict()
        else:
            volume_contacts = self.volume_contacts

        anonymous_cases: dict[str, Any] | None
        if isinstance(self.anonymous_cases, CountFigure):
            anonymous_cases = self.anonymous_cases.to_dict()
        else:
            anonymous_cases = self.anonymous_cases

        income_source_at_start: dict[str, Any] | None
        if isinstance(self.income_source_at_start, MeasuresIncomeSourceAtStartType0):
            income_source_at_start = self.income_source_at_start.to_dict()
        else:
            income_source_at_start = self.income_source_at_start

        income_source_at_exit: dict[str, Any] | None
        if isinstance(self.income_source_at_exit, MeasuresIncomeSourceAtExitType0):
            income_source_at_exit = self.income_source_at_exit.to_dict()
        else:
            income_source_at_exit = self.income_source_at_exit

        age_bands: dict[str, Any] | None
        if isinstance(self.age_bands, MeasuresAgeBandsType0):
            age_bands = self.age_bands.to_dict()
        else:
            age_bands = self.age_bands

        attendees: dict[str, Any] | None
        if isinstance(self.attendees, MeasuresAttendeesType0):
            attendees = self.attendees.to_dict()
        else:
            attendees = self.attendees

        activities: dict[str, Any] | None
        if isinstance(self.activities, CountFigure):
            activities = self.activities.to_dict()
        else:
            activities = self.activities

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "participants": participants,
                "started": started,
                "ended": ended,
                "outcomes": outcomes,
                "volume_contacts": volume_contacts,
                "anonymous_cases": anonymous_cases,
                "income_source_at_start": income_source_at_start,
                "income_source_at_exit": income_source_at_exit,
                "age_bands": age_bands,
                "attendees": attendees,
                "activities": activities,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.count_figure import CountFigure  # noqa: PLC0415
        from ..models.gender_figure import GenderFigure  # noqa: PLC0415
        from ..models.measures_age_bands_type_0 import MeasuresAgeBandsType0  # noqa: PLC0415
        from ..models.measures_attendees_type_0 import MeasuresAttendeesType0  # noqa: PLC0415
        from ..models.measures_income_source_at_exit_type_0 import MeasuresIncomeSourceAtExitType0  # noqa: PLC0415
        from ..models.measures_income_source_at_start_type_0 import MeasuresIncomeSourceAtStartType0  # noqa: PLC0415
        from ..models.measures_outcomes_type_0 import MeasuresOutcomesType0  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_participants(data: object) -> GenderFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                participants_type_0 = GenderFigure.from_dict(data)

                return participants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderFigure | None, data)

        participants = _parse_participants(d.pop("participants"))

        def _parse_started(data: object) -> GenderFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                started_type_0 = GenderFigure.from_dict(data)

                return started_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderFigure | None, data)

        started = _parse_started(d.pop("started"))

        def _parse_ended(data: object) -> GenderFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ended_type_0 = GenderFigure.from_dict(data)

                return ended_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderFigure | None, data)

        ended = _parse_ended(d.pop("ended"))

        def _parse_outcomes(data: object) -> MeasuresOutcomesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outcomes_type_0 = MeasuresOutcomesType0.from_dict(data)

                return outcomes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasuresOutcomesType0 | None, data)

        outcomes = _parse_outcomes(d.pop("outcomes"))

        def _parse_volume_contacts(data: object) -> CountFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                volume_contacts_type_0 = CountFigure.from_dict(data)

                return volume_contacts_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountFigure | None, data)

        volume_contacts = _parse_volume_contacts(d.pop("volume_contacts"))

        def _parse_anonymous_cases(data: object) -> CountFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                anonymous_cases_type_0 = CountFigure.from_dict(data)

                return anonymous_cases_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountFigure | None, data)

        anonymous_cases = _parse_anonymous_cases(d.pop("anonymous_cases"))

        def _parse_income_source_at_start(data: object) -> MeasuresIncomeSourceAtStartType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                income_source_at_start_type_0 = MeasuresIncomeSourceAtStartType0.from_dict(data)

                return income_source_at_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasuresIncomeSourceAtStartType0 | None, data)

        income_source_at_start = _parse_income_source_at_start(d.pop("income_source_at_start"))

        def _parse_income_source_at_exit(data: object) -> MeasuresIncomeSourceAtExitType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                income_source_at_exit_type_0 = MeasuresIncomeSourceAtExitType0.from_dict(data)

                return income_source_at_exit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasuresIncomeSourceAtExitType0 | None, data)

        income_source_at_exit = _parse_income_source_at_exit(d.pop("income_source_at_exit"))

        def _parse_age_bands(data: object) -> MeasuresAgeBandsType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                age_bands_type_0 = MeasuresAgeBandsType0.from_dict(data)

                return age_bands_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasuresAgeBandsType0 | None, data)

        age_bands = _parse_age_bands(d.pop("age_bands"))

        def _parse_attendees(data: object) -> MeasuresAttendeesType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attendees_type_0 = MeasuresAttendeesType0.from_dict(data)

                return attendees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MeasuresAttendeesType0 | None, data)

        attendees = _parse_attendees(d.pop("attendees"))

        def _parse_activities(data: object) -> CountFigure | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                activities_type_0 = CountFigure.from_dict(data)

                return activities_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CountFigure | None, data)

        activities = _parse_activities(d.pop("activities"))

        measures = cls(
            participants=participants,
            started=started,
            ended=ended,
            outcomes=outcomes,
            volume_contacts=volume_contacts,
            anonymous_cases=anonymous_cases,
            income_source_at_start=income_source_at_start,
            income_source_at_exit=income_source_at_exit,
            age_bands=age_bands,
            attendees=attendees,
            activities=activities,
        )

        measures.additional_properties = d
        return measures

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
