from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="InsatsCoverage")


@_attrs_define
class InsatsCoverage:
    """Which reports stand for an insats in this period.

    Attributes:
        insats_id (int): Insatsens id.
        name (str): Insatsens namn.
        periods (list[str]): Perioder: the reports used; empty when none.
        complete (bool): Fullständig: the reports cover the whole period.
    """

    insats_id: int
    name: str
    periods: list[str]
    complete: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        insats_id = self.insats_id

        name = self.name

        periods = self.periods

        complete = self.complete

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "insats_id": insats_id,
                "name": name,
                "periods": periods,
                "complete": complete,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        insats_id = d.pop("insats_id")

        name = d.pop("name")

        periods = cast(list[str], d.pop("periods"))

        complete = d.pop("complete")

        insats_coverage = cls(
            insats_id=insats_id,
            name=name,
            periods=periods,
            complete=complete,
        )

        insats_coverage.additional_properties = d
        return insats_coverage

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
