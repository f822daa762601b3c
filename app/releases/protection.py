"""A release's open tables as typed cells, the relations a reader knows between them, and the
insiders they are protected against; `app.domain.protection` chooses what to hide.

The tables are the national figure, one row per förbund and one per län (each förbund's own
open summary is its row). Their cells are the counts of people (the catalogue's protected
measures); activities, occasions and cases are published as they are.
"""

from __future__ import annotations

import copy
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from app.db.models import Release
from app.domain.measures import GENDERS, MEASURES, TOTAL, Shape
from app.domain.protection import AtMost, Cell, Earlier, Insider, Relation, Total, protect
from app.summaries.open_data import Protection, publish_forbund, publish_national

NATIONAL = "national"
Key = tuple[str, str, str]  # (measure, category, kön) within one table

# The service's validation rules as a reader knows them (app/domain/reports.py): a measure
# that is part of another (`sub`) never exceeds it (`bound`); per kön where `per_kon`.
RULES: tuple[tuple[str, str, bool], ...] = (
    ("started", "participants", True),
    ("ended", "participants", True),
    ("outcomes", "ended", True),
    ("age_bands", "participants", False),
    ("income_source_at_start", "participants", False),
    ("income_source_at_exit", "ended", False),
)


@dataclass(frozen=True)
class ProtectedRelease:
    """A year's open tables protected together: `content` as served, `published` every
    protected cell as released (`[table, path, value or null]`), `true_rows` what each
    insider knows and `relations` what holds between the cells (internal: for auditing later
    versions, never served)."""

    content: dict[str, Any]
    published: list[list[str | int | None]]
    true_rows: dict[str, Any]
    relations: list[list[Any]]


def people_cells(measures: Mapping[str, Any]) -> dict[Key, int]:
    """Every count of people in a measures block (as summaries give them), by typed key."""
    cells: dict[Key, int] = {}
    for name, measure in MEASURES.items():
        figure = measures.get(name)
        if not measure.protected or figure is None:
            continue
        if measure.shape is Shape.GENDER_COUNT:
            figures = {"": figure}
        elif measure.categories:
            figures = {c: f for c, f in figure.items() if f is not None}
        else:
            figures = {"": figure}
        for category, one in figures.items():
            for kon in (*GENDERS, TOTAL):
                value = one.get(kon)
                if isinstance(value, int):
                    cells[(name, category, kon)] = value
    return cells


def path(key: Key) -> str:
    """The dotted path of a cell under `measures`, as `suppressed` names it."""
    return ".".join(part for part in key if part)


def key_of(dotted: str) -> Key:
    parts = dotted.split(".")
    return (parts[0], "", parts[1]) if len(parts) == 2 else (parts[0], parts[1], parts[2])


def _kon_relations(table: str, cells: Mapping[Key, int]) -> Iterator[Relation]:
    """women + men + unspecified = total, wherever the split is given."""
    for measure, category, kon in cells:
        if kon == "women":
            split = [(measure, category, g) for g in GENDERS]
            if all(k in cells for k in split) and (measure, category, TOTAL) in cells:
                yield Total(
                    Cell(table, measure, category, TOTAL),
                    tuple(Cell(table, *k) for k in split),
                )


def _rules(
    table: str, cells: Mapping[Key, int], members: Sequence[Mapping[str, Any]]
) -> Iterator[Relation]:
    """The validation rules that hold in a table: only where every insats behind it that gave
    the part also gave the whole (a rule binds one report's own two measures), and so for any
    sum of its reports, the others' part of an insider's table included."""
    for sub, bound, per_kon in RULES:
        if any(m.get(sub) is not None and m.get(bound) is None for m in members):
            continue
        kons = ("women", "men", TOTAL) if per_kon else (TOTAL,)
        for kon in kons:
            parts = [k for k in cells if k[0] == sub and k[2] == kon]
            top = (bound, "", kon)
            if not parts or top not in cells:
                continue
            if kon != TOTAL and cells.get((bound, "", "unspecified")) != 0:
                # Per kön a part may also be among the whole's unspecified; the rule is then
                # part <= whole + unspecified, which is not one cell: the total rule holds.
                continue
            if sum(cells[k] for k in parts) <= cells[top]:
                yield AtMost(tuple(Cell(table, *k) for k in parts), Cell(table, *top))


def _table_sums(
    total: str, rows: Iterable[str], cells: Mapping[str, Mapping[Key, int]]
) -> Iterator[Relation]:
    """A table's cells are the sums of its rows' cells (where the rows add up exactly)."""
    rows = [r for r in rows if r in cells]
    for key, value in cells[total].items():
        parts = [r for r in rows if key in cells[r]]
        if parts and sum(cells[r][key] for r in parts) == value:
            yield Total(Cell(total, *key), tuple(Cell(r, *key) for r in parts))


@dataclass(frozen=True)
class Tables:
    """The release's tables as cells, with what a reader knows and who the insiders are.
    `unpublished` are the cells of the parts (below), never published."""

    values: dict[Cell, int]
    relations: list[Relation]
    insiders: list[Insider]
    cells: dict[str, dict[Key, int]]
    unpublished: frozenset[Cell]


def tables(
    by_forbund: Mapping[str, Any],
    by_lan: Mapping[str, Any],
    insatser: Mapping[tuple[str, int], Mapping[str, Any]],
) -> Tables:
    lan_of = {row["key"]: row["lan"] for row in by_forbund["forbund"]}
    cells: dict[str, dict[Key, int]] = {NATIONAL: people_cells(by_forbund["measures"])}
    for row in by_forbund["forbund"]:
        cells[f"forbund:{row['key']}"] = people_cells(row["measures"])
    for row in by_lan["forbund"]:
        cells[f"lan:{row['key']}"] = people_cells(row["measures"])
    members: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for (code, _), measures in insatser.items():
        for table in (NATIONAL, f"forbund:{code}", f"lan:{lan_of.get(code)}"):
            members[table].append(measures)
    relations: list[Relation] = []
    for table, table_cells in cells.items():
        relations += _kon_relations(table, table_cells)
        relations += _rules(table, table_cells, members[table])
    forbund_rows = [f"forbund:{row['key']}" for row in by_forbund["forbund"]]
    lan_rows = [f"lan:{row['key']}" for row in by_lan["forbund"]]
    relations += _table_sums(NATIONAL, forbund_rows, cells)
    relations += _table_sums(NATIONAL, lan_rows, cells)
    for lan in lan_rows:
        relations += _table_sums(
            lan, [f"forbund:{c}" for c, name in lan_of.items() if f"lan:{name}" == lan], cells
        )
    # A förbund row of several insatser is the sum of one part per insats, never published.
    # A validation rule binds each report's own measures, so where insatser report different
    # measures the row obeys more than its own rules (one insats reporting ended and another
    # income sources: ended + income <= participants, which no rule says of the row), and a
    # reader who knows which insats reports what knows that. Across versions, an insats
    # whose report did not change keeps its part, though its förbund's row changed.
    by_code: dict[str, list[int]] = defaultdict(list)
    for code, insats_id in sorted(insatser):
        by_code[code].append(insats_id)
    parts_of: dict[str, list[str]] = defaultdict(list)
    for (code, insats_id), measures in sorted(insatser.items()):
        row = f"forbund:{code}"
        if len(by_code[code]) < 2 or row not in cells:
            # The only insats of its förbund: the row is its report. Its reporter knows
            # what the förbund knows, no more, and auditing the förbund covers it.
            continue
        part = f"insats:{insats_id}"
        cells[part] = people_cells(measures)
        parts_of[row].append(part)
        relations += _kon_relations(part, cells[part])
        relations += _rules(part, cells[part], [measures])
    for row, parts in parts_of.items():
        relations += _table_sums(row, parts, cells)
    values = {Cell(t, *k): v for t, table_cells in cells.items() for k, v in table_cells.items()}
    insiders = [
        Insider(
            table,
            {Cell(t, *k): v for t in (table, *parts_of[table]) for k, v in cells[t].items()},
            complete=frozenset({table, *parts_of[table]}),
        )
        for table in forbund_rows
    ]
    insiders += [
        Insider(part, {Cell(part, *k): v for k, v in cells[part].items()}, frozenset({part}))
        for parts in parts_of.values()
        for part in parts
    ]
    unpublished = frozenset(c for c in values if c.table.startswith("insats:"))
    return Tables(values, relations, insiders, cells, unpublished)


def _name(cell: Cell) -> str:
    return f"{cell.table}|{path((cell.measure, cell.category, cell.kon))}"


def _cell(name: str) -> Cell:
    table, dotted = name.split("|", 1)
    return Cell(table, *key_of(dotted))


def _stored(relations: Iterable[Relation]) -> list[list[Any]]:
    """Relations as JSON: `["=", total, parts]` or `["<=", bound, parts]`."""
    return [
        ["=", _name(r.total), [_name(p) for p in r.parts]]
        if isinstance(r, Total)
        else ["<=", _name(r.bound), [_name(p) for p in r.parts]]
        for r in relations
    ]


def _relations(stored: Iterable[Sequence[Any]]) -> Iterator[Relation]:
    for kind, whole, parts in stored:
        cells = tuple(_cell(str(p)) for p in parts)
        yield Total(_cell(str(whole)), cells) if kind == "=" else AtMost(cells, _cell(str(whole)))


def _known(insider: Insider) -> dict[str, int]:
    """What an insider knows, stored as `table|path` → value."""
    return {_name(c): v for c, v in insider.known.items()}


def _cells(stored: Mapping[str, int]) -> dict[Cell, int]:
    return {_cell(name): int(value) for name, value in stored.items()}


def _earlier(release: Release, now: Tables) -> Earlier:
    published: dict[Cell, int | None] = {}
    for table, dotted, value in release.published:
        published[_cell(f"{table}|{dotted}")] = None if value is None else int(value)
    then: Mapping[str, Mapping[str, int]] = release.true_rows  # type: ignore[assignment]

    # A förbund row, or an insats's part of one, changed when what its insider knows of it
    # changed (or it is new, or gone).
    def own(name: str, known: Mapping[str, int] | None) -> dict[str, int]:
        return {k: v for k, v in (known or {}).items() if k.startswith(f"{name}|")}

    rows_now = {i.name: _known(i) for i in now.insiders}
    changed = frozenset(
        name
        for name in rows_now.keys() | then.keys()
        if own(name, rows_now.get(name)) != own(name, then.get(name))
    )
    relations = None if release.relations is None else tuple(_relations(release.relations))
    return Earlier(published, changed, relations)


def _with_earlier_knowledge(insider: Insider, earlier: Sequence[Release], now: Tables) -> Insider:
    """An insider's own figures in each earlier version: what it knew then (nothing, where it
    had no figures then)."""
    then = tuple(
        _cells(release.true_rows.get(insider.name) or {})  # type: ignore[arg-type]
        for release in earlier
    )
    return Insider(insider.name, insider.known, insider.complete, then)


def protect_release(
    by_forbund: dict[str, Any],
    by_lan: dict[str, Any],
    insatser: Mapping[tuple[str, int], Mapping[str, Any]],
    threshold: int,
    earlier: Sequence[Release],
) -> ProtectedRelease:
    """Protect every open table of a release together, once, at publication."""
    now = tables(by_forbund, by_lan, insatser)
    hidden = protect(
        now.values,
        now.relations,
        threshold=threshold,
        level=threshold - 1,
        insiders=[_with_earlier_knowledge(i, earlier, now) for i in now.insiders],
        earlier=[_earlier(release, now) for release in earlier],
        unpublished=now.unpublished,
    )
    protection = Protection(
        frozenset(f"{c.table}|{path((c.measure, c.category, c.kon))}" for c in hidden)
    )
    own = {
        row["key"]: publish_forbund(_own_summary(by_forbund, row), protection)
        for row in by_forbund["forbund"]
    }
    content = {
        "national": {
            "forbund": publish_national(copy.deepcopy(by_forbund), protection, "forbund"),
            "lan": publish_national(copy.deepcopy(by_lan), protection, "lan"),
        },
        "forbund": own,
    }
    published: list[list[str | int | None]] = [
        [c.table, path((c.measure, c.category, c.kon)), None if c in hidden else v]
        for c, v in sorted(now.values.items())
        if c not in now.unpublished
    ]
    true_rows = {insider.name: _known(insider) for insider in now.insiders}
    return ProtectedRelease(content, published, true_rows, _stored(now.relations))


def _own_summary(national: Mapping[str, Any], row: Mapping[str, Any]) -> dict[str, Any]:
    """A förbund's open summary: its national row's figures, without naming its insatser
    (a coverage list would say who reported what)."""
    figures = {k: copy.deepcopy(v) for k, v in row.items() if k not in ("key", "name", "lan")}
    return {
        "forbund": row["key"],
        "period": national["period"],
        "approved_only": True,
        **figures,
        "coverage": [],
    }
