"""The benchmarks' förbund and insatser, created through the service's own API."""

from __future__ import annotations

from typing import Any, Protocol


class Poster(Protocol):
    """An httpx.Client or a FastAPI TestClient."""

    def post(self, url: str, *, json: Any = None, headers: Any = None) -> Any: ...


def forbund_with_insatser(
    client: Poster, code: str, number: int, insatser: int, start_date: str, headers: Any = None
) -> list[int]:
    """Förbund `code` (län `number % 21`) with `insatser` individual insatser starting on
    `start_date`; their ids."""
    body = {"code": code, "name": code, "lan": f"län {number % 21}", "kommuner": [code]}
    client.post("/api/v1/forbund", json=body, headers=headers).raise_for_status()
    ids = []
    for i in range(insatser):
        insats = {
            "name": f"insats {i}",
            "kind": "individual",
            "owner": "x",
            "start_date": start_date,
        }
        response = client.post(f"/api/v1/forbund/{code}/insatser", json=insats, headers=headers)
        response.raise_for_status()
        ids.append(int(response.json()["id"]))
    return ids
