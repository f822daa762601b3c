from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="ForbundIn")


@_attrs_define
class ForbundIn:
    """A samordningsförbund to create.

    Attributes:
        code (str): Förbundets kod: a lower-case slug such as `sundsvall`, used in paths.
        name (str): Namn: the förbund's name.
        lan (str): Län: the county.
        kommuner (list[str]): Kommuner: the member municipalities.
    """

    code: str
    name: str
    lan: str
    kommuner: list[str]

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        lan = self.lan

        kommuner = self.kommuner

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "lan": lan,
                "kommuner": kommuner,
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

        forbund_in = cls(
            code=code,
            name=name,
            lan=lan,
            kommuner=kommuner,
        )

        return forbund_in
