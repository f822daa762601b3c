from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ReleaseChange")


@_attrs_define
class ReleaseChange:
    """One published number that differs from the previous version.

    Attributes:
        table (str): `national`, `forbund:<code>` or `lan:<name>`.
        path (str): The figure, e.g. `measures.participants.total`.
        before (float | int | None): Före: null where hidden or not given.
        after (float | int | None): Efter: null where hidden or not given.
    """

    table: str
    path: str
    before: float | int | None
    after: float | int | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        table = self.table

        path = self.path

        before: float | int | None
        before = self.before

        after: float | int | None
        after = self.after

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "table": table,
                "path": path,
                "before": before,
                "after": after,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        table = d.pop("table")

        path = d.pop("path")

        def _parse_before(data: object) -> float | int | None:
            if data is None:
                return data
            return cast(float | int | None, data)

        before = _parse_before(d.pop("before"))

        def _parse_after(data: object) -> float | int | None:
            if data is None:
                return data
            return cast(float | int | None, data)

        after = _parse_after(d.pop("after"))

        release_change = cls(
            table=table,
            path=path,
            before=before,
            after=after,
        )

        release_change.additional_properties = d
        return release_change

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
