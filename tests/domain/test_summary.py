"""Unit tests of summaries as plain data (app.domain.summary) and of the disclosure control
applied to a summary before it is published (app.summaries.open_data.protect)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

import pytest

from app.domain.derived import DERIVED
from app.domain.measures import MEASURES, OUTCOME_CATEGORIES
from app.domain.summary import (
    SHARE_INPUTS,
    Sum,
    build_measures,
    build_shares,
    change,
    share_inputs,
)
from app.releases.protection import protect_release
from tests.attacks.lp import Model, audit

GENDERS = ("women", "men", "unspecified")


def gender_sums(
    measure: str, women: int, men: int, unspecified: int = 0, *, category: str = "", by: int = 1
) -> list[Sum]:
    split = [
        Sum(measure, category, g, v, by)
        for g, v in zip(GENDERS, (women, men, unspecified), strict=True)
    ]
    return [*split, Sum(measure, category, "total", women + men + unspecified, by)]


# --- build_measures -------------------------------------------------------------------------


def test_no_sums_give_every_measure_of_the_catalogue_as_null() -> None:
    measures = build_measures([])

    assert measures == dict.fromkeys(MEASURES)


def test_a_gender_count_gets_its_total_and_reported_by() -> None:
    measures = build_measures(gender_sums("participants", 124, 161, 2, by=7))

    assert measures["participants"] == {
        "women": 124,
        "men": 161,
        "unspecified": 2,
        "total": 287,
        "reported_by": 7,
        "not_split_by": 0,
    }


def test_a_reported_zero_is_zero_and_an_unreported_measure_is_null() -> None:
    measures = build_measures(gender_sums("ended", 0, 0))

    assert measures["ended"] == {
        "women": 0,
        "men": 0,
        "unspecified": 0,
        "total": 0,
        "reported_by": 1,
        "not_split_by": 0,
    }
    assert measures["started"] is None
    assert measures["participants"] is None


def test_a_gender_without_a_sum_counts_as_zero_within_a_reported_figure() -> None:
    measures = build_measures([Sum("participants", "", "women", 5, 2)])

    assert measures["participants"] == {
        "women": 5,
        "men": 0,
        "unspecified": 0,
        "total": 5,
        "reported_by": 2,
        "not_split_by": 0,
    }


def test_reported_by_of_a_gender_figure_is_the_most_reports_behind_any_gender() -> None:
    sums = [
        Sum("started", "", "women", 4, 3),
        Sum("started", "", "men", 6, 3),
        Sum("started", "", "unspecified", 1, 1),
    ]

    assert build_measures(sums)["started"]["reported_by"] == 3


def test_a_count_measure_has_a_total_and_reported_by_and_zero_stays_zero() -> None:
    measures = build_measures(
        [Sum("volume_contacts", "", "", 1134, 5), Sum("anonymous_cases", "", "", 0, 2)]
    )

    assert measures["volume_contacts"] == {"total": 1134, "reported_by": 5}
    assert measures["anonymous_cases"] == {"total": 0, "reported_by": 2}
    assert measures["activities"] is None


def test_categories_nobody_reported_are_null_beside_reported_ones() -> None:
    sums = [
        Sum("age_bands", "20-24", "", 40, 2),
        Sum("age_bands", "16-19", "", 0, 1),
    ]

    age_bands = build_measures(sums)["age_bands"]

    assert age_bands["20-24"] == {"total": 40, "reported_by": 2}
    assert age_bands["16-19"] == {"total": 0, "reported_by": 1}
    assert age_bands["60-66"] is None
    assert set(age_bands) == set(MEASURES["age_bands"].categories)


def test_outcomes_hold_every_category_with_null_for_those_not_reported() -> None:
    sums = gender_sums("outcomes", 33, 43, category="work", by=4) + gender_sums(
        "outcomes", 0, 0, category="studies", by=4
    )

    outcomes = build_measures(sums)["outcomes"]

    assert set(outcomes) == set(OUTCOME_CATEGORIES)
    assert outcomes["work"]["total"] == 76
    assert outcomes["studies"]["total"] == 0  # reported as 0: not "ej aktuellt"
    assert outcomes["benefit"] is None
    assert outcomes["work_preparation"] is None


def test_a_category_measure_nobody_reported_is_null_as_a_whole() -> None:
    measures = build_measures(gender_sums("participants", 1, 1))

    assert measures["outcomes"] is None
    assert measures["income_source_at_start"] is None
    assert measures["attendees"] is None


def test_share_inputs_are_not_a_measure() -> None:
    sums = [Sum(SHARE_INPUTS, "work_of_ended.numerator", "women", 3, 1)]

    assert build_measures(sums) == dict.fromkeys(MEASURES)


# --- share ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("numerator", "denominator", "expected"),
    [
        (1, 4, 0.25),
        (1, 3, 0.3333),
        (2, 3, 0.6667),
        (0, 5, 0.0),
        (5, 5, 1.0),
        (137, 400, 0.3425),
    ],
)
def test_a_share_is_rounded_to_four_decimals(
    numerator: int, denominator: int, expected: float
) -> None:
    assert DERIVED["work_of_ended"].value(numerator, denominator) == expected


@pytest.mark.parametrize(
    ("numerator", "denominator"), [(None, 10), (3, None), (None, None), (0, 0), (3, 0)]
)
def test_a_share_without_both_sides_or_of_nobody_is_null(
    numerator: int | None, denominator: int | None
) -> None:
    assert all(d.value(numerator, denominator) is None for d in DERIVED.values())


# --- share_inputs and build_shares ----------------------------------------------------------


def share_sums(name: str, numerators: dict[str, int], denominators: dict[str, int]) -> list[Sum]:
    """The pseudo-measure's sums as the database gives them: per kön, and the stored totals."""
    sums = []
    for part, given in (("numerator", numerators), ("denominator", denominators)):
        sums += [Sum(SHARE_INPUTS, f"{name}.{part}", g, v, 1) for g, v in given.items()]
        sums.append(Sum(SHARE_INPUTS, f"{name}.{part}", "total", sum(given.values()), 1))
    return sums


def test_share_inputs_give_each_gender_and_the_total() -> None:
    sums = share_sums("work_of_ended", {"women": 4, "men": 2}, {"women": 10, "men": 10})
    sums.append(Sum("ended", "", "women", 10, 1))  # a measure, not a share input

    inputs = share_inputs(sums)

    assert inputs == {
        "work_of_ended": {
            "women": {"numerator": 4, "denominator": 10},
            "men": {"numerator": 2, "denominator": 10},
            "total": {"numerator": 6, "denominator": 20},
        }
    }


def test_shares_are_given_per_gender_and_in_total() -> None:
    inputs = share_inputs(
        share_sums(
            "work_or_studies_of_ended",
            {"women": 5, "men": 2, "unspecified": 0},
            {"women": 10, "men": 8, "unspecified": 0},
        )
    )

    shares = build_shares(inputs)

    assert shares["work_or_studies_of_ended"] == {
        "women": 0.5,
        "men": 0.25,
        "unspecified": None,  # nobody of unspecified kön ended: no share, not 0
        "total": round(7 / 18, 4),
    }


def test_a_share_nobody_gave_inputs_for_is_null() -> None:
    inputs = share_inputs(share_sums("work_of_ended", {"women": 1}, {"women": 2}))

    shares = build_shares(inputs)

    assert shares["studies_of_ended"] is None
    assert shares["work_or_studies_of_ended"] is None
    assert shares["work_of_ended"]["women"] == 0.5
    assert shares["work_of_ended"]["men"] is None
    assert build_shares({}) == dict.fromkeys(shares)


# --- change ---------------------------------------------------------------------------------


def test_change_subtracts_number_by_number_and_leaves_out_reported_by() -> None:
    current = {"women": 12, "men": 5, "unspecified": 0, "total": 17, "reported_by": 2}
    previous = {"women": 10, "men": 8, "unspecified": 0, "total": 18, "reported_by": 1}

    assert change(current, previous) == {"women": 2, "men": -3, "unspecified": 0, "total": -1}


def test_change_of_shares_is_rounded_to_four_decimals() -> None:
    assert change({"total": 0.3}, {"total": 0.1}) == {"total": 0.2}


@pytest.mark.parametrize(("current", "previous"), [(5, None), (None, 5), (None, None)])
def test_change_with_a_missing_side_is_null(current: int | None, previous: int | None) -> None:
    assert change(current, previous) is None


def test_change_is_null_where_either_period_lacks_the_figure() -> None:
    current = {
        "measures": {
            "participants": {"women": 3, "men": 4, "total": 7, "reported_by": 1},
            "started": {"women": 1, "men": 1, "total": 2, "reported_by": 1},
            "volume_contacts": None,
        }
    }
    previous = {
        "measures": {
            "participants": {"women": 1, "men": 4, "total": 5, "reported_by": 1},
            "started": None,
            "volume_contacts": {"total": 9, "reported_by": 1},
        }
    }

    result = change(current, previous)

    assert result == {
        "measures": {
            "participants": {"women": 2, "men": 0, "total": 2},
            "started": None,
            "volume_contacts": None,
        }
    }


def test_change_between_two_periods_without_common_figures_is_null() -> None:
    assert change({"started": {"total": 4}}, {"ended": {"total": 4}}) is None
    assert change({"a": 1}, {}) is None


# --- protect: a summary published without a token ------------------------------------------


def protect(summary: dict[str, Any], threshold: int, rows_key: str | None = None) -> dict[str, Any]:
    """Publish a hand-made national summary (rows_key="forbund") or förbund summary the way a
    release does (app/releases/protection.py): every table protected together, then served."""
    rows = (
        [{"key": summary["forbund"], "name": None, "lan": "X", **summary}]
        if rows_key is None
        else [
            {"key": row.get("key", str(i)), "name": None, "lan": "X", **row}
            for i, row in enumerate(summary[rows_key])
        ]
    )
    by_forbund = {**summary, "period": "2022", "forbund": rows}
    no_lan_rows = {**by_forbund, "forbund": []}
    release = protect_release(by_forbund, no_lan_rows, {}, threshold, [])
    if rows_key is None:
        return dict(release.content["forbund"][summary["forbund"]])
    return dict(release.content["national"]["forbund"])


def figure(women: int, men: int, unspecified: int = 0, *, by: int = 1) -> dict[str, int]:
    return {
        "women": women,
        "men": men,
        "unspecified": unspecified,
        "total": women + men + unspecified,
        "reported_by": by,
    }


def empty_measures() -> dict[str, Any]:
    return dict.fromkeys(MEASURES)


def block(measures: dict[str, Any], shares: dict[str, Any] | None = None) -> dict[str, Any]:
    return {
        "insatser": 1,
        "reports": 1,
        "complete": True,
        "computed_from": ["2022"],
        "measures": measures,
        "shares": shares or {"work_of_ended": None, "studies_of_ended": None},
    }


def national(rows: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A national summary whose figures are the sums of its rows' (the rows must give the
    same measures, each a gender figure or a count)."""
    measures = empty_measures()
    first = next(iter(rows.values()))["measures"]
    for name, value in first.items():
        if value is None:
            continue
        keys = [k for k in value if k != "reported_by"]
        measures[name] = {k: sum(r["measures"][name][k] for r in rows.values()) for k in keys}
        measures[name]["reported_by"] = sum(
            r["measures"][name]["reported_by"] for r in rows.values()
        )
    return {
        "period": "2022",
        "group_by": "forbund",
        **block(measures),
        "forbund": [
            {"key": key, "name": key, "lan": "Västernorrlands län", **row}
            for key, row in rows.items()
        ],
    }


def counts_of(summary: dict[str, Any]) -> Iterator[tuple[str, int | None]]:
    """(dotted path, value) of every count of people: national figures and each row's."""

    def walk(node: Any, path: str) -> Iterator[tuple[str, int | None]]:
        if isinstance(node, dict):
            for key, value in node.items():
                if key != "reported_by":
                    yield from walk(value, f"{path}.{key}")
        elif node is None or isinstance(node, int):
            yield path, node

    yield from walk(summary["measures"], "measures")
    for index, row in enumerate(summary.get("forbund") or []):
        yield from walk(row["measures"], f"forbund.{index}.measures")


def resolve(root: Any, dotted: str) -> Any:
    node = root
    for part in dotted.split("."):
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node


@pytest.fixture
def two_rows() -> dict[str, Any]:
    """Sundsvall (3 women took part: below 5) and Jämtland; only Sundsvall gave volyminsats
    and only Jämtland utfall arbete; nobody gave nya deltagare."""
    sundsvall = empty_measures() | {
        "participants": figure(3, 40),
        "volume_contacts": {"total": 50, "reported_by": 1},
    }
    jamtland = empty_measures() | {
        "participants": figure(30, 25),
        "volume_contacts": {"total": 80, "reported_by": 1},
    }
    return national({"sundsvall": block(sundsvall), "jamtland": block(jamtland)})


def test_protect_hides_a_small_count_and_names_it(two_rows: dict[str, Any]) -> None:
    published = protect(two_rows, 5, rows_key="forbund")

    assert published["forbund"][0]["measures"]["participants"]["women"] is None
    assert "forbund.0.measures.participants.women" in published["suppressed"]


def test_protect_names_exactly_the_counts_it_hid(two_rows: dict[str, Any]) -> None:
    before = dict(counts_of(copy.deepcopy(two_rows)))

    published = protect(two_rows, 5, rows_key="forbund")

    after = dict(counts_of(published))
    assert {p for p in after if after[p] is None and before[p] is not None} == set(
        published["suppressed"]
    )
    assert published["suppressed"] == sorted(published["suppressed"])
    for path, value in after.items():
        assert value is None or value == before[path]


def test_protect_publishes_no_count_between_one_and_the_threshold(
    two_rows: dict[str, Any],
) -> None:
    published = protect(two_rows, 5, rows_key="forbund")

    assert [(p, v) for p, v in counts_of(published) if v is not None and 1 <= v < 5] == []


def test_protect_leaves_no_small_count_narrowed_by_the_relations(two_rows: dict[str, Any]) -> None:
    truth = dict(counts_of(copy.deepcopy(two_rows)))
    published = protect(two_rows, 5, rows_key="forbund")

    hidden = set(published["suppressed"])
    model = Model()
    for path, value in truth.items():
        if value is not None and path.split(".")[-2] == "participants":
            if path in hidden:
                model.suppressed(path)
            else:
                model.published(path, value)
    for prefix in ("", "forbund.0.", "forbund.1."):
        path = f"{prefix}measures.participants"
        model.total(f"{path}.total", [f"{path}.{g}" for g in GENDERS])
    for key in (*GENDERS, "total"):
        model.total(
            f"measures.participants.{key}",
            [f"forbund.{i}.measures.participants.{key}" for i in (0, 1)],
        )
    known = {p: v for p, v in truth.items() if p in model and v is not None}
    assert audit(model, known, hidden & known.keys(), threshold=5, min_width=4) == []


def test_protect_never_hides_nor_names_what_nobody_reported(two_rows: dict[str, Any]) -> None:
    published = protect(two_rows, 5, rows_key="forbund")

    assert published["measures"]["started"] is None
    assert not [p for p in published["suppressed"] if ".started" in p or ".outcomes" in p]


def test_protect_publishes_zeros_and_leaves_reported_by_alone(two_rows: dict[str, Any]) -> None:
    published = protect(two_rows, 5, rows_key="forbund")

    assert published["measures"]["participants"]["unspecified"] == 0
    assert published["forbund"][0]["measures"]["participants"]["reported_by"] == 1
    assert not [p for p in published["suppressed"] if p.endswith("reported_by")]


def test_protect_with_a_lower_threshold_publishes_the_same_count(
    two_rows: dict[str, Any],
) -> None:
    published = protect(two_rows, 3, rows_key="forbund")

    assert published["forbund"][0]["measures"]["participants"]["women"] == 3
    assert published["suppressed"] == []


def test_protect_of_a_table_without_small_counts_changes_nothing() -> None:
    rows = {
        "sundsvall": block(empty_measures() | {"participants": figure(10, 40)}),
        "jamtland": block(empty_measures() | {"participants": figure(30, 0)}),
    }
    summary = national(rows)
    before = copy.deepcopy(summary)

    published = protect(summary, 5, rows_key="forbund")

    assert published["suppressed"] == []
    assert {k: v for k, v in published.items() if k != "suppressed"} == before


def test_protect_of_a_forbund_summary_hides_a_small_share_source_and_the_share() -> None:
    measures = empty_measures() | {
        "participants": figure(20, 20),
        "ended": figure(10, 12),
        "outcomes": dict.fromkeys(OUTCOME_CATEGORIES) | {"work": figure(3, 8)},
    }
    shares = {
        "work_of_ended": {"women": 0.3, "men": 0.6667, "unspecified": None, "total": 0.5},
        "studies_of_ended": None,
        "work_or_studies_of_ended": {
            "women": 0.3,
            "men": 0.6667,
            "unspecified": None,
            "total": 0.5,
        },
    }
    summary = {"forbund": "sundsvall", "period": "2022", **block(measures, shares)}

    published = protect(summary, 5)

    assert published["measures"]["outcomes"]["work"]["women"] is None
    for name in ("work_of_ended", "work_or_studies_of_ended"):
        assert published["shares"][name]["women"] is None
        assert f"shares.{name}.women" in published["suppressed"]
    assert published["shares"]["studies_of_ended"] is None
    assert not [p for p in published["suppressed"] if p.startswith("shares.studies_of_ended")]
    for path in published["suppressed"]:
        assert resolve(published, path) is None


def test_a_share_has_no_split_when_an_insats_behind_it_gave_totals_alone() -> None:
    # Two insatser gave both sides: one split by kön, one by totals alone (kön ej uppdelat).
    sums = [
        Sum(SHARE_INPUTS, "work_of_ended.numerator", "women", 2, 1),
        Sum(SHARE_INPUTS, "work_of_ended.numerator", "men", 1, 1),
        Sum(SHARE_INPUTS, "work_of_ended.numerator", "total", 3 + 5, 2),
        Sum(SHARE_INPUTS, "work_of_ended.denominator", "women", 4, 1),
        Sum(SHARE_INPUTS, "work_of_ended.denominator", "men", 4, 1),
        Sum(SHARE_INPUTS, "work_of_ended.denominator", "total", 8 + 12, 2),
    ]

    shares = build_shares(share_inputs(sums))

    assert shares["work_of_ended"] == {
        "women": None,
        "men": None,
        "unspecified": None,
        "total": 0.4,
    }


def test_a_count_by_kon_has_no_split_when_an_insats_gave_its_total_alone() -> None:
    split = [Sum("participants", "", g, v, 1) for g, v in (("women", 3), ("men", 4))]
    split.append(Sum("participants", "", "unspecified", 0, 1))
    both = [*split, Sum("participants", "", "total", 7 + 10, 2)]

    assert build_measures(split)["participants"] == {
        "women": 3,
        "men": 4,
        "unspecified": 0,
        "total": 7,
        "reported_by": 1,
        "not_split_by": 0,
    }
    assert build_measures(both)["participants"] == {
        "women": None,
        "men": None,
        "unspecified": None,
        "total": 17,
        "reported_by": 2,
        "not_split_by": 1,
    }
