from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.job_out_state import JobOutState

if TYPE_CHECKING:
    from ..models.publish_result import PublishResult


T = TypeVar("T", bound="JobOut")


@_attrs_define
class JobOut:
    """A job: queued by a request that answered 202, run after it; poll until it is done.

    Attributes:
        id (UUID): The job's id; its status is at `/api/v1/jobs/{id}`.
        kind (Literal['publish']): What the job does.
        state (JobOutState): `queued`, `running`, `done` (see `result`) or `failed` (see `error`).
        created_at (datetime.datetime): When it was accepted.
        started_at (datetime.datetime | None): When it last started running.
        finished_at (datetime.datetime | None): When it was done or failed.
        result (None | PublishResult): What it produced, once done.
        error (None | str): Why it failed, in general terms; the log says more.
    """

    id: UUID
    kind: Literal["publish"]
    state: JobOutState
    created_at: datetime.datetime
    started_at: datetime.datetime | None
    finished_at: datetime.datetime | None
    result: None | PublishResult
    error: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.publish_result import PublishResult  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind

        state = self.state.value

        created_at = self.created_at.isoformat()

        started_at: None | str
        if isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        result: dict[str, Any] | None
        if isinstance(self.result, PublishResult):
            result = self.result.to_dict()
        else:
            result = self.result

        error: None | str
        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "state": state,
                "created_at": created_at,
                "started_at": started_at,
                "finished_at": finished_at,
                "result": result,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.publish_result import PublishResult  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = cast(Literal["publish"], d.pop("kind"))
        if kind != "publish":
            raise ValueError(f"kind must match const 'publish', got '{kind}'")

        state = JobOutState(d.pop("state"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_started_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        started_at = _parse_started_at(d.pop("started_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        def _parse_result(data: object) -> None | PublishResult:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                result_type_0 = PublishResult.from_dict(data)

                return result_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublishResult, data)

        result = _parse_result(d.pop("result"))

        def _parse_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        error = _parse_error(d.pop("error"))

        job_out = cls(
            id=id,
            kind=kind,
            state=state,
            created_at=created_at,
            started_at=started_at,
            finished_at=finished_at,
            result=result,
            error=error,
        )

        job_out.additional_properties = d
        return job_out

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
