from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.missing_additional_property import MissingAdditionalProperty

T = TypeVar("T", bound="Missing")


@_attrs_define
class Missing:
    """Why each null field of the row is null: `not_applicable` (the measure does not apply to the insats: CSV and XLSX say
    `ej aktuellt`) or `not_reported` (it applies and was not reported: `ej rapporterat`). On the total row,
    `not_applicable` only where the measure applies to no insats.

    """

    additional_properties: dict[str, MissingAdditionalProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        missing = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = MissingAdditionalProperty(prop_dict)

            additional_properties[prop_name] = additional_property

        missing.additional_properties = additional_properties
        return missing

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> MissingAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: MissingAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
