"""Base models shared by every request and response schema."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class InputModel(BaseModel):
    """A request body: unknown fields are rejected.

    Personal identity numbers, control characters, nesting and sizes are checked before a
    body gets here, for every body at once and off the event loop
    (`app.api.input_guard`); code that builds an input outside HTTP checks it with
    `app.domain.input_rules` itself (the `finsam create-key` command does).
    """

    model_config = ConfigDict(extra="forbid")


class OutputModel(BaseModel):
    """A response body, read from ORM objects or plain data."""

    model_config = ConfigDict(from_attributes=True)
