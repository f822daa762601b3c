from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.insats_kind import InsatsKind

T = TypeVar("T", bound="InsatsOut")


@_attrs_define
class InsatsOut:
    """An insats.

    Attributes:
        id (int): Id: assigned by the server.
        forbund (str): Förbund: the code of the förbund that finances it.
        name (str): Namn.
        kind (InsatsKind): Individinriktad (people take part) or strukturinriktad (staff forums, networks).
        owner (str): Insatsägare.
        start_date (datetime.date): Startdatum.
        end_date (datetime.date | None): Slutdatum, or null while it runs.
        target_group (None | str): Målgrupp.
        not_applicable (list[str]): Ej aktuellt: the report measures that do not apply to this insats.
        created_at (datetime.datetime): Skapad: when it was registered.
    """

    id: int
    forbund: str
    name: str
    kind: InsatsKind
    owner: str
    start_date: datetime.date
    end_date: datetime.date | None
    target_group: None | str
    not_applicable: list[str]
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        forbund = self.forbund

        name = self.name

        kind = self.kind.value

        owner = self.owner

        start_date = self.start_date.isoformat()

        end_date: None | str
        if isinstance(self.end_date, datetime.date):
            end_date = self.end_date.isoformat()
        else:
            end_date = self.end_date

        target_group: None | str
        target_group = self.target_group

        not_applicable = self.not_applicable

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "forbund": forbund,
                "name": name,
                "kind": kind,
                "owner": owner,
                "start_date": start_date,
                "end_date": end_date,
                "target_group": target_group,
                "not_applicable": not_applicable,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        forbund = d.pop("forbund")

        name = d.pop("name")

        kind = InsatsKind(d.pop("kind"))

        owner = d.pop("owner")

        start_date = datetime.date.fromisoformat(d.pop("start_date"))

        def _parse_end_date(data: object) -> datetime.date | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_date_type_0 = datetime.date.fromisoformat(data)

                return end_date_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.date | None, data)

        end_date = _parse_end_date(d.pop("end_date"))

        def _parse_target_group(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target_group = _parse_target_group(d.pop("target_group"))

        not_applicable = cast(list[str], d.pop("not_applicable"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        insats_out = cls(
            id=id,
            forbund=forbund,
            name=name,
            kind=kind,
            owner=owner,
            start_date=start_date,
            end_date=end_date,
            target_group=target_group,
            not_applicable=not_applicable,
            created_at=created_at,
        )

        insats_out.additional_properties = d
        return insats_out

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
