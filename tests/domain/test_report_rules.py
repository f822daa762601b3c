"""Unit tests for a report's figures: stored as facts and back, and the consistency rules."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.measures import (
    AGE_BANDS,
    ATTENDEE_ORGANISATIONS,
    INCOME_SOURCES,
    MEASURES,
    OUTCOME_CATEGORIES,
    InsatsKind,
)
from app.domain.reports import Violation, check_consistency, from_facts, to_facts

INDIVIDUAL, STRUCTURAL = InsatsKind.INDIVIDUAL, InsatsKind.STRUCTURAL


def gc(women: int, men: int, unspecified: int = 0) -> dict[str, int]:
    return {"women": women, "men": men, "unspecified": unspecified}


def read_back(given: dict[str, int]) -> dict[str, int | None]:
    """A count by kön as it reads back: with its total, or a total alone with no split."""
    if "women" not in given:
        return {"women": None, "men": None, "unspecified": None, "total": given["total"]}
    return {**given, "total": sum(given.values())}


def locs(violations: list[Violation]) -> list[tuple[str | int, ...]]:
    return [v.loc for v in violations]


# --- facts round trip ------------------------------------------------------------------------

counts = st.integers(0, 10_000_000)
gender_counts = st.one_of(
    st.fixed_dictionaries({"women": counts, "men": counts, "unspecified": counts}),
    st.fixed_dictionaries({"total": counts}),  # kön ej uppdelat
)


def category_counts(categories: tuple[str, ...]) -> st.SearchStrategy[dict[str, int]]:
    return st.dictionaries(st.sampled_from(categories), counts, min_size=1)


# Outcomes with at least one category reported; the others are left out or given as null.
outcomes = st.dictionaries(
    st.sampled_from(OUTCOME_CATEGORIES), st.one_of(st.none(), gender_counts), min_size=1
).filter(lambda value: any(v is not None for v in value.values()))

MEASURE_VALUES: dict[str, st.SearchStrategy[Any]] = {
    "participants": gender_counts,
    "started": gender_counts,
    "ended": gender_counts,
    "outcomes": outcomes,
    "volume_contacts": counts,
    "anonymous_cases": counts,
    "income_source_at_start": category_counts(INCOME_SOURCES),
    "income_source_at_exit": category_counts(INCOME_SOURCES),
    "age_bands": category_counts(AGE_BANDS),
    "attendees": category_counts(ATTENDEE_ORGANISATIONS),
    "activities": counts,
}

figures_strategy = st.fixed_dictionaries(
    {}, optional={name: st.one_of(st.none(), value) for name, value in MEASURE_VALUES.items()}
)


def test_the_strategy_covers_every_measure_of_the_catalogue() -> None:
    assert set(MEASURE_VALUES) == set(MEASURES)


@given(figures=figures_strategy)
def test_figures_round_trip_through_facts(figures: dict[str, Any]) -> None:
    back = from_facts(to_facts(figures))
    assert set(back) == set(MEASURES)
    for name in MEASURES:
        given_value = figures.get(name)
        if name == "outcomes" and given_value is not None:
            # Every category comes back; those not given (or given as null) as None.
            assert back[name] == {
                c: None if given_value.get(c) is None else read_back(given_value[c])
                for c in OUTCOME_CATEGORIES
            }
        elif name in ("participants", "started", "ended") and given_value is not None:
            assert back[name] == read_back(given_value)
        else:
            assert back[name] == given_value


def test_a_measure_not_reported_yields_no_facts_and_comes_back_as_none() -> None:
    assert to_facts({"participants": None}) == []
    assert from_facts([]) == dict.fromkeys(MEASURES)


def test_a_zero_is_stored_as_a_fact_and_is_not_confused_with_not_reported() -> None:
    figures = {"volume_contacts": 0, "participants": gc(0, 0), "age_bands": {"16-19": 0}}
    back = from_facts(to_facts(figures))
    assert back["volume_contacts"] == 0
    assert back["participants"] == read_back(gc(0, 0))
    assert back["age_bands"] == {"16-19": 0}
    assert back["anonymous_cases"] is None


def test_a_gender_count_without_unspecified_is_stored_with_unspecified_zero() -> None:
    back = from_facts(to_facts({"started": {"women": 4, "men": 2}}))
    assert back["started"] == read_back(gc(4, 2, 0))


def test_outcome_categories_not_given_come_back_as_none() -> None:
    back = from_facts(to_facts({"outcomes": {"work": gc(3, 4)}}))
    assert back["outcomes"] == {
        "work": read_back(gc(3, 4)),
        "studies": None,
        "work_preparation": None,
        "other_intervention": None,
        "benefit": None,
        "other": None,
    }


# --- consistency: started and ended within participants --------------------------------------


@pytest.mark.parametrize("name", ["started", "ended"])
def test_a_flow_equal_to_participants_passes(name: str) -> None:
    figures = {"participants": gc(5, 6, 1), name: gc(5, 6, 1)}
    assert check_consistency(figures, INDIVIDUAL) == []


def test_started_above_participants_for_women_is_rejected_at_started_women() -> None:
    violations = check_consistency({"participants": gc(5, 6), "started": gc(6, 0)}, INDIVIDUAL)
    assert locs(violations) == [("started", "women")]


def test_ended_above_participants_for_men_is_rejected_at_ended_men() -> None:
    violations = check_consistency({"participants": gc(5, 6), "ended": gc(0, 7)}, INDIVIDUAL)
    assert locs(violations) == [("ended", "men")]


def test_started_above_participants_in_total_only_is_rejected_at_started() -> None:
    # Per gender each fits (3 <= 5 + 0, 3 <= 5 + 0) but 3 + 3 + 5 = 11 > 10.
    violations = check_consistency(
        {"participants": gc(5, 5, 0), "started": gc(3, 3, 5)}, INDIVIDUAL
    )
    assert locs(violations) == [("started",)]


# --- consistency: outcomes within ended ------------------------------------------------------


def test_outcomes_summing_to_exactly_ended_pass() -> None:
    figures = {
        "ended": gc(5, 5),
        "outcomes": {"work": gc(3, 2), "studies": gc(2, 3), "benefit": None},
    }
    assert check_consistency(figures, INDIVIDUAL) == []


def test_outcomes_above_ended_for_men_are_rejected_at_outcomes_men() -> None:
    figures = {"ended": gc(5, 5), "outcomes": {"work": gc(2, 4), "studies": gc(0, 2)}}
    assert locs(check_consistency(figures, INDIVIDUAL)) == [("outcomes", "men")]


def test_outcomes_above_ended_for_both_genders_and_in_total_give_three_violations() -> None:
    figures = {"ended": gc(1, 1), "outcomes": {"work": gc(2, 2)}}
    assert locs(check_consistency(figures, INDIVIDUAL)) == [
        ("outcomes", "women"),
        ("outcomes", "men"),
        ("outcomes",),
    ]


# --- consistency: category sums --------------------------------------------------------------


@pytest.mark.parametrize("name", ["age_bands", "income_source_at_start"])
def test_a_category_sum_equal_to_the_participants_total_passes(name: str) -> None:
    keys = AGE_BANDS if name == "age_bands" else INCOME_SOURCES
    figures = {"participants": gc(4, 4, 2), name: {keys[0]: 6, keys[1]: 4}}
    assert check_consistency(figures, INDIVIDUAL) == []


@pytest.mark.parametrize("name", ["age_bands", "income_source_at_start"])
def test_a_category_sum_above_the_participants_total_is_rejected_at_the_measure(
    name: str,
) -> None:
    keys = AGE_BANDS if name == "age_bands" else INCOME_SOURCES
    figures = {"participants": gc(4, 4, 2), name: {keys[0]: 6, keys[1]: 5}}
    assert locs(check_consistency(figures, INDIVIDUAL)) == [(name,)]


def test_income_source_at_exit_equal_to_the_ended_total_passes() -> None:
    figures = {"ended": gc(2, 3), "income_source_at_exit": {"none": 4, "study_support": 1}}
    assert check_consistency(figures, INDIVIDUAL) == []


def test_income_source_at_exit_above_the_ended_total_is_rejected_even_within_participants() -> None:
    figures = {
        "participants": gc(10, 10),
        "ended": gc(2, 3),
        "income_source_at_exit": {"none": 4, "study_support": 2},
    }
    assert locs(check_consistency(figures, INDIVIDUAL)) == [("income_source_at_exit",)]


# --- the unspecified-gender slack (Sundsvall 2022 gives totals without a kön split) ----------


def test_unsplit_totals_and_outcomes_split_by_gender_pass_when_the_totals_fit() -> None:
    figures = {
        "participants": gc(0, 0, 34),
        "ended": gc(0, 0, 10),
        "outcomes": {"work": gc(2, 2), "studies": gc(1, 0)},
        "started": gc(7, 8),
    }
    assert check_consistency(figures, INDIVIDUAL) == []


def test_outcomes_split_by_gender_fail_when_their_total_exceeds_unsplit_ended() -> None:
    # women 6 <= 0 + 10 and men 5 <= 0 + 10, but 11 > 10 in total.
    figures = {"ended": gc(0, 0, 10), "outcomes": {"work": gc(6, 5)}}
    assert locs(check_consistency(figures, INDIVIDUAL)) == [("outcomes",)]


def test_started_split_by_gender_fails_when_one_gender_exceeds_unsplit_participants() -> None:
    figures = {"participants": gc(0, 0, 34), "started": gc(35, 0)}
    assert locs(check_consistency(figures, INDIVIDUAL)) == [("started", "women"), ("started",)]


def test_unspecified_participants_widen_the_bound_of_each_gender() -> None:
    # men 6 > 4 men, but up to 2 of the unspecified may be men: 6 <= 4 + 2; total 9 <= 10.
    figures = {"participants": gc(4, 4, 2), "ended": gc(3, 6)}
    assert check_consistency(figures, INDIVIDUAL) == []


# --- rules skipped when one side is not reported ---------------------------------------------


@pytest.mark.parametrize(
    "figures",
    [
        {"started": gc(100, 100)},
        {"ended": gc(100, 100), "participants": None},
        {"outcomes": {"work": gc(50, 50)}},
        {"outcomes": {"work": gc(50, 50)}, "participants": gc(1, 1)},
        {"age_bands": {"16-19": 500}},
        {"income_source_at_start": {"none": 500}, "ended": gc(1, 1)},
        {"income_source_at_exit": {"none": 500}, "participants": gc(1, 1)},
    ],
    ids=[
        "started-without-participants",
        "ended-with-null-participants",
        "outcomes-without-ended",
        "outcomes-with-participants-but-no-ended",
        "age-bands-without-participants",
        "income-at-start-without-participants",
        "income-at-exit-without-ended",
    ],
)
def test_a_rule_comparing_two_measures_is_skipped_when_one_is_not_reported(
    figures: dict[str, Any],
) -> None:
    assert check_consistency(figures, INDIVIDUAL) == []


def test_outcomes_that_are_all_null_are_not_compared_with_ended() -> None:
    assert check_consistency({"ended": gc(0, 0), "outcomes": {"work": None}}, INDIVIDUAL) == []


# --- rules by kind of insats -----------------------------------------------------------------

INDIVIDUAL_ONLY = {
    "participants": gc(1, 1),
    "started": gc(1, 1),
    "ended": gc(1, 1),
    "outcomes": {"work": gc(1, 1)},
    "income_source_at_start": {"none": 1},
    "income_source_at_exit": {"none": 1},
    "age_bands": {"16-19": 1},
}
STRUCTURAL_ONLY = {"attendees": {"fk": 3, "kommun": 4}, "activities": 2}


@pytest.mark.parametrize("name", sorted(INDIVIDUAL_ONLY))
def test_a_participant_measure_on_a_structural_insats_is_rejected(name: str) -> None:
    violations = check_consistency({name: INDIVIDUAL_ONLY[name]}, STRUCTURAL)
    assert locs(violations) == [(name,)]
    assert "structural" in violations[0].msg


@pytest.mark.parametrize("name", sorted(STRUCTURAL_ONLY))
def test_an_attendee_measure_on_an_individual_insats_is_rejected(name: str) -> None:
    violations = check_consistency({name: STRUCTURAL_ONLY[name]}, INDIVIDUAL)
    assert locs(violations) == [(name,)]
    assert "individual" in violations[0].msg


@pytest.mark.parametrize("kind", list(InsatsKind))
def test_volume_contacts_and_anonymous_cases_are_allowed_on_both_kinds(kind: InsatsKind) -> None:
    assert check_consistency({"volume_contacts": 270, "anonymous_cases": 3}, kind) == []


def test_a_structural_report_with_only_its_own_measures_passes() -> None:
    figures = {**STRUCTURAL_ONLY, "volume_contacts": 12}
    assert check_consistency(figures, STRUCTURAL) == []


def test_a_full_individual_report_like_the_contract_example_passes() -> None:
    figures = {
        "participants": gc(124, 161),
        "started": gc(40, 52),
        "ended": gc(35, 45),
        "outcomes": {"work": gc(33, 43), "studies": gc(1, 1), "benefit": None},
        "volume_contacts": 270,
        "income_source_at_start": {"social_assistance": 30, "unemployment_insurance": 4},
        "income_source_at_exit": {"none": 20, "social_assistance": 12},
        "age_bands": {"16-19": 3, "20-24": 40},
    }
    assert check_consistency(figures, INDIVIDUAL) == []


def test_a_measure_not_applying_to_the_kind_is_rejected_even_when_null_others_are_present() -> None:
    figures = {"participants": None, "activities": 1}
    assert locs(check_consistency(figures, INDIVIDUAL)) == [("activities",)]
