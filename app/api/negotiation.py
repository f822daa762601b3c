"""Choosing a response type from the Accept header (RFC 9110 12.5.1), q-values included."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from app.errors import Code, FinsamError

_QVALUE = re.compile(r"0(?:\.[0-9]{0,3})?|1(?:\.0{0,3})?")


class NotAcceptable(FinsamError):
    """The client accepts none of the offered types."""

    def __init__(self, detail: str) -> None:
        super().__init__(Code.NOT_ACCEPTABLE, detail)


def _ranges(header: str) -> list[tuple[str, float]]:
    ranges = []
    for item in header.split(","):
        media, *params = (part.strip() for part in item.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                # RFC 9110 12.4.2: 0 to 1 with at most three decimals; nan, inf and the
                # like are no weight at all.
                q = float(value) if _QVALUE.fullmatch(value.strip()) else 0.0
        ranges.append((media.lower(), q))
    return ranges


def choose(header: str | None, offered: Sequence[str]) -> str:
    """The offered type the client prefers; the first offered when it says nothing; 406 when
    it accepts none of them."""
    if not header or not header.strip():
        return offered[0]
    ranges = _ranges(header)

    def quality(media: str) -> float:
        kind = media.split("/")[0] + "/*"
        # The most specific range that matches decides (text/csv;q=0 beats */*).
        for candidate in (media, kind, "*/*"):
            found = [q for m, q in ranges if m == candidate]
            if found:
                return max(found)
        return 0.0

    best = max(offered, key=lambda media: (quality(media), -offered.index(media)))
    if quality(best) <= 0:
        raise NotAcceptable(f"This resource is available as {', '.join(offered)}.")
    return best


def negotiate(format: str | None, accept: str | None, offered: Mapping[str, str]) -> str:
    """The media type to answer with: the one `format=` names (a key of `offered`), else the
    one `Accept` prefers among `offered`'s values, in their order."""
    return offered[format] if format else choose(accept, tuple(offered.values()))
