"""What an attacker can prove about hidden counts, from everything it knows.

The attacker is method-agnostic: it does not care whether the publisher suppressed, rounded or
perturbed. It is given a :class:`Model` of its knowledge and computes, for any count (or integer
combination of counts), the narrowest interval it can *prove* the true value lies in.

Unknowns are the true counts, non-negative integers, each named by any hashable value (tuples
such as ``("F1", "outcomes", "work", "women")`` read well). Knowledge comes in two kinds:

* **Relations**, linear equalities and inequalities among unknowns: the service's additivity
  (women + men + unspecified = total, förbund rows add up to the national and län figures) and
  its validation rules (outcomes <= ended, started <= participants, the age bands sum to at most
  participants, ...). Stored as sparse rows; see :meth:`Model.equal`, :meth:`Model.at_most`,
  :meth:`Model.total`, :meth:`Model.not_above`.
* **Facts about single unknowns**, stored as bounds: a published exact value
  (:meth:`Model.published`), a suppressed cell with the range the method reveals
  (:meth:`Model.suppressed`), a perturbed value with a documented maximum absolute noise
  (:meth:`Model.perturbed`), and what an insider knows exactly (:meth:`Model.knows`).
  Copies of a model (:meth:`Model.copy`) that only add facts, one per insider say, share the
  compiled constraint matrices.

Two attackers:

* :func:`propagate`, interval constraint propagation (bound propagation): each relation
  tightens the bounds of its unknowns from the bounds of the others, rounding to integers,
  until nothing changes. Cheap, and what a reader with a spreadsheet does.
* :func:`bounds` and :func:`bounds_many`, linear programming with HiGHS
  (``scipy.optimize.linprog(method="highs")``): the minimum and maximum of the target over
  everything known, rounded inwards to integers (ceil of the minimum, floor of the maximum).
  With ``integer=True`` the unknowns are integers (a MILP), which is the strongest attack on
  integer data; the LP relaxation can be looser. Every bound returned is valid for the integer
  truth: LP bounds are intersected with the (integer) propagation bounds.

:func:`audit` plays the attacker against a protection guarantee ("no count from 1 to
threshold - 1 is bounded to an interval narrower than ``min_width``") given the true table.
"""

from __future__ import annotations

import math
from collections import deque
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeAlias

import numpy as np
import numpy.typing as npt
from scipy.optimize import linprog  # type: ignore[import-untyped]
from scipy.sparse import csr_array  # type: ignore[import-untyped]

__all__ = [
    "Exposure",
    "Infeasible",
    "Interval",
    "Linear",
    "Model",
    "Target",
    "audit",
    "bounds",
    "bounds_many",
    "propagate",
]

Var: TypeAlias = Hashable
Linear: TypeAlias = Mapping[Any, float]
# A target is an unknown's name, or an integer combination of unknowns ({a: 1, b: -1} is a - b).
Target: TypeAlias = Hashable | Mapping[Any, float]

INF = math.inf
# Tolerance when rounding a float bound inwards to an integer. Counts are at most ~10^6 and the
# coefficients small integers, so HiGHS's feasibility tolerance (1e-7) stays well inside it.
EPS = 1e-6

Floats: TypeAlias = npt.NDArray[np.float64]
Ints: TypeAlias = npt.NDArray[np.intp]


class Infeasible(ValueError):
    """The knowledge contradicts itself: no non-negative counts satisfy it.

    In an attack test this means the model is wrong (or the truth violates a rule), never that
    the protection is good.
    """


class Interval(NamedTuple):
    """What the attacker can prove: ``lo <= true value <= hi``.

    Finite ends are integers (held as ``int``); an end nobody can bound is ``-inf``/``inf``.
    """

    lo: float
    hi: float

    @property
    def width(self) -> float:
        """``hi - lo``: 0 when the value is determined exactly."""
        return self.hi - self.lo

    @property
    def pinned(self) -> bool:
        """Whether the value is determined exactly."""
        return self.lo == self.hi

    def contains(self, value: float) -> bool:
        return self.lo <= value <= self.hi


@dataclass(frozen=True)
class _Row:
    """``sum(coef * x[col]) (== or <=) rhs``."""

    cols: tuple[int, ...]
    coefs: tuple[float, ...]
    rhs: float
    label: str


@dataclass(frozen=True)
class _Compiled:
    n: int
    # Every relation as `<=` rows (an equality gives two), for propagation.
    ub_rows: tuple[tuple[tuple[int, ...], tuple[float, ...], float], ...]
    watch: tuple[tuple[int, ...], ...]  # column -> the ub_rows it appears in
    # Relations tie unknowns into independent components (one per measure and category,
    # typically); a target's LP needs only its own component's rows and columns.
    component: tuple[int, ...]  # column -> component id
    comp_cols: Mapping[int, tuple[int, ...]]
    comp_eq: Mapping[int, tuple[_Row, ...]]
    comp_ub: Mapping[int, tuple[_Row, ...]]
    # Sub-problems built so far, by the components they span (shared by copies of a model).
    cache: dict[frozenset[int], _Subproblem]


@dataclass(frozen=True)
class _Subproblem:
    cols: Ints  # global column of each local column
    a_ub: Any  # csr_array or None
    b_ub: Floats | None
    a_eq: Any
    b_eq: Floats | None


class Model:
    """Everything an attacker knows. Unknowns are non-negative integers unless told more."""

    def __init__(self) -> None:
        self._index: dict[Var, int] = {}
        self._names: list[Var] = []
        self._lo: list[float] = []
        self._hi: list[float] = []
        self._eq: list[_Row] = []
        self._ub: list[_Row] = []
        self._compiled: _Compiled | None = None

    # --- unknowns ------------------------------------------------------------------------

    def variable(self, name: Var) -> Var:
        """Declare an unknown count (idempotent); return its name."""
        if name not in self._index:
            self._index[name] = len(self._names)
            self._names.append(name)
            self._lo.append(0.0)
            self._hi.append(INF)
            self._compiled = None
        return name

    @property
    def variables(self) -> tuple[Var, ...]:
        return tuple(self._names)

    def __contains__(self, name: object) -> bool:
        return name in self._index

    def known_range(self, name: Var) -> Interval:
        """The bounds stated for ``name`` as facts (before any attack)."""
        i = self._index[name]
        return Interval(_as_int(self._lo[i]), _as_int(self._hi[i]))

    # --- relations -----------------------------------------------------------------------

    def equal(self, lhs: Linear, rhs: float = 0, label: str = "") -> None:
        """``sum(coef * name) == rhs``."""
        self._eq.append(self._row(lhs, rhs, label))
        self._compiled = None

    def at_most(self, lhs: Linear, rhs: float = 0, label: str = "") -> None:
        """``sum(coef * name) <= rhs``."""
        self._ub.append(self._row(lhs, rhs, label))
        self._compiled = None

    def at_least(self, lhs: Linear, rhs: float = 0, label: str = "") -> None:
        """``sum(coef * name) >= rhs``."""
        self.at_most({name: -coef for name, coef in lhs.items()}, -rhs, label)

    def total(self, total: Var, parts: Iterable[Var], label: str = "") -> None:
        """``total == sum(parts)`` (a kön split, rows adding up to a national figure, ...)."""
        lhs = _combine([(total, 1.0), *((part, -1.0) for part in parts)])
        self.equal(lhs, 0, label or f"{total!r} = sum of parts")

    def not_above(self, parts: Iterable[Var], bound: Var, label: str = "") -> None:
        """``sum(parts) <= bound``: a validation rule such as outcomes <= ended."""
        lhs = _combine([*((part, 1.0) for part in parts), (bound, -1.0)])
        self.at_most(lhs, 0, label or f"sum of parts <= {bound!r}")

    # --- facts about single unknowns -------------------------------------------------------

    def within(self, name: Var, lo: float = 0, hi: float = INF) -> None:
        """The true value of ``name`` lies in ``[lo, hi]`` (intersected with what is known)."""
        self.variable(name)
        i = self._index[name]
        self._lo[i] = max(self._lo[i], float(math.ceil(lo - EPS)))
        self._hi[i] = min(self._hi[i], float(math.floor(hi + EPS)) if hi != INF else INF)

    def published(self, name: Var, value: int) -> None:
        """The value was published exactly."""
        self.within(name, value, value)

    def suppressed(self, name: Var, lo: float = 0, hi: float = INF) -> None:
        """The value was hidden; the method may reveal a range (``1..threshold - 1`` for a
        primary suppression that says so). Without a range this only declares the unknown."""
        self.within(name, lo, hi)

    def perturbed(
        self, name: Var, published: int, max_noise: int, *, zero_hides_below: int | None = None
    ) -> None:
        """A value published with noise of at most ``max_noise`` either way.

        With ``zero_hides_below=T``, a published 0 also stands for a true value from 1 to
        T - 1 (a p-table that never publishes small counts maps them to 0).
        """
        lo, hi = max(0, published - max_noise), published + max_noise
        if published == 0 and zero_hides_below is not None:
            hi = max(hi, zero_hides_below - 1)
        self.within(name, lo, hi)

    def knows(self, values: Mapping[Var, int]) -> None:
        """An insider knows these true values exactly (its own insats's, its own förbund's)."""
        for name, value in values.items():
            self.within(name, value, value)

    def copy(self) -> Model:
        """An independent copy; it shares the compiled matrices until relations are added."""
        other = Model()
        other._index = dict(self._index)
        other._names = list(self._names)
        other._lo = list(self._lo)
        other._hi = list(self._hi)
        other._eq = list(self._eq)
        other._ub = list(self._ub)
        other._compiled = self._compiled
        return other

    def violations(self, truth: Mapping[Any, float]) -> list[str]:
        """What the true values contradict (an empty list means the model is sound).

        Every attack test should check this first: a model the truth violates can "recover"
        anything.
        """
        found = []
        for name, i in self._index.items():
            value = truth[name]
            if not self._lo[i] <= value <= self._hi[i]:
                found.append(f"{name!r} = {value} outside [{self._lo[i]}, {self._hi[i]}]")
        for rows, op in ((self._eq, "=="), (self._ub, "<=")):
            for row in rows:
                lhs = sum(
                    c * truth[self._names[j]] for j, c in zip(row.cols, row.coefs, strict=True)
                )
                ok = abs(lhs - row.rhs) <= EPS if op == "==" else lhs <= row.rhs + EPS
                if not ok:
                    found.append(f"{row.label or 'relation'}: {lhs} {op} {row.rhs} fails")
        return found

    # --- internals -------------------------------------------------------------------------

    def _row(self, lhs: Linear, rhs: float, label: str) -> _Row:
        combined = _combine(lhs.items())
        for name in combined:
            self.variable(name)
        cols = tuple(self._index[name] for name in combined)
        return _Row(cols, tuple(combined.values()), float(rhs), label)

    def _compile(self) -> _Compiled:
        if self._compiled is None:
            n = len(self._names)
            ub_rows = [(r.cols, r.coefs, r.rhs) for r in self._ub]
            for r in self._eq:
                ub_rows.append((r.cols, r.coefs, r.rhs))
                ub_rows.append((r.cols, tuple(-c for c in r.coefs), -r.rhs))
            watch: list[list[int]] = [[] for _ in range(n)]
            for k, (cols, _, _) in enumerate(ub_rows):
                for j in cols:
                    watch[j].append(k)
            parent = list(range(n))

            def root(j: int) -> int:
                while parent[j] != j:
                    parent[j] = parent[parent[j]]
                    j = parent[j]
                return j

            for r in (*self._eq, *self._ub):
                for j in r.cols[1:]:
                    parent[root(j)] = root(r.cols[0])
            component = tuple(root(j) for j in range(n))
            comp_cols: dict[int, list[int]] = {}
            for j, c in enumerate(component):
                comp_cols.setdefault(c, []).append(j)
            comp_eq: dict[int, list[_Row]] = {}
            comp_ub: dict[int, list[_Row]] = {}
            for rows, by_comp in ((self._eq, comp_eq), (self._ub, comp_ub)):
                for r in rows:
                    if r.cols:
                        by_comp.setdefault(component[r.cols[0]], []).append(r)
            self._compiled = _Compiled(
                n,
                tuple(ub_rows),
                tuple(tuple(w) for w in watch),
                component,
                {c: tuple(cols) for c, cols in comp_cols.items()},
                {c: tuple(rows) for c, rows in comp_eq.items()},
                {c: tuple(rows) for c, rows in comp_ub.items()},
                {},
            )
        return self._compiled

    def _target(self, target: Target) -> dict[int, float]:
        coefs = _combine(target.items()) if isinstance(target, Mapping) else {target: 1.0}
        for name, coef in coefs.items():
            if name not in self._index:
                raise KeyError(f"unknown {name!r} is not in the model")
            if coef != round(coef):
                raise ValueError(f"target coefficients must be integers, not {coef} for {name!r}")
        return {self._index[name]: coef for name, coef in coefs.items()}


def _combine(items: Iterable[tuple[Var, float]]) -> dict[Var, float]:
    combined: dict[Var, float] = {}
    for name, coef in items:
        combined[name] = combined.get(name, 0.0) + float(coef)
    return {name: coef for name, coef in combined.items() if coef}


def _subproblem(compiled: _Compiled, comps: frozenset[int]) -> _Subproblem:
    found = compiled.cache.get(comps)
    if found is None:
        cols = sorted(j for c in comps for j in compiled.comp_cols[c])
        local = {j: k for k, j in enumerate(cols)}
        eq = [r for c in sorted(comps) for r in compiled.comp_eq.get(c, ())]
        ub = [r for c in sorted(comps) for r in compiled.comp_ub.get(c, ())]
        a_eq, b_eq = _matrix(eq, local)
        a_ub, b_ub = _matrix(ub, local)
        found = _Subproblem(np.array(cols, dtype=np.intp), a_ub, b_ub, a_eq, b_eq)
        compiled.cache[comps] = found
    return found


def _matrix(rows: Sequence[_Row], local: Mapping[int, int]) -> tuple[Any, Floats | None]:
    if not rows:
        return None, None
    data = [c for r in rows for c in r.coefs]
    indices = [local[j] for r in rows for j in r.cols]
    indptr = np.cumsum([0, *(len(r.cols) for r in rows)])
    matrix = csr_array((data, indices, indptr), shape=(len(rows), len(local)))
    return matrix, np.array([r.rhs for r in rows], dtype=np.float64)


def _as_int(value: float) -> float:
    """An integral float as ``int`` (so intervals print and compare as counts); inf as is."""
    return value if math.isinf(value) else int(value)


# --- bound propagation ------------------------------------------------------------------------


def propagate(model: Model, *, max_rounds: int = 200) -> dict[Var, Interval]:
    """Interval constraint propagation over every relation, with integer rounding.

    Each ``<=`` row ``sum a_i x_i <= b`` gives ``a_j x_j <= b - min(sum_{i != j} a_i x_i)``; rows
    whose unknowns tightened are revisited until nothing changes (or each row was revisited
    ``max_rounds`` times). Raises :class:`Infeasible` if some unknown's bounds cross.
    """
    lo, hi = _propagate(model, max_rounds)
    return {name: Interval(_as_int(lo[i]), _as_int(hi[i])) for name, i in model._index.items()}


def _propagate(model: Model, max_rounds: int) -> tuple[list[float], list[float]]:
    compiled = model._compile()
    lo, hi = list(model._lo), list(model._hi)
    for j in range(compiled.n):
        if lo[j] > hi[j]:
            raise Infeasible(f"{model._names[j]!r}: no value in [{lo[j]}, {hi[j]}]")
    rows, watch = compiled.ub_rows, compiled.watch
    queue = deque(range(len(rows)))
    queued = [True] * len(rows)
    budget = max_rounds * max(1, len(rows))
    while queue and budget > 0:
        budget -= 1
        k = queue.popleft()
        queued[k] = False
        cols, coefs, rhs = rows[k]
        finite, infinite, free_col = 0.0, 0, -1
        for j, a in zip(cols, coefs, strict=True):
            least = a * lo[j] if a > 0 else a * hi[j]
            if math.isinf(least):
                infinite += 1
                free_col = j
            else:
                finite += least
        if infinite > 1:
            continue
        for j, a in zip(cols, coefs, strict=True):
            if infinite:
                if j != free_col:
                    continue
                rest = finite
            else:
                rest = finite - (a * lo[j] if a > 0 else a * hi[j])
            limit = (rhs - rest) / a
            changed = False
            if a > 0:
                new = float(math.floor(limit + EPS))
                if new < hi[j]:
                    hi[j], changed = new, True
            else:
                new = float(math.ceil(limit - EPS))
                if new > lo[j]:
                    lo[j], changed = new, True
            if lo[j] > hi[j]:
                raise Infeasible(f"{model._names[j]!r}: bounds crossed at [{lo[j]}, {hi[j]}]")
            if changed:
                for other in watch[j]:
                    if not queued[other]:
                        queued[other] = True
                        queue.append(other)
    return lo, hi


# --- linear programming -----------------------------------------------------------------------


def bounds(model: Model, target: Target, *, integer: bool = False) -> Interval:
    """The narrowest interval the attacker can prove for ``target`` (see :func:`bounds_many`)."""
    return bounds_many(model, [target], integer=integer)[0]


def bounds_many(
    model: Model, targets: Sequence[Target], *, integer: bool = False
) -> list[Interval]:
    """Bounds for many targets; the result is aligned with ``targets``.

    Fast because most targets need no LP of their own:

    * the constraint matrices are built once (sparse), per component of the relations;
    * bound propagation runs first; its integer bounds become the LP's variable bounds, and
      interval arithmetic on them settles targets that are already pinned or unconstrained;
    * every LP solution is a feasible table, so a single unknown that some solution takes to
      its propagated bound has that bound as its optimum: probing LPs (the sum of the pending
      unknowns, minimised and maximised) settle many at once;
    * components are independent, so one LP minimises a target in each of many components at
      once (the objective is separable, so the optimum is optimal in each component).

    With ``integer=True`` the unknowns are integers (MILP through HiGHS, solved to a zero gap).
    Raises :class:`Infeasible` if the knowledge is contradictory.
    """
    compiled = model._compile()
    lo, hi = _propagate(model, max_rounds=200)
    solver = _Solver(compiled, lo, hi, integer)
    parsed = [model._target(target) for target in targets]
    comps = [frozenset(compiled.component[j] for j in coefs) for coefs in parsed]
    # Interval arithmetic on the propagated bounds: valid, and often already the answer.
    low = [sum(a * lo[j] if a > 0 else a * hi[j] for j, a in c.items()) for c in parsed]
    high = [sum(a * hi[j] if a > 0 else a * lo[j] for j, a in c.items()) for c in parsed]
    open_ = [
        k
        for k, coefs in enumerate(parsed)
        if low[k] < high[k]
        and any(compiled.comp_eq.get(c) or compiled.comp_ub.get(c) for c in comps[k])
    ]

    for sign, result in ((1.0, low), (-1.0, high)):
        # A side interval arithmetic leaves infinite may be unbounded for the LP too, which
        # would spoil a combined LP: such targets get an LP of their own.
        pending = [k for k in open_ if not math.isinf(result[k])]
        for k in (k for k in open_ if math.isinf(result[k])):
            x = solver.solve(parsed[k], sign, comps[k])
            if x is not None:
                result[k] = _tighter(sign, result[k], _value(parsed[k], x))
        seen = solver.seen_min if sign > 0 else solver.seen_max
        bound = solver.lo if sign > 0 else solver.hi

        def settled(k: int, seen: Floats = seen, bound: Floats = bound) -> bool:
            (j, a), *more = parsed[k].items()
            return not more and a == 1 and abs(seen[j] - bound[j]) <= EPS

        probing = True
        while pending:
            pending = [k for k in pending if not settled(k)]
            if not pending:
                break
            singles = [k for k in pending if len(parsed[k]) == 1]
            if probing and len(singles) > 1:
                before = len(pending)
                probe: dict[int, float] = {}
                for k in singles:
                    probe |= parsed[k]
                solver.solve(probe, sign, frozenset().union(*(comps[k] for k in singles)))
                pending = [k for k in pending if not settled(k)]
                probing = len(pending) < before
                continue
            # One target per component, all in one separable LP.
            batch: list[int] = []
            used: set[int] = set()
            for k in pending:
                if not comps[k] & used:
                    batch.append(k)
                    used |= comps[k]
            objective: dict[int, float] = {}
            for k in batch:
                objective |= parsed[k]
            x = solver.solve(objective, sign, frozenset(used))
            assert x is not None  # every side in `pending` is bounded
            for k in batch:
                result[k] = _tighter(sign, result[k], _value(parsed[k], x))
            done = set(batch)
            pending = [k for k in pending if k not in done]
        # A single unknown settled by a solution at its propagated bound keeps that bound,
        # which interval arithmetic already put in `result`.
    return [Interval(_as_int(a), _as_int(b)) for a, b in zip(low, high, strict=True)]


def _tighter(sign: float, known: float, optimum: float) -> float:
    """Combine a valid bound with an LP optimum rounded inwards (the ceiling of a minimum,
    the floor of a maximum): both are valid for the integer truth, so keep the tighter."""
    if sign > 0:
        return max(known, float(math.ceil(optimum - EPS)))
    return min(known, float(math.floor(optimum + EPS)))


def _value(coefs: Mapping[int, float], x: Floats) -> float:
    return sum(a * float(x[j]) for j, a in coefs.items())


class _Solver:
    """LPs over sub-problems of a compiled model, recording every solution as a feasible table.

    A solution is kept as a full-length vector (unknowns outside the sub-problem are 0 and not
    recorded as seen).
    """

    def __init__(self, compiled: _Compiled, lo: list[float], hi: list[float], integer: bool):
        self.compiled = compiled
        self.lo = np.array(lo, dtype=np.float64)
        self.hi = np.array(hi, dtype=np.float64)
        self.integer = integer
        self.seen_min = np.full(compiled.n, INF)
        self.seen_max = np.full(compiled.n, -INF)

    def solve(
        self, coefs: Mapping[int, float], sign: float, comps: frozenset[int]
    ) -> Floats | None:
        """Minimise ``sign * coefs . x``; the solution, or None if that is unbounded."""
        sub = _subproblem(self.compiled, comps)
        local = {int(j): k for k, j in enumerate(sub.cols)}
        c = np.zeros(len(sub.cols))
        for j, a in coefs.items():
            c[local[j]] = sign * a
        result = linprog(
            c,
            A_ub=sub.a_ub,
            b_ub=sub.b_ub,
            A_eq=sub.a_eq,
            b_eq=sub.b_eq,
            bounds=np.column_stack([self.lo[sub.cols], self.hi[sub.cols]]),
            method="highs",
            integrality=np.ones(len(sub.cols)) if self.integer else None,
            # A relative MIP gap would let a combined objective hide a suboptimal component.
            options={"mip_rel_gap": 0.0} if self.integer else None,
        )
        if result.status == 2:
            raise Infeasible(result.message)
        if result.status == 3:
            return None
        if result.status != 0:
            raise RuntimeError(f"HiGHS: {result.message}")
        self.seen_min[sub.cols] = np.minimum(self.seen_min[sub.cols], result.x)
        self.seen_max[sub.cols] = np.maximum(self.seen_max[sub.cols], result.x)
        full = np.zeros(self.compiled.n)
        full[sub.cols] = result.x
        return full


# --- audit ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Exposure:
    """A protected small count the attacker bounds more narrowly than the guarantee allows."""

    name: Var
    true: int
    interval: Interval


def audit(
    model: Model,
    truth: Mapping[Any, int],
    protected: Iterable[Var],
    *,
    threshold: int,
    min_width: int = 1,
    integer: bool = False,
) -> list[Exposure]:
    """Every protected count from 1 to ``threshold - 1`` whose provable interval is narrower
    than ``min_width`` (``min_width=1``: none is determined exactly).

    Raises :class:`ValueError` if the truth contradicts the model, which would make the audit
    meaningless.
    """
    problems = model.violations(truth)
    if problems:
        raise ValueError("the model contradicts the truth: " + "; ".join(problems[:5]))
    small = sorted((name for name in set(protected) if 1 <= truth[name] < threshold), key=repr)
    intervals = bounds_many(model, small, integer=integer)
    return [
        Exposure(name, truth[name], interval)
        for name, interval in zip(small, intervals, strict=True)
        if interval.width < min_width
    ]
