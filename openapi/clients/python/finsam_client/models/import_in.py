from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.import_row_in import ImportRowIn


T = TypeVar("T", bound="ImportIn")


@_attrs_define
class ImportIn:
    """Import: many reports in one request, as JSON (`POST /api/v1/imports/csv` takes CSV).

    This model is the schema clients see; the body itself is read by
    `app/imports/formats.py` (rows are validated one by one, as `ImportRowIn`, so that every
    bad row is named rather than the first), not by FastAPI.

        Attributes:
            reports (list[ImportRowIn]): Rapporter: at most 10,000 rows per import.
    """

    reports: list[ImportRowIn]

    def to_dict(self) -> dict[str, Any]:
        reports = []
        for reports_item_data in self.reports:
            reports_item = reports_item_data.to_dict()
            reports.append(reports_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "reports": reports,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.import_row_in import ImportRowIn  # noqa: PLC0415

        d = dict(src_dict)
        reports = []
        _reports = d.pop("reports")
        for reports_item_data in _reports:
            reports_item = ImportRowIn.from_dict(reports_item_data)

            reports.append(reports_item)

        import_in = cls(
            reports=reports,
        )

        return import_in
