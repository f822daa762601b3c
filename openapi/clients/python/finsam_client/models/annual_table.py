from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.table_row import TableRow


T = TypeVar("T", bound="AnnualTable")


@_attrs_define
class AnnualTable:
    """Årsredovisningstabell: one row per insats and a total row.

    Attributes:
        forbund (str): Förbundets kod.
        period (str): Period.
        rows (list[TableRow]): One row per active insats, then the total row.
    """

    forbund: str
    period: str
    rows: list[TableRow]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        forbund = self.forbund

        period = self.period

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "forbund": forbund,
                "period": period,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.table_row import TableRow  # noqa: PLC0415

        d = dict(src_dict)
        forbund = d.pop("forbund")

        period = d.pop("period")

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = TableRow.from_dict(rows_item_data)

            rows.append(rows_item)

        annual_table = cls(
            forbund=forbund,
            period=period,
            rows=rows,
        )

        annual_table.additional_properties = d
        return annual_table

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
