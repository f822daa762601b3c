from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="GenderCountIn")


@_attrs_define
class GenderCountIn:
    """Antal per kön: people counted by gender, as `women` and `men` (and `unspecified`, 0 when
    left out), or as `total` alone when the split is not known ("kön ej uppdelat"), which is
    never read as zero women and zero men. A `total` beside the split must be its sum.

        Attributes:
            women (int | None | Unset): Kvinnor; required with `men`.
            men (int | None | Unset): Män; required with `women`.
            unspecified (int | None | Unset): Kön ej angivet: gender not stated; 0 when left out.
            total (int | None | Unset): Totalt: alone when the split is not known (kön ej uppdelat); beside the split it
                must equal women + men + unspecified.
    """

    women: int | None | Unset = UNSET
    men: int | None | Unset = UNSET
    unspecified: int | None | Unset = UNSET
    total: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        women: int | None | Unset
        if isinstance(self.women, Unset):
            women = UNSET
        else:
            women = self.women

        men: int | None | Unset
        if isinstance(self.men, Unset):
            men = UNSET
        else:
            men = self.men

        unspecified: int | None | Unset
        if isinstance(self.unspecified, Unset):
            unspecified = UNSET
        else:
            unspecified = self.unspecified

        total: int | None | Unset
        if isinstance(self.total, Unset):
            total = UNSET
        else:
            total = self.total

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if women is not UNSET:
            field_dict["women"] = women
        if men is not UNSET:
            field_dict["men"] = men
        if unspecified is not UNSET:
            field_dict["unspecified"] = unspecified
        if total is not UNSET:
            field_dict["total"] = total

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_women(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        women = _parse_women(d.pop("women", UNSET))

        def _parse_men(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        men = _parse_men(d.pop("men", UNSET))

        def _parse_unspecified(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unspecified = _parse_unspecified(d.pop("unspecified", UNSET))

        def _parse_total(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        total = _parse_total(d.pop("total", UNSET))

        gender_count_in = cls(
            women=women,
            men=men,
            unspecified=unspecified,
            total=total,
        )

        return gender_count_in
