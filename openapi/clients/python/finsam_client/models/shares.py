from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.share_figure import ShareFigure


T = TypeVar("T", bound="Shares")


@_attrs_define
class Shares:
    """Andelar av avslutade, over insatser that reported both the outcome and avslutade.

    Attributes:
        work_of_ended (None | ShareFigure): Andel till arbete av avslutade.
        studies_of_ended (None | ShareFigure): Andel till studier av avslutade.
        work_or_studies_of_ended (None | ShareFigure): Andel till arbete eller studier av avslutade.
    """

    work_of_ended: None | ShareFigure
    studies_of_ended: None | ShareFigure
    work_or_studies_of_ended: None | ShareFigure
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.share_figure import ShareFigure  # noqa: PLC0415

        work_of_ended: dict[str, Any] | None
        if isinstance(self.work_of_ended, ShareFigure):
            work_of_ended = self.work_of_ended.to_dict()
        else:
            work_of_ended = self.work_of_ended

        studies_of_ended: dict[str, Any] | None
        if isinstance(self.studies_of_ended, ShareFigure):
            studies_of_ended = self.studies_of_ended.to_dict()
        else:
            studies_of_ended = self.studies_of_ended

        work_or_studies_of_ended: dict[str, Any] | None
        if isinstance(self.work_or_studies_of_ended, ShareFigure):
            work_or_studies_of_ended = self.work_or_studies_of_ended.to_dict()
        else:
            work_or_studies_of_ended = self.work_or_studies_of_ended

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "work_of_ended": work_of_ended,
                "studies_of_ended": studies_of_ended,
                "work_or_studies_of_ended": work_or_studies_of_ended,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.share_figure import ShareFigure  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_work_of_ended(data: object) -> None | ShareFigure:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                work_of_ended_type_0 = ShareFigure.from_dict(data)

                return work_of_ended_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShareFigure, data)

        work_of_ended = _parse_work_of_ended(d.pop("work_of_ended"))

        def _parse_studies_of_ended(data: object) -> None | ShareFigure:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                studies_of_ended_type_0 = ShareFigure.from_dict(data)

                return studies_of_ended_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShareFigure, data)

        studies_of_ended = _parse_studies_of_ended(d.pop("studies_of_ended"))

        def _parse_work_or_studies_of_ended(data: object) -> None | ShareFigure:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                work_or_studies_of_ended_type_0 = ShareFigure.from_dict(data)

                return work_or_studies_of_ended_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ShareFigure, data)

        work_or_studies_of_ended = _parse_work_or_studies_of_ended(d.pop("work_or_studies_of_ended"))

        shares = cls(
            work_of_ended=work_of_ended,
            studies_of_ended=studies_of_ended,
            work_or_studies_of_ended=work_or_studies_of_ended,
        )

        shares.additional_properties = d
        return shares

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
