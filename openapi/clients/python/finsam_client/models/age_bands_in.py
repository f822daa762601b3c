from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AgeBandsIn")


@_attrs_define
class AgeBandsIn:
    """Åldersgrupp: participants per age band.

    Attributes:
        field_16_19 (int | None | Unset): 16-19 år: people; null if not reported.
        field_20_24 (int | None | Unset): 20-24 år: people; null if not reported.
        field_25_29 (int | None | Unset): 25-29 år: people; null if not reported.
        field_30_39 (int | None | Unset): 30-39 år: people; null if not reported.
        field_40_49 (int | None | Unset): 40-49 år: people; null if not reported.
        field_50_59 (int | None | Unset): 50-59 år: people; null if not reported.
        field_60_66 (int | None | Unset): 60-66 år: people; null if not reported.
    """

    field_16_19: int | None | Unset = UNSET
    field_20_24: int | None | Unset = UNSET
    field_25_29: int | None | Unset = UNSET
    field_30_39: int | None | Unset = UNSET
    field_40_49: int | None | Unset = UNSET
    field_50_59: int | None | Unset = UNSET
    field_60_66: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field_16_19: int | None | Unset
        if isinstance(self.field_16_19, Unset):
            field_16_19 = UNSET
        else:
            field_16_19 = self.field_16_19

        field_20_24: int | None | Unset
        if isinstance(self.field_20_24, Unset):
            field_20_24 = UNSET
        else:
            field_20_24 = self.field_20_24

        field_25_29: int | None | Unset
        if isinstance(self.field_25_29, Unset):
            field_25_29 = UNSET
        else:
            field_25_29 = self.field_25_29

        field_30_39: int | None | Unset
        if isinstance(self.field_30_39, Unset):
            field_30_39 = UNSET
        else:
            field_30_39 = self.field_30_39

        field_40_49: int | None | Unset
        if isinstance(self.field_40_49, Unset):
            field_40_49 = UNSET
        else:
            field_40_49 = self.field_40_49

        field_50_59: int | None | Unset
        if isinstance(self.field_50_59, Unset):
            field_50_59 = UNSET
        else:
            field_50_59 = self.field_50_59

        field_60_66: int | None | Unset
        if isinstance(self.field_60_66, Unset):
            field_60_66 = UNSET
        else:
            field_60_66 = self.field_60_66

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if field_16_19 is not UNSET:
            field_dict["16-19"] = field_16_19
        if field_20_24 is not UNSET:
            field_dict["20-24"] = field_20_24
        if field_25_29 is not UNSET:
            field_dict["25-29"] = field_25_29
        if field_30_39 is not UNSET:
            field_dict["30-39"] = field_30_39
        if field_40_49 is not UNSET:
            field_dict["40-49"] = field_40_49
        if field_50_59 is not UNSET:
            field_dict["50-59"] = field_50_59
        if field_60_66 is not UNSET:
            field_dict["60-66"] = field_60_66

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_field_16_19(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_16_19 = _parse_field_16_19(d.pop("16-19", UNSET))

        def _parse_field_20_24(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_20_24 = _parse_field_20_24(d.pop("20-24", UNSET))

        def _parse_field_25_29(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_25_29 = _parse_field_25_29(d.pop("25-29", UNSET))

        def _parse_field_30_39(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_30_39 = _parse_field_30_39(d.pop("30-39", UNSET))

        def _parse_field_40_49(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_40_49 = _parse_field_40_49(d.pop("40-49", UNSET))

        def _parse_field_50_59(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_50_59 = _parse_field_50_59(d.pop("50-59", UNSET))

        def _parse_field_60_66(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        field_60_66 = _parse_field_60_66(d.pop("60-66", UNSET))

        age_bands_in = cls(
            field_16_19=field_16_19,
            field_20_24=field_20_24,
            field_25_29=field_25_29,
            field_30_39=field_30_39,
            field_40_49=field_40_49,
            field_50_59=field_50_59,
            field_60_66=field_60_66,
        )

        return age_bands_in
