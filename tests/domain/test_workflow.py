"""The report workflow as pure rules: which step leads where, which are the förbund's, when a
stored report may change, and what a change does to its status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.domain.workflow import (
    FORBUND_STEPS,
    TRANSITIONS,
    ReportStatus,
    Step,
    after_change,
    change_refusal,
    next_status,
)

DRAFT, SUBMITTED, APPROVED = ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.APPROVED

ALLOWED = {
    (Step.SUBMIT, DRAFT): SUBMITTED,
    (Step.APPROVE, SUBMITTED): APPROVED,
    (Step.RETURN, SUBMITTED): DRAFT,
    (Step.REOPEN, APPROVED): DRAFT,
}
REFUSED = [
    (step, status) for step in Step for status in ReportStatus if (step, status) not in ALLOWED
]

CLOSED_AT = datetime(2024, 2, 1, 12, 0, tzinfo=UTC)
BEFORE_CLOSING = CLOSED_AT - timedelta(days=1)
AFTER_CLOSING = CLOSED_AT + timedelta(seconds=1)


# Transitions


@pytest.mark.parametrize(("step", "current"), list(ALLOWED))
def test_an_allowed_step_leads_to_its_status(step: Step, current: ReportStatus) -> None:
    assert next_status(step, current) is ALLOWED[(step, current)]


@pytest.mark.parametrize(("step", "current"), REFUSED)
def test_a_step_that_does_not_apply_to_the_status_gives_none(
    step: Step, current: ReportStatus
) -> None:
    assert next_status(step, current) is None


def test_every_step_and_status_is_either_allowed_or_refused() -> None:
    assert len(ALLOWED) + len(REFUSED) == len(Step) * len(ReportStatus) == 12
    assert set(TRANSITIONS) == set(Step)


def test_a_draft_can_only_be_submitted() -> None:
    assert [s for s in Step if next_status(s, DRAFT)] == [Step.SUBMIT]


def test_a_submitted_report_can_be_approved_or_returned_but_not_submitted_again() -> None:
    assert {s for s in Step if next_status(s, SUBMITTED)} == {Step.APPROVE, Step.RETURN}


def test_an_approved_report_can_only_be_reopened() -> None:
    assert [s for s in Step if next_status(s, APPROVED)] == [Step.REOPEN]


def test_the_full_path_draft_submitted_approved_reopened_ends_in_draft() -> None:
    status = DRAFT
    for step in (Step.SUBMIT, Step.APPROVE, Step.REOPEN):
        after = next_status(step, status)
        assert after is not None
        status = after
    assert status is DRAFT


def test_approving_takes_the_förbund_and_submitting_does_not() -> None:
    assert frozenset({Step.APPROVE, Step.RETURN, Step.REOPEN}) == FORBUND_STEPS
    assert Step.SUBMIT not in FORBUND_STEPS


# Whether a stored report may change


@pytest.mark.parametrize("status", [DRAFT, SUBMITTED])
def test_a_report_that_is_not_approved_in_an_open_period_may_change(status: ReportStatus) -> None:
    assert change_refusal(status, None, None) is None


@pytest.mark.parametrize("reopened_at", [None, BEFORE_CLOSING])
def test_an_approved_report_is_locked(reopened_at: datetime | None) -> None:
    refusal = change_refusal(APPROVED, None, reopened_at)
    assert refusal is not None
    assert "approved" in refusal
    assert "reopen" in refusal


def test_an_approved_report_stays_locked_even_when_reopened_after_its_period_closed() -> None:
    # Reopening sets the status to draft; a report still approved is locked whatever the dates.
    refusal = change_refusal(APPROVED, CLOSED_AT, AFTER_CLOSING)
    assert refusal is not None
    assert "approved" in refusal


@pytest.mark.parametrize("status", [DRAFT, SUBMITTED])
def test_a_report_of_a_closed_period_that_was_never_reopened_is_locked(
    status: ReportStatus,
) -> None:
    refusal = change_refusal(status, CLOSED_AT, None)
    assert refusal is not None
    assert "closed" in refusal
    assert "reopen" in refusal


@pytest.mark.parametrize("status", [DRAFT, SUBMITTED])
def test_a_report_reopened_before_its_period_closed_is_locked_again(status: ReportStatus) -> None:
    refusal = change_refusal(status, CLOSED_AT, BEFORE_CLOSING)
    assert refusal is not None
    assert "closed" in refusal


@pytest.mark.parametrize("status", [DRAFT, SUBMITTED])
def test_a_report_reopened_after_its_period_closed_may_change(status: ReportStatus) -> None:
    assert change_refusal(status, CLOSED_AT, AFTER_CLOSING) is None


def test_a_reopening_without_a_closed_period_changes_nothing_for_a_draft() -> None:
    assert change_refusal(DRAFT, None, BEFORE_CLOSING) is None


# After a change


def test_a_changed_submitted_report_goes_back_to_draft() -> None:
    assert after_change(SUBMITTED) is DRAFT


def test_a_changed_draft_stays_a_draft() -> None:
    assert after_change(DRAFT) is DRAFT


def test_after_change_leaves_an_approved_status_as_it_is() -> None:
    # Changing an approved report is refused before this applies; the rule itself is neutral.
    assert after_change(APPROVED) is APPROVED


def test_statuses_and_steps_have_the_contract_s_names() -> None:
    assert [s.value for s in ReportStatus] == ["draft", "submitted", "approved"]
    assert [s.value for s in Step] == ["submit", "approve", "return", "reopen"]
