"""Request size limit: an oversized body is a 413 problem, whether or not it declares its size."""

from __future__ import annotations

from collections.abc import Iterator

from fastapi.testclient import TestClient

from app.config import get_settings
from tests.conftest import Api


def oversized() -> bytes:
    return b'{"note": "' + b"x" * (get_settings().finsam_max_body_bytes + 1) + b'"}'


def test_a_body_over_the_limit_is_a_413_problem(client: TestClient, api: Api) -> None:
    response = client.post(
        "/api/v1/forbund",
        content=oversized(),
        headers={**api.admin, "content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 413


def test_a_chunked_body_over_the_limit_is_a_413_problem_too(client: TestClient, api: Api) -> None:
    body = oversized()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 1 << 20):
            yield body[start : start + (1 << 20)]

    response = client.post(
        "/api/v1/forbund",
        content=chunks(),
        headers={**api.admin, "content-type": "application/json"},
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"
    assert client.get("/api/v1/forbund", headers=api.admin).json() == []


def test_a_body_within_the_limit_is_served(client: TestClient, api: Api) -> None:
    api.forbund("sundsvall")
    assert client.get("/api/v1/forbund/sundsvall", headers=api.admin).status_code == 200
