from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="ClosePeriodIn")


@_attrs_define
class ClosePeriodIn:
    """A period to close after its deadline.

    Attributes:
        period (str): Period: e.g. 2023 or 2023H1; reports within it lock.
    """

    period: str

    def to_dict(self) -> dict[str, Any]:
        period = self.period

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "period": period,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        period = d.pop("period")

        close_period_in = cls(
            period=period,
        )

        return close_period_in
