from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ImportRowError")


@_attrs_define
class ImportRowError:
    """Fel: why one row was not imported.

    Attributes:
        row (int): Rad: the row's number, from 1. JSON: its index in `reports` + 1; CSV: the line it starts on, counting
            the header as line 1.
        insats_id (int | None): Insatsens id, as the row gave it; null if it gave none that could be one.
        period (None | str): Period, as the row gave it; null if it gave no valid period.
        loc (list[int | str]): Fält: the field inside the report (e.g. ['participants', 'women']), `insats_id` or
            `period`; for CSV the column (e.g. ['participants_women']). Empty when the row as a whole was refused, e.g. an
            approved (locked) report.
        msg (str): Vad som är fel.
        code (str): What is wrong, as the code of the problem a single PUT of this row would have had
            (docs/problems.md): e.g. `validation-failed`, `inconsistent-figures`, `outside-insats-lifetime`, `not-found`,
            `forbidden`, `report-locked`, `period-closed`, `precondition-failed`, `precondition-required`.
        status (int): The HTTP status a single PUT of this row would have had: 422 invalid, 403 not your insats, 404 no
            such insats, 409 locked report or closed period, 412/428 If-Match. `code` tells these apart more finely.
    """

    row: int
    insats_id: int | None
    period: None | str
    loc: list[int | str]
    msg: str
    code: str
    status: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        insats_id: int | None
        insats_id = self.insats_id

        period: None | str
        period = self.period

        loc = []
        for loc_item_data in self.loc:
            loc_item: int | str
            loc_item = loc_item_data
            loc.append(loc_item)

        msg = self.msg

        code = self.code

        status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "row": row,
                "insats_id": insats_id,
                "period": period,
                "loc": loc,
                "msg": msg,
                "code": code,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        def _parse_insats_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        insats_id = _parse_insats_id(d.pop("insats_id"))

        def _parse_period(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        period = _parse_period(d.pop("period"))

        loc = []
        _loc = d.pop("loc")
        for loc_item_data in _loc:

            def _parse_loc_item(data: object) -> int | str:
                return cast(int | str, data)

            loc_item = _parse_loc_item(loc_item_data)

            loc.append(loc_item)

        msg = d.pop("msg")

        code = d.pop("code")

        status = d.pop("status")

        import_row_error = cls(
            row=row,
            insats_id=insats_id,
            period=period,
            loc=loc,
            msg=msg,
            code=code,
            status=status,
        )

        import_row_error.additional_properties = d
        return import_row_error

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
