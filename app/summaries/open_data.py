"""Hiding what a release's protection chose in the summaries it publishes.

The cells to hide are chosen once per release, for all its tables together
(`app.releases.protection`, `app.domain.protection`); this module blanks them in the summary
dicts, names them in `suppressed`, and hides every share that would give a hidden count away.
docs/disclosure.md describes the method.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from app.domain.derived import DERIVED
from app.domain.measures import GENDERS, TOTAL
from app.domain.summary import COVERAGE, SHARES

NATIONAL = "national"


def _leaves(node: Any, path: str) -> Iterator[tuple[str, int]]:
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in COVERAGE:
                yield from _leaves(value, f"{path}.{key}" if path else key)
    elif isinstance(node, int) and not isinstance(node, bool):
        yield path, node


@dataclass(frozen=True)
class Protection:
    """The hidden cells of a period's open tables, named `block|path`; blocks are `national`,
    `forbund:<code>` and `lan:<name>`."""

    hidden: frozenset[str]

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
                given = inputs.get(name, {}).get(key, {})
                derived = DERIVED[name]
                sources = [_path(cell, key) for cell in derived.numerator.cells]
                below = [_path(cell, key) for cell in derived.denominator.cells]
                published = [_get(measures, s) for s in sources]
                denominator = [_get(measures, s) for s in below]
                if figure.get(key) is None and not any(
                    f"{block}|{s}" in self.hidden for s in [*sources, *below]
                ):
                    continue  # no share, and none of its counts hidden: nothing to hide
                # A null share on hidden counts is named too: unnamed, it would tell that
                # nobody ended (a hidden 0).
                safe = figure.get(key) is not None and (
                    not any(f"{block}|{s}" in self.hidden for s in [*sources, *below])
                    and None not in denominator
                    and given.get("denominator") == sum(v for v in denominator if v is not None)
                    and given.get("numerator") == sum(v for v in published if v is not None)
                )
                if not safe:
                    figure[key] = None
                    hidden.add(f"{prefix}shares.{name}.{key}")
        return hidden


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
