from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.measures import Measures
    from ..models.missing_measures import MissingMeasures
    from ..models.shares import Shares


T = TypeVar("T", bound="GroupRow")


@_attrs_define
class GroupRow:
    """One förbund's (or län's) row in the national summary.

    Attributes:
        insatser (int): Insatser active in the period.
        reports (int): Insatser that reported for the period (itself or its parts).
        complete (bool): Every active insats covered the whole period.
        computed_from (list[str]): Perioder: every report period the figures came from.
        measures (Measures): Every measure of a report, summed; null when no report gave it. The fields are the
            catalogue's measures (app/domain/measures.py; a test holds them to it).
        shares (Shares): Andelar av avslutade, over insatser that reported both the outcome and avslutade.
        key (str): Förbundets kod, or the län's name when grouped by län.
        name (None | str): Förbundets namn (null for a län row).
        lan (str): Län.
        missing (MissingMeasures | Unset): Why each null measure is null, by measure name (one schema component: every
            summary
            level shares it).
    """

    insatser: int
    reports: int
    complete: bool
    computed_from: list[str]
    measures: Measures
    shares: Shares
    key: str
    name: None | str
    lan: str
    missing: MissingMeasures | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        insatser = self.insatser

        reports = self.reports

        complete = self.complete

        computed_from = self.computed_from

        measures = self.measures.to_dict()

        shares = self.shares.to_dict()

        key = self.key

        name: None | str
        name = self.name

        lan = self.lan

        missing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "insatser": insatser,
                "reports": reports,
                "complete": complete,
                "computed_from": computed_from,
                "measures": measures,
                "shares": shares,
                "key": key,
                "name": name,
                "lan": lan,
            }
        )
        if missing is not UNSET:
            field_dict["missing"] = missing

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.measures import Measures  # noqa: PLC0415
        from ..models.missing_measures import MissingMeasures  # noqa: PLC0415
        from ..models.shares import Shares  # noqa: PLC0415

        d = dict(src_dict)
        insatser = d.pop("insatser")

        reports = d.pop("reports")

        complete = d.pop("complete")

        computed_from = cast(list[str], d.pop("computed_from"))

        measures = Measures.from_dict(d.pop("measures"))

        shares = Shares.from_dict(d.pop("shares"))

        key = d.pop("key")

        def _parse_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        name = _parse_name(d.pop("name"))

        lan = d.pop("lan")

        _missing = d.pop("missing", UNSET)
        missing: MissingMeasures | Unset
        if isinstance(_missing, Unset):
            missing = UNSET
        else:
            missing = MissingMeasures.from_dict(_missing)

        group_row = cls(
            insatser=insatser,
            reports=reports,
            complete=complete,
            computed_from=computed_from,
            measures=measures,
            shares=shares,
            key=key,
            name=name,
            lan=lan,
            missing=missing,
        )

        group_row.additional_properties = d
        return group_row

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
