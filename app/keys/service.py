"""API keys: creation (token shown once, hash stored), revocation."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from app.api.problems import Forbidden, NotFound, Unprocessable
from app.audit.service import record
from app.db.models import ApiKey, Forbund, Insats
from app.domain.access import Caller, Role, may_create_key, may_revoke_key
from app.keys.schemas import CreatedKey, KeyIn, KeyOut
from app.keys.tokens import hash_token, new_token


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


def _scope(session: Session, data: KeyIn) -> tuple[Forbund | None, list[Insats]]:
    """Resolve and check the key's scope; each role names exactly what it needs."""
    forbund = None
    if data.forbund is not None:
        forbund = session.scalar(select(Forbund).where(Forbund.code == data.forbund))
        if forbund is None:
            raise Unprocessable.at(("body", "forbund"), f"no förbund with code '{data.forbund}'")
    insatser: list[Insats] = []
    if data.insatser:
        insatser = list(session.scalars(select(Insats).where(Insats.id.in_(data.insatser))))
        missing = set(data.insatser) - {i.id for i in insatser}
        if missing:
            raise Unprocessable.at(("body", "insatser"), f"no insats with id {sorted(missing)}")
    if data.role is Role.FORBUND and forbund is None:
        raise Unprocessable.at(("body", "forbund"), "a forbund key needs the förbund's code")
    if data.role is Role.REPORTER and not insatser:
        raise Unprocessable.at(("body", "insatser"), "a reporter key needs at least one insats id")
    if data.role is not Role.REPORTER and insatser:
        raise Unprocessable.at(("body", "insatser"), "only reporter keys are scoped to insatser")
    if data.role in (Role.ADMIN, Role.NATIONAL) and forbund is not None:
        raise Unprocessable.at(
            ("body", "forbund"), f"a {data.role.value} key is not scoped to a förbund"
        )
    if forbund is not None and any(i.forbund_id != forbund.id for i in insatser):
        raise Unprocessable.at(
            ("body", "insatser"), "every insats must belong to the förbund named"
        )
    return forbund, insatser


def create_key(session: Session, caller: Caller | None, data: KeyIn) -> tuple[ApiKey, str]:
    """Create a key; `caller` None is the operator at the command line. Returns key and token."""
    refusal = Forbidden(
        "This key may not create that key: a förbund key creates reporter keys "
        "for its own insatser only."
    )
    # Authorise before looking anything up, so that a refused caller cannot learn which
    # förbund codes or insats ids exist from the difference between a 422 and a 403.
    if caller is not None and not (
        caller.role is Role.ADMIN or (caller.role is Role.FORBUND and data.role is Role.REPORTER)
    ):
        raise refusal
    forbund, insatser = _scope(session, data)
    if caller is not None and not may_create_key(
        caller, data.role, forbund.id if forbund else None, {i.forbund_id for i in insatser}
    ):
        raise refusal
    token = new_token()
    key = ApiKey(
        id=uuid.uuid4(),
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
    record(
        session,
        caller,
        "key.created",
        # A reporter key belongs in its insatser's förbund's trail even when none was named.
        forbund_id=forbund.id if forbund else next((i.forbund_id for i in insatser), None),
        target=f"key {key.id}",
        detail={"role": key.role, "label": key.label, "insatser": [i.id for i in insatser]},
    )
    return key, token


def revoke_key(session: Session, caller: Caller, key_id: uuid.UUID) -> None:
    # Locked, so two concurrent revocations cannot both succeed (and be audited twice).
    key = session.scalar(
        select(ApiKey)
        .where(ApiKey.id == key_id)
        .with_for_update()
        .options(selectinload(ApiKey.insatser))
        .execution_options(populate_existing=True)
    )
    if key is None or key.revoked_at is not None:
        raise NotFound(f"No active key with id {key_id}.")
    if not may_revoke_key(caller, Role(key.role), {i.forbund_id for i in key.insatser}):
        raise Forbidden("This key may not revoke that key.")
    key.revoked_at = datetime.now(UTC)
    record(
        session,
        caller,
        "key.revoked",
        forbund_id=key.forbund_id or next((i.forbund_id for i in key.insatser), None),
        target=f"key {key.id}",
        detail={"role": key.role, "label": key.label},
    )
    session.flush()
