from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.audit_event_out_detail_type_0 import AuditEventOutDetailType0


T = TypeVar("T", bound="AuditEventOut")


@_attrs_define
class AuditEventOut:
    """An audited action.

    Attributes:
        at (datetime.datetime): När.
        action (str): Händelse, e.g. key.created, report.approved, period.closed.
        key_id (None | UUID): Vem: the key's id (null for the bootstrap token).
        key_label (None | str): Vem: the key's label.
        target (None | str): Vad: what the action was on.
        detail (AuditEventOutDetailType0 | None): Detaljer.
    """

    at: datetime.datetime
    action: str
    key_id: None | UUID
    key_label: None | str
    target: None | str
    detail: AuditEventOutDetailType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.audit_event_out_detail_type_0 import AuditEventOutDetailType0  # noqa: PLC0415

        at = self.at.isoformat()

        action = self.action

        key_id: None | str
        if isinstance(self.key_id, UUID):
            key_id = str(self.key_id)
        else:
            key_id = self.key_id

        key_label: None | str
        key_label = self.key_label

        target: None | str
        target = self.target

        detail: dict[str, Any] | None
        if isinstance(self.detail, AuditEventOutDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "action": action,
                "key_id": key_id,
                "key_label": key_label,
                "target": target,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.audit_event_out_detail_type_0 import AuditEventOutDetailType0  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        action = d.pop("action")

        def _parse_key_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                key_id_type_0 = UUID(data)

                return key_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        key_id = _parse_key_id(d.pop("key_id"))

        def _parse_key_label(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        key_label = _parse_key_label(d.pop("key_label"))

        def _parse_target(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        target = _parse_target(d.pop("target"))

        def _parse_detail(data: object) -> AuditEventOutDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = AuditEventOutDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AuditEventOutDetailType0 | None, data)

        detail = _parse_detail(d.pop("detail"))

        audit_event_out = cls(
            at=at,
            action=action,
            key_id=key_id,
            key_label=key_label,
            target=target,
            detail=detail,
        )

        audit_event_out.additional_properties = d
        return audit_event_out

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
