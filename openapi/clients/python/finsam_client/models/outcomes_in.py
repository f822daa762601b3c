from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.gender_count_in import GenderCountIn


T = TypeVar("T", bound="OutcomesIn")


@_attrs_define
class OutcomesIn:
    """Utfall vid avslut: status of those who ended, by gender.

    Attributes:
        work (GenderCountIn | None | Unset): arbete: people who ended in this status; null if not reported.
        studies (GenderCountIn | None | Unset): studier: people who ended in this status; null if not reported.
        work_preparation (GenderCountIn | None | Unset): arbetsförberedande/arbetsinriktad insats: people who ended in
            this status; null if not reported.
        other_intervention (GenderCountIn | None | Unset): annan insats (social, LSS, hälso- och sjukvård): people who
            ended in this status; null if not reported.
        benefit (GenderCountIn | None | Unset): sjuk- eller aktivitetsersättning: people who ended in this status; null
            if not reported.
        other (GenderCountIn | None | Unset): annat/okänt: people who ended in this status; null if not reported.
    """

    work: GenderCountIn | None | Unset = UNSET
    studies: GenderCountIn | None | Unset = UNSET
    work_preparation: GenderCountIn | None | Unset = UNSET
    other_intervention: GenderCountIn | None | Unset = UNSET
    benefit: GenderCountIn | None | Unset = UNSET
    other: GenderCountIn | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.gender_count_in import GenderCountIn  # noqa: PLC0415

        work: dict[str, Any] | None | Unset
        if isinstance(self.work, Unset):
            work = UNSET
        elif isinstance(self.work, GenderCountIn):
            work = self.work.to_dict()
        else:
            work = self.work

        studies: dict[str, Any] | None | Unset
        if isinstance(self.studies, Unset):
            studies = UNSET
        elif isinstance(self.studies, GenderCountIn):
            studies = self.studies.to_dict()
        else:
            studies = self.studies

        work_preparation: dict[str, Any] | None | Unset
        if isinstance(self.work_preparation, Unset):
            work_preparation = UNSET
        elif isinstance(self.work_preparation, GenderCountIn):
            work_preparation = self.work_preparation.to_dict()
        else:
            work_preparation = self.work_preparation

        other_intervention: dict[str, Any] | None | Unset
        if isinstance(self.other_intervention, Unset):
            other_intervention = UNSET
        elif isinstance(self.other_intervention, GenderCountIn):
            other_intervention = self.other_intervention.to_dict()
        else:
            other_intervention = self.other_intervention

        benefit: dict[str, Any] | None | Unset
        if isinstance(self.benefit, Unset):
            benefit = UNSET
        elif isinstance(self.benefit, GenderCountIn):
            benefit = self.benefit.to_dict()
        else:
            benefit = self.benefit

        other: dict[str, Any] | None | Unset
        if isinstance(self.other, Unset):
            other = UNSET
        elif isinstance(self.other, GenderCountIn):
            other = self.other.to_dict()
        else:
            other = self.other

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if work is not UNSET:
            field_dict["work"] = work
        if studies is not UNSET:
            field_dict["studies"] = studies
        if work_preparation is not UNSET:
            field_dict["work_preparation"] = work_preparation
        if other_intervention is not UNSET:
            field_dict["other_intervention"] = other_intervention
        if benefit is not UNSET:
            field_dict["benefit"] = benefit
        if other is not UNSET:
            field_dict["other"] = other

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.gender_count_in import GenderCountIn  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_work(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                work_type_0 = GenderCountIn.from_dict(data)

                return work_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        work = _parse_work(d.pop("work", UNSET))

        def _parse_studies(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                studies_type_0 = GenderCountIn.from_dict(data)

                return studies_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        studies = _parse_studies(d.pop("studies", UNSET))

        def _parse_work_preparation(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                work_preparation_type_0 = GenderCountIn.from_dict(data)

                return work_preparation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        work_preparation = _parse_work_preparation(d.pop("work_preparation", UNSET))

        def _parse_other_intervention(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_intervention_type_0 = GenderCountIn.from_dict(data)

                return other_intervention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        other_intervention = _parse_other_intervention(d.pop("other_intervention", UNSET))

        def _parse_benefit(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                benefit_type_0 = GenderCountIn.from_dict(data)

                return benefit_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        benefit = _parse_benefit(d.pop("benefit", UNSET))

        def _parse_other(data: object) -> GenderCountIn | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                other_type_0 = GenderCountIn.from_dict(data)

                return other_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(GenderCountIn | None | Unset, data)

        other = _parse_other(d.pop("other", UNSET))

        outcomes_in = cls(
            work=work,
            studies=studies,
            work_preparation=work_preparation,
            other_intervention=other_intervention,
            benefit=benefit,
            other=other,
        )

        return outcomes_in
