from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.insats_in_not_applicable_item import InsatsInNotApplicableItem
from ..models.insats_kind import InsatsKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="InsatsIn")


@_attrs_define
class InsatsIn:
    """An insats to create under a förbund.

    Attributes:
        name (str): Namn: the insats's name.
        kind (InsatsKind): Individinriktad (people take part) or strukturinriktad (staff forums, networks).
        owner (str): Insatsägare: the member organisation that runs it.
        start_date (datetime.date): Startdatum: first day of the insats.
        end_date (datetime.date | None | Unset): Slutdatum: last day, if known.
        target_group (None | str | Unset): Målgrupp: who the insats is for.
        not_applicable (list[InsatsInNotApplicableItem] | Unset): Ej aktuellt: the report measures (top-level fields of
            the report, e.g. `outcomes`, `volume_contacts`) that do not apply to this insats; a report giving one is
            refused, and summaries count the insats out of their `applies_to`.
    """

    name: str
    kind: InsatsKind
    owner: str
    start_date: datetime.date
    end_date: datetime.date | None | Unset = UNSET
    target_group: None | str | Unset = UNSET
    not_applicable: list[InsatsInNotApplicableItem] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        owner = self.owner

        start_date = self.start_date.isoformat()

        end_date: None | str | Unset
        if isinstance(self.end_date, Unset):
            end_date = UNSET
        elif isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        target_group: None | str | Unset
        if isinstance(self.target_group, Unset):
            target_group = UNSET
        else:
            target_group = self.target_group

        not_applicable: list[str] | Unset = UNSET
        if not isinstance(self.not_applicable, Unset):
            not_applicable = []
            for not_applicable_item_data in self.not_applicable:
                not_applicable_item = not_applicable_item_data.value
                not_applicable.append(not_applicable_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "owner": owner,
                "start_date": start_date,
            }
        )
        if end_date is not UNSET:
            field_dict["end_date"] = end_date
        if target_group is not UNSET:
            field_dict["target_group"] = target_group
        if not_applicable is not UNSET:
            field_dict["not_applicable"] = not_applicable

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = InsatsKind(d.pop("kind"))

        owner = d.pop("owner")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

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

        def _parse_target_group(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        target_group = _parse_target_group(d.pop("target_group", UNSET))

        _not_applicable = d.pop("not_applicable", UNSET)
        not_applicable: list[InsatsInNotApplicableItem] | Unset = UNSET
        if _not_applicable is not UNSET:
            not_applicable = []
            for not_applicable_item_data in _not_applicable:
                not_applicable_item = InsatsInNotApplicableItem(not_applicable_item_data)

                not_applicable.append(not_applicable_item)

        insats_in = cls(
            name=name,
            kind=kind,
            owner=owner,
            start_date=start_date,
            end_date=end_date,
            target_group=target_group,
            not_applicable=not_applicable,
        )

        return insats_in
