from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ShareFigure")


@_attrs_define
class ShareFigure:
    """A share (0..1) per kön and in total; null where it cannot be computed or is suppressed.

    Attributes:
        women (float | None): Kvinnor.
        men (float | None): Män.
        unspecified (float | None): Kön ej angivet.
        total (float | None): Totalt.
    """

    women: float | None
    men: float | None
    unspecified: float | None
    total: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        women: float | None
        women = self.women

        men: float | None
        men = self.men

        unspecified: float | None
        unspecified = self.unspecified

        total: float | None
        total = self.total

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "women": women,
                "men": men,
                "unspecified": unspecified,
                "total": total,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_women(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        women = _parse_women(d.pop("women"))

        def _parse_men(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        men = _parse_men(d.pop("men"))

        def _parse_unspecified(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        unspecified = _parse_unspecified(d.pop("unspecified"))

        def _parse_total(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        total = _parse_total(d.pop("total"))

        share_figure = cls(
            women=women,
            men=men,
            unspecified=unspecified,
            total=total,
        )

        share_figure.additional_properties = d
        return share_figure

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
