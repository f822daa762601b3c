"""Base models shared by every request and response schema."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, model_validator
from pydantic_core import PydanticCustomError

from app.domain.personal_numbers import find_in_value


class InputModel(BaseModel):
    """A request body: unknown fields are rejected, and so is anything shaped like a
    personnummer or samordningsnummer, anywhere, so that no personal data is ever stored."""

    model_config = ConfigDict(extra="forbid")

    @model_validator(mode="before")
    @classmethod
    def _refuse_personal_numbers(cls, data: Any) -> Any:
        paths = find_in_value(data)
        if paths:
            raise PydanticCustomError(
                "personal_identity_number",
                "looks like a Swedish personal identity number (personnummer or "
                "samordningsnummer); send anonymous counts only",
                {"path": list(paths[0])},
            )
        return data


class OutputModel(BaseModel):
    """A response body, read from ORM objects or plain data."""

    model_config = ConfigDict(from_attributes=True)
