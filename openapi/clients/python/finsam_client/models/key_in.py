from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.role import Role
from ..types import UNSET, Unset

T = TypeVar("T", bound="KeyIn")


@_attrs_define
class KeyIn:
    """An API key to create.

    Attributes:
        role (Role):
        forbund (None | str | Unset): Förbund: the code the key is scoped to; required for `forbund`.
        insatser (list[int] | None | Unset): Insatser: the ids a `reporter` key may report for; required for it.
        label (None | str | Unset): Etikett: who or what uses the key, shown in audit trails.
    """

    role: Role
    forbund: None | str | Unset = UNSET
    insatser: list[int] | None | Unset = UNSET
    label: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        role = self.role.value

        forbund: None | str | Unset
        if isinstance(self.forbund, Unset):
            forbund = UNSET
        else:
            forbund = self.forbund

        insatser: list[int] | None | Unset
        if isinstance(self.insatser, Unset):
            insatser = UNSET
        elif isinstance(self.insatser, list):
            insatser = self.insatser

        else:
            insatser = self.insatser

        label: None | str | Unset
        if isinstance(self.label, Unset):
            label = UNSET
        else:
            label = self.label

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "role": role,
            }
        )
        if forbund is not UNSET:
            field_dict["forbund"] = forbund
        if insatser is not UNSET:
            field_dict["insatser"] = insatser
        if label is not UNSET:
            field_dict["label"] = label

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        role = Role(d.pop("role"))

        def _parse_forbund(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        forbund = _parse_forbund(d.pop("forbund", UNSET))

        def _parse_insatser(data: object) -> list[int] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                insatser_type_0 = cast(list[int], data)

                return insatser_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[int] | None | Unset, data)

        insatser = _parse_insatser(d.pop("insatser", UNSET))

        def _parse_label(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        label = _parse_label(d.pop("label", UNSET))

        key_in = cls(
            role=role,
            forbund=forbund,
            insatser=insatser,
            label=label,
        )

        return key_in
