"""Request and response bodies for API keys."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

from pydantic import Field, StringConstraints

from app.api.schemas import InputModel, OutputModel
from app.domain.access import Role

# More than any insats system reports for; a longer list is a mistake or an attack.
MAX_KEY_INSATSER = 1_000


class KeyIn(InputModel):
    """An API key to create."""

    role: Role = Field(
        description="Roll: `admin`, `national` (read all), `forbund` (its own förbund) or "
        "`reporter` (reports of the insatser named)."
    )
    forbund: str | None = Field(
        default=None, description="Förbund: the code the key is scoped to; required for `forbund`."
    )
    insatser: list[Annotated[int, Field(ge=1, le=2**31 - 1)]] | None = Field(
        default=None,
        max_length=MAX_KEY_INSATSER,
        description="Insatser: the ids a `reporter` key may report for; required for it.",
    )
    label: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = Field(
        default=None, description="Etikett: who or what uses the key, shown in audit trails."
    )


class KeyOut(OutputModel):
    """An API key's record; the token itself is never shown again after creation."""

    id: UUID = Field(description="Nyckelns id: used to revoke it and named in audit trails.")
    role: Role = Field(description="Roll.")
    forbund: str | None = Field(description="Förbund the key is scoped to, if any.")
    insatser: list[int] = Field(description="Insatser a reporter key may report for.")
    label: str | None = Field(description="Etikett.")
    created_at: datetime = Field(description="Skapad.")


class CreatedKey(KeyOut):
    """A new API key, with its token: shown this once, stored only as a hash."""

    token: str | None = Field(
        description="Token: send as `Authorization: Bearer <token>`. Shown once: null when "
        "the response is replayed for a retried request (Idempotency-Key)."
    )
