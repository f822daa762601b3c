from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.import_summary_status import ImportSummaryStatus

if TYPE_CHECKING:
    from ..models.import_row_error import ImportRowError


T = TypeVar("T", bound="ImportSummary")


@_attrs_define
class ImportSummary:
    """Importsammanfattning: the result of an import that was accepted.

    Attributes:
        dry_run (bool): Provkörning: true when nothing was written on purpose.
        created (int): Skapade: rows that created a report.
        updated (int): Uppdaterade: rows that replaced a report (revision + 1).
        unchanged (int): Oförändrade: rows equal to the stored report (revision kept).
        rejected (int): Avvisade: rows not imported; `errors` says why.
        errors (list[ImportRowError]): Fel: every error, in row order; a row may have several.
        status (ImportSummaryStatus): `success`: every row imported. `partial` (delvis): the good rows were imported and
            the rejected ones skipped, as `partial=true` asked. `dry_run` (provkörning): validated and counted as a real
            import would be, nothing written.
    """

    dry_run: bool
    created: int
    updated: int
    unchanged: int
    rejected: int
    errors: list[ImportRowError]
    status: ImportSummaryStatus
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        dry_run = self.dry_run

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        rejected = self.rejected

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        status = self.status.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "dry_run": dry_run,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "rejected": rejected,
                "errors": errors,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415

        d = dict(src_dict)
        dry_run = d.pop("dry_run")

        created = d.pop("created")

        updated = d.pop("updated")

        unchanged = d.pop("unchanged")

        rejected = d.pop("rejected")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = ImportRowError.from_dict(errors_item_data)

            errors.append(errors_item)

        status = ImportSummaryStatus(d.pop("status"))

        import_summary = cls(
            dry_run=dry_run,
            created=created,
            updated=updated,
            unchanged=unchanged,
            rejected=rejected,
            errors=errors,
            status=status,
        )

        import_summary.additional_properties = d
        return import_summary

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
