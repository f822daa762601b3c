from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.missing_reason import MissingReason

T = TypeVar("T", bound="MissingInComparedFigures")


@_attrs_define
class MissingInComparedFigures:
    """Why each null figure of the row is null; CSV and XLSX print the Swedish word in the cell instead. `not_applicable`
    (`ej aktuellt`): the measure does not apply to the insats (its kind, or its `not_applicable`); on the total row, to
    none of the insatser; `not_reported` (`ej rapporterat`): the measure applies and no report for the period gave it;
    `not_summable` (`ej summerbart`): the period was computed from shorter reports: a stock (deltagare, ages, attendees,
    försörjning) cannot be added over parts of a period; flows are given; `parts_missing` (`delperiod saknas`): reports
    for part of the period are missing, so a flow for the whole period cannot be given (a total row is blank where an
    insats's figure was withheld so); `not_approved` (`ej godkänd`): `approved_only=true` and the figure is in a report
    that is not approved; `not_split` (`kön ej uppdelat`): the total was reported without a split by kön, which is not 0
    women and 0 men; `none_ended` (`inga avslutade`): a share of those who ended where nobody ended (0 avslutade): it
    has no value; `not_active` (`ej aktiv`): the insats was not active in that period (with `compare`: only in the other
    one).

    """

    additional_properties: dict[str, MissingReason] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.value

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        missing_in_compared_figures = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = MissingReason(prop_dict)

            additional_properties[prop_name] = additional_property

        missing_in_compared_figures.additional_properties = additional_properties
        return missing_in_compared_figures

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> MissingReason:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: MissingReason) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
