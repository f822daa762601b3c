"""The authorising dependencies: what a route takes to be allowed to run.

Each finds what the path names (404 when nothing does) and authorises the caller for it (403
when it may not), with the pure rules of `app/domain/access.py`; the package docstring
(`app/auth/__init__.py`) has the rule for 403 and 404. A route holding one is authorised;
routes hold no `if` about roles. Every operation takes one of these, or is on the public list
of `tests/api/test_authorisation_declared.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.api.deps import SessionDep
from app.auth.caller import CallerDep
from app.db.models import Forbund, Insats
from app.domain.access import (
    Caller,
    may_import,
    may_list_forbund,
    may_manage_forbund,
    may_manage_keys,
    may_publish,
    may_read_audit_trail,
    may_read_forbund,
    may_read_national,
    may_read_reports,
    may_take_step,
    may_write_forbund,
    may_write_reports,
)
from app.domain.workflow import Step
from app.errors import Code, FinsamError
from app.forbund.service import get_forbund
from app.insatser.service import INSATS_ID, InsatsRef, get_insats, insats_ref


def _refuse(detail: str, loc: tuple[str, ...] | None = None) -> FinsamError:
    return FinsamError(Code.FORBIDDEN, detail, loc=loc)


# --- by role alone: operations whose path names nothing ------------------------------------


def _any_caller(caller: CallerDep) -> Caller:
    return caller


AnyCaller = Annotated[Caller, Depends(_any_caller)]
"""Any valid key, whatever its role (what every role may read, such as the import template)."""


def _forbund_manager(caller: CallerDep) -> Caller:
    if not may_manage_forbund(caller):
        raise _refuse("Only an admin key may create a förbund.")
    return caller


ForbundManager = Annotated[Caller, Depends(_forbund_manager)]
"""A caller that may create förbund: an admin."""


def _forbund_reader(caller: CallerDep) -> Caller:
    if not may_list_forbund(caller):
        raise _refuse("A reporter key reads only the reports of its own insatser.")
    return caller


ForbundReader = Annotated[Caller, Depends(_forbund_reader)]
"""A caller that reads förbund (every one, or its own): every role but a reporter."""


def _national_reader(caller: CallerDep) -> Caller:
    if not may_read_national(caller):
        raise _refuse(
            "Only national and admin keys read the national summary; "
            "the open summary is at /api/v1/open/national/summary."
        )
    return caller


NationalReader = Annotated[Caller, Depends(_national_reader)]
"""A caller that reads exact national figures: national and admin keys."""


def _publisher(caller: CallerDep) -> Caller:
    if not may_publish(caller):
        raise _refuse("Only national and admin keys publish open data.")
    return caller


Publisher = Annotated[Caller, Depends(_publisher)]
"""A caller that publishes releases of open data: national and admin keys."""


def _audit_reader(caller: CallerDep) -> Caller:
    if not may_read_audit_trail(caller):
        raise _refuse("Only an admin key reads the whole audit trail.")
    return caller


AuditReader = Annotated[Caller, Depends(_audit_reader)]
"""A caller that reads the whole audit trail: an admin."""


def _importer(caller: CallerDep) -> Caller:
    if not may_import(caller):
        raise _refuse("A national key reads only; it cannot import reports.")
    return caller


Importer = Annotated[Caller, Depends(_importer)]
"""A caller that may import reports; the service still checks each row's insats."""


def _key_creator(caller: CallerDep) -> Caller:
    if not may_manage_keys(caller):
        raise _refuse(
            "This key may not create that key: a förbund key creates reporter keys "
            "for its own insatser only."
        )
    return caller


KeyCreator = Annotated[Caller, Depends(_key_creator)]
"""A caller that may create keys: an admin, or a förbund key (the service decides, from the
body, which keys it may create, with `may_create_role` and `may_create_key`)."""


def _key_revoker(caller: CallerDep) -> Caller:
    if not may_manage_keys(caller):
        raise _refuse("This key may not revoke keys.")
    return caller


KeyRevoker = Annotated[Caller, Depends(_key_revoker)]
"""A caller that may revoke keys: an admin, or a förbund key (which of them is the
service's to decide, answering 404 alike for a missing key and one not its own)."""


# --- a förbund named by `{code}` -------------------------------------------------------------


def _readable_forbund(code: str, session: SessionDep, caller: CallerDep) -> Forbund:
    forbund = get_forbund(session, code)
    if not may_read_forbund(caller, forbund.id):
        raise _refuse("This key may not read that förbund.")
    return forbund


ReadableForbund = Annotated[Forbund, Depends(_readable_forbund)]
"""The förbund `{code}`, which the caller reads (with its insatser, summaries, audit trail)."""


def _writable_forbund(code: str, session: SessionDep, caller: CallerDep) -> Forbund:
    forbund = get_forbund(session, code)
    if not may_write_forbund(caller, forbund.id):
        raise _refuse("This key may not change that förbund.")
    return forbund


WritableForbund = Annotated[Forbund, Depends(_writable_forbund)]
"""The förbund `{code}`, which the caller changes (its settings, insatser, closed periods)."""


# --- an insats named by `{insats_id}` ---------------------------------------------------------


def _readable_insats(insats_id: int, session: SessionDep, caller: CallerDep) -> Insats:
    insats = get_insats(session, insats_id)
    # The insats record itself is its förbund's: national users read it, reporters do not.
    if not may_read_forbund(caller, insats.forbund_id):
        raise _refuse("This key may not read that insats.", INSATS_ID)
    return insats


ReadableInsats = Annotated[Insats, Depends(_readable_insats)]
"""The insats `{insats_id}`, whose record the caller reads."""


def _writable_insats(insats_id: int, session: SessionDep, caller: CallerDep) -> Insats:
    insats = get_insats(session, insats_id)
    if not may_write_forbund(caller, insats.forbund_id):
        raise _refuse("This key may not change that insats.", INSATS_ID)
    return insats


WritableInsats = Annotated[Insats, Depends(_writable_insats)]
"""The insats `{insats_id}`, whose record the caller changes (its förbund's, or an admin)."""


def _insats_reports(session: Session, caller: Caller, insats_id: int, *, write: bool) -> InsatsRef:
    insats = insats_ref(session, insats_id)
    allowed = may_write_reports if write else may_read_reports
    if not allowed(caller, insats.forbund_id, insats.id):
        verb = "write" if write else "read"
        raise _refuse(f"This key may not {verb} that insats's reports.", INSATS_ID)
    return insats


def _insats_reports_for_read(insats_id: int, session: SessionDep, caller: CallerDep) -> InsatsRef:
    return _insats_reports(session, caller, insats_id, write=False)


InsatsReportsForRead = Annotated[InsatsRef, Depends(_insats_reports_for_read)]
"""The insats `{insats_id}`, whose reports the caller reads."""


def _insats_reports_for_write(insats_id: int, session: SessionDep, caller: CallerDep) -> InsatsRef:
    return _insats_reports(session, caller, insats_id, write=True)


InsatsReportsForWrite = Annotated[InsatsRef, Depends(_insats_reports_for_write)]
"""The insats `{insats_id}`, whose reports the caller creates and replaces."""


def insats_reports_for_step(step: Step) -> Callable[..., InsatsRef]:
    """The dependency for taking `step` on the reports of the insats `{insats_id}` (submit:
    whoever writes them; approve, return, reopen: the förbund), made per step:
    `Annotated[InsatsRef, Depends(insats_reports_for_step(step))]`."""

    def insats_for_step(insats_id: int, session: SessionDep, caller: CallerDep) -> InsatsRef:
        insats = _insats_reports(session, caller, insats_id, write=True)
        if not may_take_step(caller, insats.forbund_id, insats.id, step):
            raise _refuse(f"Only the förbund may {step.value} a report.")
        return insats

    return insats_for_step
