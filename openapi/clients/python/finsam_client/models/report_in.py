from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.age_bands_in import AgeBandsIn
    from ..models.attendees_in import AttendeesIn
    from ..models.gender_count_in import GenderCountIn
    from ..models.income_sources_in import IncomeSourcesIn
    from ..models.outcomes_in import OutcomesIn


T = TypeVar("T", bound="ReportIn")


@_attrs_define
class ReportIn:
    """Rapport: one insats's figures for one period. Absent or null is "ej aktuellt", never 0.

    Attributes:
        participants (GenderCountIn | None | Unset): Deltagare: people taking part during the period. Null: not
            applicable / not reported.
        started (GenderCountIn | None | Unset): Nya deltagare: people who started during the period. Null: not
            applicable / not reported.
        ended (GenderCountIn | None | Unset): Avslutade deltagare: people who ended during the period. Null: not
            applicable / not reported.
        outcomes (None | OutcomesIn | Unset): Utfall vid avslut: status at exit, among those who ended. Null: not
            applicable / not reported.
        volume_contacts (int | None | Unset): Volyminsatser: occasions of short consultative support (not people). Null:
            not applicable / not reported.
        anonymous_cases (int | None | Unset): Anonyma ärenden/konsultationer: cases discussed anonymously. Null: not
            applicable / not reported.
        income_source_at_start (IncomeSourcesIn | None | Unset): Försörjning vid start: main income source when
            starting. Null: not applicable / not reported.
        income_source_at_exit (IncomeSourcesIn | None | Unset): Försörjning vid avslut: main income source when ending.
            Null: not applicable / not reported.
        age_bands (AgeBandsIn | None | Unset): Åldersgrupp: participants per age band. Null: not applicable / not
            reported.
        attendees (AttendeesIn | None | Unset): Deltagare per organisation: attendees of a strukturinriktad insats.
            Null: not applicable / not reported.
        activities (int | None | Unset): Antal aktiviteter: activities held by a strukturinriktad insats. Null: not
            applicable / not reported.
        note (None | str | Unset): Kommentar: free text. Never personal data. Null: not applicable / not reported.
    """

    participants: GenderCountIn | None | Unset = UNSET
    started: GenderCountIn | None | Unset = UNSET
    ended: GenderCountIn | None | Unset = UNSET
    outcomes: None | OutcomesIn | Unset = UNSET
    volume_contacts: int | None | Unset = UNSET
    anonymous_cases: int | None | Unset = UNSET
    income_source_at_start: IncomeSourcesIn | None | Unset = UNSET
    income_source_at_exit: IncomeSourcesIn | None | Unset = UNSET
    age_bands: AgeBandsIn | None | Unset = UNSET
    attendees: AttendeesIn | None | Unset = UNSET
    activities: int | None | Unset = UNSET
    note: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.age_bands_in import AgeBandsIn  # noqa: PLC0415
        from ..models.attendees_in import AttendeesIn  # noqa: PLC0415
        from ..models.gender_count_in import GenderCountIn  # noqa: PLC0415
        from ..models.income_sources_in import IncomeSourcesIn  # noqa: PLC0415
        from ..models.outcomes_in import OutcomesIn  # noqa: PLC0415

        participants: dict[str, Any] | None | Unset
        if isinstance(self.participants, Unset):
            participants = UNSET
        elif isinstance(self.participants, GenderCountIn):
            participants = self.participants.to_dict()
        else:
            participants = self.participants

        started: dict[str, Any] | None | Unset
        if isinstance(self.started, Unset):
            started = UNSET
        elif isinstance(self.started, GenderCountIn):
            started = self.started.to_dict()
        else:
            started = self.started

        ended: dict[str, Any] | None | Unset
        if isinstance(self.ended, Unset):
            ended = UNSET
        elif isinstance(self.ended, GenderCountIn):
            ended = self.ended.to_dict()
        else:
            ended = self.ended

        outcomes: dict[str, Any] | None | Unset
        if isinstance(self.outcomes, Unset):
            outcomes = UNSET
        elif isinstance(self.outcomes, OutcomesIn):
            outcomes = self.outcomes.to_dict()
        else:
            outcomes = self.outcomes

        volume_contacts: int | None | Unset
        if isinstance(self.volume_contacts, Unset):
            volume_contacts = UNSET
        else:
            volume_contacts = self.volume_contacts

        anonymous_cases: int | None | Unset
        if isinstance(self.anonymous_cases, Unset):
            anonymous_cases = UNSET
        else:
            anonymous_cases = self.anonymous_cases

        income_source_at_start: dict[str, Any] | None | Unset
        if isinstance(self.income_source_at_start, Unset):
            income_source_at_start = UNSET
        elif isinstance(self.income_source_at_start, IncomeSourcesIn):
            income_source_at_start = self.income_source_at_start.to_dict()
        else:
            income_source_at_start = self.income_source_at_start

        income_source_at_exit: dict[str, Any] | None | Unset
        if isinstance(self.income_source_at_exit, Unset):
            income_source_at_exit = UNSET
        elif isinstance(self.income_source_at_exit, IncomeSourcesIn):
            income_source_at_exit = self.income_source_at_exit.to_dict()
        else:
            income_source_at_exit = self.income_source_at_exit

        age_bands: dict[str, Any] | None | Unset
        if isinstance(self.age_bands, Unset):
            age_bands = UNSET
        elif isinstance(self.age_bands, AgeBandsIn):
            age_bands = self.age_bands.to_dict()
        else:
            age_bands = self.age_bands

        attendees: dict[str, Any] | None | Unset
        if isinstance(self.attendees, Unset):
            attendees = UNSET
        elif isinstance(self.attendees, AttendeesIn):
            attendees = self.attendees.to_dict()
        else:
            attendees = self.attendees

        activities: int | None | Unset
        if isinstance(self.activities, Unset):
            activities = UNSET
        else:
            activities = self.activities

        note: None | str | Unset
        if isinstance(self.note, Unset):
            note = UNSET
        else:
            note = self.note

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if participants is not UNSET:
            field_dict["participants"] = participants
        if started is not UNSET:
            field_dict["started"] = started
        if ended is not UNSET:
            field_dict["ended"] = ended
        if outcomes is not UNSET:
            field_dict["outcomes"] = outcomes
        if volume_contacts is not UNSET:
            field_dict["volume_contacts"] = volume_contacts
        if anonymous_cases is not UNSET:
            field_dict["anonymous_cases"] = anonymous_cases
        if income_source_at_start is not UNSET:
            field_dict["income_source_at_start"] = income_source_at_start
        if income_source_at_exit is not UNSET:
            field_dict["income_source_at_exit"] = income_source_at_exit
        if age_bands is not UNSET:
            field_dict["age_bands"] = age_bands
        if attendees is not UNSET:
            field_dict["attendees"] = attendees
        if activities is not UNSET:
            field_dict["activities"] = activities
        if note is not UNSET:
            field_dict["note"] = note

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.age_bands_in import AgeBandsIn  # noqa: PLC0415
        from ..models.attendees_in import AttendeesIn  # noqa: PLC0415
        from ..models.gender_count_in import GenderCountIn  # noqa: PLC0415
        from ..models.income_sources_in import IncomeSourcesIn  # noqa: PLC0415
        from ..models.outcomes_in import OutcomesIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_participants(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                participants_type_0 = GenderCountIn.from_dict(data)

                return participants_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        participants = _parse_participants(d.pop("participants", UNSET))

        def _parse_started(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                started_type_0 = GenderCountIn.from_dict(data)

                return started_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        started = _parse_started(d.pop("started", UNSET))

        def _parse_ended(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                ended_type_0 = GenderCountIn.from_dict(data)

                return ended_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        ended = _parse_ended(d.pop("ended", UNSET))

        def _parse_outcomes(data: object) -> None | OutcomesIn | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                outcomes_type_0 = OutcomesIn.from_dict(data)

                return outcomes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutcomesIn | Unset, data)

        outcomes = _parse_outcomes(d.pop("outcomes", UNSET))

        def _parse_volume_contacts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        volume_contacts = _parse_volume_contacts(d.pop("volume_contacts", UNSET))

        def _parse_anonymous_cases(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        anonymous_cases = _parse_anonymous_cases(d.pop("anonymous_cases", UNSET))

        def _parse_income_source_at_start(data: object) -> IncomeSourcesIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                income_source_at_start_type_0 = IncomeSourcesIn.from_dict(data)

                return income_source_at_start_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IncomeSourcesIn | None | Unset, data)

        income_source_at_start = _parse_income_source_at_start(d.pop("income_source_at_start", UNSET))

        def _parse_income_source_at_exit(data: object) -> IncomeSourcesIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                income_source_at_exit_type_0 = IncomeSourcesIn.from_dict(data)

                return income_source_at_exit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(IncomeSourcesIn | None | Unset, data)

        income_source_at_exit = _parse_income_source_at_exit(d.pop("income_source_at_exit", UNSET))

        def _parse_age_bands(data: object) -> AgeBandsIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                age_bands_type_0 = AgeBandsIn.from_dict(data)

                return age_bands_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgeBandsIn | None | Unset, data)

        age_bands = _parse_age_bands(d.pop("age_bands", UNSET))

        def _parse_attendees(data: object) -> AttendeesIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                attendees_type_0 = AttendeesIn.from_dict(data)

                return attendees_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AttendeesIn | None | Unset, data)

        attendees = _parse_attendees(d.pop("attendees", UNSET))

        def _parse_activities(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        activities = _parse_activities(d.pop("activities", UNSET))

        def _parse_note(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        note = _parse_note(d.pop("note", UNSET))

        report_in = cls(
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
            note=note,
        )

        return report_in
