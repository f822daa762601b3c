from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.comparison import Comparison
    from ..models.insats_coverage import InsatsCoverage
    from ..models.measures import Measures
    from ..models.missing_measures import MissingMeasures
    from ..models.release_info import ReleaseInfo
    from ..models.shares import Shares


T = TypeVar("T", bound="ForbundRelease")


@_attrs_define
class ForbundRelease:
    """A förbund's own open summary in a release: exactly its row of the national table.

    Attributes:
        insatser (int): Insatser active in the period.
        reports (int): Insatser that reported for the period (itself or its parts).
        complete (bool): Every active insats covered the whole period.
        computed_from (list[str]): Perioder: every report period the figures came from.
        measures (Measures): Every measure of a report, summed; null when no report gave it. The fields are the
            catalogue's measures (app/domain/measures.py; a test holds them to it).
        shares (Shares): Andelar av avslutade, over insatser that reported both the outcome and avslutade.
        forbund (str): Förbundets kod.
        period (str): Period.
        approved_only (bool): Endast godkända: only approved reports counted.
        coverage (list[InsatsCoverage]): Täckning: the reports used per insats.
        release (ReleaseInfo): A version of a year's release: when, why, and what changed from the one before.
        missing (MissingMeasures | Unset): Why each null measure is null, by measure name (one schema component: every
            summary
            level shares it).
        comparison (Comparison | None | Unset): With `compare=PERIOD`.
        suppressed (list[str] | None | Unset): Open data only: figures hidden by disclosure control (dotted paths).
    """

    insatser: int
    reports: int
    complete: bool
    computed_from: list[str]
    measures: Measures
    shares: Shares
    forbund: str
    period: str
    approved_only: bool
    coverage: list[InsatsCoverage]
    release: ReleaseInfo
    missing: MissingMeasures | Unset = UNSET
    comparison: Comparison | None | Unset = UNSET
    suppressed: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.comparison import Comparison  # noqa: PLC0415

        insatser = self.insatser

        reports = self.reports

        complete = self.complete

        computed_from = self.computed_from

        measures = self.measures.to_dict()

        shares = self.shares.to_dict()

        forbund = self.forbund

        period = self.period

        approved_only = self.approved_only

        coverage = []
        for coverage_item_data in self.coverage:
            coverage_item = coverage_item_data.to_dict()
            coverage.append(coverage_item)

        release = self.release.to_dict()

        missing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.missing, Unset):
            missing = self.missing.to_dict()

        comparison: dict[str, Any] | None | Unset
        if isinstance(self.comparison, Unset):
            comparison = UNSET
        elif isinstance(self.comparison, Comparison):
            comparison = self.comparison.to_dict()
        else:
            comparison = self.comparison

        suppressed: list[str] | None | Unset
        if isinstance(self.suppressed, Unset):
            suppressed = UNSET
        elif isinstance(self.suppressed, list):
            suppressed = self.suppressed

        else:
            suppressed = self.suppressed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "insatser": insatser,
                "reports": reports,
                "complete": complete,
                "computed_from": computed_from,
                "measures": measures,
                "shares": shares,
                "forbund": forbund,
                "period": period,
                "approved_only": approved_only,
                "coverage": coverage,
                "release": release,
            }
        )
        if missing is not UNSET:
            field_dict["missing"] = missing
        if comparison is not UNSET:
            field_dict["comparison"] = comparison
        if suppressed is not UNSET:
            field_dict["suppressed"] = suppressed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.comparison import Comparison  # noqa: PLC0415
        from ..models.insats_coverage import InsatsCoverage  # noqa: PLC0415
        from ..models.measures import Measures  # noqa: PLC0415
        from ..models.missing_measures import MissingMeasures  # noqa: PLC0415
        from ..models.release_info import ReleaseInfo  # noqa: PLC0415
        from ..models.shares import Shares  # noqa: PLC0415

        d = dict(src_dict)
        insatser = d.pop("insatser")

        reports = d.pop("reports")

        complete = d.pop("complete")

        computed_from = cast(list[str], d.pop("computed_from"))

        measures = Measures.from_dict(d.pop("measures"))

        shares = Shares.from_dict(d.pop("shares"))

        forbund = d.pop("forbund")

        period = d.pop("period")

        approved_only = d.pop("approved_only")

        coverage = []
        _coverage = d.pop("coverage")
        for coverage_item_data in _coverage:
            coverage_item = InsatsCoverage.from_dict(coverage_item_data)

            coverage.append(coverage_item)

        release = ReleaseInfo.from_dict(d.pop("release"))

        _missing = d.pop("missing", UNSET)
        missing: MissingMeasures | Unset
        if isinstance(_missing, Unset):
            missing = UNSET
        else:
            missing = MissingMeasures.from_dict(_missing)

        def _parse_comparison(data: object) -> Comparison | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                comparison_type_0 = Comparison.from_dict(data)

                return comparison_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Comparison | None | Unset, data)

        comparison = _parse_comparison(d.pop("comparison", UNSET))

        def _parse_suppressed(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                suppressed_type_0 = cast(list[str], data)

                return suppressed_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        suppressed = _parse_suppressed(d.pop("suppressed", UNSET))

        forbund_release = cls(
            insatser=insatser,
            reports=reports,
            complete=complete,
            computed_from=computed_from,
            measures=measures,
            shares=shares,
            forbund=forbund,
            period=period,
            approved_only=approved_only,
            coverage=coverage,
            release=release,
            missing=missing,
            comparison=comparison,
            suppressed=suppressed,
        )

        forbund_release.additional_properties = d
        return forbund_release

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
