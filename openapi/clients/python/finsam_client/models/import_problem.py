from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.import_row_error import ImportRowError


T = TypeVar("T", bound="ImportProblem")


@_attrs_define
class ImportProblem:
    """A rejected import (RFC 9457 problem): nothing was written. The counts say what the
    import would have done; `errors` names every bad row and field.

        Attributes:
            type_ (str): A URI naming the kind of problem: `urn:finsam:problem:import-rejected`.
            code (str): What went wrong: `import-rejected` (docs/problems.md).
            title (str): A short summary of the kind of problem.
            status (int): The HTTP status code: 422.
            detail (str): What went wrong in this case.
            dry_run (bool): Provkörning: true when nothing was written on purpose.
            created (int): Skapade: rows that created a report.
            updated (int): Uppdaterade: rows that replaced a report (revision + 1).
            unchanged (int): Oförändrade: rows equal to the stored report (revision kept).
            rejected (int): Avvisade: rows not imported; `errors` says why.
            errors (list[ImportRowError]): Fel: every error, in row order; a row may have several.
    """

    type_: str
    code: str
    title: str
    status: int
    detail: str
    dry_run: bool
    created: int
    updated: int
    unchanged: int
    rejected: int
    errors: list[ImportRowError]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        code = self.code

        title = self.title

        status = self.status

        detail = self.detail

        dry_run = self.dry_run

        created = self.created

        updated = self.updated

        unchanged = self.unchanged

        rejected = self.rejected

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "code": code,
                "title": title,
                "status": status,
                "detail": detail,
                "dry_run": dry_run,
                "created": created,
                "updated": updated,
                "unchanged": unchanged,
                "rejected": rejected,
                "errors": errors,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_error import ImportRowError  # noqa: PLC0415

        d = dict(src_dict)
        type_ = d.pop("type")

        code = d.pop("code")

        title = d.pop("title")

        status = d.pop("status")

        detail = d.pop("detail")

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

        import_problem = cls(
            type_=type_,
            code=code,
            title=title,
            status=status,
            detail=detail,
            dry_run=dry_run,
            created=created,
            updated=updated,
            unchanged=unchanged,
            rejected=rejected,
            errors=errors,
        )

        import_problem.additional_properties = d
        return import_problem

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
