"""Tests for the disclosure control of published releases (app.domain.protection, issue 14).

Every guarantee is checked *independently* of the module: the attacker of tests/attacks/lp.py
(bound propagation plus linear programming, written separately) is given what a reader of the
release knows and must not bound a protected count more narrowly than the protection level.
That attacker reasons about the unknown part of each cell (value minus an insider's own
contribution) directly, where the module works on the cells themselves, and it is shown to
succeed against tables protected by primary suppression alone, so the check can fail.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import pytest

from app.domain.protection import (
    OUTSIDER,
    AtMost,
    Cell,
    Earlier,
    Exposure,
    Insider,
    Relation,
    Total,
    audit,
    protect,
)
from tests.attacks.lp import Interval, Model
from tests.attacks.lp import audit as lp_audit

KON = ("women", "men", "unspecified")
T = 5  # threshold: 1..4 is protected
LEVEL = T - 1


# --- building releases ---------------------------------------------------------------------


@dataclass
class Release:
    """True counts of a small release: förbund rows (from reports), län rows, national."""

    values: dict[Cell, int]
    relations: list[Relation]
    reports: dict[str, dict[Cell, int]] = field(default_factory=dict)  # reporter -> its cells
    lan: dict[str, str] = field(default_factory=dict)  # förbund -> län


def release(
    rows: Mapping[str, Mapping[tuple[str, str], Sequence[int]]],
    *,
    lan: Mapping[str, str] | None = None,
    rules: Sequence[tuple[Sequence[tuple[str, str]], tuple[str, str]]] = (),
) -> Release:
    """``rows[forbund][(measure, category)] = (women, men, unspecified)``; a förbund row is one
    report unless split later. Totals per kön, national = sum of förbund (and of län, if
    ``lan``), län = sum of its förbund; ``rules``: (parts, bound) as AtMost per kön and total."""
    values: dict[Cell, int] = {}
    relations: list[Relation] = []
    forbund = sorted(rows)
    measures = sorted({m for row in rows.values() for m in row})
    lan = dict(lan or {})
    tables = {f"forbund:{f}": [f] for f in forbund}
    tables["national"] = forbund
    for name in sorted(set(lan.values())):
        tables[f"lan:{name}"] = [f for f in forbund if lan[f] == name]
    for table, members in tables.items():
        for measure, category in measures:
            for i, kon in enumerate(KON):
                cell = Cell(table, measure, category, kon)
                values[cell] = sum(rows[f][(measure, category)][i] for f in members)
            total = Cell(table, measure, category, "total")
            values[total] = sum(values[Cell(table, measure, category, k)] for k in KON)
            relations.append(Total(total, tuple(Cell(table, measure, category, k) for k in KON)))
        for parts, bound in rules:
            for kon in (*KON, "total"):
                relations.append(
                    AtMost(tuple(Cell(table, *p, kon) for p in parts), Cell(table, *bound, kon))
                )
    for measure, category in measures:
        for kon in (*KON, "total"):
            national = Cell("national", measure, category, kon)
            relations.append(
                Total(
                    national, tuple(Cell(f"forbund:{f}", measure, category, kon) for f in forbund)
                )
            )
            if lan:
                groups = sorted(set(lan.values()))
                parts = tuple(Cell(f"lan:{g}", measure, category, kon) for g in groups)
                relations.append(Total(national, parts))
                for g in groups:
                    members = [f for f in forbund if lan[f] == g]
                    relations.append(
                        Total(
                            Cell(f"lan:{g}", measure, category, kon),
                            tuple(Cell(f"forbund:{f}", measure, category, kon) for f in members),
                        )
                    )
    return Release(values, relations, lan=lan)


def contribution(r: Release, forbund: str, own: Mapping[Cell, int]) -> dict[Cell, int]:
    """An insider's full contribution, computed here (not by the module): its cells of the
    förbund row, and the same amounts in the national and its län row."""
    known = dict(own)
    for cell, k in own.items():
        assert cell.table == f"forbund:{forbund}"
        for table in ["national", *([f"lan:{r.lan[forbund]}"] if forbund in r.lan else [])]:
            other = Cell(table, cell.measure, cell.category, cell.kon)
            known[other] = known.get(other, 0) + k
    return known


def row_of(r: Release, forbund: str) -> dict[Cell, int]:
    return {c: v for c, v in r.values.items() if c.table == f"forbund:{forbund}"}


# --- the independent attacker ----------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    """An earlier version as the test knows it: its true values and what it hid."""

    values: Mapping[Cell, int]
    hidden: frozenset[Cell]
    changed: frozenset[str]

    def earlier(self) -> Earlier:
        shown = {c: None if c in self.hidden else v for c, v in self.values.items()}
        return Earlier(shown, self.changed)


def _changed_cells(relations: Sequence[Relation], cells: Iterable[Cell], tables: frozenset[str]):
    found = {c for c in cells if c.table in tables}
    grew = True
    while grew:
        grew = False
        for rel in relations:
            if isinstance(rel, Total) and rel.total not in found and found & set(rel.parts):
                found.add(rel.total)
                grew = True
    return found


def exposures(
    r: Release,
    hidden: Iterable[Cell],
    *,
    known: Mapping[Cell, int] | None = None,
    whole: Iterable[Cell] = (),
    versions: Sequence[Version] = (),
    level: int = LEVEL,
) -> list[tuple[Cell, object]]:
    """What the attacker of tests/attacks/lp.py proves too narrowly about the unknown parts
    (value minus ``known``) of every cell, hidden or published, from everything published in
    this version and ``versions``, the relations (which the unknown parts satisfy too) and
    non-negativity. ``whole``: cells the insider knows nobody else contributes to."""
    known = dict(known or {})
    hidden = set(hidden)
    whole = set(whole)
    model = Model()
    truth: dict[object, int] = {}

    def add_relations(name: Mapping[Cell, object], only: set[Cell] | None) -> None:
        for rel in r.relations:
            members = (rel.total, *rel.parts) if isinstance(rel, Total) else (*rel.parts, rel.bound)
            if only is not None and not only & set(members):
                continue
            if isinstance(rel, Total):
                model.total(name[rel.total], [name[p] for p in rel.parts])
            else:
                model.not_above([name[p] for p in rel.parts], name[rel.bound])

    now = {c: ("now", c) for c in r.values}
    for cell, value in r.values.items():
        unknown = value - known.get(cell, 0)
        truth[now[cell]] = unknown
        if cell in hidden and cell not in whole:
            model.suppressed(now[cell])
        else:
            model.published(now[cell], unknown)
    add_relations(now, None)
    for i, version in enumerate(versions):
        changed = _changed_cells(r.relations, r.values, version.changed)
        name = {c: (i, c) if c in changed else now[c] for c in r.values}
        for cell in changed:
            truth[name[cell]] = version.values[cell] - known.get(cell, 0)
            if cell in version.hidden:
                model.suppressed(name[cell])
        for cell, value in version.values.items():
            if cell not in version.hidden:
                model.published(name[cell], value - known.get(cell, 0))
        add_relations(name, changed)
    assert model.violations(truth) == []
    # Published cells are targets too: a reporter with 9 of a published 12 learns the 3.
    targets = [now[c] for c in sorted(r.values) if c not in whole]
    found = lp_audit(model, truth, targets, threshold=T, min_width=level)
    return [(e.name[1], e.interval) for e in found]


# --- primary and secondary suppression ---------------------------------------------------------

PARTICIPANTS = ("participants", "")


def test_primary_suppression_hides_one_to_threshold_minus_one_and_nothing_else() -> None:
    values = {
        Cell("national", "participants", "", k): v
        for k, v in zip("abcd", (0, 1, 4, 5), strict=True)
    }
    hidden = protect(values, [], threshold=T, level=LEVEL)
    assert {c.kon for c in hidden} == {"b", "c"}


def test_fixed_hidden_cells_are_hidden_from_the_start() -> None:
    r = release({"F1": {PARTICIPANTS: (10, 12, 0)}, "F2": {PARTICIPANTS: (9, 20, 0)}})
    fixed = Cell("forbund:F1", "participants", "", "women")
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL, fixed_hidden={fixed})
    # No small count in it, so nothing needs protecting and no partner is hidden.
    assert hidden == {fixed}
    small = Cell("forbund:F2", "participants", "", "unspecified")
    values = {**r.values, small: 0}
    hidden = protect(values, r.relations, threshold=T, level=LEVEL, fixed_hidden={small})
    assert hidden == {small}  # a hidden zero needs no partner either: 0 is not protected


def test_a_single_hidden_cell_in_a_total_gets_a_partner() -> None:
    values = {Cell("t", "m", "", k): v for k, v in (("women", 3), ("men", 9), ("unspecified", 0))}
    values[Cell("t", "m", "", "total")] = 12
    relations: list[Relation] = [
        Total(Cell("t", "m", "", "total"), tuple(Cell("t", "m", "", k) for k in KON))
    ]
    hidden = protect(values, relations, threshold=T, level=LEVEL)
    # Hiding men (the smallest positive part) leaves women in [0, 12]: enough. The zero and
    # the total stay published.
    assert hidden == {Cell("t", "m", "", "women"), Cell("t", "m", "", "men")}
    r = Release(values, relations)
    assert exposures(r, hidden) == []
    assert exposures(r, {Cell("t", "m", "", "women")}) != []


def test_zeros_stay_published_when_safe() -> None:
    r = release(
        {
            "F1": {PARTICIPANTS: (3, 20, 0)},
            "F2": {PARTICIPANTS: (17, 11, 0)},
            "F3": {PARTICIPANTS: (30, 2, 0)},
        }
    )
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL)
    assert not [c for c in hidden if r.values[c] == 0]
    assert exposures(r, hidden) == []


# --- the attacks of issue 14 ---------------------------------------------------------------------

OUTCOMES = [("outcomes", "work"), ("outcomes", "studies")]
ENDED = ("ended", "")
# The two-förbund table of the issue (tests/attacks/test_lp.py): outcomes <= ended per kön.
ISSUE_TABLE = {
    "F1": {
        ("participants", ""): (29, 15, 0),
        ENDED: (11, 12, 0),
        OUTCOMES[0]: (8, 0, 0),
        OUTCOMES[1]: (3, 12, 0),
    },
    "F2": {
        ("participants", ""): (18, 27, 0),
        ENDED: (8, 11, 0),
        OUTCOMES[0]: (4, 8, 0),
        OUTCOMES[1]: (4, 3, 0),
    },
}
ISSUE_RULES = [(OUTCOMES, ENDED), ([ENDED], PARTICIPANTS)]


def issue_release() -> Release:
    return release(ISSUE_TABLE, lan={"F1": "A", "F2": "B"}, rules=ISSUE_RULES)


def test_the_bound_attack_pins_a_table_protected_by_primary_suppression_only() -> None:
    """The control: the independent check fails when the protection is missing."""
    r = issue_release()
    primary = {c for c, v in r.values.items() if 1 <= v < T}
    found = exposures(r, primary)
    assert found
    assert any(interval.pinned for _, interval in found)
    # The module's own audit agrees on what is exposed.
    own = audit(r.values, r.relations, primary, threshold=T, level=LEVEL)
    assert {e.cell for e in own} == {cell for cell, _ in found}


def test_the_bound_attack_of_the_issue_no_longer_pins_hidden_outcomes() -> None:
    r = issue_release()
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL)
    assert {c for c, v in r.values.items() if 1 <= v < T} <= hidden
    assert exposures(r, hidden) == []
    assert audit(r.values, r.relations, hidden, threshold=T, level=LEVEL) == ()


def test_an_income_category_under_a_participants_bound_is_not_pinned() -> None:
    income = [("income", c) for c in ("salary", "benefit", "none")]
    r = release(
        {
            "F1": {PARTICIPANTS: (30, 25, 0), income[0]: (2, 9, 0), income[1]: (27, 10, 0)}
            | {income[2]: (0, 6, 0)},
            "F2": {PARTICIPANTS: (40, 31, 0), income[0]: (12, 9, 0), income[1]: (20, 10, 0)}
            | {income[2]: (8, 12, 0)},
        },
        rules=[(income, PARTICIPANTS)],
    )
    salary = Cell("forbund:F1", "income", "salary", "women")
    assert exposures(r, {salary})  # alone it is bounded by 30 - 27 - 0 = 3: [0, 3]
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL)
    assert salary in hidden
    assert exposures(r, hidden) == []


THREE = {
    "F1": {PARTICIPANTS: (20, 14, 0), ENDED: (9, 7, 0)},
    "F2": {PARTICIPANTS: (3, 11, 0), ENDED: (2, 6, 0)},
    "F3": {PARTICIPANTS: (15, 16, 1), ENDED: (8, 9, 1)},
}


def forbund_insider(r: Release, forbund: str) -> Insider:
    return Insider(f"forbund {forbund}", {}, complete=frozenset({f"forbund:{forbund}"}))


def test_a_forbund_knowing_its_row_cannot_pin_another_forbunds_hidden_cell() -> None:
    r = release(THREE, rules=[([ENDED], PARTICIPANTS)])
    insiders = [forbund_insider(r, f) for f in ("F1", "F2", "F3")]
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=insiders)
    for forbund in ("F1", "F2", "F3"):
        row = row_of(r, forbund)
        known = contribution(r, forbund, row)
        assert exposures(r, hidden, known=known, whole=row) == [], forbund
    assert exposures(r, hidden) == []
    assert audit(r.values, r.relations, hidden, threshold=T, level=LEVEL, insiders=insiders) == ()


def test_the_forbund_attack_pins_a_table_protected_against_the_outsider_only() -> None:
    """The control: with two förbund, F1 subtracts its own row from the national figures."""
    r = release({"F1": {PARTICIPANTS: (20, 14, 0)}, "F2": {PARTICIPANTS: (3, 11, 0)}})
    row = row_of(r, "F1")
    known = contribution(r, "F1", row)
    outsider_only = protect(r.values, r.relations, threshold=T, level=LEVEL)
    assert exposures(r, outsider_only) == []
    pinned = exposures(r, outsider_only, known=known, whole=row)
    # F2's 3 women, also as the unknown part of the hidden national women (20 of them F1's).
    assert {(cell.table, cell.kon) for cell, _ in pinned} == {
        ("forbund:F2", "women"),
        ("national", "women"),
    }
    insiders = [forbund_insider(r, "F1")]
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=insiders)
    assert exposures(r, hidden, known=known, whole=row) == []
    assert exposures(r, hidden) == []


def test_a_reporter_knowing_its_own_part_of_a_forbund_row() -> None:
    r = release(THREE, rules=[([ENDED], PARTICIPANTS)])
    # F3's row is two reports; the reporter of one knows its own figures only.
    own = {
        Cell("forbund:F3", "participants", "", "women"): 12,
        Cell("forbund:F3", "participants", "", "men"): 13,
        Cell("forbund:F3", "participants", "", "total"): 25,
        Cell("forbund:F3", "ended", "", "women"): 7,
        Cell("forbund:F3", "ended", "", "men"): 7,
        Cell("forbund:F3", "ended", "", "total"): 14,
    }
    reporter = Insider("reporter F3/1", own)
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=[reporter])
    known = contribution(r, "F3", own)
    assert exposures(r, hidden, known=known) == []
    assert exposures(r, hidden) == []
    # Its unknown parts of F3's row (the other report: 3 women, 3 men) are protected too
    # when hidden; the attacker module's audit reports nothing for it either.
    assert audit(r.values, r.relations, hidden, threshold=T, level=LEVEL, insiders=[reporter]) == ()


def test_a_reporter_does_not_learn_the_others_small_part_of_a_published_cell() -> None:
    """F1's 20 women are two reports, 17 and 3: publishing 20 tells the reporter of the 17
    that the other report has 3. The cell is hidden, and nothing pins the 3 otherwise."""
    r = release(THREE, rules=[([ENDED], PARTICIPANTS)])
    own = {
        Cell("forbund:F1", "participants", "", "women"): 17,
        Cell("forbund:F1", "participants", "", "men"): 10,
        Cell("forbund:F1", "participants", "", "total"): 27,
        Cell("forbund:F1", "ended", "", "women"): 9,
        Cell("forbund:F1", "ended", "", "men"): 5,
        Cell("forbund:F1", "ended", "", "total"): 14,
    }
    reporter = Insider("reporter F1/1", own)
    known = contribution(r, "F1", own)
    outsider_only = protect(r.values, r.relations, threshold=T, level=LEVEL)
    women = Cell("forbund:F1", "participants", "", "women")
    assert women not in outsider_only
    assert (women, Interval(3, 3)) in exposures(r, outsider_only, known=known)
    found = audit(
        r.values, r.relations, outsider_only, threshold=T, level=LEVEL, insiders=[reporter]
    )
    assert Exposure(women, "reporter F1/1", 3, 3, 3) in found

    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=[reporter])
    assert women in hidden
    assert exposures(r, hidden, known=known) == []
    assert exposures(r, hidden) == []
    assert audit(r.values, r.relations, hidden, threshold=T, level=LEVEL, insiders=[reporter]) == ()


def test_an_earlier_version_does_not_pin_the_changed_rows_hidden_cell() -> None:
    rows = {
        "F1": {PARTICIPANTS: (20, 14, 0)},
        "F2": {PARTICIPANTS: (3, 11, 0)},
        "F3": {PARTICIPANTS: (15, 16, 0)},
    }
    now = release(rows)
    before = release({**rows, "F2": {PARTICIPANTS: (7, 11, 0)}})  # F2 corrected since
    earlier_hidden = protect(before.values, before.relations, threshold=T, level=LEVEL)
    assert earlier_hidden == set()  # nothing small then: everything was published
    version = Version(before.values, frozenset(earlier_hidden), frozenset({"forbund:F2"}))
    # Protected without the earlier version, F2's women are the national women now minus
    # F1's and F3's, which the earlier version published and which have not changed.
    alone = protect(now.values, now.relations, threshold=T, level=LEVEL)
    assert exposures(now, alone) == []
    assert exposures(now, alone, versions=[version])
    hidden = protect(
        now.values, now.relations, threshold=T, level=LEVEL, earlier=[version.earlier()]
    )
    assert exposures(now, hidden, versions=[version]) == []
    # Hiding unchanged cells the earlier version published would hide nothing.
    assert not {c for c in hidden if c.table in ("forbund:F1", "forbund:F3")}


def test_an_earlier_version_contradicting_an_unchanged_row_is_an_error() -> None:
    r = release(THREE)
    shown: dict[Cell, int | None] = dict(r.values)
    shown[Cell("forbund:F1", "participants", "", "women")] = 21
    with pytest.raises(ValueError, match="not listed as changed"):
        protect(
            r.values, r.relations, threshold=T, level=LEVEL, earlier=[Earlier(shown, frozenset())]
        )


def test_values_that_break_a_relation_are_an_error() -> None:
    r = release(THREE)
    broken = dict(r.values)
    broken[Cell("national", "participants", "", "women")] += 1
    with pytest.raises(ValueError, match="break"):
        protect(broken, r.relations, threshold=T, level=LEVEL)


# --- determinism and the property ---------------------------------------------------------------


def test_the_result_does_not_depend_on_the_order_of_the_inputs() -> None:
    r = issue_release()
    insiders = [forbund_insider(r, "F1"), forbund_insider(r, "F2")]
    first = protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=insiders)
    rng = random.Random(7)
    items = list(r.values.items())
    rng.shuffle(items)
    relations = list(r.relations)
    rng.shuffle(relations)
    again = protect(dict(items), relations, threshold=T, level=LEVEL, insiders=insiders)
    assert again == first


def random_release(rng: random.Random) -> tuple[Release, list[Insider], dict[str, dict]]:
    """2-4 förbund of 1-2 reports each, in 1-2 län; participants, ended, two outcomes."""
    forbund = [f"F{i}" for i in range(rng.randint(2, 4))]
    lan = {f: rng.choice("AB") for f in forbund} if rng.random() < 0.6 else None
    reports: dict[str, dict[tuple[str, str], tuple[int, int, int]]] = {}
    for f in forbund:
        for j in range(rng.randint(1, 2)):
            size = rng.choice([3, 6, 15])
            counts: dict[tuple[str, str], tuple[int, int, int]] = {}
            p = tuple(rng.randint(0, size) if k < 2 else rng.choice([0, 0, 1]) for k in range(3))
            e = tuple(rng.randint(0, x) for x in p)
            w = tuple(rng.randint(0, x) for x in e)
            s = tuple(rng.randint(0, x - y) for x, y in zip(e, w, strict=True))
            counts[PARTICIPANTS] = p  # type: ignore[assignment]
            counts[ENDED] = e  # type: ignore[assignment]
            counts[OUTCOMES[0]] = w  # type: ignore[assignment]
            counts[OUTCOMES[1]] = s  # type: ignore[assignment]
            reports[f"{f}/{j}"] = counts
    rows = {
        f: {
            m: tuple(
                sum(rep[m][i] for name, rep in reports.items() if name.split("/")[0] == f)
                for i in range(3)
            )
            for m in (PARTICIPANTS, ENDED, *OUTCOMES)
        }
        for f in forbund
    }
    r = release(rows, lan=lan, rules=ISSUE_RULES)
    insiders: list[Insider] = []
    for f in rng.sample(forbund, k=min(2, len(forbund))):
        insiders.append(forbund_insider(r, f))
    own_cells: dict[str, dict[Cell, int]] = {}
    for name in rng.sample(sorted(reports), k=min(2, len(reports))):
        f = name.split("/")[0]
        cells: dict[Cell, int] = {}
        for (measure, category), counts in reports[name].items():
            for kon, v in zip(KON, counts, strict=True):
                cells[Cell(f"forbund:{f}", measure, category, kon)] = v
            cells[Cell(f"forbund:{f}", measure, category, "total")] = sum(counts)
        own_cells[name] = cells
        insiders.append(Insider(f"reporter {name}", cells))
    return r, insiders, own_cells


@pytest.mark.parametrize("seed", range(12))
def test_random_releases_hold_the_guarantee_against_the_independent_attacker(seed: int) -> None:
    rng = random.Random(seed)
    r, insiders, own_cells = random_release(rng)
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=insiders)
    assert {c for c, v in r.values.items() if 1 <= v < T} <= hidden
    assert exposures(r, hidden) == []
    for insider in insiders:
        if insider.complete:
            forbund = next(iter(insider.complete)).removeprefix("forbund:")
            row = row_of(r, forbund)
            known = contribution(r, forbund, row)
            whole = set(row)
        else:
            name = insider.name.removeprefix("reporter ")
            own = own_cells[name]
            known = contribution(r, name.split("/")[0], own)
            # The module takes an insider holding all of a positive cell to know that nobody
            # else is in it; the independent attacker is told the same.
            whole = {c for c, k in known.items() if k and k == r.values[c]}
        assert exposures(r, hidden, known=known, whole=whole) == [], insider.name
    # Same input, same output.
    assert protect(r.values, r.relations, threshold=T, level=LEVEL, insiders=insiders) == hidden


def test_the_independent_check_fails_without_secondary_suppression() -> None:
    """On the same random releases, primary suppression alone is caught by the attacker
    in most cases: the property above is not vacuous."""
    caught = 0
    for seed in range(12):
        r, _, _ = random_release(random.Random(seed))
        primary = {c for c, v in r.values.items() if 1 <= v < T}
        if exposures(r, primary):
            caught += 1
    assert caught >= 9


def test_audit_names_the_attacker() -> None:
    r = release(THREE, rules=[([ENDED], PARTICIPANTS)])
    insiders = [forbund_insider(r, "F1")]
    hidden = protect(r.values, r.relations, threshold=T, level=LEVEL)
    found = audit(r.values, r.relations, hidden, threshold=T, level=LEVEL, insiders=insiders)
    assert {e.attacker for e in found} <= {OUTSIDER, "forbund F1"}
    for e in found:
        assert 1 <= e.unknown < T
        assert e.hi - e.lo < LEVEL
