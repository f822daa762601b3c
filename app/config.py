"""Settings, read once from the environment (and a `.env` file if present)."""

import re
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

# An admin token is as strong as an API key should be: guessable ones are refused at start.
MIN_ADMIN_TOKEN = 32
_TOKEN_CHARACTERS = re.compile(r"[\x21-\x7e]+")


class Settings(BaseSettings):
    """Everything the service can be told from outside. Names match the environment variables."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    database_url: str | None = Field(
        default=None,
        description="postgresql://user:password@host:port/dbname; unset: the embedded server.",
    )
    finsam_data_dir: Path = Field(
        default=Path(".finsam"),
        description="Folder for the embedded PostgreSQL's data, kept across restarts.",
    )
    finsam_admin_token: SecretStr | None = Field(
        default=None,
        description="Accepted as an admin token, to bootstrap a fresh deployment; at least "
        f"{MIN_ADMIN_TOKEN} printable ASCII characters without spaces.",
    )
    finsam_suppression_threshold: int = Field(
        default=5, ge=1, description="The smallest count published without a token."
    )
    finsam_log_format: Literal["json", "text"] = Field(
        default="json",
        description="Logs as JSON lines (for log collectors) or as text (for people).",
    )
    finsam_max_body_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="The largest request body accepted; larger ones get 413 (bulk imports fit).",
    )

    @field_validator("finsam_admin_token")
    @classmethod
    def _strong_admin_token(cls, token: SecretStr | None) -> SecretStr | None:
        # Compared exactly: a token with surrounding spaces could never be sent in a header
        # (HTTP strips them), so it would silently never match; refuse to start instead.
        if token is None:
            return None
        value = token.get_secret_value()
        if len(value) < MIN_ADMIN_TOKEN:
            raise ValueError(f"FINSAM_ADMIN_TOKEN must be at least {MIN_ADMIN_TOKEN} characters")
        if not _TOKEN_CHARACTERS.fullmatch(value):
            raise ValueError(
                "FINSAM_ADMIN_TOKEN must be printable ASCII without spaces (a header carries it)"
            )
        return token


@lru_cache
def get_settings() -> Settings:
    return Settings()
