from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.role import Role

T = TypeVar("T", bound="CreatedKey")


@_attrs_define
class CreatedKey:
    """A new API key, with its token: shown this once, stored only as a hash.

    Attributes:
        id (UUID): Nyckelns id: used to revoke it and named in audit trails.
        role (Role):
        forbund (None | str): Förbund the key is scoped to, if any.
        insatser (list[int]): Insatser a reporter key may report for.
        label (None | str): Etikett.
        created_at (datetime.datetime): Skapad.
        token (None | str): Token: send as `Authorization: Bearer <token>`. Shown once: null when the response is
            replayed for a retried request (Idempotency-Key).
    """

    id: UUID
    role: Role
    forbund: None | str
    insatser: list[int]
    label: None | str
    created_at: datetime.datetime
    token: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        role = self.role.value

        forbund: None | str
        forbund = self.forbund

        insatser = self.insatser

        label: None | str
        label = self.label

        created_at = self.created_at.isoformat()

        token: None | str
        token = self.token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "role": role,
                "forbund": forbund,
                "insatser": insatser,
                "label": label,
                "created_at": created_at,
                "token": token,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        role = Role(d.pop("role"))

        def _parse_forbund(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        forbund = _parse_forbund(d.pop("forbund"))

        insatser = cast(list[int], d.pop("insatser"))

        def _parse_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        label = _parse_label(d.pop("label"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_token(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        token = _parse_token(d.pop("token"))

        created_key = cls(
            id=id,
            role=role,
            forbund=forbund,
            insatser=insatser,
            label=label,
            created_at=created_at,
            token=token,
        )

        created_key.additional_properties = d
        return created_key

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
