"""Disclosure control applied to a summary before it is published without a token.

The cells are every count of people in the summary (national figures and each row's), the
relations are the additive structure a reader could exploit, and the hiding itself is
`app.domain.disclosure`. docs/disclosure.md describes the method.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from app.domain.disclosure import Additivity, cells_to_suppress
from app.domain.measures import GENDERS, OUTCOME_CATEGORIES
from app.domain.summary import SHARES, TOTAL

_NOT_COUNTS = {"reported_by"}
_SHARE_SOURCES = {
    "work_of_ended": ("work",),
    "studies_of_ended": ("studies",),
    "work_or_studies_of_ended": ("work", "studies"),
}


def _leaves(node: Any, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in _NOT_COUNTS:
                yield from _leaves(value, f"{path}.{key}")
    elif isinstance(node, int):
        yield path, node


def _gender_relations(measures: dict[str, Any], prefix: str) -> list[Additivity]:
    return [
        Additivity(f"{path}.{TOTAL}", tuple(f"{path}.{g}" for g in GENDERS))
        for path in _gender_nodes(measures, prefix)
    ]


def _gender_nodes(node: Any, path: str) -> Iterator[str]:
    if isinstance(node, dict):
        if "women" in node and TOTAL in node:
            yield path
            return
        for key, value in node.items():
            yield from _gender_nodes(value, f"{path}.{key}")


def _outcome_relations(measures: dict[str, Any], prefix: str) -> list[Additivity]:
    """Outcomes add up to ended only when all of them were given and they sum exactly."""
    ended, outcomes = measures.get("ended"), measures.get("outcomes")
    if not ended or not outcomes or any(outcomes.get(c) is None for c in OUTCOME_CATEGORIES):
        return []
    relations = []
    for key in (*GENDERS, TOTAL):
        if sum(outcomes[c][key] for c in OUTCOME_CATEGORIES) == ended[key]:
            parts = tuple(f"{prefix}.outcomes.{c}.{key}" for c in OUTCOME_CATEGORIES)
            relations.append(Additivity(f"{prefix}.ended.{key}", parts))
    return relations


def _blocks(summary: dict[str, Any], rows_key: str | None) -> list[tuple[str, dict[str, Any]]]:
    """(path prefix, figures block) for the summary and each of its rows."""
    blocks = [("", summary)]
    for index, row in enumerate(summary.get(rows_key, []) if rows_key else []):
        blocks.append((f"{rows_key}.{index}.", row))
    return blocks


def protect(summary: dict[str, Any], threshold: int, rows_key: str | None = None) -> dict[str, Any]:
    """Hide small counts and whatever would reveal them; name every hidden figure.

    Mutates and returns `summary`, adding `suppressed`: the dotted paths of hidden figures.
    """
    cells: dict[str, int | None] = {}
    relations: list[Additivity] = []
    for prefix, block in _blocks(summary, rows_key):
        measures = block["measures"]
        cells.update(_leaves(measures, f"{prefix}measures"))
        relations += _gender_relations(measures, f"{prefix}measures")
        relations += _outcome_relations(measures, f"{prefix}measures")
    if rows_key:  # the rows add up to the national figure, cell by cell
        row_count = len(summary.get(rows_key, []))
        for path, _ in _leaves(summary["measures"], "measures"):
            parts = tuple(f"{rows_key}.{i}.{path}" for i in range(row_count))
            relations.append(Additivity(path, tuple(p for p in parts if p in cells)))
    hidden = cells_to_suppress(cells, relations, threshold)
    suppressed = set(hidden)
    for path in hidden:
        _set(summary, path, None)
    for prefix, block in _blocks(summary, rows_key):
        suppressed |= _hide_shares(block, f"{prefix}", hidden)
    summary["suppressed"] = sorted(suppressed)
    return summary


def _hide_shares(block: dict[str, Any], prefix: str, hidden: frozenset[str]) -> set[str]:
    """A share built on a hidden count is hidden too."""
    found = set()
    for name in SHARES:
        figure = block["shares"].get(name)
        if figure is None:
            continue
        for key in (*GENDERS, TOTAL):
            sources = [f"{prefix}measures.outcomes.{c}.{key}" for c in _SHARE_SOURCES[name]]
            sources.append(f"{prefix}measures.ended.{key}")
            if figure[key] is not None and any(s in hidden for s in sources):
                figure[key] = None
                found.add(f"{prefix}shares.{name}.{key}")
    return found


def _set(root: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    node: Any = root
    for part in parents:
        node = node[int(part)] if isinstance(node, list) else node[part]
    node[last] = value
