from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GenderCount")


@_attrs_define
class GenderCount:
    """Antal per kön, with the total. Without a split (kön ej uppdelat) only `total` is set.

    Attributes:
        women (int | None): Kvinnor; null when kön was not split.
        men (int | None): Män; null when kön was not split.
        unspecified (int | None): Kön ej angivet; null when kön was not split.
        total (int): Totalt: women + men + unspecified, or the total given alone.
    """

    women: int | None
    men: int | None
    unspecified: int | None
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        women: int | None
        women = self.women

        men: int | None
        men = self.men

        unspecified: int | None
        unspecified = self.unspecified

        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "women": women,
                "men": men,
                "unspecified": unspecified,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women = _parse_women(d.pop("women"))

        def _parse_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_unspecified(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        unspecified = _parse_unspecified(d.pop("unspecified"))

        total = d.pop("total")

        gender_count = cls(
            women=women,
            men=men,
            unspecified=unspecified,
            total=total,
        )

        gender_count.additional_properties = d
        return gender_count

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
