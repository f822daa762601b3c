from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ForbundSettingsIn")


@_attrs_define
class ForbundSettingsIn:
    """Changeable settings of a förbund.

    Attributes:
        require_if_match (bool): Kräver If-Match: replacing a report needs its ETag (428 without it).
    """

    require_if_match: bool

    def to_dict(self) -> dict[str, Any]:
        require_if_match = self.require_if_match

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "require_if_match": require_if_match,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        require_if_match = d.pop("require_if_match")

        forbund_settings_in = cls(
            require_if_match=require_if_match,
        )

        return forbund_settings_in
