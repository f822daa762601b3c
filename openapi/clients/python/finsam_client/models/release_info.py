from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.release_change import ReleaseChange


T = TypeVar("T", bound="ReleaseInfo")


@_attrs_define
class ReleaseInfo:
    """A version of a year's release: when, why, and what changed from the one before.

    Attributes:
        year (int): År.
        version (int): Version: 1, 2, ...; each correction is a new one.
        published_at (datetime.datetime): Publicerad.
        reason (None | str): Varför den publicerades.
        changes (list[ReleaseChange]): Ändringar: every published number that differs from the previous version (none
            for version 1).
    """

    year: int
    version: int
    published_at: datetime.datetime
    reason: None | str
    changes: list[ReleaseChange]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        version = self.version

        published_at = self.published_at.isoformat()

        reason: None | str
        reason = self.reason

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "year": year,
                "version": version,
                "published_at": published_at,
                "reason": reason,
                "changes": changes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.release_change import ReleaseChange  # noqa: PLC0415

        d = dict(src_dict)
        year = d.pop("year")

        version = d.pop("version")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))

        def _parse_reason(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        reason = _parse_reason(d.pop("reason"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = ReleaseChange.from_dict(changes_item_data)

            changes.append(changes_item)

        release_info = cls(
            year=year,
            version=version,
            published_at=published_at,
            reason=reason,
            changes=changes,
        )

        release_info.additional_properties = d
        return release_info

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
