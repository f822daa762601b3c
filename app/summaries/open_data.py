"""Disclosure control for everything published without a token.

All open tables of a period (the national figure, its förbund rows, its län rows, and each
förbund's own summary, which equals its row) are protected *together*, with one suppression
pattern: protected one by one, a cell hidden in one table could be read off another (the
national women minus two förbund's published women gives the third's). The cells are every
count of people, the relations are the additive structure a reader could exploit, and the
hiding itself is `app.domain.disclosure`. docs/disclosure.md describes the method.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from app.domain.derived import DERIVED
from app.domain.disclosure import Additivity, cells_to_suppress
from app.domain.measures import GENDERS, OUTCOME_CATEGORIES, TOTAL
from app.domain.summary import COVERAGE, SHARES

NATIONAL = "national"


def _leaves(node: Any, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in COVERAGE:
                yield from _leaves(value, f"{path}.{key}" if path else key)
    elif isinstance(node, int) and not isinstance(node, bool):
        yield path, node


def _gender_nodes(node: Any, path: str) -> Iterator[str]:
    if isinstance(node, dict):
        if "women" in node and TOTAL in node:
            if node["women"] is not None:  # a total without its kön split is no relation
                yield path
            return
        for key, value in node.items():
            yield from _gender_nodes(value, f"{path}.{key}" if path else key)


def _block_relations(block: str, measures: dict[str, Any]) -> list[Additivity]:
    """Relations inside one table block: the kön split, and outcomes within ended."""
    relations = [
        Additivity(f"{block}|{path}.{TOTAL}", tuple(f"{block}|{path}.{g}" for g in GENDERS))
        for path in _gender_nodes(measures, "")
    ]
    ended, outcomes = measures.get("ended"), measures.get("outcomes")
    # Outcomes add up to ended only when all were given and they sum exactly.
    if ended and outcomes and all(outcomes.get(c) is not None for c in OUTCOME_CATEGORIES):
        for key in (*GENDERS, TOTAL):
            given = [outcomes[c][key] for c in OUTCOME_CATEGORIES]
            if None not in given and ended[key] is not None and sum(given) == ended[key]:
                parts = tuple(f"{block}|outcomes.{c}.{key}" for c in OUTCOME_CATEGORIES)
                relations.append(Additivity(f"{block}|ended.{key}", parts))
    return relations


@dataclass(frozen=True)
class Protection:
    """The hidden cells of a period's open tables, named `block|path`; blocks are `national`,
    `forbund:<code>` and `lan:<name>`."""

    hidden: frozenset[str]
    threshold: int

    def apply(self, block: str, figures: dict[str, Any], prefix: str = "") -> set[str]:
        """Hide this block's cells and the shares built on them in `figures` (in place);
        return the response paths hidden, each under `prefix`."""
        hidden = set()
        for path, _ in list(_leaves(figures["measures"], "")):
            if f"{block}|{path}" in self.hidden:
                _set(figures["measures"], path, None)
                hidden.add(f"{prefix}measures.{path}")
        hidden |= self._hide_shares(block, figures, prefix)
        figures.pop("share_inputs", None)
        return hidden

    def _hide_shares(self, block: str, figures: dict[str, Any], prefix: str) -> set[str]:
        """A share is published only when it reveals nothing the published counts do not:
        its inputs are exactly the published outcome and ended cells, none of them hidden.
        (A share over only the insatser that reported both sides could otherwise multiply
        back to a small count that is published nowhere.)"""
        hidden = set()
        measures = figures["measures"]
        inputs = figures.get("share_inputs", {})
        for name in SHARES:
            figure = figures["shares"].get(name)
            if figure is None:
                continue
            for key in (*GENDERS, TOTAL):
                if figure.get(key) is None:
                    continue
                given = inputs.get(name, {}).get(key, {})
                derived = DERIVED[name]
                sources = [_path(cell, key) for cell in derived.numerator.cells]
                below = [_path(cell, key) for cell in derived.denominator.cells]
                published = [_get(measures, s) for s in sources]
                denominator = [_get(measures, s) for s in below]
                safe = (
                    not any(f"{block}|{s}" in self.hidden for s in [*sources, *below])
                    and None not in denominator
                    and given.get("denominator") == sum(v for v in denominator if v is not None)
                    and given.get("numerator") == sum(v for v in published if v is not None)
                )
                if not safe:
                    figure[key] = None
                    hidden.add(f"{prefix}shares.{name}.{key}")
        return hidden


def protect_period(
    by_forbund: dict[str, Any], by_lan: dict[str, Any], threshold: int
) -> Protection:
    """One suppression pattern for the national figure, its förbund and län rows together."""
    cells: dict[str, int | None] = {}
    relations: list[Additivity] = []
    blocks = [(NATIONAL, by_forbund)]
    blocks += [(f"forbund:{row['key']}", row) for row in by_forbund["forbund"]]
    blocks += [(f"lan:{row['key']}", row) for row in by_lan["forbund"]]
    for block, figures in blocks:
        cells.update((f"{block}|{path}", value) for path, value in _leaves(figures["measures"], ""))
        relations += _block_relations(block, figures["measures"])
    forbund_by_lan: dict[str, list[str]] = {}
    for row in by_forbund["forbund"]:
        forbund_by_lan.setdefault(row["lan"], []).append(f"forbund:{row['key']}")
    for path, _ in _leaves(by_forbund["measures"], ""):
        for rows in (
            [f"forbund:{row['key']}" for row in by_forbund["forbund"]],
            [f"lan:{row['key']}" for row in by_lan["forbund"]],
        ):
            if rows:  # no rows is no relation (not "the national figure is 0")
                relations.append(Additivity(f"{NATIONAL}|{path}", _present(cells, rows, path)))
        for lan, members in forbund_by_lan.items():
            relations.append(Additivity(f"lan:{lan}|{path}", _present(cells, members, path)))
    return Protection(cells_to_suppress(cells, relations, threshold), threshold)


def _present(cells: dict[str, int | None], blocks: list[str], path: str) -> tuple[str, ...]:
    return tuple(f"{b}|{path}" for b in blocks if f"{b}|{path}" in cells)


def publish_national(
    summary: dict[str, Any], protection: Protection, group_by: str
) -> dict[str, Any]:
    """Apply the protection to a national summary with förbund or län rows (in place)."""
    hidden = protection.apply(NATIONAL, summary)
    block_kind = "forbund" if group_by == "forbund" else "lan"
    for index, row in enumerate(summary["forbund"]):
        hidden |= protection.apply(f"{block_kind}:{row['key']}", row, f"forbund.{index}.")
    summary["suppressed"] = sorted(hidden)
    return summary


def publish_forbund(summary: dict[str, Any], protection: Protection) -> dict[str, Any]:
    """Apply the protection to a förbund's own summary: the same cells as its national row."""
    summary["suppressed"] = sorted(protection.apply(f"forbund:{summary['forbund']}", summary))
    return summary


def _path(cell: tuple[str, str], key: str) -> str:
    """The dotted path of a (measure, category) cell's value for a kön or the total."""
    measure, category = cell
    return ".".join(part for part in (measure, category, key) if part)


def _get(root: dict[str, Any], dotted: str) -> Any:
    node: Any = root
    for part in dotted.split("."):
        if not isinstance(node, dict):
            return None
        node = node.get(part)
    return node


def _set(root: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node: Any = root
    for part in parents:
        node = node[part]
    node[last] = value


@dataclass(frozen=True)
class ProtectedRelease:
    """A year's open tables protected together: `content` as served, `published` every
    protected cell as released (`[table, path, value or null]`), and `true_rows` the förbund
    rows' true measures (internal: for auditing later versions, never served)."""

    content: dict[str, Any]
    published: list[list[str | int | None]]
    true_rows: dict[str, Any]


def protect_release(
    by_forbund: dict[str, Any], by_lan: dict[str, Any], threshold: int, earlier: Sequence[Any]
) -> ProtectedRelease:
    """Protect every open table of a release together, once, at publication."""
    true_rows = {row["key"]: copy.deepcopy(row["measures"]) for row in by_forbund["forbund"]}
    protection = protect_period(by_forbund, by_lan, threshold)
    own = {
        row["key"]: publish_forbund(_own_summary(by_forbund, row), protection)
        for row in by_forbund["forbund"]
    }
    national = {
        "forbund": publish_national(copy.deepcopy(by_forbund), protection, "forbund"),
        "lan": publish_national(copy.deepcopy(by_lan), protection, "lan"),
    }
    published: list[list[str | int | None]] = []
    for block, figures in _blocks(by_forbund, by_lan):
        for path, value in _leaves(figures["measures"], ""):
            cell = f"{block}|{path}"
            published.append([block, path, None if cell in protection.hidden else value])
    return ProtectedRelease({"national": national, "forbund": own}, published, true_rows)


def _own_summary(national: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
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


def _blocks(by_forbund: dict[str, Any], by_lan: dict[str, Any]) -> list[tuple[str, Any]]:
    blocks: list[tuple[str, Any]] = [(NATIONAL, by_forbund)]
    blocks += [(f"forbund:{row['key']}", row) for row in by_forbund["forbund"]]
    blocks += [(f"lan:{row['key']}", row) for row in by_lan["forbund"]]
    return blocks
