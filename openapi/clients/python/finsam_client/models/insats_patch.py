from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.insats_patch_not_applicable_type_0_item import InsatsPatchNotApplicableType0Item
from ..types import UNSET, Unset

T = TypeVar("T", bound="InsatsPatch")


@_attrs_define
class InsatsPatch:
    """Changes to an insats: only the fields sent change. An insats that ends gets its
    `end_date`; one that would leave stored reports outside its lifetime is refused.

        Attributes:
            name (None | str | Unset): Namn.
            owner (None | str | Unset): Insatsägare.
            target_group (None | str | Unset): Målgrupp.
            end_date (datetime.date | None | Unset): Slutdatum: the last day of the insats.
            not_applicable (list[InsatsPatchNotApplicableType0Item] | None | Unset): Ej aktuellt: the whole new list of
                measures that do not apply (replaces the old one; [] for none).
    """

    name: None | str | Unset = UNSET
    owner: None | str | Unset = UNSET
    target_group: None | str | Unset = UNSET
    end_date: datetime.date | None | Unset = UNSET
    not_applicable: list[InsatsPatchNotApplicableType0Item] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        owner: None | str | Unset
        if isinstance(self.owner, Unset):
            owner = UNSET
        else:
            owner = self.owner

        target_group: None | str | Unset
        if isinstance(self.target_group, Unset):
            target_group = UNSET
        else:
            target_group = self.target_group

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        not_applicable: list[str] | None | Unset
        if isinstance(self.not_applicable, Unset):
            not_applicable = UNSET
        elif isinstance(self.not_applicable, list):
            not_applicable = []
            for not_applicable_type_0_item_data in self.not_applicable:
                not_applicable_type_0_item = not_applicable_type_0_item_data.value
                not_applicable.append(not_applicable_type_0_item)

        else:
            not_applicable = self.not_applicable

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if owner is not UNSET:
            field_dict["owner"] = owner
        if target_group is not UNSET:
            field_dict["target_group"] = target_group
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if not_applicable is not UNSET:
            field_dict["not_applicable"] = not_applicable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_owner(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        owner = _parse_owner(d.pop("owner", UNSET))

        def _parse_target_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_group = _parse_target_group(d.pop("target_group", UNSET))

        def _parse_end_date(data: object) -> datetime.date | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None | Unset, data)

        end_date = _parse_end_date(d.pop("end_date", UNSET))

        def _parse_not_applicable(data: object) -> list[InsatsPatchNotApplicableType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                not_applicable_type_0 = []
                _not_applicable_type_0 = data
                for not_applicable_type_0_item_data in _not_applicable_type_0:
                    not_applicable_type_0_item = InsatsPatchNotApplicableType0Item(not_applicable_type_0_item_data)

                    not_applicable_type_0.append(not_applicable_type_0_item)

                return not_applicable_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[InsatsPatchNotApplicableType0Item] | None | Unset, data)

        not_applicable = _parse_not_applicable(d.pop("not_applicable", UNSET))

        insats_patch = cls(
            name=name,
            owner=owner,
            target_group=target_group,
            end_date=end_date,
            not_applicable=not_applicable,
        )

        return insats_patch
