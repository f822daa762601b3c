from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GenderCountIn")


@_attrs_define
class GenderCountIn:
    """Antal per kön: people counted by gender.

    Attributes:
        women (int): Kvinnor.
        men (int): Män.
        unspecified (int | Unset): Kön ej angivet: gender not stated. Default: 0.
    """

    women: int
    men: int
    unspecified: int | Unset = 0

    def to_dict(self) -> dict[str, Any]:
        women = self.women

        men = self.men

        unspecified = self.unspecified

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "women": women,
                "men": men,
            }
        )
        if unspecified is not UNSET:
            field_dict["unspecified"] = unspecified

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        women = d.pop("women")

        men = d.pop("men")

        unspecified = d.pop("unspecified", UNSET)

        gender_count_in = cls(
            women=women,
            men=men,
            unspecified=unspecified,
        )

        return gender_count_in
