"""Response bodies of the audit trail."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from pydantic import Field

from app.api.schemas import OutputModel


class AuditEventOut(OutputModel):
    """An audited action."""

    at: datetime = Field(description="När.")
    action: str = Field(description="Händelse, e.g. key.created, report.approved, period.closed.")
    key_id: UUID | None = Field(description="Vem: the key's id (null for the bootstrap token).")
    key_label: str | None = Field(description="Vem: the key's label.")
    target: str | None = Field(description="Vad: what the action was on.")
    detail: dict[str, Any] | None = Field(description="Detaljer.")
