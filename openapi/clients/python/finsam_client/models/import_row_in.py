from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.report_in import ReportIn


T = TypeVar("T", bound="ImportRowIn")


@_attrs_define
class ImportRowIn:
    """En rad: one insats's report for one period, exactly as the body of a PUT.

    Attributes:
        insats_id (int): Insatsens id.
        period (str): Period: 2023 (år), 2023H1 (halvår), 2023T2 (tertial) or 2023Q4 (kvartal).
        report (ReportIn): Rapport: one insats's figures for one period. Absent or null is "ej aktuellt", never 0.
        if_match (None | str | Unset): If-Match: the ETag of the report this row replaces, as the PUT header takes it;
            needed only where the förbund requires If-Match on replacements.
    """

    insats_id: int
    period: str
    report: ReportIn
    if_match: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        insats_id = self.insats_id

        period = self.period

        report = self.report.to_dict()

        if_match: None | str | Unset
        if isinstance(self.if_match, Unset):
            if_match = UNSET
        else:
            if_match = self.if_match

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "insats_id": insats_id,
                "period": period,
                "report": report,
            }
        )
        if if_match is not UNSET:
            field_dict["if_match"] = if_match

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.report_in import ReportIn  # noqa: PLC0415

        d = dict(src_dict)
        insats_id = d.pop("insats_id")

        period = d.pop("period")

        report = ReportIn.from_dict(d.pop("report"))

        def _parse_if_match(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        if_match = _parse_if_match(d.pop("if_match", UNSET))

        import_row_in = cls(
            insats_id=insats_id,
            period=period,
            report=report,
            if_match=if_match,
        )

        return import_row_in
