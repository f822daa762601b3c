"""The attack suite: attackers play against published releases through HTTP.

Each attacker knows every number of every published version, every relation and validation
rule of the service, and that counts are non-negative; insiders (a reporter, a förbund) also
know their own exact figures. The model is per insats, the finest the service's rules
bind: every insats's counts are unknowns that obey the validation rules of one report, and
every published table cell is the sum of its insatser's counts. Two attackers: bound
propagation and linear programming (`tests/attacks/lp.py`). The guarantee asserted is the one
docs/disclosure.md states: no count of people from 1 to threshold - 1 that the attacker does
not own is bounded to an interval narrower than threshold - 1 (four values at threshold 5).
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.attacks.lp import Model, bounds_many, propagate
from tests.conftest import Api

THRESHOLD = 5  # the default FINSAM_SUPPRESSION_THRESHOLD, as the `client` fixture sets it
LEVEL = THRESHOLD - 1
KON = ("women", "men", "unspecified")
OUTCOMES = ("work", "studies")
Key = tuple[str, str, str]  # (measure, category, kön)
Cell = tuple[str, str, str, str]  # (table, measure, category, kön)


# --- a world: förbund in län, insatser, one 2022 report each -------------------------------


@dataclass
class Insats:
    id: int
    forbund: str
    lan: str
    report: dict[str, Any]

    def counts(self) -> dict[Key, int]:
        """Its counts of people, by key, as the service sums them (with totals)."""
        found: dict[Key, int] = {}
        for measure in ("participants", "ended"):
            figure = self.report.get(measure)
            if figure is not None:
                found |= {(measure, "", k): figure[k] for k in KON}
                found[(measure, "", "total")] = sum(figure[k] for k in KON)
        for category, figure in (self.report.get("outcomes") or {}).items():
            found |= {("outcomes", category, k): figure[k] for k in KON}
            found[("outcomes", category, "total")] = sum(figure[k] for k in KON)
        for category, value in (self.report.get("income_source_at_start") or {}).items():
            found[("income_source_at_start", category, "total")] = value
        return found


def random_report(rng: random.Random, high: int) -> dict[str, Any]:
    """A consistent report with small counts; measures sometimes missing."""
    participants = {k: rng.randint(0, high) for k in KON[:2]} | {"unspecified": 0}
    ended = {k: rng.randint(0, participants[k]) for k in KON}
    work = {k: rng.randint(0, ended[k]) for k in KON}
    studies = {k: rng.randint(0, ended[k] - work[k]) for k in KON}
    report: dict[str, Any] = {"participants": participants}
    if rng.random() < 0.8:
        report["ended"] = ended
        if rng.random() < 0.8:
            report["outcomes"] = {"work": work, "studies": studies}
    if rng.random() < 0.5:
        total = sum(participants.values())
        social = rng.randint(0, total)
        report["income_source_at_start"] = {
            "social_assistance": social,
            "sickness_benefit": rng.randint(0, total - social),
        }
    return report


def build(api: Api, shape: Sequence[tuple[str, str, Sequence[dict[str, Any]]]]) -> list[Insats]:
    """Förbund (code, län, reports of its insatser), through HTTP; the insatser."""
    made = []
    for code, lan, reports in shape:
        api.forbund(code, lan=lan)
        for body in reports:
            insats = api.insats(code)
            api.report(insats["id"], "2022", body)
            made.append(Insats(int(insats["id"]), code, lan, body))
    return made


def random_world(seed: int) -> list[tuple[str, str, list[dict[str, Any]]]]:
    rng = random.Random(seed)
    return [
        (f"f{n}", f"Län {n % 2}", [random_report(rng, 9) for _ in range(rng.randint(1, 3))])
        for n in range(rng.randint(2, 4))
    ]


def sundsvall_shaped() -> list[tuple[str, str, list[dict[str, Any]]]]:
    """Shaped like the seeds: many small insatser, outcomes work and studies, one big."""

    def one(
        w: int, m: int, ew: int, em: int, work: tuple[int, int], studies: tuple[int, int]
    ) -> dict[str, Any]:
        g = lambda a, b: {"women": a, "men": b, "unspecified": 0}  # noqa: E731
        return {
            "participants": g(w, m),
            "ended": g(ew, em),
            "outcomes": {"work": g(*work), "studies": g(*studies)},
        }

    return [
        (
            "sundsvall",
            "Västernorrlands län",
            [
                one(40, 60, 20, 30, (8, 12), (2, 1)),
                one(6, 3, 3, 2, (1, 0), (0, 1)),
                one(2, 9, 1, 4, (0, 2), (1, 1)),
            ],
        ),
        ("ange", "Västernorrlands län", [one(4, 7, 2, 3, (1, 1), (0, 0))]),
        (
            "jamtland",
            "Jämtlands län",
            [one(12, 11, 6, 5, (2, 3), (1, 0)), one(3, 1, 2, 1, (1, 0), (0, 0))],
        ),
    ]


# --- what is published ---------------------------------------------------------------------


def published_cells(client: TestClient, version: int | None = None) -> dict[Cell, int | None]:
    """Every count of people of every open table of a release: national, förbund rows, län
    rows, each förbund's own summary (which must equal its row); null where hidden."""
    params = {} if version is None else {"version": version}
    cells: dict[Cell, int | None] = {}
    by_forbund = client.get("/api/v1/open/releases/2022", params=params).json()
    by_lan = client.get("/api/v1/open/releases/2022", params={**params, "group_by": "lan"}).json()
    cells |= _cells("national", by_forbund["measures"])
    for row in by_forbund["forbund"]:
        cells |= _cells(f"forbund:{row['key']}", row["measures"])
        own = client.get(f"/api/v1/open/releases/2022/forbund/{row['key']}", params=params).json()
        assert _cells(f"forbund:{row['key']}", own["measures"]) == _cells(
            f"forbund:{row['key']}", row["measures"]
        )
    for row in by_lan["forbund"]:
        cells |= _cells(f"lan:{row['key']}", row["measures"])
    return cells


def _cells(table: str, measures: Mapping[str, Any]) -> dict[Cell, int | None]:
    found: dict[Cell, int | None] = {}
    for measure in ("participants", "ended"):
        figure = measures.get(measure)
        for k in (*KON, "total"):
            if figure is not None:
                found[(table, measure, "", k)] = figure[k]
    for measure in ("outcomes", "income_source_at_start"):
        for category, figure in (measures.get(measure) or {}).items():
            if figure is None:
                continue
            for k in (*KON, "total") if measure == "outcomes" else ("total",):
                found[(table, measure, category, k)] = figure[k]
    return found


# --- the attacker's model -------------------------------------------------------------------


@dataclass
class Attack:
    """The model: per version, each insats's counts as unknowns, and each published cell as
    the sum of the counts of the insatser in its table."""

    model: Model = field(default_factory=Model)
    members: dict[Cell, list[Any]] = field(default_factory=dict)  # cell -> unknowns summed
    truth: dict[Any, int] = field(default_factory=dict)

    def add_version(
        self,
        tag: str,
        insatser: Sequence[Insats],
        cells: Mapping[Cell, int | None],
        changed: set[int],
    ) -> None:
        for insats in insatser:
            # An insats whose report is unchanged has the same counts in every version.
            version = tag if insats.id in changed else "same"
            counts = insats.counts()
            names = {key: (insats.id, version, *key) for key in counts}
            for key, name in names.items():
                self.model.variable(name)
                self.truth[name] = counts[key]
            _report_rules(self.model, names)
            for table in ("national", f"forbund:{insats.forbund}", f"lan:{insats.lan}"):
                for key, name in names.items():
                    self.members.setdefault((tag, table, *key), []).append(name)
        for cell, value in cells.items():
            parts = self.members.get((tag, *cell), [])
            if value is not None:
                self.model.equal({p: 1.0 for p in parts}, value)
            else:
                assert parts, cell  # a hidden cell has contributors

    def targets(
        self, tag: str, cells: Mapping[Cell, int | None], own: set[int]
    ) -> Iterator[tuple[Cell, dict[Any, float], int]]:
        """Each cell's unknown part (the others' counts, for an insider owning `own`), with its
        true value. Published cells too: a reporter with 9 of a published 12 learns the 3."""
        for cell in cells:
            others = [p for p in self.members[(tag, *cell)] if p[0] not in own]
            true = sum(self.truth[p] for p in others)
            if others and 1 <= true <= THRESHOLD - 1:
                yield cell, {p: 1.0 for p in others}, true


def _report_rules(model: Model, names: Mapping[Key, Any]) -> None:
    """One report's relations and validation rules (app/domain/reports.py)."""
    for (measure, category, kon), name in names.items():
        if kon == "total" and (measure, category, "women") in names:
            model.total(name, [names[(measure, category, k)] for k in KON])
    for sub, whole in (("ended", "participants"),):
        for k in ("women", "men"):
            if (sub, "", k) in names and (whole, "", k) in names:
                model.at_most(
                    {
                        names[(sub, "", k)]: 1,
                        names[(whole, "", k)]: -1,
                        names[(whole, "", "unspecified")]: -1,
                    }
                )
        if (sub, "", "total") in names and (whole, "", "total") in names:
            model.not_above([names[(sub, "", "total")]], names[(whole, "", "total")])
    for k in (*KON[:2], "total"):
        parts = [names[("outcomes", c, k)] for c in OUTCOMES if ("outcomes", c, k) in names]
        if parts and ("ended", "", k) in names:
            extra = {names[("ended", "", "unspecified")]: -1.0} if k != "total" else {}
            model.at_most({**{p: 1.0 for p in parts}, names[("ended", "", k)]: -1.0, **extra})
    incomes = [n for (m, _, _), n in names.items() if m == "income_source_at_start"]
    if incomes and ("participants", "", "total") in names:
        model.not_above(incomes, names[("participants", "", "total")])


def exposures(
    attack: Attack, tag: str, cells: Mapping[Cell, int | None], insatser: Sequence[Insats]
) -> list[str]:
    """Every attacker: the outsider, each reporter, each förbund. What each narrows."""
    attackers: list[tuple[str, set[int]]] = [("outsider", set())]
    attackers += [(f"insats {i.id}", {i.id}) for i in insatser]
    for code in sorted({i.forbund for i in insatser}):
        attackers.append((f"förbund {code}", {i.id for i in insatser if i.forbund == code}))
    found = []
    for who, own in attackers:
        model = attack.model.copy()
        model.knows({name: v for name, v in attack.truth.items() if name[0] in own})
        targets = list(attack.targets(tag, cells, own))
        lp = bounds_many(model, [t for _, t, _ in targets])
        propagated = propagate(model)
        for (cell, target, true), interval in zip(targets, lp, strict=True):
            assert interval.contains(true), (who, cell, true, interval)
            if interval.width < LEVEL:
                found.append(f"{who}: {cell} = {true} in {interval}")
            if len(target) == 1:
                (name,) = target
                if propagated[name].width < LEVEL:
                    found.append(f"{who} (propagation): {cell} = {true} in {propagated[name]}")
    return found


# --- the attacks ----------------------------------------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_no_attacker_narrows_a_small_count_of_a_random_release(
    client: TestClient, api: Api, seed: int
) -> None:
    insatser = build(api, random_world(seed))
    api.publish(2022)
    cells = published_cells(client)
    _assert_published_exactly(cells, insatser)

    attack = Attack()
    attack.add_version("v1", insatser, cells, changed=set())

    assert exposures(attack, "v1", cells, insatser) == []


def test_no_attacker_narrows_a_small_count_of_a_seed_shaped_release(
    client: TestClient, api: Api
) -> None:
    insatser = build(api, sundsvall_shaped())
    api.publish(2022)
    cells = published_cells(client)
    _assert_published_exactly(cells, insatser)
    assert any(v is None for v in cells.values())  # there was something to protect

    attack = Attack()
    attack.add_version("v1", insatser, cells, changed=set())

    assert exposures(attack, "v1", cells, insatser) == []


@pytest.mark.parametrize("seed", range(6))
def test_the_difference_between_versions_narrows_no_small_count(
    client: TestClient, api: Api, seed: int
) -> None:
    insatser = build(api, random_world(100 + seed))
    api.publish(2022)
    first = published_cells(client, 1)
    # A correction: one insats reopens its report and changes it.
    rng = random.Random(seed)
    target = insatser[rng.randrange(len(insatser))]
    reopen = api.client.post(
        f"/api/v1/insatser/{target.id}/reports/2022/reopen",
        json={"comment": "rättelse"},
        headers=api.admin,
    )
    assert reopen.status_code == 200, reopen.text
    corrected = random_report(rng, 9)
    api.report(target.id, "2022", corrected)
    second_release = api.publish(2022)
    assert second_release["version"] == 2
    second = published_cells(client, 2)
    after = [
        Insats(i.id, i.forbund, i.lan, corrected if i.id == target.id else i.report)
        for i in insatser
    ]
    _assert_published_exactly(second, after)

    attack = Attack()
    attack.add_version("v1", insatser, first, changed={target.id})
    attack.add_version("v2", after, second, changed={target.id})

    assert exposures(attack, "v2", second, after) == []
    assert exposures(attack, "v1", first, insatser) == []


def _assert_published_exactly(cells: Mapping[Cell, int | None], insatser: Sequence[Insats]) -> None:
    """Suppression's accuracy: every published count is the true one; none is 1..4."""
    for (table, measure, category, kon), value in cells.items():
        if value is None:
            continue
        true = sum(
            i.counts().get((measure, category, kon), 0)
            for i in insatser
            if table in ("national", f"forbund:{i.forbund}", f"lan:{i.lan}")
        )
        assert value == true, (table, measure, category, kon)
        assert not 1 <= value <= THRESHOLD - 1, (table, measure, category, kon)


def test_the_attacker_catches_a_release_that_hides_too_little(client: TestClient, api: Api) -> None:
    """The suite can fail: the same attack on the cells as published, with one secondary
    suppression undone (its true value put back), narrows a small count."""
    insatser = build(api, sundsvall_shaped())
    api.publish(2022)
    cells = published_cells(client)
    truth = _true_cells(insatser)
    weakened = dict(cells)
    secondary = sorted(c for c, v in cells.items() if v is None and truth[c] >= THRESHOLD)
    assert secondary, "expected secondary suppressions in this world"
    for cell in secondary:
        weakened[cell] = truth[cell]

    attack = Attack()
    attack.add_version("v1", insatser, weakened, changed=set())

    assert exposures(attack, "v1", weakened, insatser) != []


def _true_cells(insatser: Sequence[Insats]) -> dict[Cell, int]:
    truth: dict[Cell, int] = {}
    for insats in insatser:
        for table in ("national", f"forbund:{insats.forbund}", f"lan:{insats.lan}"):
            for key, value in insats.counts().items():
                cell = (table, *key)
                truth[cell] = truth.get(cell, 0) + value
    return truth
