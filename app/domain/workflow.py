"""The report workflow: draft → submitted → approved, with returning and reopening.

Approved figures are locked so that what a board has seen cannot change behind its back;
changing them takes the förbund reopening the report with a reason, which the history shows.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from app.errors import Code


class ReportStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    APPROVED = "approved"


class Step(StrEnum):
    SUBMIT = "submit"
    APPROVE = "approve"
    RETURN = "return"
    REOPEN = "reopen"


# (step) → (statuses it may start from, the status it leads to)
TRANSITIONS: dict[Step, tuple[frozenset[ReportStatus], ReportStatus]] = {
    Step.SUBMIT: (frozenset({ReportStatus.DRAFT}), ReportStatus.SUBMITTED),
    Step.APPROVE: (frozenset({ReportStatus.SUBMITTED}), ReportStatus.APPROVED),
    Step.RETURN: (frozenset({ReportStatus.SUBMITTED}), ReportStatus.DRAFT),
    Step.REOPEN: (frozenset({ReportStatus.APPROVED}), ReportStatus.DRAFT),
}

# Steps that only the förbund (or an admin) takes; reporters submit.
FORBUND_STEPS = frozenset({Step.APPROVE, Step.RETURN, Step.REOPEN})


def next_status(step: Step, current: ReportStatus) -> ReportStatus | None:
    """The status after `step`, or None when the step does not apply to `current`."""
    allowed, target = TRANSITIONS[step]
    return target if current in allowed else None


class ChangeRefusal(StrEnum):
    """Why a stored report may not change now, in words, and as an error code."""

    APPROVED = "the report is approved and locked; the förbund must reopen it first"
    PERIOD_CLOSED = "the period is closed; the förbund must reopen the report first"

    @property
    def code(self) -> Code:
        if self is ChangeRefusal.APPROVED:
            return Code.REPORT_LOCKED
        return Code.PERIOD_CLOSED


def change_refusal(
    status: ReportStatus, period_closed_at: datetime | None, reopened_at: datetime | None
) -> ChangeRefusal | None:
    """Why a stored report may not be changed now, or None when it may.

    Approved reports are locked; so is every report of a period the förbund has closed,
    unless the förbund reopened this report after closing the period.
    """
    if status is ReportStatus.APPROVED:
        return ChangeRefusal.APPROVED
    if period_closed_at is not None and (reopened_at is None or reopened_at < period_closed_at):
        return ChangeRefusal.PERIOD_CLOSED
    return None


def after_change(status: ReportStatus) -> ReportStatus:
    """Changed figures must be submitted (again) before they can be approved."""
    return ReportStatus.DRAFT if status is ReportStatus.SUBMITTED else status
