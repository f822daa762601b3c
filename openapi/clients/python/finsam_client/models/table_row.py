from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.missing import Missing


T = TypeVar("T", bound="TableRow")


@_attrs_define
class TableRow:
    """One row of the annual-report table; `missing` says why a null is null.

    Attributes:
        insats_id (int | None): Insatsens id; null on the total row.
        insats (str): Insats (or `Totalt`).
        participants_women (int | None): Deltagare kvinnor.
        participants_men (int | None): Deltagare män.
        participants_total (int | None): Deltagare totalt.
        volume_contacts (int | None): Volyminsats.
        work_women (int | None): Utfall arbete kvinnor.
        work_men (int | None): Utfall arbete män.
        work_total (int | None): Utfall arbete totalt.
        studies_women (int | None): Utfall studier kvinnor.
        studies_men (int | None): Utfall studier män.
        studies_total (int | None): Utfall studier totalt.
        started_women (int | None | Unset): Nya deltagare kvinnor.
        started_men (int | None | Unset): Nya deltagare män.
        started_total (int | None | Unset): Nya deltagare totalt.
        ended_women (int | None | Unset): Avslutade deltagare kvinnor.
        ended_men (int | None | Unset): Avslutade deltagare män.
        ended_total (int | None | Unset): Avslutade deltagare totalt.
        anonymous_cases (int | None | Unset): Anonyma ärenden.
        attendees_total (int | None | Unset): Deltagare (strukturinriktad insats) totalt, all organisations.
        attendees_fk (int | None | Unset): varav Försäkringskassan.
        attendees_af (int | None | Unset): varav Arbetsförmedlingen.
        attendees_region (int | None | Unset): varav region.
        attendees_kommun (int | None | Unset): varav kommun.
        attendees_other (int | None | Unset): varav övriga.
        activities (int | None | Unset): Aktiviteter (strukturinriktad insats).
        missing (Missing | Unset): Why each null field of the row is null: `not_applicable` (the measure does not apply
            to the insats: CSV and XLSX say `ej aktuellt`) or `not_reported` (it applies and was not reported: `ej
            rapporterat`). On the total row, `not_applicable` only where the measure applies to no insats.
    """

    insats_id: int | None
    insats: str
    participants_women: int | None
    participants_men: int | None
    participants_total: int | None
    volume_contacts: int | None
    work_women: int | None
    work_men: int | None
    work_total: int | None
    studies_women: int | None
    studies_men: int | None
    studies_total: int | None
    started_women: int | None | Unset = UNSET
    started_men: int | None | Unset = UNSET
    started_total: int | None | Unset = UNSET
    ended_women: int | None | Unset = UNSET
    ended_men: int | None | Unset = UNSET
    ended_total: int | None | Unset = UNSET
    anonymous_cases: int | None | Unset = UNSET
    attendees_total: int | None | Unset = UNSET
    attendees_fk: int | None | Unset = UNSET
    attendees_af: int | None | Unset = UNSET
    attendees_region: int | None | Unset = UNSET
    attendees_kommun: int | None | Unset = UNSET
    attendees_other: int | None | Unset = UNSET
    activities: int | None | Unset = UNSET
    missing: Missing | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        insats_id: int | None
        insats_id = self.insats_id

        insats = self.insats

        participants_women: int | None
        participants_women = self.participants_women

        participants_men: int | None
        participants_men = self.participants_men

        participants_total: int | None
        participants_total = self.participants_total

        volume_contacts: int | None
        volume_contacts = self.volume_contacts

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

        started_women: int | None | Unset
        if isinstance(self.started_women, Unset):
            started_women = UNSET
        else:
            started_women = self.started_women

        started_men: int | None | Unset
        if isinstance(self.started_men, Unset):
            started_men = UNSET
        else:
            started_men = self.started_men

        started_total: int | None | Unset
        if isinstance(self.started_total, Unset):
            started_total = UNSET
        else:
            started_total = self.started_total

        ended_women: int | None | Unset
        if isinstance(self.ended_women, Unset):
            ended_women = UNSET
        else:
            ended_women = self.ended_women

        ended_men: int | None | Unset
        if isinstance(self.ended_men, Unset):
            ended_men = UNSET
        else:
            ended_men = self.ended_men

        ended_total: int | None | Unset
        if isinstance(self.ended_total, Unset):
            ended_total = UNSET
        else:
            ended_total = self.ended_total

        anonymous_cases: int | None | Unset
        if isinstance(self.anonymous_cases, Unset):
            anonymous_cases = UNSET
        else:
            anonymous_cases = self.anonymous_cases

        attendees_total: int | None | Unset
        if isinstance(self.attendees_total, Unset):
            attendees_total = UNSET
        else:
            attendees_total = self.attendees_total

        attendees_fk: int | None | Unset
        if isinstance(self.attendees_fk, Unset):
            attendees_fk = UNSET
        else:
            attendees_fk = self.attendees_fk

        attendees_af: int | None | Unset
        if isinstance(self.attendees_af, Unset):
            attendees_af = UNSET
        else:
            attendees_af = self.attendees_af

        attendees_region: int | None | Unset
        if isinstance(self.attendees_region, Unset):
            attendees_region = UNSET
        else:
            attendees_region = self.attendees_region

        attendees_kommun: int | None | Unset
        if isinstance(self.attendees_kommun, Unset):
            attendees_kommun = UNSET
        else:
            attendees_kommun = self.attendees_kommun

        attendees_other: int | None | Unset
        if isinstance(self.attendees_other, Unset):
            attendees_other = UNSET
        else:
            attendees_other = self.attendees_other

        activities: int | None | Unset
        if isinstance(self.activities, Unset):
            activities = UNSET
        else:
            activities = self.activities

        missing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "insats_id": insats_id,
                "insats": insats,
                "participants_women": participants_women,
                "participants_men": participants_men,
                "participants_total": participants_total,
                "volume_contacts": volume_contacts,
                "work_women": work_women,
                "work_men": work_men,
                "work_total": work_total,
                "studies_women": studies_women,
                "studies_men": studies_men,
                "studies_total": studies_total,
            }
        )
        if started_women is not UNSET:
            field_dict["started_women"] = started_women
        if started_men is not UNSET:
            field_dict["started_men"] = started_men
        if started_total is not UNSET:
            field_dict["started_total"] = started_total
        if ended_women is not UNSET:
            field_dict["ended_women"] = ended_women
        if ended_men is not UNSET:
            field_dict["ended_men"] = ended_men
        if ended_total is not UNSET:
            field_dict["ended_total"] = ended_total
        if anonymous_cases is not UNSET:
            field_dict["anonymous_cases"] = anonymous_cases
        if attendees_total is not UNSET:
            field_dict["attendees_total"] = attendees_total
        if attendees_fk is not UNSET:
            field_dict["attendees_fk"] = attendees_fk
        if attendees_af is not UNSET:
            field_dict["attendees_af"] = attendees_af
        if attendees_region is not UNSET:
            field_dict["attendees_region"] = attendees_region
        if attendees_kommun is not UNSET:
            field_dict["attendees_kommun"] = attendees_kommun
        if attendees_other is not UNSET:
            field_dict["attendees_other"] = attendees_other
        if activities is not UNSET:
            field_dict["activities"] = activities
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.missing import Missing  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_insats_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        insats_id = _parse_insats_id(d.pop("insats_id"))

        insats = d.pop("insats")

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

        def _parse_volume_contacts(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        volume_contacts = _parse_volume_contacts(d.pop("volume_contacts"))

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

        def _parse_started_women(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        started_women = _parse_started_women(d.pop("started_women", UNSET))

        def _parse_started_men(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        started_men = _parse_started_men(d.pop("started_men", UNSET))

        def _parse_started_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        started_total = _parse_started_total(d.pop("started_total", UNSET))

        def _parse_ended_women(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ended_women = _parse_ended_women(d.pop("ended_women", UNSET))

        def _parse_ended_men(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ended_men = _parse_ended_men(d.pop("ended_men", UNSET))

        def _parse_ended_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        ended_total = _parse_ended_total(d.pop("ended_total", UNSET))

        def _parse_anonymous_cases(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        anonymous_cases = _parse_anonymous_cases(d.pop("anonymous_cases", UNSET))

        def _parse_attendees_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees_total = _parse_attendees_total(d.pop("attendees_total", UNSET))

        def _parse_attendees_fk(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees_fk = _parse_attendees_fk(d.pop("attendees_fk", UNSET))

        def _parse_attendees_af(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees_af = _parse_attendees_af(d.pop("attendees_af", UNSET))

        def _parse_attendees_region(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees_region = _parse_attendees_region(d.pop("attendees_region", UNSET))

        def _parse_attendees_kommun(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees_kommun = _parse_attendees_kommun(d.pop("attendees_kommun", UNSET))

        def _parse_attendees_other(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        attendees_other = _parse_attendees_other(d.pop("attendees_other", UNSET))

        def _parse_activities(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        activities = _parse_activities(d.pop("activities", UNSET))

        _missing = d.pop("missing", UNSET)
        missing: Missing | Unset
        if isinstance(_missing, Unset):
            missing = UNSET
        else:
            missing = Missing.from_dict(_missing)

        table_row = cls(
            insats_id=insats_id,
            insats=insats,
            participants_women=participants_women,
            participants_men=participants_men,
            participants_total=participants_total,
            volume_contacts=volume_contacts,
            work_women=work_women,
            work_men=work_men,
            work_total=work_total,
            studies_women=studies_women,
            studies_men=studies_men,
            studies_total=studies_total,
            started_women=started_women,
            started_men=started_men,
            started_total=started_total,
            ended_women=ended_women,
            ended_men=ended_men,
            ended_total=ended_total,
            anonymous_cases=anonymous_cases,
            attendees_total=attendees_total,
            attendees_fk=attendees_fk,
            attendees_af=attendees_af,
            attendees_region=attendees_region,
            attendees_kommun=attendees_kommun,
            attendees_other=attendees_other,
            activities=activities,
            missing=missing,
        )

        table_row.additional_properties = d
        return table_row

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
