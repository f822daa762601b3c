from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.table_row import TableRow


T = TypeVar("T", bound="AnnualTable")


@_attrs_define
class AnnualTable:
    """Årsredovisningstabell: one row per insats and a total row.

    Attributes:
        forbund (str): Förbundets kod.
        forbund_name (str): Förbundets namn.
        period (str): Period.
        columns (list[str]): Kolumner: the keys `columns=` chose, in order: what CSV and XLSX print after the insats's
            name. Every row carries every figure in JSON whichever are chosen.
        rows (list[TableRow]): One row per insats active in the period (or in `compare`), then the total row.
        compare_period (None | str | Unset): Jämförelseperiod: the `compare` period, if any.
        approved_only (bool | Unset): Endast godkända: only approved reports counted. Default: False.
    """

    forbund: str
    forbund_name: str
    period: str
    columns: list[str]
    rows: list[TableRow]
    compare_period: None | str | Unset = UNSET
    approved_only: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        forbund = self.forbund

        forbund_name = self.forbund_name

        period = self.period

        columns = self.columns

        rows = []
        for rows_item_data in self.rows:
            rows_item = rows_item_data.to_dict()
            rows.append(rows_item)

        compare_period: None | str | Unset
        if isinstance(self.compare_period, Unset):
            compare_period = UNSET
        else:
            compare_period = self.compare_period

        approved_only = self.approved_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "forbund": forbund,
                "forbund_name": forbund_name,
                "period": period,
                "columns": columns,
                "rows": rows,
            }
        )
        if compare_period is not UNSET:
            field_dict["compare_period"] = compare_period
        if approved_only is not UNSET:
            field_dict["approved_only"] = approved_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.table_row import TableRow  # noqa: PLC0415

        d = dict(src_dict)
        forbund = d.pop("forbund")

        forbund_name = d.pop("forbund_name")

        period = d.pop("period")

        columns = cast(list[str], d.pop("columns"))

        rows = []
        _rows = d.pop("rows")
        for rows_item_data in _rows:
            rows_item = TableRow.from_dict(rows_item_data)

            rows.append(rows_item)

        def _parse_compare_period(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        compare_period = _parse_compare_period(d.pop("compare_period", UNSET))

        approved_only = d.pop("approved_only", UNSET)

        annual_table = cls(
            forbund=forbund,
            forbund_name=forbund_name,
            period=period,
            columns=columns,
            rows=rows,
            compare_period=compare_period,
            approved_only=approved_only,
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
