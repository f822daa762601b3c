"""The role matrix as pure rules: who may read and write which förbund, insatser and keys.

The world of these tests: förbund 1 (OWN) with insatser 10 (NAMED) and 11 (UNNAMED), and
förbund 2 (OTHER) with insats 20 (FOREIGN). A förbund key is scoped to förbund 1; a reporter
key names insats 10 only.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from app.domain.access import (
    Caller,
    Role,
    may_add_late_report,
    may_create_key,
    may_create_role,
    may_import,
    may_list_forbund,
    may_manage_forbund,
    may_manage_keys,
    may_read_audit_trail,
    may_read_forbund,
    may_read_national,
    may_read_reports,
    may_revoke_key,
    may_take_step,
    may_write_forbund,
    may_write_reports,
)
from app.domain.workflow import Step

OWN, OTHER = 1, 2
NAMED, UNNAMED, FOREIGN = 10, 11, 20

ADMIN = Caller(role=Role.ADMIN, key_id=uuid.uuid4())
BOOTSTRAP_ADMIN = Caller(role=Role.ADMIN, label="FINSAM_ADMIN_TOKEN")
NATIONAL = Caller(role=Role.NATIONAL, key_id=uuid.uuid4())
FORBUND = Caller(role=Role.FORBUND, key_id=uuid.uuid4(), forbund_id=OWN)
REPORTER = Caller(role=Role.REPORTER, key_id=uuid.uuid4(), insats_ids=frozenset({NAMED}))


class TestAnAdmin:
    @pytest.mark.parametrize("admin", [ADMIN, BOOTSTRAP_ADMIN], ids=["key", "bootstrap-token"])
    def test_may_do_everything_to_every_forbund(self, admin: Caller) -> None:
        assert may_manage_forbund(admin)
        for forbund in (OWN, OTHER):
            assert may_read_forbund(admin, forbund)
            assert may_write_forbund(admin, forbund)
        for forbund, insats in ((OWN, NAMED), (OWN, UNNAMED), (OTHER, FOREIGN)):
            assert may_read_reports(admin, forbund, insats)
            assert may_write_reports(admin, forbund, insats)

    @pytest.mark.parametrize("role", list(Role))
    def test_may_create_and_revoke_keys_of_every_role(self, role: Role) -> None:
        assert may_create_key(ADMIN, role, None, set())
        assert may_create_key(ADMIN, role, OTHER, {OTHER})
        assert may_revoke_key(ADMIN, role, set())
        assert may_revoke_key(ADMIN, role, {OWN, OTHER})

    def test_sees_everything(self) -> None:
        assert ADMIN.sees_everything


class TestANationalKey:
    def test_reads_every_forbund_and_every_report(self) -> None:
        assert NATIONAL.sees_everything
        for forbund in (OWN, OTHER):
            assert may_read_forbund(NATIONAL, forbund)
        for forbund, insats in ((OWN, NAMED), (OWN, UNNAMED), (OTHER, FOREIGN)):
            assert may_read_reports(NATIONAL, forbund, insats)

    def test_writes_nothing(self) -> None:
        assert not may_manage_forbund(NATIONAL)
        for forbund in (OWN, OTHER):
            assert not may_write_forbund(NATIONAL, forbund)
        for forbund, insats in ((OWN, NAMED), (OTHER, FOREIGN)):
            assert not may_write_reports(NATIONAL, forbund, insats)

    @pytest.mark.parametrize("role", list(Role))
    def test_creates_and_revokes_no_keys(self, role: Role) -> None:
        assert not may_create_key(NATIONAL, role, None, {OWN})
        assert not may_revoke_key(NATIONAL, role, {OWN})


class TestAForbundKey:
    def test_reads_and_writes_its_own_forbund(self) -> None:
        assert may_read_forbund(FORBUND, OWN)
        assert may_write_forbund(FORBUND, OWN)

    def test_reads_and_writes_the_reports_of_every_insats_of_its_own_forbund(self) -> None:
        for insats in (NAMED, UNNAMED):
            assert may_read_reports(FORBUND, OWN, insats)
            assert may_write_reports(FORBUND, OWN, insats)

    def test_neither_reads_nor_writes_another_forbund(self) -> None:
        assert not may_read_forbund(FORBUND, OTHER)
        assert not may_write_forbund(FORBUND, OTHER)
        assert not may_read_reports(FORBUND, OTHER, FOREIGN)
        assert not may_write_reports(FORBUND, OTHER, FOREIGN)

    def test_creates_no_forbund_and_does_not_see_everything(self) -> None:
        assert not may_manage_forbund(FORBUND)
        assert not FORBUND.sees_everything

    def test_creates_reporter_keys_for_its_own_insatser(self) -> None:
        assert may_create_key(FORBUND, Role.REPORTER, None, {OWN})
        assert may_create_key(FORBUND, Role.REPORTER, OWN, {OWN})

    def test_creates_no_reporter_key_touching_another_forbund(self) -> None:
        assert not may_create_key(FORBUND, Role.REPORTER, None, {OTHER})
        assert not may_create_key(FORBUND, Role.REPORTER, None, {OWN, OTHER})
        assert not may_create_key(FORBUND, Role.REPORTER, OTHER, {OWN})
        assert not may_create_key(FORBUND, Role.REPORTER, OTHER, {OTHER})

    def test_creates_no_reporter_key_without_insatser(self) -> None:
        assert not may_create_key(FORBUND, Role.REPORTER, None, set())

    @pytest.mark.parametrize("role", [Role.ADMIN, Role.NATIONAL, Role.FORBUND])
    def test_creates_no_key_of_a_wider_role(self, role: Role) -> None:
        assert not may_create_key(FORBUND, role, OWN, set())
        assert not may_create_key(FORBUND, role, None, set())

    def test_revokes_reporter_keys_of_its_own_insatser_only(self) -> None:
        assert may_revoke_key(FORBUND, Role.REPORTER, {OWN})
        assert not may_revoke_key(FORBUND, Role.REPORTER, {OTHER})
        assert not may_revoke_key(FORBUND, Role.REPORTER, {OWN, OTHER})

    @pytest.mark.parametrize("role", [Role.ADMIN, Role.NATIONAL, Role.FORBUND])
    def test_revokes_no_key_of_a_wider_role(self, role: Role) -> None:
        assert not may_revoke_key(FORBUND, role, set())

    def test_without_a_forbund_reads_nothing(self) -> None:
        unscoped = Caller(role=Role.FORBUND)
        assert not may_read_forbund(unscoped, OWN)
        assert not may_write_reports(unscoped, OWN, NAMED)


class TestAReporterKey:
    def test_reads_and_writes_the_reports_of_its_named_insats(self) -> None:
        assert may_read_reports(REPORTER, OWN, NAMED)
        assert may_write_reports(REPORTER, OWN, NAMED)

    def test_neither_reads_nor_writes_the_reports_of_an_insats_it_does_not_name(self) -> None:
        for forbund, insats in ((OWN, UNNAMED), (OTHER, FOREIGN)):
            assert not may_read_reports(REPORTER, forbund, insats)
            assert not may_write_reports(REPORTER, forbund, insats)

    def test_neither_reads_nor_writes_any_forbund(self) -> None:
        assert not REPORTER.sees_everything
        assert not may_manage_forbund(REPORTER)
        for forbund in (OWN, OTHER):
            assert not may_read_forbund(REPORTER, forbund)
            assert not may_write_forbund(REPORTER, forbund)

    @pytest.mark.parametrize("role", list(Role))
    def test_creates_and_revokes_no_keys(self, role: Role) -> None:
        assert not may_create_key(REPORTER, role, None, {OWN})
        assert not may_revoke_key(REPORTER, role, {OWN})


@pytest.mark.parametrize(
    ("caller", "allowed"),
    [(ADMIN, True), (BOOTSTRAP_ADMIN, True), (NATIONAL, True), (FORBUND, False), (REPORTER, False)],
    ids=["admin", "bootstrap admin", "national", "forbund", "reporter"],
)
def test_only_admins_and_national_keys_read_exact_national_figures(
    caller: Caller, allowed: bool
) -> None:
    assert may_read_national(caller) is allowed


CALLERS = {
    "admin": ADMIN,
    "bootstrap admin": BOOTSTRAP_ADMIN,
    "national": NATIONAL,
    "forbund": FORBUND,
    "reporter": REPORTER,
}


@pytest.mark.parametrize(
    ("rule", "allowed"),
    [
        (may_list_forbund, {"admin", "bootstrap admin", "national", "forbund"}),
        (may_read_audit_trail, {"admin", "bootstrap admin"}),
        (may_import, {"admin", "bootstrap admin", "forbund", "reporter"}),
        (may_manage_keys, {"admin", "bootstrap admin", "forbund"}),
        (may_add_late_report, {"admin", "bootstrap admin", "forbund"}),
    ],
    ids=["list förbund", "the whole audit trail", "import", "manage keys", "add late reports"],
)
def test_the_rules_by_role_alone(rule: Callable[[Caller], bool], allowed: set[str]) -> None:
    assert {name for name, caller in CALLERS.items() if rule(caller)} == allowed


@pytest.mark.parametrize("step", list(Step))
def test_a_reporter_submits_and_only_the_forbund_takes_the_other_steps(step: Step) -> None:
    assert may_take_step(ADMIN, OTHER, FOREIGN, step)
    assert may_take_step(FORBUND, OWN, UNNAMED, step)
    assert may_take_step(REPORTER, OWN, NAMED, step) is (step is Step.SUBMIT)
    assert not may_take_step(NATIONAL, OWN, NAMED, step)
    assert not may_take_step(FORBUND, OTHER, FOREIGN, step)
    assert not may_take_step(REPORTER, OWN, UNNAMED, step)


@pytest.mark.parametrize("role", list(Role))
def test_before_anything_is_looked_up_a_forbund_key_may_create_reporter_keys_only(
    role: Role,
) -> None:
    assert may_create_role(ADMIN, role)
    assert may_create_role(FORBUND, role) is (role is Role.REPORTER)
    assert not may_create_role(NATIONAL, role)
    assert not may_create_role(REPORTER, role)
