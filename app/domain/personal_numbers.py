"""Detection of Swedish personal identity numbers in free text and parsed JSON.

The service stores anonymous group-level figures only, so any input that looks like a
personnummer or samordningsnummer is rejected before it gets anywhere near the database.
Detection is deliberately conservative: a digit sequence with the right shape, a real
calendar date and a correct Luhn check digit is flagged even if it is in fact something
else, because a false rejection costs a retyped field while a false acceptance stores
personal data.

Accepted shapes (the separator is optional and may be ``-``, ``+`` or a single space)::

    YYMMDD-NNNC     YYMMDDNNNC     YYMMDD+NNNC
    YYYYMMDD-NNNC   YYYYMMDDNNNC

A samordningsnummer has 60 added to the day of birth (day 61-91). ``C`` is the Luhn check
digit over ``YYMMDDNNN``.
"""

from __future__ import annotations

import re
from calendar import monthrange
from typing import Any

__all__ = [
    "contains_personal_number",
    "find_in_value",
    "find_personal_numbers",
    "is_valid_personal_number",
]

# `\d` is Unicode-aware on purpose: full-width or other decimal digits must not be a way
# round the check. The lookarounds keep us from reading a number out of a longer digit run
# (an account or order number), while letters next to the number do not protect it, since
# "pnr:8001011234" is exactly the input we want to catch.
_PATTERN = re.compile(
    r"(?<!\d)"
    r"(?P<century>\d{2})?"
    r"(?P<date>\d{6})"
    # Any dash or space a word processor may put there: en/em dash, minus sign, no-break
    # space, non-breaking hyphen ("811218–9876" is what autocorrect makes of 811218-9876).
    r"[-+\s\u00a0\u2010-\u2015\u2212\ufe63\uff0b\uff0d]?"
    r"(?P<serial>\d{3})"
    r"(?P<check>\d)"
    r"(?!\d)"
)

# A 10-digit number does not say its century and the `+` sign is often dropped, so any
# century someone alive or recently deceased could be born in counts. Twelve-digit numbers
# must name one of these centuries too; otherwise every 12-digit run with a date-like tail
# would be flagged.
_CENTURIES = (18, 19, 20)

# Skatteverket hands out samordningsnummer with the day of birth shifted by this amount.
_COORDINATION_DAY_OFFSET = 60


def _luhn_check_digit(digits: str) -> int:
    total = 0
    for position, char in enumerate(digits):
        product = int(char) * (2 if position % 2 == 0 else 1)
        total += product - 9 if product > 9 else product
    return (10 - total % 10) % 10


def _is_valid_date(year: int, month: int, day: int) -> bool:
    if not 1 <= month <= 12:
        return False
    if day > _COORDINATION_DAY_OFFSET:
        day -= _COORDINATION_DAY_OFFSET
    return 1 <= day <= monthrange(year, month)[1]


def _is_valid_match(match: re.Match[str]) -> bool:
    century, date, serial, check = match.group("century", "date", "serial", "check")
    yy, month, day = int(date[0:2]), int(date[2:4]), int(date[4:6])
    if century is None:
        centuries: tuple[int, ...] = _CENTURIES
    elif int(century) in _CENTURIES:
        centuries = (int(century),)
    else:
        return False
    if not any(_is_valid_date(c * 100 + yy, month, day) for c in centuries):
        return False
    return _luhn_check_digit(date + serial) == int(check)


def find_personal_numbers(text: str) -> list[str]:
    """Return every personnummer or samordningsnummer in ``text``, exactly as written there.

    Matches are returned in order of appearance, separators included.
    """
    # Candidates cannot overlap in a way that hides a valid one behind an invalid one: a
    # candidate needs six adjacent digits, and the only digits inside an earlier candidate
    # that are preceded by a non-digit are its last four, which are followed by a non-digit.
    return [m.group(0) for m in _PATTERN.finditer(text) if _is_valid_match(m)]


def contains_personal_number(text: str) -> bool:
    """Tell whether ``text`` contains at least one personnummer or samordningsnummer."""
    return any(_is_valid_match(m) for m in _PATTERN.finditer(text))


def is_valid_personal_number(candidate: str) -> bool:
    """Tell whether the whole of ``candidate`` is one valid personnummer or samordningsnummer.

    Surrounding whitespace or other characters make the answer ``False``; use
    :func:`find_personal_numbers` to search inside text.
    """
    match = _PATTERN.fullmatch(candidate)
    return match is not None and _is_valid_match(match)


def _scalar_text(value: object) -> str | None:
    # bool is a subclass of int, and True must not be read as the digit string "1".
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    # Some JSON producers emit every number as a float; 8001011234.0 is still a personnummer.
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return None


def _path_element(key: object) -> str | int:
    if isinstance(key, str) or (isinstance(key, int) and not isinstance(key, bool)):
        return key
    return str(key)


def find_in_value(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Return the paths inside a parsed JSON value where a personal number occurs.

    Every string, every integer (read as its decimal digits, so ``198001011234`` is caught),
    every integral float and every dict key is checked; booleans and ``None`` are not. A path
    is ``path`` extended with the dict keys and list indices leading to the hit; for a hit in
    a dict key it is the path of that key. Each path is reported once, in document order.
    """
    found: dict[tuple[str | int, ...], None] = {}
    # An explicit stack rather than recursion: request bodies are untrusted, and a deeply
    # nested one must give an answer rather than a RecursionError. The flag carries a hit in
    # a dict key along with its value, so that paths come out in document order.
    stack: list[tuple[tuple[str | int, ...], object, bool]] = [(path, value, False)]
    while stack:
        current_path, current, key_hit = stack.pop()
        if key_hit:
            found[current_path] = None
        children: list[tuple[tuple[str | int, ...], object, bool]] = []
        if isinstance(current, dict):
            mapping: dict[Any, Any] = current
            for key, child in mapping.items():
                key_text = _scalar_text(key)
                hit = key_text is not None and contains_personal_number(key_text)
                children.append(((*current_path, _path_element(key)), child, hit))
        elif isinstance(current, list | tuple):
            children = [((*current_path, i), child, False) for i, child in enumerate(current)]
        else:
            text = _scalar_text(current)
            if text is not None and contains_personal_number(text):
                found[current_path] = None
        stack.extend(reversed(children))
    return list(found)
