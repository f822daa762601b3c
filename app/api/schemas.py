"""Base models shared by every request and response schema."""

from __future__ import annotations

import re
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
        if (nul_at := _control_character(data)) is not None:
            # PostgreSQL text cannot hold NUL; refuse it as the client's error, not a 500.
            raise PydanticCustomError(
                "control_character",
                "text must not contain control characters (such as \\u0000)",
                {"path": nul_at},
            )
        return data


_REDACTED = "[personal identity number]"


# Control characters other than tab and line breaks: PostgreSQL refuses NUL, spreadsheets
# refuse the rest (an insats name with one would break every XLSX table it appears in), and
# no name or note needs them.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def _control_character(value: Any, path: tuple[str | int, ...] = ()) -> list[str | int] | None:
    if isinstance(value, str):
        return list(path) if _CONTROL.search(value) else None
    items = (
        value.items()
        if isinstance(value, dict)
        else enumerate(value)
        if isinstance(value, list)
        else ()
    )
    for key, item in items:
        if isinstance(key, str) and _CONTROL.search(key):
            return [*path, "[key]"]
        found = _control_character(item, (*path, key))
        if found is not None:
            return found
    return None


class OutputModel(BaseModel):
    """A response body, read from ORM objects or plain data."""

    model_config = ConfigDict(from_attributes=True)
