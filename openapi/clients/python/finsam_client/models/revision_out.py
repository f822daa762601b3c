from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.fact_change import FactChange
    from ..models.key_ref import KeyRef


T = TypeVar("T", bound="RevisionOut")


@_attrs_define
class RevisionOut:
    """One revision of a report in its history.

    Attributes:
        revision (int): Revision.
        changed_at (datetime.datetime): När.
        changed_by (KeyRef): Who made a change.
        changes (list[FactChange]): Vad: the numbers that changed from the previous revision.
        note_changed (bool): Whether the note changed.
    """

    revision: int
    changed_at: datetime.datetime
    changed_by: KeyRef
    changes: list[FactChange]
    note_changed: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        revision = self.revision

        changed_at = self.changed_at.isoformat()

        changed_by = self.changed_by.to_dict()

        changes = []
        for changes_item_data in self.changes:
            changes_item = changes_item_data.to_dict()
            changes.append(changes_item)

        note_changed = self.note_changed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "revision": revision,
                "changed_at": changed_at,
                "changed_by": changed_by,
                "changes": changes,
                "note_changed": note_changed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.fact_change import FactChange  # noqa: PLC0415
        from ..models.key_ref import KeyRef  # noqa: PLC0415

        d = dict(src_dict)
        revision = d.pop("revision")

        changed_at = datetime.datetime.fromisoformat(d.pop("changed_at"))

        changed_by = KeyRef.from_dict(d.pop("changed_by"))

        changes = []
        _changes = d.pop("changes")
        for changes_item_data in _changes:
            changes_item = FactChange.from_dict(changes_item_data)

            changes.append(changes_item)

        note_changed = d.pop("note_changed")

        revision_out = cls(
            revision=revision,
            changed_at=changed_at,
            changed_by=changed_by,
            changes=changes,
            note_changed=note_changed,
        )

        revision_out.additional_properties = d
        return revision_out

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
