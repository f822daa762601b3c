"""Choosing the annual-report table's format from Accept."""

from __future__ import annotations

import pytest

from app.api.negotiation import NotAcceptable, choose

OFFERED = ("application/json", "text/csv", "application/vnd.ms-excel")


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/json"),
        ("", "application/json"),
        ("*/*", "application/json"),
        ("text/csv", "text/csv"),
        ("text/csv;q=0, application/json", "application/json"),
        ("text/*;q=0.5, application/json;q=0.4", "text/csv"),
        ("application/vnd.ms-excel, text/csv;q=0.9", "application/vnd.ms-excel"),
        ("TEXT/CSV", "text/csv"),
        ("text/html, */*;q=0.1", "application/json"),
    ],
)
def test_the_preferred_offered_type_is_chosen(accept: str | None, expected: str) -> None:
    assert choose(accept, OFFERED) == expected


@pytest.mark.parametrize("accept", ["application/xml", "text/csv;q=0", "image/*"])
def test_nothing_acceptable_is_a_406(accept: str) -> None:
    with pytest.raises(NotAcceptable):
        choose(accept, OFFERED)
