"""What any input must satisfy: depth, sizes, control characters, personal identity numbers,
and locations that never repeat what was refused."""

from __future__ import annotations

from typing import Any

import pytest

from app.domain.input_rules import (
    HIDDEN_KEY,
    MAX_CANDIDATES,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_TEXT,
    check_json,
    check_text,
    shown_key,
)


def nested(depth: int) -> Any:
    value: Any = 1
    for _ in range(depth):
        value = [value]
    return value


def test_nesting_up_to_the_limit_is_accepted_and_one_more_is_refused() -> None:
    assert check_json({"a": nested(MAX_DEPTH - 1)}) is None
    refusal = check_json({"a": nested(MAX_DEPTH)})
    assert refusal is not None
    assert refusal.code == "too_deep"
    assert refusal.loc == ("body", "a", *[0] * (MAX_DEPTH - 1))


def test_a_hundred_thousand_levels_are_refused_without_recursion() -> None:
    refusal = check_json(nested(100_000))
    assert refusal is not None
    assert refusal.code == "too_deep"


@pytest.mark.parametrize("container", [list, dict])
def test_a_container_over_the_item_limit_is_refused(container: type) -> None:
    items = range(MAX_ITEMS + 1)
    value = list(items) if container is list else {f"k{i}": i for i in items}
    refusal = check_json({"x": value})
    assert refusal is not None
    assert (refusal.code, refusal.loc) == ("too_many_items", ("body", "x"))
    assert check_json({"x": list(range(MAX_ITEMS))}) is None


def test_text_over_the_limit_is_refused_and_at_the_limit_accepted() -> None:
    assert check_text("x" * MAX_TEXT, ("note",)) is None
    refusal = check_text("x" * (MAX_TEXT + 1), ("note",))
    assert refusal is not None
    assert refusal.code == "text_too_long"


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x85", "\ud800", "\uffff", "\ufdd0"])
def test_control_characters_surrogates_and_noncharacters_are_refused(char: str) -> None:
    refusal = check_json({"note": f"a{char}b"})
    assert refusal is not None
    assert (refusal.code, refusal.loc) == ("control_character", ("body", "note"))


def test_tabs_and_line_breaks_are_text() -> None:
    assert check_json({"note": "rad 1\r\nrad 2\tslut"}) is None


def test_a_personnummer_is_found_in_strings_keys_integers_and_integral_floats() -> None:
    for value, loc in (
        ({"a": ["ok", "pnr 811228-9874"]}, ("body", "a", 1)),
        ({"a": {"811228-9874": 1}}, ("body", "a", HIDDEN_KEY)),
        ({"a": 8112289874}, ("body", "a")),
        ({"a": 8112289874.0}, ("body", "a")),
    ):
        refusal = check_json(value)
        assert refusal is not None
        assert (refusal.code, refusal.loc) == ("personal_identity_number", loc)


def test_booleans_and_fractions_are_not_read_as_digits() -> None:
    assert check_json({"a": True, "b": 8112289874.5, "c": None}) is None


def test_the_first_refusal_is_in_document_order() -> None:
    refusal = check_json({"a": "ok", "b": "\x00", "c": "811228-9874"})
    assert refusal is not None
    assert refusal.loc == ("body", "b")


def test_near_misses_beyond_the_candidate_budget_are_refused() -> None:
    values = ["811228-9875"] * (MAX_CANDIDATES + 1)
    refusal = check_json({"notes": values})
    assert refusal is not None
    assert refusal.code == "too_many_candidates"
    assert check_json({"notes": values[: MAX_CANDIDATES // 3]}) is None


@pytest.mark.parametrize(
    ("key", "shown"),
    [
        ("volume_contact", "volume_contact"),
        ("16-19", "16-19"),
        ("Anna Andersson, Storgatan 1", HIDDEN_KEY),
        ("<script>", HIDDEN_KEY),
        ("x" * 65, HIDDEN_KEY),
        ("811228-9874", HIDDEN_KEY),
        ("", HIDDEN_KEY),
    ],
)
def test_only_field_name_shaped_keys_are_named_back(key: str, shown: str) -> None:
    assert shown_key(key) == shown
