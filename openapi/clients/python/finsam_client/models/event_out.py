from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_out_detail_type_0 import EventOutDetailType0
    from ..models.key_ref import KeyRef


T = TypeVar("T", bound="EventOut")


@_attrs_define
class EventOut:
    """A workflow step or another audited action.

    Attributes:
        at (datetime.datetime): När.
        action (str): Händelse, e.g. report.submitted, report.approved, report.reopened.
        by (KeyRef): Who made a change.
        detail (EventOutDetailType0 | None): Detaljer: revision, status change, comment or reason.
    """

    at: datetime.datetime
    action: str
    by: KeyRef
    detail: EventOutDetailType0 | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_out_detail_type_0 import EventOutDetailType0  # noqa: PLC0415

        at = self.at.isoformat()

        action = self.action

        by = self.by.to_dict()

        detail: dict[str, Any] | None
        if isinstance(self.detail, EventOutDetailType0):
            detail = self.detail.to_dict()
        else:
            detail = self.detail

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "at": at,
                "action": action,
                "by": by,
                "detail": detail,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_out_detail_type_0 import EventOutDetailType0  # noqa: PLC0415
        from ..models.key_ref import KeyRef  # noqa: PLC0415

        d = dict(src_dict)
        at = datetime.datetime.fromisoformat(d.pop("at"))

        action = d.pop("action")

        by = KeyRef.from_dict(d.pop("by"))

        def _parse_detail(data: object) -> EventOutDetailType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                detail_type_0 = EventOutDetailType0.from_dict(data)

                return detail_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventOutDetailType0 | None, data)

        detail = _parse_detail(d.pop("detail"))

        event_out = cls(
            at=at,
            action=action,
            by=by,
            detail=detail,
        )

        event_out.additional_properties = d
        return event_out

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
