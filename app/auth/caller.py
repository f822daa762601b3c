"""The caller: who sent the request, from its bearer token."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.concurrency import run_in_threadpool
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, func, select
from sqlalchemy.orm import Session

from app.api.deps import SessionDep, SettingsDep
from app.auth.tokens import hash_token
from app.db.models import ApiKey, ApiKeyInsats
from app.domain.access import Caller, Role
from app.errors import Code, FinsamError
from app.observability.logs import CURRENT_REQUEST

_bearer = HTTPBearer(auto_error=False, description="An API key: `Authorization: Bearer <token>`.")


async def current_caller(
    session: SessionDep,
    settings: SettingsDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Caller:
    """The caller behind the bearer token, or 401.

    Async: the admin token is compared on the event loop; only a key's lookup, which reads
    the database, is handed to a thread.
    """
    if credentials is None or credentials.scheme.lower() != "bearer":
        raise FinsamError(
            Code.AUTHENTICATION_REQUIRED, "Send an API key as `Authorization: Bearer <token>`."
        )
    token = credentials.credentials
    admin = settings.finsam_admin_token
    if admin and hmac.compare_digest(token.encode(), admin.get_secret_value().encode()):
        _log_key("FINSAM_ADMIN_TOKEN")
        return Caller(role=Role.ADMIN, label="FINSAM_ADMIN_TOKEN")
    caller = await run_in_threadpool(_key_caller, session, token)
    _log_key(str(caller.key_id))
    return caller


# One Core query: the key and the ids of its insatser. Loading ApiKey.insatser through the
# ORM built every insats of the key on every request (10.6 ms of server CPU a PUT for a
# reporter key of 200 insatser, 4.4 with the admin token; bench/ingest.py --key reporter).
_KEY = select(
    ApiKey.id,
    ApiKey.role,
    ApiKey.label,
    ApiKey.forbund_id,
    func.array(
        select(ApiKeyInsats.insats_id).where(ApiKeyInsats.key_id == ApiKey.id).scalar_subquery()
    ),
).where(ApiKey.token_hash == bindparam("token_hash"), ApiKey.revoked_at.is_(None))


def _key_caller(session: Session, token: str) -> Caller:
    found = session.connection().execute(_KEY, {"token_hash": hash_token(token)}).one_or_none()
    if found is None:
        raise FinsamError(Code.INVALID_KEY, "The API key is unknown or revoked.")
    key_id, role, label, forbund_id, insats_ids = found
    return Caller(
        role=Role(role),
        key_id=key_id,
        label=label,
        forbund_id=forbund_id,
        insats_ids=frozenset(insats_ids),
    )


def _log_key(key_id: str) -> None:
    """The access line names the key (its id, never its token)."""
    if (info := CURRENT_REQUEST.get()) is not None:
        info.key_id = key_id


CallerDep = Annotated[Caller, Depends(current_caller)]
"""The authenticated caller, whatever it may do: only the authorising dependencies
(`app/auth/dependencies.py`) take it, and routes take one of those."""
