"""Settings, read once from the environment (and a `.env` file if present)."""

from functools import lru_cache
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


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
        default=None, description="Accepted as an admin token, to bootstrap a fresh deployment."
    )
    finsam_suppression_threshold: int = Field(
        default=5, ge=1, description="The smallest count published without a token."
    )
    finsam_max_body_bytes: int = Field(
        default=10 * 1024 * 1024,
        ge=1024,
        description="The largest request body accepted; larger ones get 413 (bulk imports fit).",
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
