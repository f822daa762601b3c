"""Idempotency-Key: retries replay, and keys are forgotten after their retention."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.orm import Session

from tests.conftest import Api


def test_a_key_past_its_retention_starts_a_new_request(
    client: TestClient, api: Api, db: Session
) -> None:
    api.forbund()
    url = "/api/v1/forbund/sundsvall/insatser"
    body = {"name": "Psykolog", "kind": "individual", "owner": "Region", "start_date": "2022-01-01"}
    headers = {**api.admin, "Idempotency-Key": "nyckel-1"}
    first = client.post(url, json=body, headers=headers)
    replay = client.post(url, json=body, headers=headers)
    assert replay.headers.get("Idempotent-Replayed") == "true"
    assert replay.json()["id"] == first.json()["id"]

    db.execute(text("UPDATE idempotency_records SET created_at = now() - interval '25 hours'"))
    later = client.post(url, json=body, headers=headers)
    assert later.status_code == 201
    assert "Idempotent-Replayed" not in later.headers
    assert later.json()["id"] != first.json()["id"]


def test_the_query_string_is_part_of_the_request_a_key_stands_for(
    client: TestClient, api: Api
) -> None:
    api.forbund()
    url = "/api/v1/forbund/sundsvall/insatser"
    body = {"name": "Psykolog", "kind": "individual", "owner": "Region", "start_date": "2022-01-01"}
    headers = {**api.admin, "Idempotency-Key": "nyckel-2"}
    assert client.post(url, json=body, headers=headers).status_code == 201
    other = client.post(url + "?x=" + "y" * 600, json=body, headers=headers)
    assert other.status_code == 422
    assert other.json()["errors"][0]["loc"] == ["header", "idempotency-key"]
