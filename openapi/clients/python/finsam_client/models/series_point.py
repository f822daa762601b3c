from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.series_point_missing_type_0 import SeriesPointMissingType0
from ..types import UNSET, Unset

T = TypeVar("T", bound="SeriesPoint")


@_attrs_define
class SeriesPoint:
    """One year of a series.

    Attributes:
        period (str): År.
        women (int | None): Kvinnor.
        men (int | None): Män.
        unspecified (int | None): Kön ej angivet.
        total (int | None): Totalt; null when no report gave the measure that year.
        reported_by (int): Rapporterat av.
        applies_to (int | None | Unset): Gäller: active insatser the measure applies to (their kind allows it and it is
            not in their `not_applicable`); `reported_by` of `applies_to` is who has reported what they should. Null in a
            year no insats reported it.
        not_split_by (int | Unset): Kön ej uppdelat: insatser that gave the total alone that year; when above 0, women,
            men and unspecified are null. Default: 0.
        missing (None | SeriesPointMissingType0 | Unset): Why `total` is null that year (as a summary's `missing`); null
            when given.
        complete (bool | Unset): Fullständig: as a summary's `complete`. False when some insats active that year
            reported only part of it (say 2022H1 alone): the point then sums those parts, and is not the whole year's
            figure. Default: True.
        computed_from (list[str] | Unset): Beräknat från: the periods summed for the point, as a summary's.
    """

    period: str
    women: int | None
    men: int | None
    unspecified: int | None
    total: int | None
    reported_by: int
    applies_to: int | None | Unset = UNSET
    not_split_by: int | Unset = 0
    missing: None | SeriesPointMissingType0 | Unset = UNSET
    complete: bool | Unset = True
    computed_from: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        women: int | None
        women = self.women

        men: int | None
        men = self.men

        unspecified: int | None
        unspecified = self.unspecified

        total: int | None
        total = self.total

        reported_by = self.reported_by

        applies_to: int | None | Unset
        if isinstance(self.applies_to, Unset):
            applies_to = UNSET
        else:
            applies_to = self.applies_to

        not_split_by = self.not_split_by

        missing: None | str | Unset
        if isinstance(self.missing, Unset):
            missing = UNSET
        elif isinstance(self.missing, SeriesPointMissingType0):
            missing = self.missing.value
        else:
            missing = self.missing

        complete = self.complete

        computed_from: list[str] | Unset = UNSET
        if not isinstance(self.computed_from, Unset):
            computed_from = self.computed_from

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "women": women,
                "men": men,
                "unspecified": unspecified,
                "total": total,
                "reported_by": reported_by,
            }
        )
        if applies_to is not UNSET:
            field_dict["applies_to"] = applies_to
        if not_split_by is not UNSET:
            field_dict["not_split_by"] = not_split_by
        if missing is not UNSET:
            field_dict["missing"] = missing
        if complete is not UNSET:
            field_dict["complete"] = complete
        if computed_from is not UNSET:
            field_dict["computed_from"] = computed_from

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        def _parse_women(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        women = _parse_women(d.pop("women"))

        def _parse_men(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_unspecified(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        unspecified = _parse_unspecified(d.pop("unspecified"))

        def _parse_total(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        total = _parse_total(d.pop("total"))

        reported_by = d.pop("reported_by")

        def _parse_applies_to(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        applies_to = _parse_applies_to(d.pop("applies_to", UNSET))

        not_split_by = d.pop("not_split_by", UNSET)

        def _parse_missing(data: object) -> None | SeriesPointMissingType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                missing_type_0 = SeriesPointMissingType0(data)

                return missing_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SeriesPointMissingType0 | Unset, data)

        missing = _parse_missing(d.pop("missing", UNSET))

        complete = d.pop("complete", UNSET)

        computed_from = cast(list[str], d.pop("computed_from", UNSET))

        series_point = cls(
            period=period,
            women=women,
            men=men,
            unspecified=unspecified,
            total=total,
            reported_by=reported_by,
            applies_to=applies_to,
            not_split_by=not_split_by,
            missing=missing,
            complete=complete,
            computed_from=computed_from,
        )

        series_point.additional_properties = d
        return series_point

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
