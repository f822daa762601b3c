from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.missing_measures_additional_property import MissingMeasuresAdditionalProperty

T = TypeVar("T", bound="MissingMeasures")


@_attrs_define
class MissingMeasures:
    """Why each null measure is null, by measure name (one schema component: every summary
    level shares it).

    """

    additional_properties: dict[str, MissingMeasuresAdditionalProperty] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        missing_measures = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = MissingMeasuresAdditionalProperty(prop_dict)

            additional_properties[prop_name] = additional_property

        missing_measures.additional_properties = additional_properties
        return missing_measures

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> MissingMeasuresAdditionalProperty:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: MissingMeasuresAdditionalProperty) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
