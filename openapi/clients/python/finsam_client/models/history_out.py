from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.event_out import EventOut
    from ..models.revision_out import RevisionOut


T = TypeVar("T", bound="HistoryOut")


@_attrs_define
class HistoryOut:
    """Historik: every revision with what changed, and every workflow step.

    Attributes:
        insats_id (int): Insatsens id.
        period (str): Period.
        revisions (list[RevisionOut]): Oldest first.
        events (list[EventOut]): Oldest first.
    """

    insats_id: int
    period: str
    revisions: list[RevisionOut]
    events: list[EventOut]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        insats_id = self.insats_id

        period = self.period

        revisions = []
        for revisions_item_data in self.revisions:
            revisions_item = revisions_item_data.to_dict()
            revisions.append(revisions_item)

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "insats_id": insats_id,
                "period": period,
                "revisions": revisions,
                "events": events,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_out import EventOut  # noqa: PLC0415
        from ..models.revision_out import RevisionOut  # noqa: PLC0415

        d = dict(src_dict)
        insats_id = d.pop("insats_id")

        period = d.pop("period")

        revisions = []
        _revisions = d.pop("revisions")
        for revisions_item_data in _revisions:
            revisions_item = RevisionOut.from_dict(revisions_item_data)

            revisions.append(revisions_item)

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventOut.from_dict(events_item_data)

            events.append(events_item)

        history_out = cls(
            insats_id=insats_id,
            period=period,
            revisions=revisions,
            events=events,
        )

        history_out.additional_properties = d
        return history_out

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
