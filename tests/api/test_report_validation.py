"""Validation through HTTP: every rule of the contract, accepted and rejected.

A rejected PUT is a 422 `application/problem+json` with an `errors` list naming the field, and
nothing of it is stored.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from fastapi.testclient import TestClient

from tests.conftest import PROBLEM_JSON, Api

# Skatteverket's published example personnummer (check digit 6 verified by luhn_check_digit).
PERSONNUMMER = "811218-9876"
PERSONNUMMER_12 = "19811218-9876"


def luhn_check_digit(nine_digits: str) -> int:
    """The Luhn check digit over YYMMDDNNN, computed independently of the app."""
    total = 0
    for index, char in enumerate(nine_digits):
        tens, units = divmod(int(char) * (2 - index % 2), 10)
        total += tens + units
    return -total % 10


def passes_luhn(ten_digits: str) -> bool:
    return luhn_check_digit(ten_digits[:9]) == int(ten_digits[9])


def samordningsnummer() -> str:
    """A valid samordningsnummer: 18 December 1981 with 60 added to the day, i.e. 811278."""
    nine = "811278" + "987"
    return f"{nine[:6]}-{nine[6:]}{luhn_check_digit(nine)}"


def gc(women: int, men: int, unspecified: int = 0) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": unspecified}


# --- helpers and fixtures --------------------------------------------------------------------


def url(insats_id: int, period: str) -> str:
    return f"/api/v1/insatser/{insats_id}/reports/{period}"


def put(api: Api, insats_id: int, period: str, body: Any) -> httpx.Response:
    return api.client.put(url(insats_id, period), json=body, headers=api.admin)


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_JSON
    problem = dict(response.json())
    assert problem["status"] == status
    return problem


def assert_rejected_at(response: httpx.Response, loc: list[str | int]) -> dict[str, Any]:
    """A 422 problem whose errors name `loc`."""
    problem = assert_problem(response, 422)
    assert isinstance(problem.get("errors"), list), problem
    assert loc in [error["loc"] for error in problem["errors"]], problem["errors"]
    assert all(error["msg"] for error in problem["errors"])
    return problem


def assert_nothing_stored(api: Api, insats_id: int) -> None:
    listed = api.client.get(f"/api/v1/insatser/{insats_id}/reports", headers=api.admin)
    assert listed.status_code == 200, listed.text
    assert listed.json() == []


def assert_not_stored(api: Api, insats_id: int, period: str) -> None:
    response = api.client.get(url(insats_id, period), headers=api.admin)
    assert_problem(response, 404)
    assert_nothing_stored(api, insats_id)


def assert_not_echoed(response: httpx.Response, number: str) -> None:
    """Neither the number as written nor its digits (10 or 12) appear in the response."""
    digits = "".join(c for c in number if c.isdigit())
    assert len(digits) in (10, 12)
    for form in {number, digits, digits[-10:], number[-11:]}:
        assert form not in response.text, response.text


@pytest.fixture
def forbund(api: Api) -> str:
    return str(api.forbund("sundsvall")["code"])


@pytest.fixture
def insats_id(api: Api, forbund: str) -> int:
    return int(api.insats(forbund, kind="individual")["id"])


@pytest.fixture
def structural_id(api: Api, forbund: str) -> int:
    return int(api.insats(forbund, name="Kompetensutveckling", kind="structural")["id"])


# --- field types and shapes ------------------------------------------------------------------


def test_a_negative_count_is_rejected(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"started": {"women": -1, "men": 0}})
    assert_rejected_at(response, ["body", "started", "women"])
    assert_not_stored(api, insats_id, "2023")


def test_a_negative_plain_count_is_rejected(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"volume_contacts": -5})
    assert_rejected_at(response, ["body", "volume_contacts"])
    assert_not_stored(api, insats_id, "2023")


def test_a_zero_count_is_accepted(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"started": {"women": 0, "men": 0}})
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"participants": {"women": 1.5, "men": 2}}, ["body", "participants", "women"]),
        ({"participants": {"women": "5", "men": 2}}, ["body", "participants", "women"]),
        ({"volume_contacts": 1.5}, ["body", "volume_contacts"]),
        ({"volume_contacts": "5"}, ["body", "volume_contacts"]),
        ({"volume_contacts": 5.0}, ["body", "volume_contacts"]),
        ({"age_bands": {"16-19": "3"}}, ["body", "age_bands", "16-19"]),
        ({"outcomes": {"work": {"women": 1, "men": 2.5}}}, ["body", "outcomes", "work", "men"]),
    ],
    ids=[
        "float-in-gender-count",
        "string-in-gender-count",
        "float-count",
        "string-count",
        "integral-float-count",
        "string-in-age-band",
        "float-in-outcome",
    ],
)
def test_a_count_that_is_not_a_json_integer_is_rejected(
    api: Api, insats_id: int, body: dict[str, Any], loc: list[str]
) -> None:
    assert_rejected_at(put(api, insats_id, "2023", body), loc)
    assert_not_stored(api, insats_id, "2023")


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"volume_contacts": True}, ["body", "volume_contacts"]),
        ({"anonymous_cases": False}, ["body", "anonymous_cases"]),
        ({"participants": {"women": True, "men": 1}}, ["body", "participants", "women"]),
        ({"income_source_at_start": {"none": True}}, ["body", "income_source_at_start", "none"]),
    ],
)
def test_a_boolean_for_a_count_is_rejected(
    api: Api, insats_id: int, body: dict[str, Any], loc: list[str]
) -> None:
    assert_rejected_at(put(api, insats_id, "2023", body), loc)
    assert_not_stored(api, insats_id, "2023")


def test_an_unknown_top_level_field_is_rejected(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"volume_contacts": 3, "deltagare": 5})
    assert_rejected_at(response, ["body", "deltagare"])
    assert_not_stored(api, insats_id, "2023")


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"outcomes": {"arbete": gc(1, 1)}}, ["body", "outcomes", "arbete"]),
        ({"age_bands": {"67-70": 2}}, ["body", "age_bands", "67-70"]),
        ({"age_bands": {"age_16_19": 2}}, ["body", "age_bands", "age_16_19"]),
        ({"income_source_at_start": {"salary": 2}}, ["body", "income_source_at_start", "salary"]),
        ({"income_source_at_exit": {"lon": 2}}, ["body", "income_source_at_exit", "lon"]),
        ({"participants": {"women": 1, "men": 1, "other": 1}}, ["body", "participants", "other"]),
    ],
    ids=[
        "outcome-category",
        "age-band",
        "age-band-python-name",
        "income-at-start",
        "income-at-exit",
        "gender",
    ],
)
def test_an_unknown_key_inside_a_measure_is_rejected(
    api: Api, insats_id: int, body: dict[str, Any], loc: list[str]
) -> None:
    assert_rejected_at(put(api, insats_id, "2023", body), loc)
    assert_not_stored(api, insats_id, "2023")


def test_an_unknown_attendee_organisation_is_rejected(api: Api, structural_id: int) -> None:
    response = put(api, structural_id, "2023", {"attendees": {"fk": 2, "county": 3}})
    assert_rejected_at(response, ["body", "attendees", "county"])
    assert_not_stored(api, structural_id, "2023")


def test_a_gender_count_without_men_is_rejected(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"participants": {"women": 3}})
    assert_rejected_at(response, ["body", "participants", "men"])
    assert_not_stored(api, insats_id, "2023")


def test_a_gender_count_without_women_is_rejected_at_men(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"participants": {"men": 3}})
    problem = assert_rejected_at(response, ["body", "participants", "men"])
    assert "women" in problem["errors"][0]["msg"]
    assert_not_stored(api, insats_id, "2023")


@pytest.mark.parametrize(
    ("count", "field"),
    [
        ({}, "total"),
        ({"unspecified": 3}, "total"),
        ({"unspecified": 3, "total": 3}, "total"),
        ({"women": 1, "men": 2, "total": 4}, "total"),
        ({"women": 1, "men": 2, "unspecified": 1, "total": 3}, "total"),
    ],
    ids=["empty", "unspecified-alone", "unspecified-with-total", "wrong-total", "wrong-total-u"],
)
def test_a_count_by_kon_is_a_split_or_a_total_alone(
    api: Api, insats_id: int, count: dict[str, int], field: str
) -> None:
    response = put(api, insats_id, "2023", {"participants": count})
    assert_rejected_at(response, ["body", "participants", field])
    assert_not_stored(api, insats_id, "2023")


def test_a_total_beside_its_split_is_accepted_when_it_is_the_sum(api: Api, insats_id: int) -> None:
    body = {"participants": {"women": 3, "men": 4, "unspecified": 1, "total": 8}}
    response = put(api, insats_id, "2023", body)
    assert response.status_code == 201, response.text
    assert response.json()["participants"] == body["participants"]


def test_a_total_alone_is_stored_and_read_back_without_a_split(api: Api, insats_id: int) -> None:
    body = {
        "participants": {"total": 376},
        "outcomes": {"work": {"total": 12}, "studies": gc(1, 2)},
    }
    response = put(api, insats_id, "2023", body)
    assert response.status_code == 201, response.text
    for got in (response.json(), api.client.get(url(insats_id, "2023"), headers=api.admin).json()):
        unsplit = {"women": None, "men": None, "unspecified": None}
        assert got["participants"] == {**unsplit, "total": 376}
        assert got["outcomes"]["work"] == {**unsplit, "total": 12}
        assert got["outcomes"]["studies"] == {**gc(1, 2), "total": 3}


def test_a_gender_count_without_unspecified_defaults_it_to_zero(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"participants": {"women": 3, "men": 4}})
    assert response.status_code == 201, response.text
    assert response.json()["participants"] == {**gc(3, 4, 0), "total": 7}


def test_a_body_that_is_not_an_object_is_rejected(api: Api, insats_id: int) -> None:
    assert_problem(put(api, insats_id, "2023", [1, 2]), 422)
    assert_nothing_stored(api, insats_id)


# --- consistency rules -----------------------------------------------------------------------

CONSISTENCY_CASES = [
    # rule, a body at the bound (accepted), a body one over it (rejected), the field to fix
    (
        "started-women",
        {"participants": gc(5, 6), "started": gc(5, 6)},
        {"participants": gc(5, 6), "started": gc(6, 0)},
        ["body", "started", "women"],
    ),
    (
        "started-total",
        {"participants": gc(5, 5), "started": gc(3, 3, 4)},
        {"participants": gc(5, 5), "started": gc(3, 3, 5)},
        ["body", "started"],
    ),
    (
        "ended-men",
        {"participants": gc(5, 6), "ended": gc(0, 6)},
        {"participants": gc(5, 6), "ended": gc(0, 7)},
        ["body", "ended", "men"],
    ),
    (
        "outcomes-women",
        {"ended": gc(4, 4), "outcomes": {"work": gc(3, 1), "studies": gc(1, 0)}},
        {"ended": gc(4, 4), "outcomes": {"work": gc(3, 1), "studies": gc(2, 0)}},
        ["body", "outcomes", "women"],
    ),
    (
        "outcomes-total-unsplit-ended",
        {"ended": gc(0, 0, 10), "outcomes": {"work": gc(5, 5)}},
        {"ended": gc(0, 0, 10), "outcomes": {"work": gc(6, 5)}},
        ["body", "outcomes"],
    ),
    (
        "age-bands",
        {"participants": gc(4, 5, 1), "age_bands": {"16-19": 3, "20-24": 7}},
        {"participants": gc(4, 5, 1), "age_bands": {"16-19": 3, "20-24": 8}},
        ["body", "age_bands"],
    ),
    (
        "income-at-start",
        {"participants": gc(4, 5, 1), "income_source_at_start": {"none": 2, "other_public": 8}},
        {"participants": gc(4, 5, 1), "income_source_at_start": {"none": 3, "other_public": 8}},
        ["body", "income_source_at_start"],
    ),
    (
        "income-at-exit",
        {
            "participants": gc(20, 20),
            "ended": gc(2, 2),
            "income_source_at_exit": {"none": 3, "study_support": 1},
        },
        {
            "participants": gc(20, 20),
            "ended": gc(2, 2),
            "income_source_at_exit": {"none": 3, "study_support": 2},
        },
        ["body", "income_source_at_exit"],
    ),
]


@pytest.mark.parametrize(
    "accepted",
    [case[1] for case in CONSISTENCY_CASES],
    ids=[case[0] for case in CONSISTENCY_CASES],
)
def test_a_report_exactly_at_a_consistency_bound_is_accepted(
    api: Api, insats_id: int, accepted: dict[str, Any]
) -> None:
    response = put(api, insats_id, "2023", accepted)
    assert response.status_code == 201, response.text


@pytest.mark.parametrize(
    ("rejected", "loc"),
    [(case[2], case[3]) for case in CONSISTENCY_CASES],
    ids=[case[0] for case in CONSISTENCY_CASES],
)
def test_a_report_over_a_consistency_bound_is_rejected_at_the_field_to_fix(
    api: Api, insats_id: int, rejected: dict[str, Any], loc: list[str]
) -> None:
    assert_rejected_at(put(api, insats_id, "2023", rejected), loc)
    assert_not_stored(api, insats_id, "2023")


def test_outcomes_above_ended_are_rejected(api: Api, insats_id: int) -> None:
    body = {"ended": gc(3, 3), "outcomes": {"work": gc(2, 2), "other": gc(2, 1)}}
    assert_rejected_at(put(api, insats_id, "2023H1", body), ["body", "outcomes", "women"])
    assert_not_stored(api, insats_id, "2023H1")


@pytest.mark.parametrize(
    ("accepted", "rejected", "loc"),
    [case[1:] for case in CONSISTENCY_CASES],
    ids=[case[0] for case in CONSISTENCY_CASES],
)
def test_a_rejected_replacement_leaves_the_stored_revision_unchanged(
    api: Api,
    insats_id: int,
    accepted: dict[str, Any],
    rejected: dict[str, Any],
    loc: list[str],
) -> None:
    first = api.report(insats_id, "2023", accepted)
    assert_rejected_at(put(api, insats_id, "2023", rejected), loc)
    back = api.client.get(url(insats_id, "2023"), headers=api.admin)
    assert back.status_code == 200
    assert back.json() == first
    assert back.json()["revision"] == 1


def test_a_sundsvall_style_unsplit_report_with_outcomes_by_gender_is_accepted(
    api: Api, insats_id: int
) -> None:
    body = {
        "participants": gc(0, 0, 376),
        "ended": gc(0, 0, 150),
        "outcomes": {"work": gc(60, 51), "studies": gc(5, 4)},
        "volume_contacts": 600,
    }
    response = put(api, insats_id, "2022", body)
    assert response.status_code == 201, response.text
    assert response.json()["outcomes"]["work"]["total"] == 111


@pytest.mark.parametrize(
    "body",
    [
        {"started": gc(500, 500)},
        {"outcomes": {"work": gc(50, 50)}, "participants": gc(1, 1)},
        {"age_bands": {"16-19": 500}},
        {"income_source_at_exit": {"none": 500}, "participants": gc(1, 1)},
    ],
    ids=["started", "outcomes", "age-bands", "income-at-exit"],
)
def test_a_comparison_with_an_unreported_measure_is_skipped(
    api: Api, insats_id: int, body: dict[str, Any]
) -> None:
    assert put(api, insats_id, "2023", body).status_code == 201


# --- measures by kind of insats --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"participants": gc(3, 4)}, ["body", "participants"]),
        ({"started": gc(1, 1)}, ["body", "started"]),
        ({"outcomes": {"work": gc(1, 1)}}, ["body", "outcomes"]),
        ({"age_bands": {"30-39": 2}}, ["body", "age_bands"]),
        ({"income_source_at_start": {"none": 2}}, ["body", "income_source_at_start"]),
    ],
)
def test_a_participant_measure_on_a_structural_insats_is_rejected(
    api: Api, structural_id: int, body: dict[str, Any], loc: list[str]
) -> None:
    assert_rejected_at(put(api, structural_id, "2023", body), loc)
    assert_not_stored(api, structural_id, "2023")


@pytest.mark.parametrize(
    ("body", "loc"),
    [
        ({"attendees": {"fk": 3, "af": 2}}, ["body", "attendees"]),
        ({"activities": 4}, ["body", "activities"]),
    ],
)
def test_an_attendee_measure_on_an_individual_insats_is_rejected(
    api: Api, insats_id: int, body: dict[str, Any], loc: list[str]
) -> None:
    assert_rejected_at(put(api, insats_id, "2023", body), loc)
    assert_not_stored(api, insats_id, "2023")


def test_a_structural_insats_reports_attendees_activities_and_volume_contacts(
    api: Api, structural_id: int
) -> None:
    body = {"attendees": {"fk": 3, "kommun": 12}, "activities": 4, "volume_contacts": 20}
    response = put(api, structural_id, "2023", body)
    assert response.status_code == 201, response.text
    stored = response.json()
    assert stored["attendees"]["kommun"] == 12
    assert (stored["activities"], stored["volume_contacts"]) == (4, 20)


def test_an_individual_insats_reports_volume_contacts(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"volume_contacts": 20, "anonymous_cases": 2})
    assert response.status_code == 201, response.text


# --- periods ---------------------------------------------------------------------------------


@pytest.mark.parametrize("period", ["2023H3", "2023T4", "2023Q5", "2023M1", "23", "2023-01"])
def test_a_malformed_period_is_rejected_naming_the_path_and_the_accepted_forms(
    api: Api, insats_id: int, period: str
) -> None:
    problem = assert_rejected_at(put(api, insats_id, period, {}), ["path", "period"])
    message = " ".join(e["msg"] for e in problem["errors"] if e["loc"] == ["path", "period"])
    for form in ("year", "half", "tertial", "quarter"):
        assert form in message.lower()
    assert_nothing_stored(api, insats_id)


def test_a_lower_case_period_is_stored_under_its_canonical_name(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023h1", {"volume_contacts": 1})
    assert response.status_code == 201, response.text
    assert response.json()["period"] == "2023H1"


@pytest.mark.parametrize(
    ("period", "accepted"),
    [
        ("2019", False),  # ends more than a year before 2020-04-01
        ("2020Q1", False),  # ends 2020-03-31, the day before the start
        ("2020Q2", True),  # starts on the start date
        ("2020", True),  # overlaps the start
        ("2022H2", True),  # starts 2022-07-01, the insats's last day
        ("2022Q4", False),  # starts after the end date
        ("2023", False),
    ],
)
def test_a_period_must_share_a_day_with_the_insats_lifetime(
    api: Api, forbund: str, period: str, accepted: bool
) -> None:
    insats = api.insats(forbund, start_date="2020-04-01", end_date="2022-07-01")
    response = put(api, insats["id"], period, {"volume_contacts": 1})
    if accepted:
        assert response.status_code == 201, response.text
    else:
        assert_rejected_at(response, ["path", "period"])
        assert_not_stored(api, insats["id"], period)


def test_a_period_long_after_the_start_of_an_open_ended_insats_is_accepted(
    api: Api, forbund: str
) -> None:
    insats = api.insats(forbund, start_date="2020-04-01")
    assert put(api, insats["id"], "2031Q4", {"volume_contacts": 1}).status_code == 201


# --- personal identity numbers ---------------------------------------------------------------


def test_the_test_helpers_agree_with_the_skatteverket_example() -> None:
    assert passes_luhn("8112189876")
    assert samordningsnummer()[:6] == "811278"
    assert passes_luhn(samordningsnummer().replace("-", ""))


@pytest.mark.parametrize(
    ("note", "number"),
    [
        (f"Deltagare {PERSONNUMMER} avslutad", PERSONNUMMER),
        (f"pnr:{PERSONNUMMER_12}", PERSONNUMMER_12),
        (PERSONNUMMER.replace("-", ""), PERSONNUMMER),
        (f"Samordningsnummer {samordningsnummer()}", samordningsnummer()),
    ],
    ids=["10-digit", "12-digit", "no-separator", "samordningsnummer"],
)
def test_a_personal_identity_number_in_the_note_is_rejected_without_echoing_it(
    api: Api, insats_id: int, note: str, number: str
) -> None:
    response = put(api, insats_id, "2023", {"volume_contacts": 5, "note": note})
    assert_rejected_at(response, ["body", "note"])
    assert_not_echoed(response, number)
    assert_not_stored(api, insats_id, "2023")


@pytest.mark.parametrize("value", [8112189876, 198112189876, 8112189876.0])
def test_a_personal_identity_number_as_a_bare_number_is_rejected_without_echoing_it(
    api: Api, insats_id: int, value: float
) -> None:
    response = put(api, insats_id, "2023", {"volume_contacts": value})
    assert_rejected_at(response, ["body", "volume_contacts"])
    assert_not_echoed(response, str(int(value)))
    assert_not_stored(api, insats_id, "2023")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"age_bands": {PERSONNUMMER: 1}}, ["body", "age_bands"]),
        ({PERSONNUMMER: 1}, ["body"]),
        ({"outcomes": {"work": {samordningsnummer(): 1, "women": 0, "men": 0}}}, ["body"]),
    ],
    ids=["age-band-key", "top-level-key", "samordningsnummer-key"],
)
def test_a_personal_identity_number_as_a_key_is_rejected_without_echoing_it(
    api: Api, insats_id: int, body: dict[str, Any], field: list[str]
) -> None:
    response = put(api, insats_id, "2023", body)
    problem = assert_problem(response, 422)
    assert any(e["loc"][: len(field)] == field for e in problem["errors"]), problem
    number = next(k for k in _keys(body) if k[0].isdigit())
    assert_not_echoed(response, number)
    assert_nothing_stored(api, insats_id)


def _keys(value: Any) -> list[str]:
    if not isinstance(value, dict):
        return []
    return [k for key, child in value.items() for k in (key, *_keys(child))]


def test_a_personal_identity_number_in_a_replacement_leaves_the_stored_report(
    api: Api, insats_id: int
) -> None:
    first = api.report(insats_id, "2023", {"volume_contacts": 5, "note": "första"})
    response = put(api, insats_id, "2023", {"volume_contacts": 6, "note": PERSONNUMMER})
    assert_rejected_at(response, ["body", "note"])
    assert api.client.get(url(insats_id, "2023"), headers=api.admin).json() == first


def test_a_date_and_an_order_number_failing_luhn_are_not_taken_for_personal_numbers(
    api: Api, insats_id: int
) -> None:
    order_number = "1234567890"
    assert not passes_luhn(order_number)
    note = f"Möte 2023-01-15, order {order_number}"
    response = put(api, insats_id, "2023", {"volume_contacts": 5, "note": note})
    assert response.status_code == 201, response.text
    assert response.json()["note"] == note


def test_a_personnummer_shape_with_a_wrong_check_digit_is_accepted(
    api: Api, insats_id: int
) -> None:
    wrong = f"811218-987{(luhn_check_digit('811218987') + 1) % 10}"
    assert not passes_luhn(wrong.replace("-", ""))
    response = put(api, insats_id, "2023", {"note": f"Ärende {wrong}"})
    assert response.status_code == 201, response.text


# --- malformed and minimal bodies ------------------------------------------------------------


def test_a_note_with_a_nul_character_is_a_422_naming_the_note_not_a_500(
    api: Api, insats_id: int
) -> None:
    # PostgreSQL text cannot hold U+0000; the service must say so rather than fail.
    response = put(api, insats_id, "2023", {"volume_contacts": 1, "note": "rad 1\u0000rad 2"})
    assert_rejected_at(response, ["body", "note"])
    assert_not_stored(api, insats_id, "2023")


def test_a_note_longer_than_4000_characters_is_rejected(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {"note": "x" * 4001})
    assert_rejected_at(response, ["body", "note"])
    assert_not_stored(api, insats_id, "2023")


def test_a_report_for_an_insats_id_beyond_any_stored_id_is_a_404_problem_not_a_500(
    api: Api,
) -> None:
    response = put(api, 10**12, "2023", {"volume_contacts": 1})
    assert_problem(response, 404)


def test_a_truncated_json_body_is_a_422_problem_not_a_500(
    client: TestClient, api: Api, insats_id: int
) -> None:
    response = client.put(
        url(insats_id, "2023"),
        content=b'{"participants": {"women": 1, "men"',
        headers={**api.admin, "Content-Type": "application/json"},
    )
    problem = assert_problem(response, 422)
    assert problem.get("errors"), problem
    assert_nothing_stored(api, insats_id)


def test_an_empty_object_is_stored_with_every_measure_null(api: Api, insats_id: int) -> None:
    response = put(api, insats_id, "2023", {})
    assert response.status_code == 201, response.text
    back = api.client.get(url(insats_id, "2023"), headers=api.admin).json()
    for measure in (
        "participants",
        "started",
        "ended",
        "outcomes",
        "volume_contacts",
        "anonymous_cases",
        "income_source_at_start",
        "income_source_at_exit",
        "age_bands",
        "attendees",
        "activities",
        "note",
    ):
        assert back[measure] is None, measure


@pytest.mark.parametrize(
    "measure", ["age_bands", "income_source_at_start", "income_source_at_exit", "outcomes"]
)
def test_an_empty_object_for_a_measure_is_stored_as_null(
    api: Api, insats_id: int, measure: str
) -> None:
    response = put(api, insats_id, "2023", {measure: {}, "volume_contacts": 1})
    assert response.status_code == 201, response.text
    assert response.json()[measure] is None
    assert api.client.get(url(insats_id, "2023"), headers=api.admin).json()[measure] is None


def test_zero_counts_are_stored_as_zero_not_as_null(api: Api, insats_id: int) -> None:
    body = {
        "participants": gc(0, 0),
        "volume_contacts": 0,
        "anonymous_cases": 0,
        "age_bands": {"16-19": 0},
        "outcomes": {"work": gc(0, 0)},
        "ended": gc(0, 0),
    }
    assert put(api, insats_id, "2023", body).status_code == 201
    back = api.client.get(url(insats_id, "2023"), headers=api.admin).json()
    assert back["participants"] == {**gc(0, 0, 0), "total": 0}
    assert back["volume_contacts"] == 0
    assert back["anonymous_cases"] == 0
    assert back["age_bands"]["16-19"] == 0
    assert back["outcomes"]["work"] == {**gc(0, 0, 0), "total": 0}
    assert back["outcomes"]["studies"] is None
    assert back["started"] is None


# --- insatser and förbund --------------------------------------------------------------------


def insats_body(**extra: Any) -> dict[str, Any]:
    return {
        "name": "Psykolog",
        "kind": "individual",
        "owner": "Region Västernorrland",
        "start_date": "2023-01-01",
        **extra,
    }


def test_an_insats_ending_before_it_starts_is_rejected_naming_end_date(
    client: TestClient, api: Api, forbund: str
) -> None:
    response = client.post(
        f"/api/v1/forbund/{forbund}/insatser",
        json=insats_body(end_date="2022-12-31"),
        headers=api.admin,
    )
    assert_rejected_at(response, ["body", "end_date"])
    listed = client.get(f"/api/v1/forbund/{forbund}/insatser", headers=api.admin)
    assert listed.json() == []


def test_an_insats_ending_on_its_start_day_is_accepted(
    client: TestClient, api: Api, forbund: str
) -> None:
    response = client.post(
        f"/api/v1/forbund/{forbund}/insatser",
        json=insats_body(end_date="2023-01-01"),
        headers=api.admin,
    )
    assert response.status_code == 201, response.text


def test_an_insats_of_unknown_kind_is_rejected(client: TestClient, api: Api, forbund: str) -> None:
    response = client.post(
        f"/api/v1/forbund/{forbund}/insatser", json=insats_body(kind="mixed"), headers=api.admin
    )
    assert_rejected_at(response, ["body", "kind"])


def forbund_body(code: str) -> dict[str, Any]:
    return {"code": code, "name": "Samordningsförbundet", "lan": "Län", "kommuner": ["Kommun"]}


@pytest.mark.parametrize("code", ["Sundsvall", "a b", "-sundsvall", "sundsvall-", ""])
def test_a_forbund_code_that_is_not_a_lower_case_slug_is_rejected(
    client: TestClient, api: Api, code: str
) -> None:
    response = client.post("/api/v1/forbund", json=forbund_body(code), headers=api.admin)
    assert_rejected_at(response, ["body", "code"])
    assert client.get("/api/v1/forbund", headers=api.admin).json() == []


def test_a_forbund_code_with_hyphens_and_digits_is_accepted(client: TestClient, api: Api) -> None:
    response = client.post("/api/v1/forbund", json=forbund_body("samsund-2"), headers=api.admin)
    assert response.status_code == 201, response.text


def test_a_duplicate_forbund_code_is_a_409_problem(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    response = client.post("/api/v1/forbund", json=forbund_body("sundsvall"), headers=api.admin)
    assert_problem(response, 409)
    assert len(client.get("/api/v1/forbund", headers=api.admin).json()) == 1
