"""Detection of Swedish personal identity numbers in free text and parsed JSON.

The service stores anonymous group-level figures only, so any input that looks like a
personnummer or samordningsnummer is rejected before it gets anywhere near the database.
Detection is deliberately conservative: a digit sequence with the right shape, a real
calendar date and a correct Luhn check digit is flagged even if it is in fact something
else, because a false rejection costs a retyped field while a false acceptance stores
personal data.

Text is *folded* before it is searched, because people (and attackers) write numbers in
many disguises: Unicode NFKC (full-width digits, compatibility forms), digits of any script
as ASCII digits, every dash as ``-`` and every space as `` ``, and format and control
characters (zero-width space, soft hyphen, word joiner, bidi controls) and combining marks
removed. Text holding bidi controls is searched reversed as well, since a right-to-left
override makes ``4789-822118`` display as ``811228-9874``.

Accepted shapes, after folding (``S`` is an optional separator run of up to two spaces
around up to two of ``- + . _ /``; the date may be split by one of ``- . /`` or a space,
used consistently)::

    YYMMDD S NNNC      YY-MM-DD S NNNC
    YYYYMMDD S NNNC    YYYY-MM-DD S NNNC

A samordningsnummer has 60 added to the day of birth (day 61-91). ``C`` is the Luhn check
digit over ``YYMMDDNNN``.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from calendar import monthrange
from collections.abc import Iterator
from functools import cache
from typing import Any
from urllib.parse import unquote_plus

__all__ = [
    "CandidateBudget",
    "TooManyCandidates",
    "contains_personal_number",
    "find_in_value",
    "find_personal_numbers",
    "first_in_value",
    "fold",
    "is_valid_personal_number",
    "redact",
]

REDACTED = "[personnummer]"

# --- folding ------------------------------------------------------------------------------

# Removed before searching: they are invisible, or attach to the character before them.
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Mn", "Me", "Cs"})
# Bidi embeddings, overrides and isolates, and the marks: text with any of these may be
# displayed in another order than it is stored.
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_DASHES = frozenset("\u2212\u02d7\u2796\ufe63")  # minus signs that are not category Pd


def _fold_char(char: str) -> str:
    category = unicodedata.category(char)
    if category in _REMOVED_CATEGORIES:
        return " " if char.isspace() else ""
    out = []
    for part in unicodedata.normalize("NFKC", char):
        digit = unicodedata.decimal(part, None)
        if digit is not None:
            out.append(str(digit))
        elif unicodedata.category(part) == "Pd" or part in _DASHES:
            out.append("-")
        elif part.isspace():
            out.append(" ")
        else:
            out.append(part)
    return "".join(out)


@cache
def _fold_table() -> dict[int, str]:
    """What each character folds to, for the characters that change (about 10,000).

    Built on first use (about half a second) rather than at import. Unassigned and
    private-use code points are left alone: they display as visible boxes.
    """
    table: dict[int, str] = {}
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if unicodedata.category(char) in ("Cn", "Co"):
            continue
        folded = _fold_char(char)
        if folded != char:
            table[code] = folded
    return table


# ASCII text needs only its control characters folded; that is the common case, and
# ``str.translate`` with this small table is fast.
_ASCII_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fold(text: str) -> str:
    """``text`` as the detector reads it (see the module docstring)."""
    if text.isascii():
        if _ASCII_CONTROL.search(text) is None:
            return text
        return _ASCII_CONTROL.sub(lambda m: " " if m.group().isspace() else "", text)
    return text.translate(_fold_table())


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
    """The folded text and, for each of its characters, the index in ``text`` it came from."""
    table = _fold_table()
    chars: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        folded = table.get(ord(char), char)
        chars.append(folded)
        origin.extend([index] * len(folded))
    return "".join(chars), origin


# --- matching -----------------------------------------------------------------------------

_DATE = r"(?P<yy>[0-9]{2})(?P<ds>[-./ ]?)(?P<mm>[0-9]{2})(?P=ds)(?P<dd>[0-9]{2})"
# Up to two spaces around up to two of - + . _ / : "811228 - 9874", "811228_9874",
# "811228/9874", "19811228.9874", two spaces, and every dash a word processor makes.
_SEPARATOR = r"[ ]{0,2}[-+._/]{0,2}[ ]{0,2}"
_TAIL = (
    r"(?P<serial>[0-9]{3})(?P<check>[0-9])"
    r"(?![0-9])"
    # Not the year that starts another date: "2023-01-15 - 2023-06-30" is a date range.
    r"(?![-./](?:0[1-9]|1[0-2])[-./][0-3][0-9])"
)
# Both readings are tried at every start, so a 12-digit reading that fails its checks
# cannot hide a valid 10-digit one (and the lookahead lets candidates overlap).
_READINGS = (
    re.compile(rf"(?<![0-9])(?=(?P<all>(?P<century>[0-9]{{2}}){_DATE}{_SEPARATOR}{_TAIL}))"),
    re.compile(rf"(?<![0-9])(?=(?P<all>(?P<century>){_DATE}{_SEPARATOR}{_TAIL}))"),
)
# Where numbers can be: runs of digits and separators, starting with a digit. Searching
# for runs first is what keeps ordinary text cheap, since a pattern that starts with a
# character class is found by a fast scan, where the readings' lookarounds try every place.
_RUN = re.compile(r"[0-9][0-9 +._/-]*")
# No number can hide in a run shorter than this.
_MIN_RUN = 10
# Every digit apart, by one and the same separator: "8 1 1 2 2 8 9 8 7 4". No number people
# write looks like this, so it is read as ten or twelve digits whatever the grouping.
_SPACED = re.compile(
    r"(?<![0-9])(?<![0-9][-+ ._/])"
    r"(?P<all>[0-9](?P<sep>[-+ ._/])[0-9](?:(?P=sep)[0-9]){8}(?:(?:(?P=sep)[0-9]){2})?)"
    r"(?![0-9])(?![-+ ._/][0-9])"
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
    return _is_valid_parts(*match.group("century", "yy", "mm", "dd", "serial", "check"))


def _is_valid_digits(digits: str) -> bool:
    """Ten or twelve digits, without separators."""
    century, rest = (digits[:2], digits[2:]) if len(digits) == 12 else ("", digits)
    return _is_valid_parts(century, rest[0:2], rest[2:4], rest[4:6], rest[6:9], rest[9])


def _is_valid_parts(century: str, yy: str, mm: str, dd: str, serial: str, check: str) -> bool:
    year, month, day = int(yy), int(mm), int(dd)
    if not century:
        centuries: tuple[int, ...] = _CENTURIES
    elif int(century) in _CENTURIES:
        centuries = (int(century),)
    else:
        return False
    if not any(_is_valid_date(c * 100 + year, month, day) for c in centuries):
        return False
    return _luhn_check_digit(yy + mm + dd + serial) == int(check)


class TooManyCandidates(Exception):
    """More number-shaped candidates than the budget allows were examined."""


class CandidateBudget:
    """How many number-shaped candidates one input may make the detector examine.

    The regular expressions run in C; each candidate's date and check digit are examined in
    Python, a few microseconds each. A body made of near-misses (valid dates, wrong check
    digits) would otherwise cost seconds of CPU per request. No anonymous figure needs
    thousands of ten-digit, date-shaped numbers, so past the budget the input is refused.
    """

    def __init__(self, candidates: int) -> None:
        self.left = candidates

    def spend(self) -> None:
        self.left -= 1
        if self.left < 0:
            raise TooManyCandidates


def _spans(folded: str, budget: CandidateBudget | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) in ``folded`` of every valid number, possibly overlapping."""
    if len(folded) < _MIN_RUN:
        return
    for run in _RUN.finditer(folded):
        if run.end() - run.start() < _MIN_RUN:
            continue
        text, base = run.group(), run.start()
        for reading in _READINGS:
            for match in reading.finditer(text):
                if budget is not None:
                    budget.spend()
                if _is_valid_match(match):
                    yield base + match.start("all"), base + match.end("all")
        for match in _SPACED.finditer(text):
            if budget is not None:
                budget.spend()
            if _is_valid_digits(match.group("all")[::2]):
                yield base + match.start("all"), base + match.end("all")


def contains_personal_number(text: str, budget: CandidateBudget | None = None) -> bool:
    """Tell whether ``text`` contains at least one personnummer or samordningsnummer, in
    any disguise (see the module docstring).

    With a ``budget``, raises :class:`TooManyCandidates` once it is spent.
    """
    folded = fold(text)
    if any(_spans(folded, budget)):
        return True
    return _BIDI.search(text) is not None and any(_spans(folded[::-1], budget))


def _original_spans(text: str) -> list[tuple[int, int]]:
    folded, origin = _fold_with_origin(text)
    found = [(origin[start], origin[end - 1] + 1) for start, end in _spans(folded)]
    if _BIDI.search(text):
        reversed_origin = origin[::-1]
        found += [
            (reversed_origin[end - 1], reversed_origin[start] + 1)
            for start, end in _spans(folded[::-1])
        ]
    merged: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def find_personal_numbers(text: str) -> list[str]:
    """Return every personnummer or samordningsnummer in ``text``, exactly as written there.

    Matches are returned in order of appearance, separators (and any invisible characters
    inside them) included; overlapping matches are returned as one.
    """
    return [text[start:end] for start, end in _original_spans(text)]


def is_valid_personal_number(candidate: str) -> bool:
    """Tell whether the whole of ``candidate`` is one valid personnummer or samordningsnummer.

    Surrounding whitespace or other characters make the answer ``False``; use
    :func:`find_personal_numbers` to search inside text.
    """
    folded = fold(candidate)
    return any(span == (0, len(folded)) for span in _spans(folded))


def _redact_plain(text: str) -> str:
    spans = _original_spans(text)
    for start, end in reversed(spans):
        text = text[:start] + REDACTED + text[end:]
    return text


def redact(text: str) -> str:
    """``text`` with every number replaced by ``[personnummer]``, also where it is
    percent-encoded (``811228%2D9874`` in a logged URL): such text is decoded, up to three
    times, and the decoded form is what remains, redacted."""
    text = _redact_plain(text)
    decoded = text
    for _ in range(3):
        step = unquote_plus(decoded)
        if step == decoded:
            break
        decoded = step
        if contains_personal_number(decoded):
            return _redact_plain(decoded)
    return text


# --- parsed JSON --------------------------------------------------------------------------


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


def _hits(value: object, path: tuple[str | int, ...]) -> Iterator[tuple[str | int, ...]]:
    # An explicit stack rather than recursion: request bodies are untrusted, and a deeply
    # nested one must give an answer rather than a RecursionError. The flag carries a hit in
    # a dict key along with its value, so that paths come out in document order.
    stack: list[tuple[tuple[str | int, ...], object, bool]] = [(path, value, False)]
    while stack:
        current_path, current, key_hit = stack.pop()
        if key_hit:
            yield current_path
            continue
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
                yield current_path
        stack.extend(reversed(children))


def find_in_value(value: object, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    """Return the paths inside a parsed JSON value where a personal number occurs.

    Every string, every integer (read as its decimal digits, so ``198001011234`` is caught),
    every integral float and every dict key is checked; booleans and ``None`` are not. A path
    is ``path`` extended with the dict keys and list indices leading to the hit; for a hit in
    a dict key it is the path of that key. Each path is reported once, in document order.
    """
    return list(dict.fromkeys(_hits(value, path)))


def first_in_value(value: object, path: tuple[str | int, ...] = ()) -> tuple[str | int, ...] | None:
    """The first path :func:`find_in_value` would return, without searching the rest."""
    return next(_hits(value, path), None)
