from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FactChange")


@_attrs_define
class FactChange:
    """One number that changed between two revisions.

    Attributes:
        measure (str): Mått.
        category (None | str): Kategori (outcome, income source, age band, ...).
        gender (None | str): Kön: women, men or unspecified; null when not split.
        before (int | None): Före: null when the number was not reported.
        after (int | None): Efter: null when the number is no longer reported.
    """

    measure: str
    category: None | str
    gender: None | str
    before: int | None
    after: int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        measure = self.measure

        category: None | str
        category = self.category

        gender: None | str
        gender = self.gender

        before: int | None
        before = self.before

        after: int | None
        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "measure": measure,
                "category": category,
                "gender": gender,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        measure = d.pop("measure")

        def _parse_category(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        category = _parse_category(d.pop("category"))

        def _parse_gender(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        gender = _parse_gender(d.pop("gender"))

        def _parse_before(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        after = _parse_after(d.pop("after"))

        fact_change = cls(
            measure=measure,
            category=category,
            gender=gender,
            before=before,
            after=after,
        )

        fact_change.additional_properties = d
        return fact_change

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
