"""Disclosure control for published open-data releases: cell suppression with interval
protection, audited by linear programming (issue 14).

Pure domain logic: :func:`protect` takes the true counts of every cell of every table of a
release (national, förbund, län), the relations a reader knows hold between them, the insiders
to defend against and the earlier published versions of the release, and returns the cells to
hide. :func:`audit` plays the same attackers against any hidden set and lists what they learn.

The guarantee
-------------
For every attacker, namely

* the *outsider*, who knows only what is published, and
* each :class:`Insider` (a förbund knowing its own row, a reporter knowing its own figures),
  who also knows its own contribution to every cell exactly,

and every cell whose *unknown part* (its value minus the attacker's own contribution) is from
1 to ``threshold - 1``, the narrowest interval the attacker can prove for that unknown part
has width ``hi - lo >= level``. A published cell proves its unknown part exactly, so every
such cell is hidden: the small counts (the outsider's unknown part is the whole value) and
every cell where an insider's own part leaves 1 to ``threshold - 1`` to the others (a reporter
with 9 of a published 12 would learn that the others have 3). The attacker's knowledge is

* every published cell of this version and of every :class:`Earlier` version (an unchanged row
  has the same true values in every version; a changed row, and the national and län cells
  that sum it, are other unknowns obeying the same relations);
* every relation: :class:`Total` equalities and :class:`AtMost` validation rules. The rules
  hold per report, so they hold for any sum of reports: for the counts an insider does not
  know (the sum of everybody else's reports) as much as for the cells themselves;
* that counts are non-negative; that a hidden cell is merely not published (the attacker is
  not told why, so a hidden cell is only known to be >= 0, or >= its own contribution).

"Prove" is linear programming (HiGHS) on the box that integer bound propagation gives, rounded
inwards to integers (``lo = ceil(min - 1e-9)``, ``hi = floor(max + 1e-9)``) and intersected
with the propagated bounds: the attacker of ``tests/attacks/lp.py``.

An insider that holds all of a cell (a förbund's own row, a cell its own figures fill, a table
listed in :attr:`Insider.complete`) is taken to know that nobody else contributes to it.

Limits (what is *not* covered)
------------------------------
* Coalitions of insiders (two förbund pooling their rows) are not modelled; each insider is
  audited alone.
* The attacker is the LP relaxation plus integer bound propagation. An attacker solving the
  integer program (branch and bound) can sometimes prove a narrower interval; the data are
  small integers, so the gap is rare, but it is not excluded.
* Only the relations passed in are known to the model. A rule of the service that is not
  passed (another validation rule, a relation between periods, shares published beside the
  counts) is not covered.
* The attacker is not assumed to know this algorithm. One who reruns the secondary choice
  ("it hid that cell, so this one must have been small") is outside the model, as for any
  cell suppression.
* Earlier versions are linked to this one only, table by table: every cell of a changed table
  (a förbund row, or one insats's unpublished part of it) is a fresh unknown in that earlier
  version, under the relations that held then, and two earlier versions that agree on a row
  changed since are not linked to each other.
* A cell that no hiding in this version can protect (an earlier version published it, or an
  insider's knowledge pins it whatever is hidden) is left as it is; :func:`audit` reports it.

Cost
----
The hidden cells split into *clusters* (hidden unknowns tied by relations, published values
substituted); an attacker's LP over a cluster depends on nothing outside it, and a cluster's
result is cached by its set of unknowns, so after a secondary suppression only the cluster it
joins is audited again. Hiding more only widens intervals, so a (cell, attacker) once proven
safe is never solved again. An insider whose contribution is zero on a cluster's unknowns and
who tightens none of its inequalities has exactly the outsider's LP there and is skipped.
Proofs go cheapest first: integer bound propagation (numpy, every row at once) finds most
failures, and the LP audit runs only once propagation finds none; a target passes when two
feasible tables ("witnesses") put it ``level`` apart, found by LPs over a small neighbourhood
(moving few cells, so usually reusable by the other attackers) or two probes over the cluster;
only targets still undecided get exact LPs. This is not yet fast enough at national scale
(minutes, not seconds, with hundreds of insiders, when suppression is dense and the hidden
cells form one large cluster): each insider still needs LPs of its own where the outsider's
witnesses do not carry over.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import numpy as np
import numpy.typing as npt
from scipy.optimize import linprog  # type: ignore[import-untyped]
from scipy.sparse import csr_array  # type: ignore[import-untyped]

__all__ = [
    "OUTSIDER",
    "AtMost",
    "Cell",
    "Earlier",
    "Exposure",
    "Insider",
    "Relation",
    "Total",
    "audit",
    "protect",
]

# Rounding tolerance of an LP optimum to an integer (the caller's documented rule).
EPS = 1e-9
INF = math.inf
OUTSIDER = "outsider"
_NOW = 0  # version index of the release being protected; earlier versions are 1, 2, ...

Floats: TypeAlias = npt.NDArray[np.float64]


@dataclass(frozen=True, order=True)
class Cell:
    """One count of people in one table of the release."""

    table: str  # "national", "forbund:<code>", "lan:<name>"
    measure: str  # catalogue measure name, e.g. "participants", "outcomes"
    category: str  # "" when the measure has none, e.g. "work"
    kon: str  # "women", "men", "unspecified", "total", or "" for a count without kön


@dataclass(frozen=True)
class Total:
    """``true[total] == sum(true[p] for p in parts)``."""

    total: Cell
    parts: tuple[Cell, ...]


@dataclass(frozen=True)
class AtMost:
    """``sum(true[p] for p in parts) <= true[bound]`` (a validation rule)."""

    parts: tuple[Cell, ...]
    bound: Cell


Relation: TypeAlias = Total | AtMost


@dataclass(frozen=True)
class Insider:
    """An attacker who knows its own contribution to some cells exactly.

    ``known`` is its contribution to each cell (absent: 0). Contributions to a :class:`Total`
    are filled in upwards when the total is not given (a förbund's row gives its share of the
    national and län cells), and the whole is checked against the relations.
    ``complete`` names tables nobody else contributes to (a förbund's own row): their cells
    are known whole, zeros included. ``earlier_known`` is its contribution to each
    :class:`Earlier` version, aligned with ``earlier``; where missing, its contribution then
    is taken to be what it is now (give it when the insider's own figures changed).
    """

    name: str
    known: Mapping[Cell, int]
    complete: frozenset[str] = frozenset()
    earlier_known: tuple[Mapping[Cell, int] | None, ...] = ()


@dataclass(frozen=True)
class Earlier:
    """An earlier published version of the same release.

    ``published`` holds its published values (``None``: hidden; a cell it lacks counts as
    hidden). ``changed`` names the tables whose true values differ from now; the national and
    län cells that sum a changed table differ too (derived through the :class:`Total`
    relations), every other cell has the same true value as now. ``relations`` are the
    relations that held then (``None``: the same as now); one naming a cell this version does
    not have is left out.
    """

    published: Mapping[Cell, int | None]
    changed: frozenset[str]
    relations: tuple[Relation, ...] | None = None


@dataclass(frozen=True, order=True)
class Exposure:
    """A hidden cell whose unknown part an attacker bounds more narrowly than ``level``."""

    cell: Cell
    attacker: str  # OUTSIDER or an Insider's name
    unknown: int  # the true unknown part: value minus the attacker's contribution
    lo: float  # what the attacker proves about the unknown part
    hi: float


def protect(
    values: Mapping[Cell, int],
    relations: Sequence[Relation],
    *,
    threshold: int,
    level: int,
    insiders: Sequence[Insider] = (),
    earlier: Sequence[Earlier] = (),
    fixed_hidden: frozenset[Cell] = frozenset(),
    unpublished: frozenset[Cell] = frozenset(),
) -> frozenset[Cell]:
    """The cells of this version to hide (primary, secondary and ``fixed_hidden``).

    Primary: every cell whose unknown part is from 1 to ``threshold - 1`` for some attacker:
    ``1 <= value <= threshold - 1`` (the outsider), or what an insider does not hold itself.
    Secondary: while some attacker bounds a hidden cell's small unknown part to an interval
    narrower than ``level``, one more cell sharing a relation with it is hidden (the smallest
    positive value, else a zero; ties by :class:`Cell` order; never a cell an earlier version
    already published unchanged, which would hide nothing). A cell for which no such cell is
    left is given up on (see :func:`audit`). Deterministic: the result depends only on the
    inputs' contents.

    ``unpublished`` cells are never published and never targets: unknowns that carry what a
    reader knows about the structure behind the tables (one insats's part of a förbund row,
    bound by its own report's validation rules).

    Raises :class:`ValueError` if the inputs contradict each other (a negative count, a
    relation the values break, an earlier version publishing another value for an unchanged
    cell, an insider knowing more than a cell holds).
    """
    model = _Model.build(values, relations, earlier, unpublished)
    attackers = _attackers(model, values, relations, insiders, earlier)
    hidden = {model.cells[var] for var in _primary(model, attackers, threshold)}
    hidden |= fixed_hidden
    _check_cells(model, fixed_hidden)
    auditor = _Auditor(model, attackers, threshold, level)
    gave_up: set[tuple[int, int]] = set()  # (now var, attacker) no hiding can protect

    while True:
        free = model.free_vars(hidden)
        clusters = model.clusters(free)
        # Bound propagation first: while it finds failures, more must be hidden anyway, and
        # the LPs (which can only find more) wait until it finds none.
        for lp in (False, True):
            failures = [
                failure
                for members in clusters
                for failure in auditor.cluster(members, lp=lp)
                if (failure.var, failure.attacker) not in gave_up
            ]
            if failures:
                break
        else:
            return frozenset(hidden)
        # Several secondary suppressions per round, but never two for relations that share
        # a cell: a cell hidden for one failure may already fix the other, which is then
        # audited again next round (only clusters that changed are).
        touched: set[int] = set()  # rows that gained a hidden cell this round
        hidden_vars = {model.now_var[c] for c in hidden}
        for failure in sorted(failures, key=lambda f: (f.var, f.attacker)):
            own = model.var_rows[failure.var]
            if touched.intersection(own):
                continue
            extra = _secondary(model, hidden_vars, free, failure.var)
            if extra is None:
                gave_up.add((failure.var, failure.attacker))
                continue
            hidden.add(model.cells[extra])
            hidden_vars.add(extra)
            touched.update(own)
            touched.update(model.var_rows[extra])


def audit(
    values: Mapping[Cell, int],
    relations: Sequence[Relation],
    hidden: Iterable[Cell],
    *,
    threshold: int,
    level: int,
    insiders: Sequence[Insider] = (),
    earlier: Sequence[Earlier] = (),
    unpublished: frozenset[Cell] = frozenset(),
) -> tuple[Exposure, ...]:
    """Every hidden cell whose small unknown part some attacker bounds to an interval
    narrower than ``level``, sorted. Empty when the guarantee holds for ``hidden``.

    An insider that knows nothing more than the outsider about a cluster is not reported
    separately there: the outsider's exposures are its exposures."""
    model = _Model.build(values, relations, earlier, unpublished)
    attackers = _attackers(model, values, relations, insiders, earlier)
    hidden_set = set(hidden)
    _check_cells(model, frozenset(hidden_set))
    auditor = _Auditor(model, attackers, threshold, level)
    failures = [
        failure
        for members in model.clusters(model.free_vars(hidden_set))
        for failure in auditor.cluster(members)
    ]
    failures += auditor.pinned(hidden_set)
    found = set()
    for failure in failures:
        attacker = attackers[failure.attacker]
        cell = model.cell(failure.var)
        known = attacker.known.get(failure.var, 0)
        found.add(
            Exposure(
                cell,
                attacker.name,
                values[cell] - known,
                failure.lo - known,
                failure.hi - known,
            )
        )
    return tuple(sorted(found))


# --- the model: unknowns and rows ------------------------------------------------------------


@dataclass
class _Model:
    """Every unknown the attackers reason about and every relation row between them.

    Unknown 0..n-1 of this version are the cells (sorted); an earlier version adds a fresh
    unknown for each cell whose true value differs from now. A row is ``sum(coef * x) == 0``
    (a Total) or ``<= 0`` (an AtMost); an attacker's contributions only move right-hand sides.
    """

    cells: list[Cell]
    now_var: dict[Cell, int]
    var_cell: list[int]  # var -> index into cells
    value: list[int]  # var -> true value (fresh earlier unknowns: -1, not known here)
    published_before: dict[int, int]  # var -> value an earlier version published for it
    row_cols: list[tuple[int, ...]]
    row_coefs: list[tuple[float, ...]]
    row_eq: list[bool]
    var_rows: list[list[int]]
    fresh: list[dict[Cell, int]]  # per earlier version: cell -> its fresh unknown
    # Per version (now, then each earlier one): the relations whose Totals fill in insiders.
    now_totals: list[Relation] = field(default_factory=list)
    totals: list[list[Relation]] = field(default_factory=list)
    unpublished: frozenset[int] = frozenset()  # this version's unknowns never published
    now_rows: int = 0  # rows 0..now_rows-1 are this version's relations

    @staticmethod
    def build(
        values: Mapping[Cell, int],
        relations: Sequence[Relation],
        earlier: Sequence[Earlier],
        unpublished: frozenset[Cell] = frozenset(),
    ) -> _Model:
        for cell, v in values.items():
            if v < 0:
                raise ValueError(f"{cell} has negative count {v}")
        cells = sorted(values)
        now_var = {c: i for i, c in enumerate(cells)}
        model = _Model(
            cells=cells,
            now_var=now_var,
            var_cell=list(range(len(cells))),
            value=[values[c] for c in cells],
            published_before={},
            row_cols=[],
            row_coefs=[],
            row_eq=[],
            var_rows=[[] for _ in cells],
            fresh=[],
        )
        _check_cells(model, unpublished)
        model.unpublished = frozenset(now_var[c] for c in unpublished)
        forms = [_form(r) for r in _sorted_relations(relations)]
        for coefs, eq in forms:
            for cell in coefs:
                if cell not in now_var:
                    raise ValueError(f"a relation names {cell}, which has no value")
            lhs = sum(a * values[c] for c, a in coefs.items())
            if (lhs != 0) if eq else (lhs > 0):
                raise ValueError(f"the values break the relation over {sorted(coefs)}")
            model._add_row({now_var[c]: a for c, a in coefs.items()}, eq)
        model.now_rows = len(model.row_cols)
        model.now_totals = list(relations)
        for version, before in enumerate(earlier, start=1):
            model._add_version(version, before, forms, values)
        return model

    def _add_row(self, coefs: Mapping[int, float], eq: bool) -> None:
        if not coefs:
            return
        row = len(self.row_cols)
        self.row_cols.append(tuple(coefs))
        self.row_coefs.append(tuple(coefs.values()))
        self.row_eq.append(eq)
        for var in coefs:
            self.var_rows[var].append(row)

    def _new_var(self, cell: Cell) -> int:
        # -1: a cell only an earlier version had (it has no value now, and is no target).
        self.var_cell.append(self.now_var.get(cell, -1))
        self.value.append(-1)
        self.var_rows.append([])
        return len(self.var_cell) - 1

    def _add_version(
        self,
        version: int,
        before: Earlier,
        forms: Sequence[tuple[dict[Cell, float], bool]],
        values: Mapping[Cell, int],
    ) -> None:
        then = forms
        if before.relations is not None:
            then = [_form(r) for r in _sorted_relations(before.relations)]
        # Cells only that version had (a measure an insats no longer reports) are unknowns of
        # that version alone; a total over them, or over a changed table then or now, changed.
        gone = {c for coefs, _ in then for c in coefs if c not in self.now_var}
        gone |= {c for c in before.published if c not in self.now_var}
        changed = _dependent([*self.cells, *gone], before.changed, [*forms, *then]) | gone
        forms = then
        fresh = {cell: self._new_var(cell) for cell in sorted(changed)}
        self.fresh.append(fresh)
        self.totals.append(
            list(before.relations if before.relations is not None else self.now_totals)
        )
        # Rows over unchanged cells only repeat this version's rows, unless the version had
        # relations of its own (a rule that held then holds for the cells that kept their
        # values); the others tie its fresh unknowns to each other and to the shared ones.
        for coefs, eq in forms:
            if before.relations is not None or any(cell in fresh for cell in coefs):
                var = {c: fresh[c] if c in fresh else self.now_var[c] for c in coefs}
                self._add_row({var[c]: a for c, a in coefs.items()}, eq)
        for cell, shown in sorted(before.published.items()):
            if shown is None:
                continue
            if shown < 0:
                raise ValueError(f"earlier version {version} publishes {cell} as {shown}")
            if cell in fresh:
                self.published_before[fresh[cell]] = shown
            elif shown != values[cell]:
                raise ValueError(
                    f"earlier version {version} published {cell} as {shown}, now {values[cell]}"
                    f", but its table is not listed as changed"
                )
            else:
                self.published_before[self.now_var[cell]] = shown

    def cell(self, var: int) -> Cell:
        return self.cells[self.var_cell[var]]

    def free_vars(self, hidden: set[Cell]) -> set[int]:
        """Unknowns no version published: this version's hidden cells (unless an earlier
        version published them unchanged), the unpublished ones, and every earlier version's
        hidden fresh unknowns."""
        free = {self.now_var[c] for c in hidden if self.now_var[c] not in self.published_before}
        free |= self.unpublished
        for fresh in self.fresh:
            free.update(var for var in fresh.values() if var not in self.published_before)
        return free

    def fixed_value(self, var: int) -> int:
        """The value every attacker reads for a published unknown."""
        found = self.published_before.get(var)
        return self.value[var] if found is None else found

    def clusters(self, free: set[int]) -> list[tuple[int, ...]]:
        """Free unknowns tied together by rows (published values substituted), each sorted;
        clusters that hold no cell of this version are left out (nothing in them to audit)."""
        parent = {v: v for v in free}

        def root(v: int) -> int:
            while parent[v] != v:
                parent[v] = parent[parent[v]]
                v = parent[v]
            return v

        rows = {row for v in free for row in self.var_rows[v]}
        for row in sorted(rows):
            members = [v for v in self.row_cols[row] if v in parent]
            for v in members[1:]:
                a, b = root(v), root(members[0])
                if a != b:
                    parent[max(a, b)] = min(a, b)
        groups: dict[int, list[int]] = {}
        for v in sorted(free):
            groups.setdefault(root(v), []).append(v)
        return [tuple(g) for _, g in sorted(groups.items()) if g[0] < len(self.cells)]


def _sorted_relations(relations: Sequence[Relation]) -> list[Relation]:
    """A canonical order, so the rows (and all choices) do not depend on the caller's order."""

    def key(r: Relation) -> tuple[int, Cell, tuple[Cell, ...]]:
        if isinstance(r, Total):
            return (0, r.total, tuple(sorted(r.parts)))
        return (1, r.bound, tuple(sorted(r.parts)))

    return sorted(set(relations), key=key)


def _form(relation: Relation) -> tuple[dict[Cell, float], bool]:
    """The relation as ``sum(coef * cell) (== or <=) 0``; repeated cells are added up."""
    coefs: dict[Cell, float] = {}
    if isinstance(relation, Total):
        pairs = [(relation.total, 1.0), *((p, -1.0) for p in relation.parts)]
    else:
        pairs = [*((p, 1.0) for p in relation.parts), (relation.bound, -1.0)]
    for cell, a in pairs:
        coefs[cell] = coefs.get(cell, 0.0) + a
    return {c: a for c, a in sorted(coefs.items()) if a}, isinstance(relation, Total)


def _dependent(
    cells: Sequence[Cell], tables: frozenset[str], forms: Sequence[tuple[dict[Cell, float], bool]]
) -> set[Cell]:
    """The cells of changed tables, and the totals summing one of them (transitively)."""
    found = {c for c in cells if c.table in tables}
    totals = [(c, coefs) for coefs, eq in forms if eq for c, a in coefs.items() if a > 0]
    grew = True
    while grew:
        grew = False
        for total, coefs in totals:
            if total not in found and any(c in found for c, a in coefs.items() if a < 0):
                found.add(total)
                grew = True
    return found


def _check_cells(model: _Model, cells: frozenset[Cell]) -> None:
    for cell in cells:
        if cell not in model.now_var:
            raise ValueError(f"{cell} is not a cell of the release")


# --- attackers ----------------------------------------------------------------------------------


@dataclass
class _Attacker:
    name: str
    known: dict[int, int]  # unknown -> its contribution (non-zero only)
    whole: set[int]  # unknowns it knows entirely (nobody else contributes)
    slack: dict[int, float]  # inequality row -> sum(coef * known) (non-zero only; <= 0)
    rows: set[int] = field(default_factory=set)  # rows where it differs from the outsider


def _attackers(
    model: _Model,
    values: Mapping[Cell, int],
    relations: Sequence[Relation],
    insiders: Sequence[Insider],
    earlier: Sequence[Earlier],
) -> list[_Attacker]:
    """The outsider (index 0) and every insider, in the unknowns of the model."""
    totals = [r for r in relations if isinstance(r, Total)]
    found = [_Attacker(OUTSIDER, {}, set(), {})]
    names = {OUTSIDER}
    for insider in insiders:
        if insider.name in names:
            raise ValueError(f"two attackers are named {insider.name!r}")
        names.add(insider.name)
        if len(insider.earlier_known) > len(earlier):
            raise ValueError(f"{insider.name}: more earlier_known than earlier versions")
        found.append(_insider(model, values, totals, insider))
    return found


def _insider(
    model: _Model, values: Mapping[Cell, int], totals: Sequence[Total], insider: Insider
) -> _Attacker:
    given = dict(insider.known)
    for cell in model.cells:
        if cell.table in insider.complete:
            given.setdefault(cell, values[cell])
    now = _filled(given, totals, model.now_var)
    attacker = _Attacker(insider.name, {}, set(), {})
    for cell, k in now.items():
        if not 0 <= k <= values[cell]:
            raise ValueError(f"{insider.name} knows {k} of {cell}, which holds {values[cell]}")
        var = model.now_var[cell]
        attacker.known[var] = k
        # Holding all of a positive cell, the insider is taken to know nobody else is in it.
        if k == values[cell]:
            attacker.whole.add(var)
    attacker.whole |= {model.now_var[c] for c in model.cells if c.table in insider.complete}
    for version, fresh in enumerate(model.fresh):
        then = insider.earlier_known[version] if version < len(insider.earlier_known) else None
        known_then = now
        if then is not None:
            cells_then = {**model.now_var, **fresh}
            totals_then = [r for r in model.totals[version] if isinstance(r, Total)]
            known_then = _filled(dict(then), totals_then, cells_then)
        for cell, var in fresh.items():
            k = known_then.get(cell, 0)
            shown = model.published_before.get(var)
            if k < 0 or (shown is not None and k > shown):
                raise ValueError(f"{insider.name} knows {k} of {cell} in earlier version")
            if k:
                attacker.known[var] = k
            if cell.table in insider.complete:
                attacker.whole.add(var)
    for var in attacker.known:
        for row in model.var_rows[var]:
            total = sum(
                a * attacker.known.get(v, 0)
                for v, a in zip(model.row_cols[row], model.row_coefs[row], strict=True)
            )
            if total > 0 or (model.row_eq[row] and total != 0):
                raise ValueError(f"{insider.name}'s own figures break a relation ({row})")
            if total:
                attacker.slack[row] = total
    return attacker


def _filled(
    given: dict[Cell, int], totals: Sequence[Total], cells: Mapping[Cell, int]
) -> dict[Cell, int]:
    """``given`` with every Total's total not given set to the sum of its parts (upwards,
    transitively): an insider contributes to a national cell what it contributes to its
    parts. Sparse: only totals over a known part are visited."""
    for cell in given:
        if cell not in cells:
            raise ValueError(f"an insider knows {cell}, which has no value")
    by_part: dict[Cell, list[Total]] = {}
    for total in totals:
        for part in total.parts:
            by_part.setdefault(part, []).append(total)
    known = dict(given)
    queue = deque(sorted(known))
    while queue:
        cell = queue.popleft()
        for total in by_part.get(cell, ()):
            if total.total in given:
                continue
            summed = sum(known.get(p, 0) for p in total.parts)
            if known.get(total.total, 0) != summed:
                known[total.total] = summed
                queue.append(total.total)
    return {c: v for c, v in known.items() if v}


# --- the audit ---------------------------------------------------------------------------------

# Slack when checking that a solution of one LP is feasible for another attacker's LP.
_TOL = 1e-7
# Size of the neighbourhood of a target in which witnesses are sought first.
_NEAR = 40


@dataclass(frozen=True)
class _Failure:
    """An attacker bounds the unknown ``var`` (its whole value, not the unknown part) to
    ``[lo, hi]``, narrower than the level."""

    var: int
    attacker: int
    lo: float
    hi: float


class _Auditor:
    """Audits clusters for every attacker whose knowledge bears on them.

    Hiding a cell only removes a constraint (``x == published``) from every attacker's
    problem, so intervals only widen as secondary suppression proceeds: a (cell, attacker)
    once shown safe stays safe and is never solved again, and a cluster's result is cached
    by its set of unknowns.
    """

    def __init__(
        self, model: _Model, attackers: Sequence[_Attacker], threshold: int, level: int
    ) -> None:
        self.model = model
        self.attackers = attackers
        self.threshold = threshold
        self.level = level
        self.cache: dict[tuple[tuple[int, ...], bool], list[_Failure]] = {}
        self.safe: set[tuple[int, int]] = set()  # (var, attacker)
        # An insider differs from the outsider only where it contributes to an unknown or
        # tightens an inequality; elsewhere its LP is the outsider's (see _ClusterLP).
        self.by_var: dict[int, list[int]] = {}
        self.by_row: dict[int, list[int]] = {}
        for a, attacker in enumerate(attackers):
            for var in {*attacker.known, *attacker.whole}:
                self.by_var.setdefault(var, []).append(a)
            for row in attacker.slack:
                self.by_row.setdefault(row, []).append(a)

    def cluster(self, members: tuple[int, ...], *, lp: bool = True) -> list[_Failure]:
        """The failures in a cluster; with ``lp=False`` only those bound propagation proves
        (cheap, and enough to know that more must be hidden)."""
        found = self.cache.get((members, lp))
        if found is None:
            found = self._audit(members, lp)
            self.cache[(members, lp)] = found
        return found

    def _audit(self, members: tuple[int, ...], use_lp: bool) -> list[_Failure]:
        lp = _ClusterLP.build(self.model, members)
        relevant = {0}
        for var in members:
            relevant.update(self.by_var.get(var, ()))
        for row in lp.rows:
            relevant.update(self.by_row.get(row, ()))
        failures: list[_Failure] = []
        outsider: _Instance | None = None
        # Propagation alone is for the outsider: insiders are audited (and proven safe, once
        # for all) only when the outsider passes, or every round would repeat their work.
        for a in sorted(relevant) if use_lp else [0]:
            attacker = self.attackers[a]
            targets = [
                t
                for t in lp.targets(self.model, attacker, self.threshold)
                if (members[t], a) not in self.safe
            ]
            if not targets and a != 0:
                continue
            # The outsider's bounds are where every insider's propagation starts.
            problem = lp.instance(attacker, outsider)
            if a == 0:
                outsider = problem
            if not targets:
                continue
            failed = problem.solve(targets, self.level, use_lp)
            for t in targets:
                if t in failed:
                    lo, hi = failed[t]
                    failures.append(_Failure(members[t], a, lo, hi))
                elif use_lp:
                    self.safe.add((members[t], a))
        return failures

    def pinned(self, hidden: set[Cell]) -> list[_Failure]:
        """Small unknown parts of cells published now, or hidden now but published unchanged
        by an earlier version: pinned, whatever else is hidden."""
        model = self.model
        shown = {
            var
            for var in range(len(model.cells))
            if model.cells[var] not in hidden and var not in model.unpublished
        }
        shown |= {model.now_var[c] for c in hidden if model.now_var[c] in model.published_before}
        return [
            _Failure(var, a, model.value[var], model.value[var])
            for var, a in _small_parts(model, self.attackers, self.threshold, sorted(shown))
        ]


def _small_parts(
    model: _Model, attackers: Sequence[_Attacker], threshold: int, cells: Iterable[int]
) -> list[tuple[int, int]]:
    """(cell, attacker) for every cell of this version among ``cells`` whose unknown part
    for the attacker is from 1 to ``threshold - 1``: what publishing it would pin. An
    insider that contributes nothing to a cell sees what the outsider sees there and is not
    listed again."""
    among = set(cells) - model.unpublished
    found = [(var, 0) for var in sorted(among) if 1 <= model.value[var] <= threshold - 1]
    for a, attacker in enumerate(attackers[1:], start=1):
        for var, known in attacker.known.items():
            unknown = model.value[var] - known
            if var in among and var not in attacker.whole and 1 <= unknown <= threshold - 1:
                found.append((var, a))
    return sorted(found)


def _primary(model: _Model, attackers: Sequence[_Attacker], threshold: int) -> set[int]:
    """The cells (this version's unknowns) some attacker's unknown part makes small."""
    every = range(len(model.cells))
    return {var for var, _ in _small_parts(model, attackers, threshold, every)}


class _ClusterLP:
    """A cluster's rows over its unknowns, published values moved to the right-hand side.

    Built once per cluster and shared by every attacker: in the attacker's terms the true
    values ``x`` satisfy ``A_eq x == 0`` and ``A_ub x <= A_ub k`` (``k`` its contribution,
    because everybody else's part ``x - k`` satisfies the rules too), and ``x >= k``. It also
    keeps, per target, the witnesses found for any attacker (see :class:`_Witness`).
    """

    def __init__(
        self,
        model: _Model,
        members: tuple[int, ...],
        rows: tuple[int, ...],
        local: list[tuple[tuple[int, ...], tuple[float, ...]]],
        base_rhs: list[float],
        eq: list[bool],
    ) -> None:
        n_cells = len(model.cells)
        self.members = members
        self.rows = rows
        self.local = local
        self.base_rhs = base_rhs
        self.eq_rows = [k for k, e in enumerate(eq) if e]
        self.ub_rows = [k for k, e in enumerate(eq) if not e]
        self.a_eq = _matrix([local[k] for k in self.eq_rows], len(members))
        self.a_ub = _matrix([local[k] for k in self.ub_rows], len(members))
        # Propagation rows (an equality is two inequalities) and the rows of each column.
        self.prop: list[tuple[int, tuple[int, ...], tuple[float, ...], float]] = []
        for k, (cols, coefs) in enumerate(local):
            self.prop.append((k, cols, coefs, 1.0))
            if eq[k]:
                self.prop.append((k, cols, coefs, -1.0))
        # The same as flat arrays, one entry per (row, column), for _propagate.
        self.p_row = np.array([r for r, (_, cols, _, _) in enumerate(self.prop) for _ in cols])
        self.p_col = np.array([j for _, cols, _, _ in self.prop for j in cols], dtype=np.intp)
        self.p_coef = np.array([s * a for _, _, coefs, s in self.prop for a in coefs])
        self.p_rhs_row = np.array([k for k, *_ in self.prop], dtype=np.intp)
        self.p_sign = np.array([s for *_, s in self.prop])
        # For witnesses: all rows as one matrix, the rows of each column, the true values
        # (NaN for an earlier version's changed counts, which are not known here).
        self.eq_mask = np.array(eq, dtype=bool)
        self.matrix = _matrix(local, len(members))
        self.col_rows: list[list[int]] = [[] for _ in members]
        for k, (cols, _) in enumerate(local):
            for j in cols:
                self.col_rows[j].append(k)
        self.truth = np.array([float(model.value[v]) if v < n_cells else np.nan for v in members])
        self.known_truth = np.nan_to_num(self.truth)  # where a witness leaves a cell as it is
        self.witnesses: dict[int, list[_Witness]] = {}

    @staticmethod
    def build(model: _Model, members: tuple[int, ...]) -> _ClusterLP:
        index = {var: k for k, var in enumerate(members)}
        rows = tuple(sorted({row for var in members for row in model.var_rows[var]}))
        base_rhs = []
        local = []
        for row in rows:
            cols, coefs, rhs = [], [], 0.0
            for var, a in zip(model.row_cols[row], model.row_coefs[row], strict=True):
                if var in index:
                    cols.append(index[var])
                    coefs.append(a)
                else:  # not free, or it would be in the cluster: a published value
                    rhs -= a * model.fixed_value(var)
            base_rhs.append(rhs)
            local.append((tuple(cols), tuple(coefs)))
        eq = [model.row_eq[row] for row in rows]
        return _ClusterLP(model, members, rows, local, base_rhs, eq)

    def neighbourhood(self, t: int) -> tuple[list[int], frozenset[int]] | None:
        """Columns near ``t`` (two rings through the rows, at most _NEAR of them) and the
        rows touching them; None if they would need an unknown not known here (an earlier
        version's changed count outside them: the witness fixes the others at the truth)."""
        near = [t]
        ring = [t]
        for _ in range(2):
            found = sorted({i for j in ring for k in self.col_rows[j] for i in self.local[k][0]})
            ring = [j for j in found if j not in near][: _NEAR - len(near)]
            near += ring
        while True:  # add the earlier version's counts the rows need
            rows = {k for j in near for k in self.col_rows[j]}
            missing = {j for k in rows for j in self.local[k][0] if np.isnan(self.truth[j])}
            missing -= set(near)
            if not missing:
                return sorted(near), frozenset(rows)
            near += sorted(missing)
            if len(near) > 2 * _NEAR:
                return None

    def targets(self, model: _Model, attacker: _Attacker, threshold: int) -> list[int]:
        """Columns of this version's hidden cells whose unknown part for the attacker is
        from 1 to ``threshold - 1``."""
        n_cells = len(model.cells)
        return [
            t
            for t, var in enumerate(self.members)
            if var < n_cells
            and var not in model.unpublished
            and var not in attacker.whole
            and 1 <= model.value[var] - attacker.known.get(var, 0) <= threshold - 1
        ]

    def instance(self, attacker: _Attacker, outsider: _Instance | None) -> _Instance:
        """The attacker's problem. Its propagation starts from the outsider's bounds (valid
        for the insider too, whose problem only adds constraints); None for the outsider."""
        lo = [float(attacker.known.get(var, 0)) for var in self.members]
        hi = [float(lo[t]) if var in attacker.whole else INF for t, var in enumerate(self.members)]
        rhs = [
            base + attacker.slack.get(row, 0.0)
            for row, base in zip(self.rows, self.base_rhs, strict=True)
        ]
        lo_arr, hi_arr = np.array(lo), np.array(hi)
        if outsider is not None:
            lo_arr = np.maximum(lo_arr, outsider.lo_arr)
            hi_arr = np.minimum(hi_arr, outsider.hi_arr)
        lo_arr, hi_arr = _propagate(self, lo_arr, hi_arr, np.array(rhs))
        slack_rows = [k for k in self.ub_rows if rhs[k] != self.base_rhs[k]]
        return _Instance(self, lo_arr, hi_arr, rhs, slack_rows)


def _matrix(rows: Sequence[tuple[tuple[int, ...], tuple[float, ...]]], n: int) -> Any:
    if not rows:
        return None
    data = [a for _, coefs in rows for a in coefs]
    indices = [j for cols, _ in rows for j in cols]
    indptr = np.cumsum([0, *(len(cols) for cols, _ in rows)])
    return csr_array((data, indices, indptr), shape=(len(rows), n))


class _Instance:
    """One attacker's LP over one cluster: its propagated bounds and right-hand sides."""

    def __init__(
        self,
        lp: _ClusterLP,
        lo: Floats,
        hi: Floats,
        rhs: list[float],
        slack_rows: list[int],
    ) -> None:
        self.lp = lp
        self.lo_arr = lo
        self.hi_arr = hi
        self.lo = [float(v) for v in lo]
        self.hi = [float(v) for v in hi]
        self.b_eq = np.array([rhs[k] for k in lp.eq_rows]) if lp.eq_rows else None
        self.b_ub = np.array([rhs[k] for k in lp.ub_rows]) if lp.ub_rows else None
        # The rows where this attacker is tighter than the outsider: a solution of another
        # attacker's LP (feasible for the outsider) is feasible here if it satisfies these
        # and lies in this attacker's bounds.
        self.rhs = rhs
        self.slack_rows = frozenset(slack_rows)

    def valid(self, witness: _Witness) -> bool:
        """Whether a witness (feasible for the outsider) is feasible for this attacker: in
        its bounds, and within the inequalities it tightens."""
        idx, vals = witness.cols, witness.values
        if not (
            np.all(vals >= self.lo_arr[idx] - _TOL) and np.all(vals <= self.hi_arr[idx] + _TOL)
        ):
            return False
        rows = witness.rows & self.slack_rows
        if not rows:
            return True
        x = self.lp.known_truth.copy()
        x[idx] = vals
        for k in rows:
            cols, coefs = self.lp.local[k]
            if sum(a * x[j] for j, a in zip(cols, coefs, strict=True)) > self.rhs[k] + _TOL:
                return False
        return True

    def solve(
        self, targets: Sequence[int], level: int, use_lp: bool = True
    ) -> dict[int, tuple[float, float]]:
        """The targets bounded to an interval narrower than ``level``: {column: (lo, hi)}.

        Cheapest proof first: propagation pins a target (it fails); witnesses (feasible
        tables) found for any attacker show its range wide (it passes); LPs over a small
        neighbourhood find new witnesses; only what is still undecided gets LPs over the
        whole cluster, which give its exact interval.
        """
        lo, hi = self.lo, self.hi
        failures: dict[int, tuple[float, float]] = {}
        seen_min = {t: float(self.lp.truth[t]) for t in targets}
        seen_max = dict(seen_min)
        pending = []
        for t in targets:
            if hi[t] - lo[t] < level:  # propagation alone pins it: no LP needed
                failures[t] = (lo[t], hi[t])
                continue
            if not use_lp:
                continue
            for witness in self.lp.witnesses.get(t, ()):
                if self.valid(witness):
                    _see(t, witness.target, seen_min, seen_max)
            if not _wide(seen_min[t], seen_max[t], level):
                pending.append(t)
        if len(self.lp.members) > 2 * _NEAR:
            # A large cluster: witnesses that move few cells, reusable by other attackers.
            self._local(pending, level, seen_min, seen_max)
            pending = [t for t in pending if not _wide(seen_min[t], seen_max[t], level)]
        if len(pending) > 1:
            # Two probes over the cluster (all pending targets low, then all high, capped so
            # the maximum is finite with the truth still feasible) settle most at once.
            self._lp(dict.fromkeys(pending, 1.0), hi, seen_min, seen_max)
            capped = list(hi)
            for t in pending:
                capped[t] = min(hi[t], max(self.lp.truth[t], seen_min[t] + level))
            self._lp(dict.fromkeys(pending, -1.0), capped, seen_min, seen_max)
        for t in pending:
            if _wide(seen_min[t], seen_max[t], level):
                continue
            low = lo[t]
            if seen_min[t] > lo[t] + EPS:  # not yet seen at its propagated bound
                least = self._lp({t: 1.0}, hi, seen_min, seen_max)
                assert least is not None  # bounded below by the attacker's own part
                low = max(low, math.ceil(least - EPS))
            high = hi[t]
            if math.floor(seen_max[t] + EPS) - low < level and seen_max[t] < hi[t] - EPS:
                most = self._lp({t: -1.0}, hi, seen_min, seen_max)
                if most is not None:  # None: unbounded above, as far as propagation goes
                    high = min(high, math.floor(-most + EPS))
            if high - low < level:
                failures[t] = (float(low), float(high))
        return failures

    def _local(
        self,
        pending: Sequence[int],
        level: int,
        seen_min: dict[int, float],
        seen_max: dict[int, float],
    ) -> None:
        """Witnesses from LPs over neighbourhoods, every other unknown at its true value.

        Neighbourhoods that share no row are independent, so one LP (minimise, then
        maximise, the sum of their targets) serves a whole batch of them, and each target's
        part of the solution is a witness on its own, which moves few cells and so is
        usually feasible for the other attackers too.
        """
        todo = []
        for t in pending:
            near = self.lp.neighbourhood(t)
            if near is not None:
                todo.append((t, near[0], near[1]))
        while todo:
            batch: list[tuple[int, list[int], frozenset[int]]] = []
            used: set[int] = set()
            later = []
            for item in todo:
                if item[2] & used:
                    later.append(item)
                else:
                    batch.append(item)
                    used |= item[2]
            todo = later
            self._batch(batch, level, seen_min, seen_max)

    def _batch(
        self,
        batch: Sequence[tuple[int, list[int], frozenset[int]]],
        level: int,
        seen_min: dict[int, float],
        seen_max: dict[int, float],
    ) -> None:
        lp = self.lp
        cols = sorted({j for _, near, _ in batch for j in near})
        rows = sorted({k for _, _, touched in batch for k in touched})
        if not rows:  # unconstrained: the LPs over the cluster say so at once
            return
        position = {j: i for i, j in enumerate(cols)}
        outside = lp.known_truth.copy()
        outside[cols] = 0.0
        sub = lp.matrix[rows]
        rhs = np.array([self.rhs[k] for k in rows]) - sub @ outside
        sub = sub[:, cols]
        eq = lp.eq_mask[rows]
        lo = self.lo_arr[cols]
        hi = self.hi_arr[cols]
        targets = [position[t] for t, _, _ in batch]
        for sign in (1.0, -1.0):
            c = np.zeros(len(cols))
            c[targets] = sign
            bound = hi.copy()
            if sign < 0:  # capped so that the maximum is finite; the truth stays feasible
                for (t, _, _), i in zip(batch, targets, strict=True):
                    bound[i] = min(hi[i], max(lp.truth[t], seen_min[t] + level))
            result = linprog(
                c,
                A_ub=sub[~eq] if np.any(~eq) else None,
                b_ub=rhs[~eq] if np.any(~eq) else None,
                A_eq=sub[eq] if np.any(eq) else None,
                b_eq=rhs[eq] if np.any(eq) else None,
                bounds=np.column_stack([lo, bound]),
                method="highs",
            )
            if result.status != 0:  # the truth is feasible; a solver failure proves nothing
                continue
            for t, near, touched in batch:
                found = np.array([result.x[position[j]] for j in near])
                witness = _Witness(np.array(near, dtype=np.intp), found, touched, t)
                lp.witnesses.setdefault(t, []).append(witness)
                _see(t, witness.target, seen_min, seen_max)

    def _lp(
        self,
        objective: Mapping[int, float],
        hi: Sequence[float],
        seen_min: dict[int, float],
        seen_max: dict[int, float],
    ) -> float | None:
        """Minimise ``objective . x`` (HiGHS) and keep the solution as a witness: the
        optimum, or None when unbounded."""
        c = np.zeros(len(self.lp.members))
        for j, a in objective.items():
            c[j] = a
        result = linprog(
            c,
            A_ub=self.lp.a_ub,
            b_ub=self.b_ub,
            A_eq=self.lp.a_eq,
            b_eq=self.b_eq,
            bounds=np.column_stack([self.lo_arr, np.array(hi)]),
            method="highs",
        )
        if result.status == 3:
            return None
        if result.status == 2:
            raise ValueError("the published values contradict the relations (LP infeasible)")
        if result.status != 0:
            raise RuntimeError(f"HiGHS: {result.message}")
        x: Floats = result.x
        every = np.arange(len(x), dtype=np.intp)
        rows = frozenset(range(len(self.lp.rows)))
        for t in seen_min:
            self.lp.witnesses.setdefault(t, []).append(_Witness(every, x, rows, t))
            _see(t, float(x[t]), seen_min, seen_max)
        return float(result.fun)


def _see(t: int, value: float, seen_min: dict[int, float], seen_max: dict[int, float]) -> None:
    seen_min[t] = min(seen_min[t], value)
    seen_max[t] = max(seen_max[t], value)


@dataclass(frozen=True)
class _Witness:
    """A feasible table for the outsider, as the cells it moves from the truth: ``values``
    at the cluster's columns ``cols`` (sorted), the truth everywhere else; ``rows`` are the
    rows touching them. It witnesses the value it gives the target column ``t``."""

    cols: npt.NDArray[np.intp]
    values: Floats
    rows: frozenset[int]
    t: int

    @property
    def target(self) -> float:
        return float(self.values[np.searchsorted(self.cols, self.t)])


def _wide(seen_min: float, seen_max: float, level: int) -> bool:
    """Two feasible values this far apart prove the interval at least ``level`` wide."""
    return math.floor(seen_max + EPS) - math.ceil(seen_min - EPS) >= level


def _propagate(lp: _ClusterLP, lo: Floats, hi: Floats, rhs: Floats) -> tuple[Floats, Floats]:
    """Interval constraint propagation with integer rounding, to a fixed point.

    Each row ``sum a_i x_i <= b`` bounds each of its unknowns by what the others leave at
    their least; every row at once (numpy), until nothing moves. The LP runs on these
    bounds: rounding each step to integers can prove more than the LP relaxation alone, and
    an attacker does that with a spreadsheet. Raises ValueError if bounds cross.
    """
    lo, hi = lo.copy(), hi.copy()
    if not len(lp.p_col):
        return lo, hi
    rows, cols, coefs = lp.p_row, lp.p_col, lp.p_coef
    b = lp.p_sign * rhs[lp.p_rhs_row]
    n_rows = len(lp.prop)
    positive = coefs > 0
    for _ in range(10_000):  # a fixed point comes long before; this only bounds the loop
        least = np.where(positive, coefs * lo[cols], coefs * hi[cols])
        infinite = np.isinf(least)
        finite = np.where(infinite, 0.0, least)
        n_inf = np.bincount(rows, weights=infinite, minlength=n_rows)[rows] - infinite
        rest = np.bincount(rows, weights=finite, minlength=n_rows)[rows] - finite
        usable = n_inf == 0
        with np.errstate(invalid="ignore", over="ignore"):
            limit = (b[rows] - rest) / coefs
        new_hi = hi.copy()
        new_lo = lo.copy()
        up = usable & positive
        np.minimum.at(new_hi, cols[up], np.floor(limit[up] + EPS))
        down = usable & ~positive
        np.maximum.at(new_lo, cols[down], np.ceil(limit[down] - EPS))
        if np.any(new_lo > new_hi):
            raise ValueError("the published values contradict the relations")
        if np.array_equal(new_lo, lo) and np.array_equal(new_hi, hi):
            break
        lo, hi = new_lo, new_hi
    return lo, hi


# --- secondary suppression ---------------------------------------------------------------------


def _secondary(model: _Model, hidden: set[int], free: set[int], var: int) -> int | None:
    """The next cell (this version's unknown) to hide for the failing unknown ``var``.

    The nearest first: cells sharing one of this version's relations with ``var``, then cells
    sharing a relation with the unknowns tied to it, ring by ring through the hidden ones
    (hiding a cell that shares no relation with its cluster cannot change what an attacker
    proves about it). A cell an earlier version published unchanged stays pinned whatever
    this version does, so it is never chosen. Within a ring: the smallest positive value
    first (least information lost), zeros last, ties by cell order (unknowns are numbered in
    cell order).
    """
    n_cells = len(model.cells)
    seen = {var}
    ring = [var]
    first = True
    while ring:
        rows = {row for v in ring for row in model.var_rows[v] if not first or row < model.now_rows}
        first = False
        candidates = {
            v
            for row in rows
            for v in model.row_cols[row]
            if v < n_cells
            and v not in hidden
            and v not in model.published_before
            and v not in model.unpublished
        }
        if candidates:
            return min(candidates, key=lambda v: (model.value[v] == 0, model.value[v], v))
        ring = sorted({v for row in rows for v in model.row_cols[row] if v in free} - seen)
        seen.update(ring)
    return None
