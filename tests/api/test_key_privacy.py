"""Keys tell nothing a caller may not know, are audited wherever they reach, and the
bootstrap admin token is strong and compared exactly (issue 10)."""

from __future__ import annotations

import uuid

import httpx
import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError

from app.cli import main
from app.config import Settings, get_settings
from tests.conftest import Api, auth


def same_answer(first: httpx.Response, second: httpx.Response) -> None:
    """The same status and body, but for the request id every answer has of its own."""
    assert first.status_code == second.status_code
    assert first.json().pop("request_id") != second.json().pop("request_id")
    body, other = first.json(), second.json()
    del body["request_id"], other["request_id"]
    assert body == other


@pytest.fixture
def two_forbund(api: Api) -> dict[str, int]:
    api.forbund("sundsvall")
    api.forbund("samsund")
    return {
        "own": api.insats("sundsvall")["id"],
        "other": api.insats("samsund", name="Samsunds psykolog")["id"],
    }


def test_a_key_for_insatser_of_two_forbund_is_audited_in_both(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    body = {"role": "reporter", "insatser": [two_forbund["own"], two_forbund["other"]]}
    key = client.post("/api/v1/keys", json=body, headers=api.admin).json()
    assert client.delete(f"/api/v1/keys/{key['id']}", headers=api.admin).status_code == 204
    for code in ("sundsvall", "samsund"):
        trail = client.get(f"/api/v1/forbund/{code}/audit", headers=api.admin).json()
        actions = [e["action"] for e in trail if e["target"] == f"key {key['id']}"]
        assert sorted(actions) == ["key.created", "key.revoked"], code


def test_a_forbund_key_cannot_tell_another_forbund_code_from_a_missing_one(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    insatser = [two_forbund["own"]]

    def create(code: str) -> httpx.Response:
        body = {"role": "reporter", "forbund": code, "insatser": insatser}
        return client.post("/api/v1/keys", json=body, headers=forbund)

    same_answer(create("samsund"), create("finns-inte"))
    assert create("samsund").status_code == 403


def test_a_forbund_key_cannot_tell_another_forbund_insats_from_a_missing_one(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))

    def create(insats: int) -> httpx.Response:
        body = {"role": "reporter", "insatser": [two_forbund["own"], insats]}
        return client.post("/api/v1/keys", json=body, headers=forbund)

    same_answer(create(two_forbund["other"]), create(999_999))


def test_a_forbund_key_cannot_tell_another_forbund_key_from_a_missing_one(
    client: TestClient, api: Api, two_forbund: dict[str, int]
) -> None:
    forbund = auth(api.key("forbund", forbund="sundsvall"))
    body = {"role": "reporter", "insatser": [two_forbund["other"]]}
    foreign = client.post("/api/v1/keys", json=body, headers=api.admin).json()["id"]
    same_answer(
        client.delete(f"/api/v1/keys/{foreign}", headers=forbund),
        client.delete(f"/api/v1/keys/{uuid.uuid4()}", headers=forbund),
    )
    # ... and the foreign key still works.
    assert client.delete(f"/api/v1/keys/{foreign}", headers=api.admin).status_code == 204


def test_an_admin_is_told_which_field_names_nothing(api: Api, client: TestClient) -> None:
    body = {"role": "forbund", "forbund": "finns-inte"}
    response = client.post("/api/v1/keys", json=body, headers=api.admin)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "forbund"]
    assert "finns-inte" not in response.text


@pytest.mark.parametrize(
    "token",
    ["x", "short-but-not-32-characters", " " + "a" * 40, "a" * 40 + " ", "a" * 20 + " " + "b" * 20],
    ids=["one character", "31 or fewer", "leading space", "trailing space", "inner space"],
)
def test_a_weak_or_unsendable_admin_token_is_refused(token: str) -> None:
    with pytest.raises(ValidationError):
        Settings(finsam_admin_token=token)


def test_a_32_character_admin_token_is_accepted() -> None:
    token = "0123456789abcdef0123456789abcdef"
    settings = Settings(finsam_admin_token=token)
    assert settings.finsam_admin_token is not None
    assert settings.finsam_admin_token.get_secret_value() == token


def test_the_command_refuses_to_start_with_a_weak_admin_token_without_printing_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("FINSAM_ADMIN_TOKEN", "hemligt-kort")
    get_settings.cache_clear()
    try:
        with pytest.raises(SystemExit) as stopped:
            main(["migrate"])
    finally:
        get_settings.cache_clear()
    message = str(stopped.value.code)
    assert "at least 32 characters" in message
    assert "hemligt-kort" not in message + capsys.readouterr().err
