"""The attacker works: it recovers what it should, and no more than the knowledge allows.

Each attack here has a control: the same table with one piece of knowledge less, where the
attacker must *not* pin the cell, so that a broken attacker (one that pins everything, or
nothing) fails these tests.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from typing import Any

import pytest
from scipy.optimize import linprog  # type: ignore[import-untyped]

from tests.attacks import lp
from tests.attacks.lp import Infeasible, Interval, Model, audit, bounds, bounds_many, propagate

GENDERS = ("women", "men", "unspecified")


# --- the classic cases ------------------------------------------------------------------------


def two_by_two(hidden: set[str]) -> tuple[Model, dict[str, int]]:
    """a b | r1,  c d | r2,  column totals c1 c2, grand total n; ``hidden`` are suppressed."""
    truth = {"a": 3, "b": 7, "c": 5, "d": 10}
    truth |= {"r1": 10, "r2": 15, "c1": 8, "c2": 17, "n": 25}
    model = Model()
    model.total("r1", ["a", "b"])
    model.total("r2", ["c", "d"])
    model.total("c1", ["a", "c"])
    model.total("c2", ["b", "d"])
    model.total("n", ["r1", "r2"])
    for name, value in truth.items():
        if name in hidden:
            model.suppressed(name)
        else:
            model.published(name, value)
    assert model.violations(truth) == []
    return model, truth


def test_two_by_two_table_with_one_suppressed_cell_is_recovered_exactly() -> None:
    model, _ = two_by_two({"a"})
    assert bounds(model, "a") == (3, 3)
    assert bounds(model, "a").pinned
    assert propagate(model)["a"] == (3, 3)


def test_two_by_two_table_with_all_inner_cells_suppressed_gives_the_frechet_bounds() -> None:
    # With only the margins, a ranges over [max(0, r1 - c2), min(r1, c1)] = [0, 8]: a control
    # that the attacker does not pin what cannot be pinned.
    model, truth = two_by_two({"a", "b", "c", "d"})
    found = bounds_many(model, ["a", "b", "c", "d"])
    assert found == [(0, 8), (2, 10), (0, 8), (7, 15)]
    assert all(interval.contains(truth[name]) for name, interval in zip("abcd", found, strict=True))
    assert not any(interval.pinned for interval in found)


def test_bounds_of_a_combination_of_unknowns() -> None:
    # a + c is the published c1, whatever a and c are.
    model, _ = two_by_two({"a", "b", "c", "d"})
    assert bounds(model, {"a": 1, "c": 1}) == (8, 8)
    assert bounds(model, {"a": 1, "b": -1}) == (-10, 6)


# --- the attacks -----------------------------------------------------------------------


INCOME = (
    "none",
    "unemployment_insurance",
    "activity_compensation",
    "activity_support",
    "social_assistance",
    "sickness_compensation",
    "sickness_benefit",
    "study_support",
    "other_public",
)


def income_model(hidden_range: tuple[int, int] | None) -> Model:
    """participants 20; eight income sources published summing to 19; social assistance (true
    1) hidden, with or without the published range."""
    true = dict(zip(INCOME, (6, 5, 0, 3, 1, 5, 0, 0, 0), strict=True))
    model = Model()
    model.published("participants", 20)
    for source, value in true.items():
        if source != "social_assistance":
            model.published(source, value)
    lo, hi = hidden_range or (0, lp.INF)
    model.suppressed("social_assistance", lo, hi)
    model.not_above(INCOME, "participants")  # income sources sum to at most participants
    return model


def test_income_category_hidden_as_1_to_4_is_bounded_by_participants_and_so_pinned() -> None:
    assert bounds(income_model((1, 4)), "social_assistance") == (1, 1)
    assert propagate(income_model((1, 4)))["social_assistance"] == (1, 1)
    # Without the published range it is only bounded to [0, 1]: narrow, but not determined.
    assert bounds(income_model(None), "social_assistance") == (0, 1)


def outcome_model(rules: bool) -> Model:
    """Ended is published per kön (women 3, men 4); work's total 7 is published, its kön split
    hidden (its unspecified 0 is published); studies is 0. With the rule outcomes <= ended per
    kön, the split is pinned."""
    model = Model()
    for gender, value in (("women", 3), ("men", 4), ("unspecified", 0)):
        model.published(("ended", gender), value)
        model.published(("studies", gender), 0)
    model.suppressed(("work", "women"))
    model.suppressed(("work", "men"))
    model.published(("work", "unspecified"), 0)
    model.published(("ended", "total"), 7)
    model.published(("work", "total"), 7)
    model.published(("studies", "total"), 0)
    for measure in ("ended", "work", "studies"):
        model.total((measure, "total"), [(measure, g) for g in GENDERS])
    if rules:
        for gender in ("women", "men"):
            # The service's rule: outcomes of a kön <= ended of that kön + ended unspecified.
            model.at_most(
                {
                    ("work", gender): 1,
                    ("studies", gender): 1,
                    ("ended", gender): -1,
                    ("ended", "unspecified"): -1,
                }
            )
        model.not_above([("work", "total"), ("studies", "total")], ("ended", "total"))
    return model


def test_outcomes_hidden_per_kon_are_pinned_by_ended_per_kon_and_the_sum_rule() -> None:
    found = bounds_many(outcome_model(rules=True), [("work", "women"), ("work", "men")])
    assert found == [(3, 3), (4, 4)]
    # The equations alone leave the split open: 0..7 each.
    found = bounds_many(outcome_model(rules=False), [("work", "women"), ("work", "men")])
    assert found == [(0, 7), (0, 7)]


def insats_model() -> Model:
    """Three insatser A, B (förbund F1) and C (förbund F2); work outcomes 8, 2 and 4. No
    insats figure is published; F1 (10) and the national figure (14) are, F2 (4) is hidden."""
    model = Model()
    model.total("F1", ["A", "B"])
    model.total("F2", ["C"])
    model.total("national", ["F1", "F2"])
    model.published("F1", 10)
    model.published("national", 14)
    model.suppressed("F2", 1, 4)
    for insats in "ABC":
        model.suppressed(insats)
    return model


def test_an_insider_subtracting_its_own_figure_recovers_another_insats() -> None:
    outsider = insats_model()
    assert bounds(outsider, "B") == (0, 10)
    reporter_of_a = outsider.copy()
    reporter_of_a.knows({"A": 8})
    assert bounds(reporter_of_a, "B") == (2, 2)
    # The copy did not teach the outsider anything.
    assert bounds(outsider, "B") == (0, 10)


def test_differences_between_versions_recover_a_correction() -> None:
    """Version 1 and 2 publish the national figure; only insats B's report changed (the
    coverage list says it arrived in version 2, so it was 0 before)."""
    model = Model()
    model.total(("national", 1), ["A", ("B", 1)])
    model.total(("national", 2), ["A", ("B", 2)])
    model.published(("national", 1), 20)
    model.published(("national", 2), 23)
    model.suppressed("A")
    model.suppressed(("B", 2))
    model.suppressed(("B", 1))
    assert bounds(model, {("B", 2): 1, ("B", 1): -1}) == (3, 3)
    assert bounds(model, ("B", 2)) == (3, 23)
    model.knows({("B", 1): 0})
    assert bounds(model, ("B", 2)) == (3, 3)


def perturbed_table(max_noise: int) -> tuple[Model, dict[str, int]]:
    """Four parts and their total, each published with independent noise within
    ``max_noise``; the parts add up to the total."""
    truth = {"p1": 12, "p2": 7, "p3": 30, "p4": 9}
    truth["total"] = sum(truth.values())
    noise = {"p1": 2, "p2": -2, "p3": 1, "p4": 0, "total": -1}
    model = Model()
    model.total("total", ["p1", "p2", "p3", "p4"])
    for name, value in truth.items():
        model.perturbed(name, value + noise[name], max_noise)
    assert model.violations(truth) == []
    return model, truth


def test_perturbed_cells_keep_intervals_of_width_2d_when_nothing_else_constrains() -> None:
    model = Model()
    for name, published in (("x", 10), ("y", 2), ("z", 100)):
        model.perturbed(name, published, 2)
    assert bounds_many(model, ["x", "y", "z"]) == [(8, 12), (0, 4), (98, 102)]
    assert all(interval.width >= 4 for interval in bounds_many(model, ["x", "y", "z"]))


def test_perturbed_parts_and_total_keep_width_2d_but_not_more() -> None:
    model, truth = perturbed_table(max_noise=2)
    found = dict(zip(truth, bounds_many(model, list(truth)), strict=True))
    assert all(interval.contains(truth[name]) for name, interval in found.items())
    assert all(interval.width >= 4 for interval in found.values())
    assert found["total"] == (55, 59)  # 57 +- 2: the parts' sum (51..67) adds nothing


def test_extreme_noise_with_additivity_pins_every_cell() -> None:
    """Bounded noise alone does not guarantee width 2D: every part published D too high and
    the total D too low leave exactly one table. (Why perturbed releases need the audit too.)"""
    truth = {"p1": 2, "p2": 1, "p3": 3, "p4": 9}
    truth["total"] = sum(truth.values())
    model = Model()
    model.total("total", ["p1", "p2", "p3", "p4"])
    for name, value in truth.items():
        model.perturbed(name, value - 2 if name == "total" else value + 2, 2)
    found = dict(zip(truth, bounds_many(model, list(truth)), strict=True))
    assert found == {name: (value, value) for name, value in truth.items()}
    assert len(audit(model, truth, truth, threshold=5)) == 3


def test_a_published_zero_may_hide_a_small_count() -> None:
    model = Model()
    model.perturbed("cell", 0, 2, zero_hides_below=5)
    model.perturbed("other", 0, 2)
    assert bounds_many(model, ["cell", "other"]) == [(0, 4), (0, 2)]


# --- the attackers themselves -----------------------------------------------------------------


def test_linear_programming_is_stronger_than_propagation() -> None:
    # x + y = 2 and x = y: each rule alone leaves x in [0, 2]; together x = 1.
    model = Model()
    model.equal({"x": 1, "y": 1}, 2)
    model.equal({"x": 1, "y": -1}, 0)
    assert propagate(model)["x"] == (0, 2)
    assert bounds(model, "x") == (1, 1)


def test_integer_programming_is_stronger_than_the_lp_relaxation() -> None:
    # x = y and 2x + 2y <= 3: the LP allows x + y = 1.5 (rounded down to 1), integers only 0.
    model = Model()
    model.equal({"x": 1, "y": -1}, 0)
    model.at_most({"x": 2, "y": 2}, 3)
    assert bounds(model, {"x": 1, "y": 1}) == (0, 1)
    assert bounds(model, {"x": 1, "y": 1}, integer=True) == (0, 0)


def test_unbounded_unknowns_give_infinite_ends() -> None:
    model = Model()
    model.total("t", ["a", "b"])
    model.published("a", 3)
    assert bounds(model, "b") == (0, lp.INF)
    assert bounds(model, "t") == (3, lp.INF)
    assert bounds(model, {"a": 1, "t": -1}) == (-lp.INF, 0)


def test_contradictory_knowledge_is_an_error_not_a_result() -> None:
    model = Model()
    model.total("t", ["a", "b"])
    model.published("t", 3)
    model.published("a", 5)
    with pytest.raises(Infeasible):
        propagate(model)
    with pytest.raises(Infeasible):
        bounds(model, "b")


def test_audit_reports_small_counts_bounded_too_narrowly() -> None:
    model, truth = two_by_two({"a"})
    exposed = audit(model, truth, ["a"], threshold=5)
    assert [(e.name, e.true, e.interval) for e in exposed] == [("a", 3, Interval(3, 3))]
    model, truth = two_by_two({"a", "b", "c", "d"})
    assert audit(model, truth, "abcd", threshold=5) == []  # a = 3 in [0, 8]: width 8
    assert [e.name for e in audit(model, truth, "abcd", threshold=5, min_width=9)] == ["a"]
    # Only counts from 1 to threshold - 1 are checked: b (7) and d (10) are not.
    assert [e.name for e in audit(model, truth, "abcd", threshold=8, min_width=9)] == [
        "a",
        "b",
        "c",
    ]


def test_audit_refuses_a_model_the_truth_violates() -> None:
    model, truth = two_by_two({"a"})
    with pytest.raises(ValueError, match="contradicts the truth"):
        audit(model, {**truth, "a": 4}, ["a"], threshold=5)


def random_table(seed: int) -> tuple[Model, dict[tuple[str, ...], int], list[tuple[str, ...]]]:
    """Förbund rows x kön columns with totals, a national row, and outcomes <= ended; a random
    third of the cells hidden, some with the range 1..4 when they are small."""
    rng = random.Random(seed)
    model = Model()
    truth: dict[tuple[str, ...], int] = {}
    rows = [f"F{i}" for i in range(rng.randint(2, 5))]
    for measure in ("ended", "work"):
        for row in rows:
            for gender in GENDERS:
                ended = truth.get(("ended", row, gender))
                value = rng.randint(0, ended) if ended is not None else rng.randint(0, 12)
                truth[(measure, row, gender)] = value
        for row in [*rows, "national"]:
            for gender in GENDERS:
                if row == "national":
                    truth[(measure, row, gender)] = sum(truth[(measure, r, gender)] for r in rows)
                    model.total((measure, row, gender), [(measure, r, gender) for r in rows])
            truth[(measure, row, "total")] = sum(truth[(measure, row, g)] for g in GENDERS)
            model.total((measure, row, "total"), [(measure, row, g) for g in GENDERS])
        model.total((measure, "national", "total"), [(measure, r, "total") for r in rows])
    for row in [*rows, "national"]:
        model.not_above([("work", row, "total")], ("ended", row, "total"))
    hidden = []
    for name, value in sorted(truth.items()):
        if rng.random() < 0.4:
            hidden.append(name)
            if 1 <= value <= 4 and rng.random() < 0.5:
                model.suppressed(name, 1, 4)
            else:
                model.suppressed(name)
        else:
            model.published(name, value)
    assert model.violations(truth) == []
    return model, truth, hidden


@pytest.mark.parametrize("seed", range(12))
def test_bounds_are_sound_and_batching_changes_nothing(seed: int) -> None:
    model, truth, hidden = random_table(seed)
    batch = bounds_many(model, hidden)
    propagated = propagate(model)
    for name, interval in zip(hidden, batch, strict=True):
        assert interval.contains(truth[name]), (name, truth[name], interval)
        # The LP is never weaker than propagation, and solving one target alone (no reuse of
        # earlier solutions) gives the same answer.
        assert propagated[name].lo <= interval.lo <= interval.hi <= propagated[name].hi
        assert bounds(model, name) == interval
        exact = bounds(model, name, integer=True)
        assert interval.lo <= exact.lo <= truth[name] <= exact.hi <= interval.hi


def test_thousands_of_targets_are_cheap(monkeypatch: pytest.MonkeyPatch) -> None:
    """75 förbund x 10 small tables each, 2250 hidden cells: probing and reused solutions
    settle most targets without an LP of their own."""
    calls = 0
    real = linprog

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(lp, "linprog", counting)
    model = Model()
    targets = []
    for forbund in range(75):
        for measure in range(10):
            cell = (forbund, measure)
            parts = [(*cell, g) for g in GENDERS]
            model.total((*cell, "total"), parts)
            model.published((*cell, "total"), 9)
            for part in parts:
                model.suppressed(part, 1, 4)
            targets += parts
    found = bounds_many(model, targets)
    assert set(found) == {Interval(1, 4)}
    # Naively two LPs per target: 4500.
    assert calls < 50


# --- the current suppression, attacked (a demonstration of its weakness) ------------------------

# A two-förbund table shaped like Sundsvall's reports (outcomes give work and studies only) as
# the current open endpoints publish it: `None` is a hidden cell. The hidden set is what
# `app.summaries.open_data.protect_period` chose with threshold 5 (checked below while that
# code exists). F1 and F2 are alone in their län, so the län rows equal the förbund rows.
TRUE_TABLE: dict[str, dict[str, dict[str, int]]] = {
    "F1": {
        "participants": {"women": 29, "men": 15, "unspecified": 0},
        "ended": {"women": 11, "men": 12, "unspecified": 0},
        "outcomes.work": {"women": 8, "men": 0, "unspecified": 0},
        "outcomes.studies": {"women": 3, "men": 12, "unspecified": 0},
    },
    "F2": {
        "participants": {"women": 18, "men": 27, "unspecified": 0},
        "ended": {"women": 8, "men": 11, "unspecified": 0},
        "outcomes.work": {"women": 4, "men": 8, "unspecified": 0},
        "outcomes.studies": {"women": 4, "men": 3, "unspecified": 0},
    },
}
HIDDEN = frozenset(
    {
        "forbund:F1|outcomes.studies.men",
        "forbund:F1|outcomes.studies.women",
        "forbund:F2|outcomes.studies.men",
        "forbund:F2|outcomes.studies.women",
        "forbund:F2|outcomes.work.men",
        "forbund:F2|outcomes.work.women",
        "lan:A|outcomes.studies.men",
        "lan:A|outcomes.studies.women",
        "lan:B|outcomes.studies.men",
        "lan:B|outcomes.studies.women",
        "lan:B|outcomes.work.men",
        "lan:B|outcomes.work.women",
        "national|outcomes.work.men",
        "national|outcomes.work.women",
    }
)
BLOCKS = {"national": ("F1", "F2"), "forbund:F1": ("F1",), "forbund:F2": ("F2",)}
BLOCKS |= {"lan:A": ("F1",), "lan:B": ("F2",)}
MEASURES = ("participants", "ended", "outcomes.work", "outcomes.studies")


def true_cells() -> dict[str, int]:
    cells = {}
    for block, members in BLOCKS.items():
        for measure in MEASURES:
            for gender in GENDERS:
                cells[f"{block}|{measure}.{gender}"] = sum(
                    TRUE_TABLE[f][measure][gender] for f in members
                )
            cells[f"{block}|{measure}.total"] = sum(
                cells[f"{block}|{measure}.{g}"] for g in GENDERS
            )
    return cells


def published_table_model(rules: bool) -> Model:
    """What a reader knows: every published cell, the relations, and (if ``rules``) the
    service's validation rules; a hidden cell is only known to be non-negative."""
    model = Model()
    for name, value in true_cells().items():
        if name in HIDDEN:
            model.suppressed(name)
        else:
            model.published(name, value)
    for block in BLOCKS:
        for measure in MEASURES:
            model.total(f"{block}|{measure}.total", [f"{block}|{measure}.{g}" for g in GENDERS])
        if rules:
            for gender in ("women", "men"):
                b = block
                model.at_most(
                    {
                        f"{b}|ended.{gender}": 1,
                        f"{b}|participants.{gender}": -1,
                        f"{b}|participants.unspecified": -1,
                    }
                )
                model.at_most(
                    {
                        f"{b}|outcomes.work.{gender}": 1,
                        f"{b}|outcomes.studies.{gender}": 1,
                        f"{b}|ended.{gender}": -1,
                        f"{b}|ended.unspecified": -1,
                    }
                )
            model.not_above([f"{block}|ended.total"], f"{block}|participants.total")
            model.not_above(
                [f"{block}|outcomes.work.total", f"{block}|outcomes.studies.total"],
                f"{block}|ended.total",
            )
    for rows in (("forbund:F1", "forbund:F2"), ("lan:A", "lan:B")):
        for measure in MEASURES:
            for key in (*GENDERS, "total"):
                model.total(f"national|{measure}.{key}", [f"{r}|{measure}.{key}" for r in rows])
    for lan, forbund in (("lan:A", "forbund:F1"), ("lan:B", "forbund:F2")):
        for measure in MEASURES:
            for key in (*GENDERS, "total"):
                model.total(f"{lan}|{measure}.{key}", [f"{forbund}|{measure}.{key}"])
    return model


def test_demonstration_current_suppression_is_undone_by_bounds() -> None:
    """DOCUMENTS A WEAKNESS of the current open data (issue 14), and passes while it exists:
    the equations alone recover no hidden cell (the suppression's own guarantee holds), but
    with non-negativity and the rule "outcomes <= ended per kön" all fourteen hidden outcome
    cells are determined, by plain bound propagation as well as by linear programming."""
    truth = true_cells()
    hidden = sorted(HIDDEN)
    assert len(hidden) == 14
    with_rules = published_table_model(rules=True)
    assert with_rules.violations(truth) == []
    equations_only = published_table_model(rules=False)
    assert not any(interval.pinned for interval in bounds_many(equations_only, hidden))

    recovered = dict(zip(hidden, bounds_many(with_rules, hidden), strict=True))
    assert recovered == {name: (truth[name], truth[name]) for name in hidden}
    propagated = propagate(with_rules)
    assert all(propagated[name] == (truth[name], truth[name]) for name in hidden)
    small = [name for name in hidden if 1 <= truth[name] < 5]
    assert len(small) == 8
    assert len(audit(with_rules, truth, hidden, threshold=5)) == len(small)


def test_demonstration_table_is_what_the_current_suppression_publishes() -> None:
    """The hidden set above is the current service's choice (skipped once it is replaced)."""
    open_data = pytest.importorskip("app.summaries.open_data")
    protect_period = getattr(open_data, "protect_period", None)
    if protect_period is None:
        pytest.skip("the cell suppression of issue 13 has been replaced")

    def measures(forbund: str) -> dict[str, Any]:
        figures: dict[str, Any] = {"outcomes": {}}
        for measure, counts in TRUE_TABLE[forbund].items():
            node = {**counts, "total": sum(counts.values())}
            if measure.startswith("outcomes."):
                figures["outcomes"][measure.removeprefix("outcomes.")] = node
            else:
                figures[measure] = node
        return figures

    def added(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
        return {k: added(v, b[k]) if isinstance(v, Mapping) else v + b[k] for k, v in a.items()}

    f1, f2 = measures("F1"), measures("F2")
    by_forbund = {
        "measures": added(f1, f2),
        "forbund": [
            {"key": "F1", "lan": "A", "measures": f1},
            {"key": "F2", "lan": "B", "measures": f2},
        ],
    }
    by_lan = {
        "measures": added(f1, f2),
        "forbund": [{"key": "A", "measures": f1}, {"key": "B", "measures": f2}],
    }
    assert protect_period(by_forbund, by_lan, 5).hidden == HIDDEN
