from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="AttendeesIn")


@_attrs_define
class AttendeesIn:
    """Deltagare per organisation (strukturinriktad insats).

    Attributes:
        fk (int | None | Unset): Försäkringskassan: attendees; null if not reported.
        af (int | None | Unset): Arbetsförmedlingen: attendees; null if not reported.
        region (int | None | Unset): region: attendees; null if not reported.
        kommun (int | None | Unset): kommun: attendees; null if not reported.
        other (int | None | Unset): annat/okänt: attendees; null if not reported.
    """

    fk: int | None | Unset = UNSET
    af: int | None | Unset = UNSET
    region: int | None | Unset = UNSET
    kommun: int | None | Unset = UNSET
    other: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fk: int | None | Unset
        if isinstance(self.fk, Unset):
            fk = UNSET
        else:
            fk = self.fk

        af: int | None | Unset
        if isinstance(self.af, Unset):
            af = UNSET
        else:
            af = self.af

        region: int | None | Unset
        if isinstance(self.region, Unset):
            region = UNSET
        else:
            region = self.region

        kommun: int | None | Unset
        if isinstance(self.kommun, Unset):
            kommun = UNSET
        else:
            kommun = self.kommun

        other: int | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        else:
            other = self.other

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if fk is not UNSET:
            field_dict["fk"] = fk
        if af is not UNSET:
            field_dict["af"] = af
        if region is not UNSET:
            field_dict["region"] = region
        if kommun is not UNSET:
            field_dict["kommun"] = kommun
        if other is not UNSET:
            field_dict["other"] = other

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_fk(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        fk = _parse_fk(d.pop("fk", UNSET))

        def _parse_af(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        af = _parse_af(d.pop("af", UNSET))

        def _parse_region(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        region = _parse_region(d.pop("region", UNSET))

        def _parse_kommun(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        kommun = _parse_kommun(d.pop("kommun", UNSET))

        def _parse_other(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        other = _parse_other(d.pop("other", UNSET))

        attendees_in = cls(
            fk=fk,
            af=af,
            region=region,
            kommun=kommun,
            other=other,
        )

        return attendees_in
