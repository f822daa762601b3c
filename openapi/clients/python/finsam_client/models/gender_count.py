from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="GenderCount")


@_attrs_define
class GenderCount:
    """Antal per kön, with the total.

    Attributes:
        women (int): Kvinnor.
        men (int): Män.
        unspecified (int): Kön ej angivet.
        total (int): Totalt: women + men + unspecified.
    """

    women: int
    men: int
    unspecified: int
    total: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        women = self.women

        men = self.men

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
        women = d.pop("women")

        men = d.pop("men")

        unspecified = d.pop("unspecified")

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
