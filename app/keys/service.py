"""API keys: creation (token shown once, hash stored), revocation."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.audit.service import record
from app.auth.tokens import hash_token, new_key_id, new_token
from app.db.models import ApiKey, Forbund, Insats
from app.domain.access import Caller, Role, may_create_key, may_create_role, may_revoke_key
from app.errors import Code, FinsamError
from app.keys.schemas import CreatedKey, KeyIn, KeyOut


def to_out(key: ApiKey, token: str | None = None) -> KeyOut:
    data = {
        "id": key.id,
        "role": key.role,
        "forbund": key.forbund.code if key.forbund else None,
        "insatser": sorted(i.id for i in key.insatser),
        "label": key.label,
        "created_at": key.created_at,
    }
    return (
        CreatedKey.model_validate({**data, "token": token})
        if token
        else KeyOut.model_validate(data)
    )


def _invalid(loc: tuple[str, str], msg: str) -> FinsamError:
    return FinsamError.at(Code.VALIDATION_FAILED, loc, msg)


def _shape(data: KeyIn) -> None:
    """What each role's key must name, before anything is looked up."""
    if data.role is Role.FORBUND and data.forbund is None:
        raise _invalid(("body", "forbund"), "a forbund key needs the förbund's code")
    if data.role is Role.REPORTER and not data.insatser:
        raise _invalid(("body", "insatser"), "a reporter key needs at least one insats id")
    if data.role is not Role.REPORTER and data.insatser:
        raise _invalid(("body", "insatser"), "only reporter keys are scoped to insatser")
    if data.role in (Role.ADMIN, Role.NATIONAL) and data.forbund is not None:
        raise _invalid(("body", "forbund"), f"a {data.role.value} key is not scoped to a förbund")


@dataclass(frozen=True)
class _Scope:
    forbund: Forbund | None
    insatser: list[Insats]
    missing: tuple[str, ...]  # the fields naming something that does not exist


def _lookup(session: Session, data: KeyIn) -> _Scope:
    forbund = None
    missing: list[str] = []
    if data.forbund is not None:
        forbund = session.scalar(select(Forbund).where(Forbund.code == data.forbund))
        if forbund is None:
            missing.append("forbund")
    insatser: list[Insats] = []
    if data.insatser:
        wanted = set(data.insatser)
        insatser = list(
            session.scalars(select(Insats).where(Insats.id.in_(wanted)).order_by(Insats.id))
        )
        if len(insatser) != len(wanted):
            missing.append("insatser")
    return _Scope(forbund, insatser, tuple(missing))


def _forbund_ids(forbund_id: int | None, insatser: list[Insats]) -> list[int | None]:
    """Every förbund a key touches, in a stable order: each keeps it in its audit trail.
    [None] for an admin or national key: in no förbund's trail, only in the whole one."""
    ids = {i.forbund_id for i in insatser} | ({forbund_id} if forbund_id else set())
    return list(sorted(ids)) or [None]


def create_key(session: Session, caller: Caller | None, data: KeyIn) -> tuple[ApiKey, str]:
    """Create a key; `caller` None is the operator at the command line. Returns key and token."""
    refusal = FinsamError(
        Code.FORBIDDEN,
        "This key may not create that key: a förbund key creates reporter keys "
        "for its own insatser only.",
    )
    # Authorise before looking anything up, so that a refused caller cannot learn which
    # förbund codes or insats ids exist from the difference between a 422 and a 403.
    if caller is not None and not may_create_role(caller, data.role):
        raise refusal
    _shape(data)
    scope = _lookup(session, data)
    forbund, insatser = scope.forbund, scope.insatser
    if caller is not None and caller.role is not Role.ADMIN:
        # A förbund key may not know what other förbund have: a missing insats and another
        # förbund's insats get the same answer.
        if scope.missing or not may_create_key(
            caller, data.role, forbund.id if forbund else None, {i.forbund_id for i in insatser}
        ):
            raise refusal
    elif scope.missing:
        field = scope.missing[0]
        raise _invalid(("body", field), f"names no existing {field}")
    if forbund is not None and any(i.forbund_id != forbund.id for i in insatser):
        raise _invalid(("body", "insatser"), "every insats must belong to the förbund named")
    token = new_token()
    key = ApiKey(
        id=new_key_id(),
        token_hash=hash_token(token),
        role=data.role.value,
        forbund=forbund,
        insatser=insatser,
        label=data.label,
        created_by=caller.key_id if caller else None,
    )
    session.add(key)
    session.flush()
    session.refresh(key)
    detail = {"role": key.role, "label": key.label, "insatser": [i.id for i in insatser]}
    for forbund_id in _forbund_ids(key.forbund_id, insatser):
        record(
            session,
            caller,
            "key.created",
            forbund_id=forbund_id,
            target=f"key {key.id}",
            detail=detail,
        )
    return key, token


def revoke_key(session: Session, caller: Caller, key_id: uuid.UUID) -> None:
    """Revoke a key the caller may revoke (whether it may revoke keys at all is decided
    before: `KeyRevoker`); any other key id, missing or not, is a 404."""
    # Locked, so two concurrent revocations cannot both succeed (and be audited twice).
    key = session.scalar(
        select(ApiKey)
        .where(ApiKey.id == key_id)
        .with_for_update()
        .options(selectinload(ApiKey.insatser))
        .execution_options(populate_existing=True)
    )
    # One answer for "no such key" and "not yours": a key id is no business of a caller
    # that may not revoke it, so its existence must not show either.
    if (
        key is None
        or key.revoked_at is not None
        or not may_revoke_key(caller, Role(key.role), {i.forbund_id for i in key.insatser})
    ):
        raise FinsamError(Code.NOT_FOUND, "No active key with that id that this key may revoke.")
    key.revoked_at = datetime.now(UTC)
    for forbund_id in _forbund_ids(key.forbund_id, list(key.insatser)):
        record(
            session,
            caller,
            "key.revoked",
            forbund_id=forbund_id,
            target=f"key {key.id}",
            detail={"role": key.role, "label": key.label},
        )
    session.flush()
