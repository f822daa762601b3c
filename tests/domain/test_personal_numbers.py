"""Tests for detecting Swedish personal identity numbers in text and JSON values."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.personal_numbers import (
    REDACTED,
    contains_personal_number,
    find_in_value,
    find_personal_numbers,
    first_in_value,
    fold,
    is_valid_personal_number,
    redact,
)

# Skatteverket's published example; its check digit 6 was worked out by hand as well.
EXAMPLE = "811218-9876"


def luhn_check_digit(nine_digits: str) -> int:
    """Compute the Luhn check digit independently of the module under test."""
    total = 0
    for index, char in enumerate(nine_digits):
        tens, units = divmod(int(char) * (2 - index % 2), 10)
        total += tens + units
    return -total % 10


def with_check_digit(digits: str, separator: str = "-") -> str:
    """Complete YYMMDDNNN or YYYYMMDDNNN with its correct check digit and a separator."""
    check = luhn_check_digit(digits[-9:])
    return f"{digits[:-3]}{separator}{digits[-3:]}{check}"


def with_wrong_check_digit(digits: str, separator: str = "-") -> str:
    """Complete YYMMDDNNN or YYYYMMDDNNN with a check digit that is off by one."""
    check = (luhn_check_digit(digits[-9:]) + 1) % 10
    return f"{digits[:-3]}{separator}{digits[-3:]}{check}"


def test_the_test_helper_agrees_with_the_skatteverket_example() -> None:
    assert with_check_digit("811218987") == EXAMPLE


def test_the_skatteverket_example_is_a_valid_personal_number() -> None:
    assert is_valid_personal_number(EXAMPLE)


@pytest.mark.parametrize(
    "number",
    [
        "8112189876",
        "811218-9876",
        "811218+9876",
        "811218 9876",
        "198112189876",
        "19811218-9876",
    ],
)
def test_a_valid_personal_number_is_accepted_in_every_written_form(number: str) -> None:
    assert is_valid_personal_number(number)
    assert find_personal_numbers(f"Deltagare {number} skrevs in.") == [number]
    assert contains_personal_number(number)


@pytest.mark.parametrize("check", [c for c in "0123456789" if c != "6"])
@pytest.mark.parametrize("prefix", ["811218-987", "811218987", "19811218987", "19811218-987"])
def test_every_wrong_check_digit_is_rejected(prefix: str, check: str) -> None:
    number = prefix + check
    assert not is_valid_personal_number(number)
    assert find_personal_numbers(f"pnr {number}") == []


@pytest.mark.parametrize(
    "digits",
    [
        "811278987",  # 18 December + 60
        "19811278987",
        "800161123",  # 1 January + 60
        "800191123",  # 31 January + 60: the highest day a samordningsnummer can have
        "20000289123",  # 29 February 2000 + 60
    ],
)
def test_a_samordningsnummer_with_day_plus_sixty_is_detected(digits: str) -> None:
    number = with_check_digit(digits)
    assert is_valid_personal_number(number)
    assert find_personal_numbers(f"samordningsnummer: {number}") == [number]


@pytest.mark.parametrize(
    "digits",
    [
        "801301123",  # month 13
        "800001123",  # month 00
        "800100123",  # day 00
        "800132123",  # 32 January
        "800230123",  # 30 February
        "800431123",  # 31 April
        "800160123",  # day 60 is neither a day nor a shifted day
        "800192123",  # day 92: 31 January + 61
        "800290123",  # 30 February + 60
        "19801301123",
        "19800230123",
        "19800192123",
    ],
)
def test_an_impossible_date_is_rejected_even_with_a_correct_check_digit(digits: str) -> None:
    number = with_check_digit(digits)
    assert not is_valid_personal_number(number)
    assert not contains_personal_number(f"nummer {number}")


@pytest.mark.parametrize(
    ("digits", "valid"),
    [
        ("20000229123", True),  # divisible by 400
        ("19000229123", False),  # divisible by 100 but not 400
        ("18000229123", False),
        ("20240229123", True),
        ("20230229123", False),
        ("19000289123", False),  # samordningsnummer on a day that did not exist
        ("000229123", True),  # valid as 2000-02-29
        ("240229123", True),
        ("230229123", False),  # 29 February 1823, 1923 and 2023 all do not exist
        ("960229123", True),
        ("970229123", False),
    ],
)
def test_a_leap_day_is_only_accepted_in_a_leap_year(digits: str, valid: bool) -> None:
    assert is_valid_personal_number(with_check_digit(digits)) is valid


def test_a_ten_digit_leap_day_counts_when_any_plausible_century_is_a_leap_year() -> None:
    # 1900 was not a leap year but 2000 was, so 000229 must not be ruled out by the former.
    assert is_valid_personal_number(with_check_digit("000229123", separator="+"))


def test_a_twelve_digit_number_from_an_implausible_century_is_not_flagged() -> None:
    assert not contains_personal_number(with_check_digit("21811218987"))
    assert not contains_personal_number(with_check_digit("17811218987"))


@pytest.mark.parametrize(
    "text",
    [
        "Möte 2023-01-15 kl. 10",
        "20230115",
        "2023-01-15T10:00:00",
        "Order 8112189875",
        "Ordernummer 19811218-9875",
        "Ring 070-123 45 67",
        "Växel 08-123 456 78",
        "+46 70 123 45 67",
        "Budget 1 234 567 kr",
        "12 345 678",
        "2023-01-15 - 2023-06-30",
    ],
)
def test_dates_order_numbers_phone_numbers_and_amounts_are_not_flagged(text: str) -> None:
    assert find_personal_numbers(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "81121898761",  # 11 digits: a valid number with a digit appended
        "08112189876",  # 11 digits: a valid number with a digit prepended
        "1198112189876",  # 13 digits
        "1981121898761",  # 13 digits
        "1234198112189876",
        "19811218987612",
        "99811218-9876",  # looks like a 12-digit form, but 99 is no century
        "1811218-9876",
        "811218-98761",
        "19811218-98760",
    ],
)
def test_a_number_inside_a_longer_digit_run_is_not_flagged(text: str) -> None:
    assert find_personal_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("pnr:8112189876", "8112189876"),
        ("x198112189876y", "198112189876"),
        ("ID811218-9876.", "811218-9876"),
        ("(19811218-9876)", "19811218-9876"),
    ],
)
def test_letters_and_punctuation_next_to_a_number_do_not_hide_it(text: str, expected: str) -> None:
    assert find_personal_numbers(text) == [expected]


def test_all_numbers_in_a_text_are_returned_in_order_as_written() -> None:
    samordning = with_check_digit("811278987", separator="")
    text = f"Först {EXAMPLE}, sedan 19811218 9876 och till sist {samordning}."
    assert find_personal_numbers(text) == [EXAMPLE, "19811218 9876", samordning]


def test_text_without_personal_numbers_gives_no_matches() -> None:
    assert find_personal_numbers("Insats Steg till arbete, 12 deltagare 2023") == []
    assert not contains_personal_number("")


@pytest.mark.parametrize(
    "candidate",
    [
        f" {EXAMPLE}",
        f"{EXAMPLE}\n",
        f"pnr {EXAMPLE}",
        "811218-9875",
        "",
    ],
)
def test_is_valid_personal_number_requires_the_whole_string_to_be_one_number(
    candidate: str,
) -> None:
    assert not is_valid_personal_number(candidate)


def test_find_in_value_reports_the_path_of_a_string_value() -> None:
    value = {"insats": {"namn": "Steg", "kommentar": f"Gäller {EXAMPLE}"}}
    assert find_in_value(value) == [("insats", "kommentar")]


def test_find_in_value_reports_the_path_of_a_dict_key() -> None:
    value = {"rader": [{"19811218-9876": "närvarande"}]}
    assert find_in_value(value) == [("rader", 0, "19811218-9876")]


def test_find_in_value_reports_the_path_of_an_integer_value() -> None:
    value = {"deltagare": [{"id": 198112189876}, {"id": 8112189876}, {"id": 42}]}
    assert find_in_value(value) == [("deltagare", 0, "id"), ("deltagare", 1, "id")]


def test_find_in_value_reports_the_index_of_a_list_element() -> None:
    value = ["ok", 3, None, [EXAMPLE]]
    assert find_in_value(value) == [(3, 0)]


def test_find_in_value_reports_a_top_level_string_with_the_given_path() -> None:
    assert find_in_value(EXAMPLE) == [()]
    assert find_in_value(EXAMPLE, ("body", "note")) == [("body", "note")]
    assert find_in_value({"a": [EXAMPLE]}, ("body",)) == [("body", "a", 0)]


def test_find_in_value_returns_hits_in_document_order() -> None:
    value = {
        "a": {"b": [1, EXAMPLE]},
        EXAMPLE: "nyckel",
        "c": [{"d": 198112189876}],
    }
    assert find_in_value(value) == [("a", "b", 1), (EXAMPLE,), ("c", 0, "d")]


def test_find_in_value_reports_a_key_once_when_its_value_also_matches() -> None:
    assert find_in_value({EXAMPLE: EXAMPLE}) == [(EXAMPLE,)]


def test_find_in_value_does_not_treat_booleans_as_integers() -> None:
    assert find_in_value({"aktiv": True, "avslutad": False, "saknas": None}) == []


def test_find_in_value_catches_an_integral_float_but_not_ordinary_amounts() -> None:
    value = {"pnr": 8112189876.0, "belopp": 1234567.5, "andel": 0.25}
    assert find_in_value(value) == [("pnr",)]


def test_find_in_value_returns_nothing_for_a_clean_structure() -> None:
    value = {"period": "2023H1", "datum": "2023-01-15", "antal": [12, 20230115], "ok": True}
    assert find_in_value(value) == []


def test_find_in_value_survives_deep_nesting() -> None:
    value: object = EXAMPLE
    for _ in range(5000):
        value = [value]
    assert find_in_value(value) == [(0,) * 5000]


valid_birth_dates = st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31))
serials = st.integers(min_value=0, max_value=999)
forms = st.sampled_from(["10", "10-", "10+", "10 ", "12", "12-", "12 "])


def build_digits(birth: date, serial: int, coordination: bool, form: str) -> tuple[str, str]:
    """Return the date-and-serial digits for ``form`` and the separator to use."""
    day = birth.day + 60 if coordination else birth.day
    year = f"{birth.year:04d}" if form.startswith("12") else f"{birth.year % 100:02d}"
    return f"{year}{birth.month:02d}{day:02d}{serial:03d}", form[2:]


@given(valid_birth_dates, serials, st.booleans(), forms, st.integers(min_value=1, max_value=9))
def test_a_number_is_detected_exactly_when_its_check_digit_is_correct(
    birth: date, serial: int, coordination: bool, form: str, offset: int
) -> None:
    digits, separator = build_digits(birth, serial, coordination, form)
    correct = luhn_check_digit(digits[-9:])
    number = f"{digits[:-3]}{separator}{digits[-3:]}{correct}"
    wrong = f"{number[:-1]}{(correct + offset) % 10}"

    assert is_valid_personal_number(number)
    assert find_personal_numbers(f"Anteckning: {number}.") == [number]
    assert find_in_value({"text": number}) == [("text",)]

    assert not is_valid_personal_number(wrong)
    assert find_personal_numbers(f"Anteckning: {wrong}.") == []
    assert find_in_value({"text": wrong}) == []


@given(
    valid_birth_dates,
    serials,
    st.booleans(),
    forms,
    st.sampled_from("0123456789"),
    st.booleans(),
)
def test_a_valid_number_with_an_adjacent_digit_is_never_flagged(
    birth: date, serial: int, coordination: bool, form: str, extra: str, before: bool
) -> None:
    digits, separator = build_digits(birth, serial, coordination, form)
    number = with_check_digit(digits, separator)
    glued = extra + number if before else number + extra
    assert find_personal_numbers(f"nr {glued} ") == []


@pytest.mark.parametrize(
    "separator",
    ["\u2013", "\u2014", "\u2011", "\u2212", "\u00a0", "\u2009"],
    ids=["en-dash", "em-dash", "non-breaking-hyphen", "minus-sign", "no-break-space", "thin-space"],
)
def test_a_personnummer_with_a_word_processors_separator_is_detected(separator: str) -> None:
    assert contains_personal_number(f"Avslutad: 811218{separator}9876 (Anna)")


# The disguises an attacker tried (issue 10), each around Skatteverket-shaped 811228-9874.
DISGUISED = "811228-9874"
DISGUISES = {
    "spaced dash": "811228 - 9874",
    "dot after a twelve-digit date": "19811228.9874",
    "underscore": "811228_9874",
    "slash": "811228/9874",
    "two spaces": "811228  9874",
    "dashes inside the date": "81-12-28-9874",
    "twelve digits, dashes inside the date": "1981-12-28-9874",
    "dots inside the date": "81.12.28.9874",
    "no-break spaces around the dash": "811228\u00a0-\u00a09874",
    "zero-width space": "811228\u200b9874",
    "zero-width space between every digit": "\u200b".join("8112289874"),
    "soft hyphen": "811228\u00ad9874",
    "word joiner": "8112\u206028-9874",
    "byte order mark": "811228\ufeff9874",
    "right-to-left override": "\u202e4789-822118\u202c",
    "right-to-left isolate": "\u20674789-822118\u2069",
    "full-width digits": "\uff18\uff11\uff11\uff12\uff12\uff18\uff0d\uff19\uff18\uff17\uff14",
    "arabic-indic digits": "\u0668\u0661\u0661\u0662\u0662\u0668-\u0669\u0668\u0667\u0664",
    "devanagari digits": "\u096e\u0967\u0967\u0968\u0968\u096e\u096f\u096e\u096d\u096a",
    "mathematical bold digits": "\U0001d7d6\U0001d7cf\U0001d7cf\U0001d7d0\U0001d7d0\U0001d7d6-9874",
    "combining mark on a digit": "8\u030311228-9874",
    "en dash": "811228\u20139874",
    "tab": "811228\t9874",
    "line break": "811228\n9874",
    "double dash": "811228--9874",
    "every digit apart": "8 1 1 2 2 8 9 8 7 4",
    "every digit apart, twelve": "1.9.8.1.1.2.2.8.9.8.7.4",
    "superscript digits": "\u2078\u00b9\u00b9\u00b2\u00b2\u2078-\u2079\u2078\u2077\u2074",
}


def test_the_disguised_number_is_valid_when_written_plainly() -> None:
    assert is_valid_personal_number(DISGUISED)


@pytest.mark.parametrize("disguised", DISGUISES.values(), ids=DISGUISES.keys())
def test_a_personnummer_in_any_disguise_is_found_and_redacted(disguised: str) -> None:
    text = f"Anteckning: {disguised} (Anna)"
    assert contains_personal_number(text)
    assert find_personal_numbers(text), text
    redacted = redact(text)
    assert not contains_personal_number(redacted)
    assert redacted.startswith("Anteckning: ")
    assert redacted.endswith(" (Anna)")


LOOK_ALIKES = {
    "organisationsnummer": "Org. nr 222000-1768",
    "diarienummer": "Dnr 60/21",
    "date": "Beslut 2023-01-15",
    "date range": "2023-01-15 - 2023-06-30",
    "date range with dots": "2023.01.15 - 2023.06.30",
    "mobile number": "Ring 070-123 45 67",
    "international number": "+46 70 123 45 67",
    "amount": "Budget 1 234 567 kr",
    "invalid check digit": "811228-9875",
    "invalid check digit, dashes in the date": "81-12-28-9875",
    "invalid check digit, full-width": "\uff18\uff11\uff11\uff12\uff12\uff18-9875",
    "number followed by a date": "811228-9874-12-28".replace("9874", "9875"),
    "every digit apart, invalid": "8 1 1 2 2 8 9 8 7 5",
    "a list of small counts": "3 5 2 1 0 4 8 1 2 2 8 9 8 7 4 1",
}


@pytest.mark.parametrize("text", LOOK_ALIKES.values(), ids=LOOK_ALIKES.keys())
def test_look_alikes_are_not_flagged(text: str) -> None:
    assert not contains_personal_number(text)
    assert redact(text) == text


def test_redaction_covers_percent_encoded_numbers() -> None:
    line = 'GET /api/v1/forbund/x/summary?period=811228%2D9874 HTTP/1.1" 422'
    redacted = redact(line)
    assert "9874" not in redacted
    assert REDACTED in redacted
    assert redact("GET /a?b=811228%252D9874") == f"GET /a?b={REDACTED}"


def test_redaction_leaves_ordinary_percent_signs_alone() -> None:
    assert redact("50% av deltagarna, 100%25") == "50% av deltagarna, 100%25"


def test_first_in_value_stops_at_the_first_hit() -> None:
    value = {"a": "ok", "b": [1, DISGUISES["zero-width space"]], "c": DISGUISED}
    assert first_in_value(value) == ("b", 1)
    assert first_in_value({"a": "ok"}) is None


def test_folding_maps_digits_dashes_and_spaces_and_drops_invisible_characters() -> None:
    assert fold("\uff11\u0662\u2013\u00a0\u200b\u00ad") == "12- "
