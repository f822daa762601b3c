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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.personal_numbers import (
    CandidateBudget,
    TooManyCandidates,
    contains_personal_number,
)
from app.errors import Code, FieldError, FinsamError, Loc

MAX_DEPTH = 32
MAX_ITEMS = 10_000
MAX_TEXT = 10_000
# Number-shaped candidates one input may make the detector examine (see CandidateBudget).
MAX_CANDIDATES = 2_000
# How a location names a dict key it must not repeat (personal data, or just too long).
HIDDEN_KEY = "[key]"
MAX_KEY_SHOWN = 64


@dataclass(frozen=True)
class Refusal:
    """Why an input is refused: where (never echoing what was there), a stable code, and a
    message for people."""

    loc: Loc
    code: str
    msg: str

    def error(self) -> FinsamError:
        """The refusal as the error a request gets, naming the place."""
        return FinsamError.at(REFUSAL_CODES[self.code], self.loc, self.msg)


# The error code of each refusal: personal data and control characters are named as such;
# every bound of size, depth or effort is a limit.
REFUSAL_CODES = {
    "personal_identity_number": Code.PERSONAL_IDENTITY_NUMBER,
    "control_character": Code.CONTROL_CHARACTER,
    "too_deep": Code.LIMIT_EXCEEDED,
    "too_many_items": Code.LIMIT_EXCEEDED,
    "text_too_long": Code.LIMIT_EXCEEDED,
    "number_too_long": Code.LIMIT_EXCEEDED,
    "too_many_candidates": Code.LIMIT_EXCEEDED,
}


PERSONAL_NUMBER_MSG = (
    "looks like a Swedish personal identity number (personnummer or samordningsnummer); "
    "send anonymous counts only"
)
CONTROL_MSG = "text must not contain control characters (such as \\u0000)"

# Control characters other than tab and line breaks: PostgreSQL refuses NUL, spreadsheets
# refuse the rest (an insats name with one would break every XLSX table it appears in), and
# no name or note needs them. Lone surrogates (JSON's "\ud800") cannot be stored as UTF-8,
# and noncharacters (U+FFFE, U+FFFF, U+FDD0..U+FDEF) make the XLSX tables malformed XML.
_CONTROL = re.compile(
    r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 and C1 controls but tab and line breaks
    r"\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"  # lone surrogates, noncharacters
)
# An unknown field or column is named back only when it is shaped like a field name: a key
# such as "Anna Andersson, Storgatan 1" is data, and is not repeated.
_FIELD_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]*")


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
    """A dict key as a location may name it: only when it is shaped like a field name, not
    long, and no personal identity number; otherwise ``[key]``."""
    if len(key) > MAX_KEY_SHOWN or not _FIELD_NAME.fullmatch(key) or contains_personal_number(key):
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


# A location as a linked list (parent, part), made into a tuple only when it is reported:
# a body of millions of values must not cost a tuple per value.
_Node = tuple[Any, str | int] | None


def _loc(node: _Node, base: Loc) -> Loc:
    parts: list[str | int] = []
    while node is not None:
        node, part = node
        parts.append(shown_key(part) if isinstance(part, str) else part)
    return (*base, *reversed(parts))


def check_json(value: Any, loc: Loc = ("body",)) -> Refusal | None:
    """The first refusal in a parsed JSON document, in document order, or None.

    Iterative, so depth itself cannot exhaust the stack; keys are checked like text.
    """
    budget = new_budget()
    stack: list[tuple[_Node, Any, int]] = [(None, value, 0)]
    while stack:
        node, current, depth = stack.pop()
        if isinstance(current, dict | list):
            if depth >= MAX_DEPTH:
                return Refusal(
                    _loc(node, loc), "too_deep", f"nested deeper than {MAX_DEPTH} levels"
                )
            if len(current) > MAX_ITEMS:
                return Refusal(_loc(node, loc), "too_many_items", f"at most {MAX_ITEMS:,} items")
            if isinstance(current, dict):
                children = []
                for key, child in current.items():
                    key_node = (node, key)
                    if (refusal := check_text(key, (), budget)) is not None:
                        return Refusal(_loc(key_node, loc), refusal.code, refusal.msg)
                    children.append((key_node, child, depth + 1))
                stack.extend(reversed(children))
            else:
                stack.extend(
                    ((node, i), current[i], depth + 1) for i in range(len(current) - 1, -1, -1)
                )
        elif isinstance(current, str):
            if (refusal := check_text(current, (), budget)) is not None:
                return Refusal(_loc(node, loc), refusal.code, refusal.msg)
        elif (digits := _scalar_text(current)) is not None and (
            refusal := _personal_number(digits, (), budget)
        ):
            return Refusal(_loc(node, loc), refusal.code, refusal.msg)
    return None


# Pydantic messages that quote part of the input back.
_QUOTING = {"uuid_parsing": "Input should be a valid UUID", "uuid_type": "Input should be a UUID"}


def validation_errors(errors: Sequence[Any]) -> list[FieldError]:
    """A schema's validation errors (pydantic's `errors()`) as field errors: locations name
    unknown fields only when they are short and harmless, and no message quotes the input."""
    found = []
    for error in errors:
        loc = [
            shown_key(part) if isinstance(part, str) else part
            for part in error.get("loc", ())
            if isinstance(part, str | int)
        ]
        ctx = error.get("ctx") or {}
        if "path" in ctx:  # a model's own cross-field checks name the field they concern
            loc = ["body", *ctx["path"]]
        msg = _QUOTING.get(error.get("type", ""), str(error.get("msg", "invalid")))
        found.append(FieldError(tuple(loc), msg))
    return found
