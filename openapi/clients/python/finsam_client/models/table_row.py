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
