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
            # The path may end in the offending key itself: never echo it back.
            path = [_REDACTED if find_in_value(part) else part for part in paths[0]]
            raise PydanticCustomError(
                "personal_identity_number",
                "looks like a Swedish personal identity number (personnummer or "
                "samordningsnummer); send anonymous counts only",
                {"path": path},
            )
        if (nul_at := _nul_character(data)) is not None:
            # PostgreSQL text cannot hold NUL; refuse it as the client's error, not a 500.
            raise PydanticCustomError(
                "nul_character", "text must not contain NUL (\\u0000) characters", {"path": nul_at}
            )
        return data


_REDACTED = "[personal identity number]"


def _nul_character(value: Any, path: tuple[str | int, ...] = ()) -> list[str | int] | None:
    if isinstance(value, str):
        return list(path) if "\x00" in value else None
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        if isinstance(key, str) and "\x00" in key:
            return [*path, "[key]"]
        found = _nul_character(item, (*path, key))
        if found is not None:
            return found
    return None


class OutputModel(BaseModel):
    """A response body, read from ORM objects or plain data."""

    model_config = ConfigDict(from_attributes=True)
