"""The caller: who sent the request, from its bearer token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.api.deps import SessionDep, SettingsDep
from app.auth.tokens import hash_token
from app.db.models import ApiKey
from app.domain.access import Caller, Role
from app.errors import Code, FinsamError
from app.observability.logs import CURRENT_REQUEST

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <token>`.")


def current_caller(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """The caller behind the bearer token, or 401."""
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise FinsamError(
            Code.AUTHENTICATION_REQUIRED, "Send an API key as `Authorization: Bearer <token>`."
        )
    token = credentials.credentials
    admin = settings.finsam_admin_token
    if admin and hmac.compare_digest(token.encode(), admin.get_secret_value().encode()):
        _log_key("FINSAM_ADMIN_TOKEN")
        return Caller(role=Role.ADMIN, label="FINSAM_ADMIN_TOKEN")
    key = session.scalar(
        select(ApiKey)
        .where(ApiKey.token_hash == hash_token(token), ApiKey.revoked_at.is_(None))
        .options(selectinload(ApiKey.insatser))
    )
    if key is None:
        raise FinsamError(Code.INVALID_KEY, "The API key is unknown or revoked.")
    _log_key(str(key.id))
    return Caller(
        role=Role(key.role),
        key_id=key.id,
        label=key.label,
        forbund_id=key.forbund_id,
        insats_ids=frozenset(i.id for i in key.insatser),
    )


def _log_key(key_id: str) -> None:
    """The access line names the key (its id, never its token)."""
    if (info := CURRENT_REQUEST.get()) is not None:
        info.key_id = key_id


CallerDep = Annotated[Caller, Depends(current_caller)]
"""The authenticated caller, whatever it may do: only the authorising dependencies
(`app/auth/dependencies.py`) take it, and routes take one of those."""
