"""Request and response bodies of releases: publishing a year, and the published tables."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from app.api.schemas import InputModel
from app.summaries.schemas import ForbundSummary, NationalSummary

Year = Annotated[int, Field(ge=2000, le=2999, strict=True)]


class ReleaseIn(InputModel):
    """Publish a calendar year's open data as its next version."""

    year: Year = Field(description="År: the calendar year to publish.")
    reason: Annotated[str, Field(min_length=1, max_length=2000)] | None = Field(
        default=None,
        description="Varför: why this version is published (a correction, late reports).",
    )


class ReleaseChange(BaseModel):
    """One published number that differs from the previous version."""

    table: str = Field(description="`national`, `forbund:<code>` or `lan:<name>`.")
    path: str = Field(description="The figure, e.g. `measures.participants.total`.")
    # int first: a count stays an integer in JSON (api.md), a share stays a number.
    before: int | float | None = Field(description="Före: null where hidden or not given.")
    after: int | float | None = Field(description="Efter: null where hidden or not given.")


class ReleaseInfo(BaseModel):
    """A version of a year's release: when, why, and what changed from the one before."""

    year: int = Field(description="År.")
    version: int = Field(description="Version: 1, 2, ...; each correction is a new one.")
    published_at: datetime = Field(description="Publicerad.")
    reason: str | None = Field(description="Varför den publicerades.")
    changes: list[ReleaseChange] = Field(
        description="Ändringar: every published number that differs from the previous version "
        "(none for version 1)."
    )


class ReleaseList(BaseModel):
    """Every published version of every year."""

    releases: list[ReleaseInfo] = Field(description="Newest year first, versions in order.")


class NationalRelease(NationalSummary):
    """A release's national table, protected at publication (docs/disclosure.md)."""

    release: ReleaseInfo = Field(description="The version served.")


class ForbundRelease(ForbundSummary):
    """A förbund's own open summary in a release: exactly its row of the national table."""

    release: ReleaseInfo = Field(description="The version served.")
