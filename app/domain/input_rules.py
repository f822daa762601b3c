"""What any input must satisfy before anything reads it further.

Every body, path, query, stored header and CSV cell is untrusted. Before a value reaches
validation proper it must hold no personal identity number in any disguise, no control
character, and stay within bounds of nesting and size, so that no input can make a later
step recurse too deep, build an error list of millions of entries, or scan for seconds.

The limits sit well above anything a real report, insats or import needs, and below what
would cost the service: the largest text field (a report's note) is 4,000 characters, an
import has at most a few thousand rows, and no report nests deeper than four levels.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from app.domain.personal_numbers import (
    CandidateBudget,
    TooManyCandidates,
    contains_personal_number,
)

MAX_DEPTH = 32
MAX_ITEMS = 10_000
MAX_TEXT = 10_000
# Number-shaped candidates one input may make the detector examine (see CandidateBudget).
MAX_CANDIDATES = 2_000
# How a location names a dict key it must not repeat (personal data, or just too long).
HIDDEN_KEY = "[key]"
MAX_KEY_SHOWN = 64

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Refusal:
    """Why an input is refused: where (never echoing what was there), a stable code, and a
    message for people."""

    loc: Loc
    code: str
    msg: str


PERSONAL_NUMBER_MSG = (
    "looks like a Swedish personal identity number (personnummer or samordningsnummer); "
    "send anonymous counts only"
)
CONTROL_MSG = "text must not contain control characters (such as \\u0000)"

# Control characters other than tab and line breaks: PostgreSQL refuses NUL, spreadsheets
# refuse the rest (an insats name with one would break every XLSX table it appears in), and
# no name or note needs them. Lone surrogates (JSON's "\ud800") cannot be stored as UTF-8.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


TOO_MANY_CANDIDATES_MSG = (
    f"more than {MAX_CANDIDATES:,} numbers shaped like personal identity numbers; "
    "send anonymous counts only"
)


def new_budget() -> CandidateBudget:
    """The detector's budget for one input (a body, a file)."""
    return CandidateBudget(MAX_CANDIDATES)


def _personal_number(text: str, loc: Loc, budget: CandidateBudget) -> Refusal | None:
    try:
        found = contains_personal_number(text, budget)
    except TooManyCandidates:
        return Refusal(loc, "too_many_candidates", TOO_MANY_CANDIDATES_MSG)
    if found:
        return Refusal(loc, "personal_identity_number", PERSONAL_NUMBER_MSG)
    return None


def check_text(text: str, loc: Loc, budget: CandidateBudget | None = None) -> Refusal | None:
    """A refusal if ``text`` is too long, holds a control character or a personnummer.

    Pass one ``budget`` (:func:`new_budget`) for all the texts of one input.
    """
    if len(text) > MAX_TEXT:
        return Refusal(loc, "text_too_long", f"at most {MAX_TEXT:,} characters")
    if _CONTROL.search(text):
        return Refusal(loc, "control_character", CONTROL_MSG)
    return _personal_number(text, loc, budget or new_budget())


def shown_key(key: str) -> str | int:
    """A dict key as a location may name it: hidden when it is long or personal data."""
    if len(key) > MAX_KEY_SHOWN or _CONTROL.search(key) or contains_personal_number(key):
        return HIDDEN_KEY
    return key


def _scalar_text(value: object) -> str | None:
    # bool is a subclass of int, and True must not be read as the digit string "1".
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    # Some JSON producers emit every number as a float; 8001011234.0 is still a personnummer.
    if isinstance(value, float) and value.is_integer():
        return f"{value:.0f}"
    return None


def check_json(value: Any, loc: Loc = ("body",)) -> Refusal | None:
    """The first refusal in a parsed JSON document, in document order, or None.

    Iterative, so depth itself cannot exhaust the stack; keys are checked like text.
    """
    budget = new_budget()
    stack: list[tuple[Loc, Any, int]] = [(loc, value, 0)]
    while stack:
        at, current, depth = stack.pop()
        if isinstance(current, dict | list):
            if depth >= MAX_DEPTH:
                return Refusal(at, "too_deep", f"nested deeper than {MAX_DEPTH} levels")
            if len(current) > MAX_ITEMS:
                return Refusal(at, "too_many_items", f"at most {MAX_ITEMS:,} items")
            children: Iterable[tuple[Loc, Any, int]]
            if isinstance(current, dict):
                children = []
                for key, child in current.items():
                    key_at = (*at, shown_key(key))
                    if refusal := check_text(key, key_at, budget):
                        return refusal
                    children.append((key_at, child, depth + 1))
            else:
                children = [((*at, i), child, depth + 1) for i, child in enumerate(current)]
            stack.extend(reversed(list(children)))
        elif isinstance(current, str):
            if refusal := check_text(current, at, budget):
                return refusal
        elif (digits := _scalar_text(current)) is not None and (
            refusal := _personal_number(digits, at, budget)
        ):
            return refusal
    return None
