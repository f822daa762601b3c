"""Response bodies of jobs."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field


class PublishResult(BaseModel):
    """What a publication produced: the version that answers it."""

    year: int = Field(description="År.")
    version: int = Field(description="The version published, or the latest when unchanged.")
    created: bool = Field(
        description="Whether a new version was made; false when nothing published would change."
    )


class JobOut(BaseModel):
    """A job: queued by a request that answered 202, run after it; poll until it is done."""

    id: uuid.UUID = Field(description="The job's id; its status is at `/api/v1/jobs/{id}`.")
    kind: Literal["publish"] = Field(description="What the job does.")
    state: Literal["queued", "running", "done", "failed"] = Field(
        description="`queued`, `running`, `done` (see `result`) or `failed` (see `error`)."
    )
    created_at: datetime = Field(description="When it was accepted.")
    started_at: datetime | None = Field(description="When it last started running.")
    finished_at: datetime | None = Field(description="When it was done or failed.")
    result: PublishResult | None = Field(description="What it produced, once done.")
    error: str | None = Field(description="Why it failed, in general terms; the log says more.")
