"""Request and response bodies for förbund."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import Field, StringConstraints

from app.api.schemas import InputModel, OutputModel

Code = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64),
    Field(
        description="Förbundets kod: a lower-case slug such as `sundsvall`, used in paths.",
        examples=["sundsvall"],
    ),
]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


# Sweden has 290 kommuner; a förbund cannot have more members than that.
MAX_KOMMUNER = 290


class ForbundIn(InputModel):
    """A samordningsförbund to create."""

    code: Code
    name: Name = Field(
        description="Namn: the förbund's name.", examples=["Samordningsförbundet Sundsvall"]
    )
    lan: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)] = (
        Field(description="Län: the county.", examples=["Västernorrlands län"])
    )
    kommuner: list[
        Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]
    ] = Field(
        min_length=1,
        max_length=MAX_KOMMUNER,
        description="Kommuner: the member municipalities.",
        examples=[["Sundsvall"]],
    )


class ForbundOut(OutputModel):
    """A samordningsförbund."""

    code: str = Field(description="Förbundets kod (slug).")
    name: str = Field(description="Namn.")
    lan: str = Field(description="Län.")
    kommuner: list[str] = Field(description="Kommuner: the member municipalities.")
    require_if_match: bool = Field(
        description="Kräver If-Match: replacing a report needs the ETag of the revision replaced."
    )
    created_at: datetime = Field(description="Skapad: when it was registered.")


class ForbundSettingsIn(InputModel):
    """Changeable settings of a förbund."""

    require_if_match: bool = Field(
        description="Kräver If-Match: replacing a report needs its ETag (428 without it)."
    )


class ClosePeriodIn(InputModel):
    """A period to close after its deadline."""

    period: str = Field(description="Period: e.g. 2023 or 2023H1; reports within it lock.")


class ClosedPeriodOut(OutputModel):
    """A closed period: changes to its reports need the förbund to reopen them."""

    period: str = Field(description="Period.")
    closed_at: datetime = Field(description="Stängd: when it was closed.")
