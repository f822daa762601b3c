"""Every operation says who may call it: an authorising dependency of `app/auth/dependencies.py`
in its dependency tree, or its place on the one list of public endpoints below.

An endpoint added without either fails here, before any role matrix has a row for it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fastapi import routing
from fastapi.dependencies.models import Dependant

from app.auth import dependencies as authorising
from app.auth.caller import current_caller
from app.main import app

# Answered without a token. Nothing else is: the contract's "no token" row, the operators'
# endpoints (they hold no tenant's data) and the API's own documentation.
PUBLIC: frozenset[tuple[str, str]] = frozenset(
    {
        ("GET", "/health"),
        ("GET", "/ready"),
        ("GET", "/metrics"),
        ("GET", "/api/v1/open/national/summary"),
        ("GET", "/api/v1/open/forbund/{code}/summary"),
        ("GET", "/api/v1/open/releases"),
        ("GET", "/api/v1/open/releases/{year}"),
        ("GET", "/api/v1/open/releases/{year}/forbund/{code}"),
        ("GET", "/openapi.json"),
        ("GET", "/docs"),
        ("GET", "/docs/oauth2-redirect"),
        ("GET", "/redoc"),
        ("MOUNT", "/static-offline-docs"),  # the Swagger UI's and ReDoc's own assets
    }
)


def _operations() -> dict[tuple[str, str], Dependant | None]:
    """Every (method, path) the app answers, with its dependency tree (None for routes
    that are no FastAPI operation: the schema, a mount)."""
    # FastAPI >= 0.13x keeps included routers whole; this yields their routes as served.
    iterate: Callable[[Any], Iterator[Any]] | None = getattr(routing, "iter_route_contexts", None)
    routes = list(iterate(app.routes)) if iterate else list(app.routes)
    operations: dict[tuple[str, str], Dependant | None] = {}
    for route in routes:
        methods = getattr(route, "methods", None)
        dependant = getattr(route, "dependant", None)
        if not methods:
            operations[("MOUNT", route.path)] = None
        for method in sorted(set(methods or ()) - {"HEAD"}):
            operations[(method, route.path)] = dependant
    return operations


def _calls(dependant: Dependant | None) -> Iterator[Callable[..., Any]]:
    """Every dependency in the tree, depth first."""
    for sub in dependant.dependencies if dependant else ():
        if sub.call is not None:
            yield sub.call
        yield from _calls(sub)


def _is_authorising(call: Callable[..., Any]) -> bool:
    return getattr(call, "__module__", None) == authorising.__name__


def _authorisers(dependant: Dependant | None) -> list[Callable[..., Any]]:
    return [call for call in _calls(dependant) if _is_authorising(call)]


OPERATIONS = _operations()


def test_every_operation_takes_an_authorising_dependency_or_is_public() -> None:
    undeclared = [
        f"{method} {path}"
        for (method, path), dependant in sorted(OPERATIONS.items())
        if (method, path) not in PUBLIC and not _authorisers(dependant)
    ]
    assert undeclared == [], "add an authorising dependency (app/auth/dependencies.py)"


def test_the_public_list_names_only_operations_that_exist() -> None:
    assert sorted(PUBLIC - OPERATIONS.keys()) == []


def test_no_public_operation_asks_for_a_key() -> None:
    keyed = [
        f"{method} {path}"
        for (method, path) in sorted(PUBLIC & OPERATIONS.keys())
        if current_caller in _calls(OPERATIONS[method, path])
    ]
    assert keyed == [], "an operation that takes a key is not public: take it off the list"


def test_every_authorising_dependency_authenticates_the_caller_first() -> None:
    for (method, path), dependant in OPERATIONS.items():
        for sub in _subdependants(dependant):
            if sub.call is not None and _is_authorising(sub.call):
                assert current_caller in _calls(sub), f"{method} {path}: {sub.call.__name__}"


def test_every_authorising_dependency_is_taken_by_an_operation() -> None:
    used = {call.__name__ for d in OPERATIONS.values() for call in _authorisers(d)}
    aliases = [v for v in vars(authorising).values() if getattr(v, "__metadata__", None)]
    declared = {
        alias.__metadata__[0].dependency.__name__
        for alias in aliases
        if _is_authorising(alias.__metadata__[0].dependency)
    }
    # `insats_reports_for_step` makes one of these for each workflow step.
    declared.add("insats_for_step")
    assert sorted(declared - used) == []


def test_the_schema_asks_for_a_key_on_every_operation_but_the_public_ones() -> None:
    schema = app.openapi()
    keyed = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if operation.get("security")
    }
    documented = {
        (method.upper(), path)
        for path, operations in schema["paths"].items()
        for method in operations
    }
    assert keyed == documented - PUBLIC


def _subdependants(dependant: Dependant | None) -> Iterator[Dependant]:
    for sub in dependant.dependencies if dependant else ():
        yield sub
        yield from _subdependants(sub)
