"""Unit tests for reporting periods: parsing, calendar bounds, overlaps, tiling and coverage."""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.periods import (
    Period,
    PeriodError,
    PeriodKind,
    choose_coverage,
    parse_period,
)

Y, H, T, Q = PeriodKind.YEAR, PeriodKind.HALF, PeriodKind.TERTIAL, PeriodKind.QUARTER


def p(text: str) -> Period:
    return parse_period(text)


# --- parsing ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", Period(2023, Y)),
        ("2023H1", Period(2023, H, 1)),
        ("2023H2", Period(2023, H, 2)),
        ("2023T1", Period(2023, T, 1)),
        ("2023T2", Period(2023, T, 2)),
        ("2023T3", Period(2023, T, 3)),
        ("2023Q1", Period(2023, Q, 1)),
        ("2023Q2", Period(2023, Q, 2)),
        ("2023Q3", Period(2023, Q, 3)),
        ("2023Q4", Period(2023, Q, 4)),
    ],
)
def test_every_accepted_form_parses_and_prints_back_unchanged(text: str, expected: Period) -> None:
    period = parse_period(text)
    assert period == expected
    assert str(period) == text


@pytest.mark.parametrize("text", ["2023h1", "2023h2", "2023t3", "2023q4"])
def test_lower_case_kind_letters_are_accepted_and_printed_in_upper_case(text: str) -> None:
    assert str(parse_period(text)) == text.upper()


@pytest.mark.parametrize(
    "text", ["2023H3", "2023T4", "2023Q5", "2023M1", "23", "2023-01", "", " 2023x"]
)
def test_a_malformed_period_is_rejected_with_a_message_listing_the_accepted_forms(
    text: str,
) -> None:
    with pytest.raises(PeriodError) as raised:
        parse_period(text)
    message = str(raised.value).lower()
    for form in ("year", "half", "tertial", "quarter"):
        assert form in message
    for example in ("yyyyh1", "yyyyt1", "yyyyq1"):
        assert example in message


def test_a_period_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="period"):
        parse_period("2023Q0")


# --- calendar bounds -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31)),
        ("2023H1", date(2023, 1, 1), date(2023, 6, 30)),
        ("2023H2", date(2023, 7, 1), date(2023, 12, 31)),
        ("2023T1", date(2023, 1, 1), date(2023, 4, 30)),
        ("2023T2", date(2023, 5, 1), date(2023, 8, 31)),
        ("2023T3", date(2023, 9, 1), date(2023, 12, 31)),
        ("2023Q1", date(2023, 1, 1), date(2023, 3, 31)),
        ("2023Q2", date(2023, 4, 1), date(2023, 6, 30)),
        ("2023Q3", date(2023, 7, 1), date(2023, 9, 30)),
        ("2023Q4", date(2023, 10, 1), date(2023, 12, 31)),
    ],
)
def test_each_period_starts_and_ends_on_its_calendar_days(
    text: str, start: date, end: date
) -> None:
    period = parse_period(text)
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("suffix", ["", "H1", "H2", "T1", "T2", "T3", "Q1", "Q2", "Q3", "Q4"])
def test_a_leap_year_does_not_move_any_period_boundary(suffix: str) -> None:
    # No period ends in February, so 29 February never is a boundary.
    leap, common = parse_period(f"2024{suffix}"), parse_period(f"2023{suffix}")
    assert (leap.start.month, leap.start.day) == (common.start.month, common.start.day)
    assert (leap.end.month, leap.end.day) == (common.end.month, common.end.day)


# --- overlaps --------------------------------------------------------------------------


def test_an_open_ended_lifetime_starting_on_the_last_day_overlaps_the_period() -> None:
    assert p("2023H1").overlaps(date(2023, 6, 30), None)


def test_an_open_ended_lifetime_starting_the_day_after_does_not_overlap() -> None:
    assert not p("2023H1").overlaps(date(2023, 7, 1), None)


def test_an_open_ended_lifetime_that_started_long_before_overlaps_every_later_period() -> None:
    assert p("2999Q4").overlaps(date(1990, 1, 1), None)


def test_a_closed_lifetime_ending_on_the_first_day_overlaps_the_period() -> None:
    assert p("2023Q3").overlaps(date(2020, 1, 1), date(2023, 7, 1))


def test_a_closed_lifetime_ending_the_day_before_does_not_overlap() -> None:
    assert not p("2023Q3").overlaps(date(2020, 1, 1), date(2023, 6, 30))


def test_a_closed_lifetime_starting_on_the_last_day_overlaps_the_period() -> None:
    assert p("2023Q1").overlaps(date(2023, 3, 31), date(2024, 12, 31))


def test_a_closed_lifetime_starting_the_day_after_does_not_overlap() -> None:
    assert not p("2023Q1").overlaps(date(2023, 4, 1), date(2024, 12, 31))


def test_a_one_day_lifetime_inside_the_period_overlaps_it() -> None:
    assert p("2023T2").overlaps(date(2023, 6, 15), date(2023, 6, 15))


def test_a_lifetime_spanning_the_whole_period_overlaps_it() -> None:
    assert p("2023H2").overlaps(date(2023, 1, 1), date(2024, 12, 31))


# --- parts -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("whole", "kind", "parts"),
    [
        ("2023", H, ["2023H1", "2023H2"]),
        ("2023", T, ["2023T1", "2023T2", "2023T3"]),
        ("2023", Q, ["2023Q1", "2023Q2", "2023Q3", "2023Q4"]),
        ("2023H1", Q, ["2023Q1", "2023Q2"]),
        ("2023H2", Q, ["2023Q3", "2023Q4"]),
        ("2023H1", T, []),
        ("2023T1", Q, []),
        ("2023T2", H, []),
        ("2023Q1", H, []),
        ("2023H1", Y, []),
    ],
)
def test_parts_tiles_a_period_with_shorter_ones_or_is_empty_when_they_do_not_fit(
    whole: str, kind: PeriodKind, parts: list[str]
) -> None:
    assert [str(x) for x in p(whole).parts(kind)] == parts


periods = st.sampled_from(PeriodKind).flatmap(
    lambda kind: st.builds(
        Period,
        year=st.integers(1900, 2999),
        kind=st.just(kind),
        index=st.integers(1, kind.parts_per_year),
    )
)


@given(period=periods, kind=st.sampled_from(PeriodKind))
def test_parts_is_either_empty_or_tiles_the_period_exactly(
    period: Period, kind: PeriodKind
) -> None:
    parts = period.parts(kind)
    if not parts:
        return
    assert all(part.kind is kind for part in parts)
    assert parts[0].start == period.start
    assert parts[-1].end == period.end
    for before, after in pairwise(parts):
        assert after.start == before.end + timedelta(days=1)
    assert all(period.start <= part.start and part.end <= period.end for part in parts)


@given(period=periods)
def test_a_period_is_its_own_single_part_of_its_own_kind(period: Period) -> None:
    assert period.parts(period.kind) == [period]


# --- coverage --------------------------------------------------------------------------------


def ps(*texts: str) -> set[Period]:
    return {p(t) for t in texts}


def test_a_report_for_the_period_itself_wins_over_its_parts() -> None:
    coverage = choose_coverage(p("2023"), ps("2023", "2023H1", "2023H2", "2023Q1"))
    assert coverage.periods == (p("2023"),)
    assert coverage.exact
    assert coverage.complete
    assert not coverage.missing


def test_two_halves_cover_a_year_completely() -> None:
    coverage = choose_coverage(p("2023"), ps("2023H2", "2023H1"))
    assert coverage.periods == (p("2023H1"), p("2023H2"))
    assert not coverage.exact
    assert coverage.complete


def test_three_tertials_cover_a_year_completely() -> None:
    coverage = choose_coverage(p("2023"), ps("2023T1", "2023T2", "2023T3"))
    assert coverage.periods == (p("2023T1"), p("2023T2"), p("2023T3"))
    assert coverage.complete
    assert not coverage.exact


def test_two_quarters_cover_a_half_completely() -> None:
    coverage = choose_coverage(p("2023H2"), ps("2023Q3", "2023Q4", "2023Q1"))
    assert coverage.periods == (p("2023Q3"), p("2023Q4"))
    assert coverage.complete


def test_only_one_half_covers_the_year_incompletely() -> None:
    coverage = choose_coverage(p("2023"), ps("2023H1"))
    assert coverage.periods == (p("2023H1"),)
    assert not coverage.complete
    assert not coverage.exact
    assert not coverage.missing


def test_kinds_are_never_mixed_when_a_half_and_quarters_are_available() -> None:
    coverage = choose_coverage(p("2023"), ps("2023H1", "2023Q3", "2023Q4"))
    assert len({part.kind for part in coverage.periods}) == 1
    assert not coverage.complete
    # Both kinds are partial; among equals the coarser kind (one report, H1) is chosen.
    assert coverage.periods == (p("2023H1"),)


def test_a_complete_tiling_of_a_finer_kind_beats_a_partial_coarser_one() -> None:
    coverage = choose_coverage(p("2023"), ps("2023H1", "2023Q1", "2023Q2", "2023Q3", "2023Q4"))
    assert coverage.periods == (p("2023Q1"), p("2023Q2"), p("2023Q3"), p("2023Q4"))
    assert coverage.complete


def test_nothing_available_means_the_period_is_missing() -> None:
    coverage = choose_coverage(p("2023"), set())
    assert coverage.missing
    assert coverage.periods == ()
    assert not coverage.complete


def test_reports_of_other_years_or_longer_periods_do_not_cover_a_period() -> None:
    assert choose_coverage(p("2023"), ps("2022H1", "2024Q1")).missing
    assert choose_coverage(p("2023H1"), ps("2023")).missing


def test_a_tertial_does_not_cover_a_half_because_their_boundaries_differ() -> None:
    assert choose_coverage(p("2023H1"), ps("2023T1")).missing
