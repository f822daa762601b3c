from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ForbundOut")


@_attrs_define
class ForbundOut:
    """A samordningsförbund.

    Attributes:
        code (str): Förbundets kod (slug).
        name (str): Namn.
        lan (str): Län.
        kommuner (list[str]): Kommuner: the member municipalities.
        require_if_match (bool): Kräver If-Match: replacing a report needs the ETag of the revision replaced.
        created_at (datetime.datetime): Skapad: when it was registered.
    """

    code: str
    name: str
    lan: str
    kommuner: list[str]
    require_if_match: bool
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        lan = self.lan

        kommuner = self.kommuner

        require_if_match = self.require_if_match

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "code": code,
                "name": name,
                "lan": lan,
                "kommuner": kommuner,
                "require_if_match": require_if_match,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        lan = d.pop("lan")

        kommuner = cast(list[str], d.pop("kommuner"))

        require_if_match = d.pop("require_if_match")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        forbund_out = cls(
            code=code,
            name=name,
            lan=lan,
            kommuner=kommuner,
            require_if_match=require_if_match,
            created_at=created_at,
        )

        forbund_out.additional_properties = d
        return forbund_out

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
