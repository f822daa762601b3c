from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="IncomeSourcesIn")


@_attrs_define
class IncomeSourcesIn:
    """Försörjning: main source of income, people per category.

    Attributes:
        none (int | None | Unset): ingen offentlig försörjning: people; null if not reported.
        unemployment_insurance (int | None | Unset): a-kassa: people; null if not reported.
        activity_compensation (int | None | Unset): aktivitetsersättning: people; null if not reported.
        activity_support (int | None | Unset): aktivitetsstöd: people; null if not reported.
        social_assistance (int | None | Unset): ekonomiskt bistånd (försörjningsstöd): people; null if not reported.
        sickness_compensation (int | None | Unset): sjukersättning: people; null if not reported.
        sickness_benefit (int | None | Unset): sjuk-/rehabiliteringspenning: people; null if not reported.
        study_support (int | None | Unset): studiestöd: people; null if not reported.
        other_public (int | None | Unset): annan offentlig försörjning: people; null if not reported.
    """

    none: int | None | Unset = UNSET
    unemployment_insurance: int | None | Unset = UNSET
    activity_compensation: int | None | Unset = UNSET
    activity_support: int | None | Unset = UNSET
    social_assistance: int | None | Unset = UNSET
    sickness_compensation: int | None | Unset = UNSET
    sickness_benefit: int | None | Unset = UNSET
    study_support: int | None | Unset = UNSET
    other_public: int | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        none: int | None | Unset
        if isinstance(self.none, Unset):
            none = UNSET
        else:
            none = self.none

        unemployment_insurance: int | None | Unset
        if isinstance(self.unemployment_insurance, Unset):
            unemployment_insurance = UNSET
        else:
            unemployment_insurance = self.unemployment_insurance

        activity_compensation: int | None | Unset
        if isinstance(self.activity_compensation, Unset):
            activity_compensation = UNSET
        else:
            activity_compensation = self.activity_compensation

        activity_support: int | None | Unset
        if isinstance(self.activity_support, Unset):
            activity_support = UNSET
        else:
            activity_support = self.activity_support

        social_assistance: int | None | Unset
        if isinstance(self.social_assistance, Unset):
            social_assistance = UNSET
        else:
            social_assistance = self.social_assistance

        sickness_compensation: int | None | Unset
        if isinstance(self.sickness_compensation, Unset):
            sickness_compensation = UNSET
        else:
            sickness_compensation = self.sickness_compensation

        sickness_benefit: int | None | Unset
        if isinstance(self.sickness_benefit, Unset):
            sickness_benefit = UNSET
        else:
            sickness_benefit = self.sickness_benefit

        study_support: int | None | Unset
        if isinstance(self.study_support, Unset):
            study_support = UNSET
        else:
            study_support = self.study_support

        other_public: int | None | Unset
        if isinstance(self.other_public, Unset):
            other_public = UNSET
        else:
            other_public = self.other_public

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if none is not UNSET:
            field_dict["none"] = none
        if unemployment_insurance is not UNSET:
            field_dict["unemployment_insurance"] = unemployment_insurance
        if activity_compensation is not UNSET:
            field_dict["activity_compensation"] = activity_compensation
        if activity_support is not UNSET:
            field_dict["activity_support"] = activity_support
        if social_assistance is not UNSET:
            field_dict["social_assistance"] = social_assistance
        if sickness_compensation is not UNSET:
            field_dict["sickness_compensation"] = sickness_compensation
        if sickness_benefit is not UNSET:
            field_dict["sickness_benefit"] = sickness_benefit
        if study_support is not UNSET:
            field_dict["study_support"] = study_support
        if other_public is not UNSET:
            field_dict["other_public"] = other_public

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_none(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        none = _parse_none(d.pop("none", UNSET))

        def _parse_unemployment_insurance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        unemployment_insurance = _parse_unemployment_insurance(d.pop("unemployment_insurance", UNSET))

        def _parse_activity_compensation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        activity_compensation = _parse_activity_compensation(d.pop("activity_compensation", UNSET))

        def _parse_activity_support(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        activity_support = _parse_activity_support(d.pop("activity_support", UNSET))

        def _parse_social_assistance(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        social_assistance = _parse_social_assistance(d.pop("social_assistance", UNSET))

        def _parse_sickness_compensation(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sickness_compensation = _parse_sickness_compensation(d.pop("sickness_compensation", UNSET))

        def _parse_sickness_benefit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        sickness_benefit = _parse_sickness_benefit(d.pop("sickness_benefit", UNSET))

        def _parse_study_support(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        study_support = _parse_study_support(d.pop("study_support", UNSET))

        def _parse_other_public(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        other_public = _parse_other_public(d.pop("other_public", UNSET))

        income_sources_in = cls(
            none=none,
            unemployment_insurance=unemployment_insurance,
            activity_compensation=activity_compensation,
            activity_support=activity_support,
            social_assistance=social_assistance,
            sickness_compensation=sickness_compensation,
            sickness_benefit=sickness_benefit,
            study_support=study_support,
            other_public=other_public,
        )

        return income_sources_in
