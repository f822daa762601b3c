from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.comparison_change_type_0 import ComparisonChangeType0
    from ..models.figures import Figures


T = TypeVar("T", bound="Comparison")


@_attrs_define
class Comparison:
    """The figures of another period, and the change to this one.

    Attributes:
        period (str): Jämförelseperiod.
        figures (Figures): Counts, summed measures and shares for one set of insatser.
        change (ComparisonChangeType0 | None): Förändring: this period minus the other, where both have the figure.
    """

    period: str
    figures: Figures
    change: ComparisonChangeType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.comparison_change_type_0 import ComparisonChangeType0  # noqa: PLC0415

        period = self.period

        figures = self.figures.to_dict()

        change: dict[str, Any] | None
        if isinstance(self.change, ComparisonChangeType0):
            change = self.change.to_dict()
        else:
            change = self.change

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "period": period,
                "figures": figures,
                "change": change,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comparison_change_type_0 import ComparisonChangeType0  # noqa: PLC0415
        from ..models.figures import Figures  # noqa: PLC0415

        d = dict(src_dict)
        period = d.pop("period")

        figures = Figures.from_dict(d.pop("figures"))

        def _parse_change(data: object) -> ComparisonChangeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                change_type_0 = ComparisonChangeType0.from_dict(data)

                return change_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ComparisonChangeType0 | None, data)

        change = _parse_change(d.pop("change"))

        comparison = cls(
            period=period,
            figures=figures,
            change=change,
        )

        comparison.additional_properties = d
        return comparison

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
