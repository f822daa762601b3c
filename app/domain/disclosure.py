"""Disclosure control for published tables of participant counts.

Published statistics must not let a reader single out small groups of people. Following the
practice in Swedish official statistics, a table is protected by cell suppression:

1. *Primary suppression.* Every count with ``1 <= value < threshold`` is hidden. A zero is
   published: it says that nobody has the property, which identifies nobody.
2. *Secondary (complementary) suppression.* Tables carry additive structure (women + men +
   unspecified = total; förbund rows add up to the national row), and a reader who sees every
   other cell of such a relation can recover a hidden cell by subtraction. So whenever a
   relation has exactly one hidden cell, one more of its cells is hidden: the smallest positive
   part (least information lost), else a positive total, else a zero part, else a zero total.
   This is repeated until no relation has exactly one hidden cell; it terminates because
   every step hides a cell that was visible.
3. *Protection against elimination.* Relations overlap, so a reader can also combine several
   of them (add two row equations, subtract a column equation, ...) and pin down a hidden cell
   even though no single relation exposes it. After step 2 the hidden cells are therefore
   checked exactly: with the published values substituted, the relations form a linear
   system in the hidden cells, and a hidden cell is determined iff its unit vector lies in the
   row space of that system. This is decided by Gaussian elimination over
   :class:`fractions.Fraction` (exact, and the tables are small). For every determined cell
   one more cell is hidden, chosen among those that make it undetermined, and steps 2 and 3
   are repeated until nothing hidden can be determined.

A value of ``None`` means "not applicable / not reported". It is not a number: it is never
suppressed, never counted in a relation, and never returned as a cell to suppress. Callers
publish suppressed cells as ``None`` too, but list their names separately (see :func:`publish`)
so that a hidden count is never mistaken for a missing one.

The check is linear only: it does not use that counts are non-negative integers, so a reader
may still narrow a hidden cell to an interval. That is the usual standard for tabular
suppression; the guarantee here is that no hidden cell can be computed exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

__all__ = ["Additivity", "cells_to_suppress", "publish"]


@dataclass(frozen=True)
class Additivity:
    """The relation ``cells[total] == sum(cells[p] for p in parts)``.

    Parts whose cell is ``None`` or missing are left out of the sum; if the total is ``None``
    or missing the relation says nothing and is ignored.
    """

    total: str
    parts: tuple[str, ...]


def cells_to_suppress(
    cells: Mapping[str, int | None],
    constraints: Sequence[Additivity],
    threshold: int,
) -> frozenset[str]:
    """Return the names of the cells that must be hidden before the table is published.

    ``cells`` maps names to non-negative counts (``None`` for not applicable), ``constraints``
    lists the additive relations a reader knows hold between them, and published counts must
    be 0 or at least ``threshold`` (``threshold <= 1`` hides nothing). The result contains
    the primary cells plus enough complementary cells that no hidden cell can be computed
    from the published ones, whether from one relation or by combining several. It never
    contains a ``None`` cell, and it depends only on the contents of the inputs (not on the
    order of ``cells`` or ``constraints``).

    Raises :class:`ValueError` if a count is negative.
    """
    for name, value in cells.items():
        if value is not None and value < 0:
            raise ValueError(f"cell {name!r} has negative count {value}")

    relations = _active_relations(cells, constraints)
    primary = {
        name for name, value in cells.items() if value is not None and 1 <= value < threshold
    }
    # Relations only tie together the cells they share, so a table splits into independent
    # components (one per measure and category, typically): hiding in one never helps or
    # harms another, and solving them apart keeps the exact elimination small.
    hidden = set(primary)
    for component in _components(relations):
        members = {name for relation in component for name in relation.members}
        if members & primary:
            hidden |= _suppress_component(cells, component, primary & members)
    return frozenset(hidden)


def _components(relations: Sequence[_Relation]) -> list[list[_Relation]]:
    """Group relations that share a cell, transitively (union-find over cell names)."""
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.setdefault(name, name) != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    for relation in relations:
        first, *rest = relation.members
        for name in rest:
            parent[root(name)] = root(first)
    groups: dict[str, list[_Relation]] = {}
    for relation in relations:
        groups.setdefault(root(relation.members[0]), []).append(relation)
    return [groups[key] for key in sorted(groups)]


def _suppress_component(
    cells: Mapping[str, int | None], relations: list[_Relation], primary: set[str]
) -> set[str]:
    """Steps 2 and 3 on one component, starting from its primary cells."""
    suppressed = set(primary)
    # Cells every relation's totals and parts pin down regardless of what is hidden (only
    # possible with redundant relations) cannot be protected by hiding more; leaving them out
    # of the targets keeps step 3 from hiding the whole table in vain.
    constrained = {name for relation in relations for name in relation.members}
    unprotectable = _determined(relations, constrained)

    while True:
        _complete_relations(cells, relations, suppressed)
        exposed = sorted(_determined(relations, suppressed) - unprotectable)
        if not exposed:
            return suppressed
        extra = _cell_to_unpin(cells, relations, suppressed, exposed[0])
        if extra is None:
            # Every constrained cell is already hidden; nothing more can help.
            return suppressed
        suppressed.add(extra)


def publish(cells: Mapping[str, int | None], suppressed: Iterable[str]) -> dict[str, int | None]:
    """Return a copy of ``cells`` with every suppressed cell replaced by ``None``.

    ``None`` is also how "not applicable" is published, so callers must report the suppressed
    names alongside the values for a reader to tell the two apart.
    """
    hidden = frozenset(suppressed)
    return {name: None if name in hidden else value for name, value in cells.items()}


@dataclass(frozen=True)
class _Relation:
    """An :class:`Additivity` restricted to the cells that have numbers."""

    total: str
    parts: tuple[str, ...]

    @property
    def members(self) -> tuple[str, ...]:
        return (self.total, *self.parts)


def _active_relations(
    cells: Mapping[str, int | None], constraints: Sequence[Additivity]
) -> list[_Relation]:
    relations: set[_Relation] = set()
    for constraint in constraints:
        if cells.get(constraint.total) is None:
            continue
        # A relation is a statement about distinct cells; a repeated name or the total
        # listed among its own parts would otherwise be counted twice.
        parts = sorted(
            {p for p in constraint.parts if p != constraint.total and cells.get(p) is not None}
        )
        relations.add(_Relation(constraint.total, tuple(parts)))
    # Sorting makes the greedy choices independent of the order the caller listed them in.
    return sorted(relations, key=lambda r: (r.total, r.parts))


def _value(cells: Mapping[str, int | None], name: str) -> int:
    value = cells[name]
    assert value is not None  # _active_relations keeps only cells with numbers
    return value


def _complete_relations(
    cells: Mapping[str, int | None], relations: Sequence[_Relation], suppressed: set[str]
) -> None:
    """Hide cells until no relation has exactly one hidden cell (mutates ``suppressed``)."""
    changed = True
    while changed:
        changed = False
        for relation in relations:
            hidden = [name for name in relation.members if name in suppressed]
            if len(hidden) != 1:
                continue
            extra = _complement(cells, relation, suppressed)
            if extra is not None:
                suppressed.add(extra)
                changed = True


def _complement(
    cells: Mapping[str, int | None], relation: _Relation, suppressed: set[str]
) -> str | None:
    visible_parts = [p for p in relation.parts if p not in suppressed]
    positive_parts = [p for p in visible_parts if _value(cells, p) > 0]
    if positive_parts:
        # The smallest part loses the least information and is the likeliest to be small
        # itself, so hiding it is cheap; the name breaks ties so the result is reproducible.
        return min(positive_parts, key=lambda p: (_value(cells, p), p))
    total_visible = relation.total not in suppressed
    if total_visible and _value(cells, relation.total) > 0:
        return relation.total
    if visible_parts:
        return min(visible_parts)
    if total_visible:
        return relation.total
    # Only the hidden cell has a number (e.g. a total with no reported parts): hiding more
    # cannot change what this relation reveals.
    return None


def _determined(relations: Sequence[_Relation], suppressed: Iterable[str]) -> set[str]:
    """The hidden cells whose value follows from the relations and the published cells.

    Moving published values to the right-hand side leaves, per relation, a row with +1 for a
    hidden total and -1 for each hidden part. A hidden cell is determined iff its unit vector
    lies in the row space of that matrix; in reduced row echelon form this means its column
    is a pivot whose row has no other non-zero entry.
    """
    columns = sorted(set(suppressed))
    index = {name: i for i, name in enumerate(columns)}
    matrix: list[dict[int, Fraction]] = []
    for relation in relations:
        # Rows are sparse (a relation touches a few hidden cells of a large table), so they
        # are kept as {column: coefficient}; elimination then costs what the fill-in costs.
        row: dict[int, Fraction] = {}
        if relation.total in index:
            row[index[relation.total]] = Fraction(1)
        for part in relation.parts:
            if part in index:
                col = index[part]
                row[col] = row.get(col, Fraction(0)) - 1
        row = {col: value for col, value in row.items() if value}
        if row:
            matrix.append(row)

    reduced = _reduce(matrix)
    return {columns[col] for col, row in reduced.items() if len(row) == 1}


def _reduce(matrix: list[dict[int, Fraction]]) -> dict[int, dict[int, Fraction]]:
    """Reduced row echelon form of sparse rows: {pivot column: its row}."""
    pivots: dict[int, dict[int, Fraction]] = {}
    for original in matrix:
        row = dict(original)
        # Eliminate the existing pivots from the new row, in column order.
        for col in sorted(set(row) & set(pivots)):
            factor = row.get(col)
            if factor:
                _subtract(row, pivots[col], factor)
        if not row:
            continue
        col = min(row)
        lead = row[col]
        row = {c: v / lead for c, v in row.items()}
        # ...and the new pivot from the existing rows, to keep the form reduced.
        for other in pivots.values():
            factor = other.get(col)
            if factor:
                _subtract(other, row, factor)
        pivots[col] = row
    return pivots


def _subtract(target: dict[int, Fraction], row: dict[int, Fraction], factor: Fraction) -> None:
    """target -= factor * row, dropping entries that become zero."""
    for col, value in row.items():
        updated = target.get(col, Fraction(0)) - factor * value
        if updated:
            target[col] = updated
        else:
            target.pop(col, None)


def _cell_to_unpin(
    cells: Mapping[str, int | None],
    relations: Sequence[_Relation],
    suppressed: set[str],
    target: str,
) -> str | None:
    """Choose a visible cell whose hiding makes ``target`` undetermined.

    Hiding more can only add unknowns, so a cell that frees ``target`` on its own still does
    after step 2 adds complements. If no single cell does, the preferred candidate is hidden
    anyway: the loop then makes progress and tries again with the larger hidden set.
    """
    candidates = sorted(
        {name for relation in relations for name in relation.members} - suppressed,
        # Positive counts first, smallest first, as in step 2: hiding a small cell loses the
        # least, and a zero is usually the first thing a reader would guess.
        key=lambda name: (_value(cells, name) == 0, _value(cells, name), name),
    )
    for candidate in candidates:
        if target not in _determined(relations, suppressed | {candidate}):
            return candidate
    return candidates[0] if candidates else None
