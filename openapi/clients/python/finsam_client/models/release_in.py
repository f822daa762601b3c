from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="ReleaseIn")


@_attrs_define
class ReleaseIn:
    """Publish a calendar year's open data as its next version.

    Attributes:
        year (int): År: the calendar year to publish.
        reason (None | str | Unset): Varför: why this version is published (a correction, late reports).
    """

    year: int
    reason: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        year = self.year

        reason: None | str | Unset
        if isinstance(self.reason, Unset):
            reason = UNSET
        else:
            reason = self.reason

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "year": year,
            }
        )
        if reason is not UNSET:
            field_dict["reason"] = reason

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        year = d.pop("year")

        def _parse_reason(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        reason = _parse_reason(d.pop("reason", UNSET))

        release_in = cls(
            year=year,
            reason=reason,
        )

        return release_in
