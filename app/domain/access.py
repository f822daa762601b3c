"""Who may do what: the role matrix of the contract as pure rules over a caller's scope.

Every check of a tenant's rows goes through these functions, so no endpoint can forget one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from uuid import UUID

from app.domain.workflow import FORBUND_STEPS, Step


class Role(StrEnum):
    ADMIN = "admin"
    NATIONAL = "national"
    FORBUND = "forbund"
    REPORTER = "reporter"


@dataclass(frozen=True)
class Caller:
    """An authenticated key: its role and the förbund or insatser it is scoped to."""

    role: Role
    key_id: UUID | None = None  # None for the bootstrap admin token from the environment
    label: str | None = None
    forbund_id: int | None = None
    insats_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def sees_everything(self) -> bool:
        return self.role in (Role.ADMIN, Role.NATIONAL)


def may_manage_forbund(caller: Caller) -> bool:
    """Create förbund: only an admin."""
    return caller.role is Role.ADMIN


def may_list_forbund(caller: Caller) -> bool:
    """List förbund (those it may read): every role but a reporter, which reads no förbund."""
    return caller.role is not Role.REPORTER


def may_read_forbund(caller: Caller, forbund_id: int) -> bool:
    """Read a förbund, its insatser and its summaries."""
    return caller.sees_everything or (
        caller.role is Role.FORBUND and caller.forbund_id == forbund_id
    )


def may_write_forbund(caller: Caller, forbund_id: int) -> bool:
    """Create and change a förbund's insatser and reports."""
    return caller.role is Role.ADMIN or (
        caller.role is Role.FORBUND and caller.forbund_id == forbund_id
    )


def may_read_reports(caller: Caller, forbund_id: int, insats_id: int) -> bool:
    """Read an insats's reports: its förbund, national users, and reporters named for it."""
    return may_read_forbund(caller, forbund_id) or (
        caller.role is Role.REPORTER and insats_id in caller.insats_ids
    )


def may_write_reports(caller: Caller, forbund_id: int, insats_id: int) -> bool:
    """Create or replace an insats's reports."""
    return may_write_forbund(caller, forbund_id) or (
        caller.role is Role.REPORTER and insats_id in caller.insats_ids
    )


def may_take_step(caller: Caller, forbund_id: int, insats_id: int, step: Step) -> bool:
    """Take a workflow step on an insats's report: whoever writes its reports submits; only
    the förbund (or an admin) approves, returns and reopens."""
    if step in FORBUND_STEPS:
        return may_write_forbund(caller, forbund_id)
    return may_write_reports(caller, forbund_id, insats_id)


def may_add_late_report(caller: Caller) -> bool:
    """Create a report in a period the förbund has closed: the förbund (or an admin), not a
    reporter, which must ask the förbund."""
    return caller.role in (Role.ADMIN, Role.FORBUND)


def may_import(caller: Caller) -> bool:
    """Import reports: every role that writes reports (each row is still checked)."""
    return caller.role in (Role.ADMIN, Role.FORBUND, Role.REPORTER)


def may_manage_keys(caller: Caller) -> bool:
    """Create or revoke keys at all: an admin, and a förbund key for its reporters."""
    return caller.role in (Role.ADMIN, Role.FORBUND)


def may_create_role(caller: Caller, role: Role) -> bool:
    """Create a key of `role`, before what it names is known: an admin any, a förbund key
    reporter keys only."""
    return caller.role is Role.ADMIN or (caller.role is Role.FORBUND and role is Role.REPORTER)


def may_create_key(
    caller: Caller, role: Role, forbund_id: int | None, insats_forbund_ids: set[int]
) -> bool:
    """An admin creates any key; a förbund key creates reporter keys for its own insatser only."""
    if caller.role is Role.ADMIN:
        return True
    return (
        may_create_role(caller, role)
        and forbund_id in (None, caller.forbund_id)
        and insats_forbund_ids == {caller.forbund_id}
    )


def may_revoke_key(caller: Caller, role: Role, insats_forbund_ids: set[int]) -> bool:
    """An admin revokes any key; a förbund key revokes reporter keys of its own insatser."""
    if caller.role is Role.ADMIN:
        return True
    return (
        caller.role is Role.FORBUND
        and role is Role.REPORTER
        and insats_forbund_ids <= {caller.forbund_id}
    )


def may_read_national(caller: Caller) -> bool:
    """Exact national figures, unsuppressed: national users and admins."""
    return caller.sees_everything


def may_read_audit_trail(caller: Caller) -> bool:
    """The whole audit trail, of every förbund and of no förbund: only an admin (a förbund
    reads its own trail as it reads the förbund)."""
    return caller.role is Role.ADMIN


def may_publish(caller: Caller) -> bool:
    """Publishing open data (a release of a year): national users and admins, who see every
    figure a release is protected from."""
    return caller.sees_everything
