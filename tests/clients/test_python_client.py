"""The generated Python client against a real `finsam serve`: the main flow of an insats
system and a förbund, as a user of `finsam_client` writes it."""

from __future__ import annotations

import datetime
import io
import json
import uuid
from collections.abc import Iterator
from http import HTTPStatus
from typing import Any

import pytest
from finsam_client import AuthenticatedClient, Client
from finsam_client.api.forbund import create_forbund
from finsam_client.api.health import ready
from finsam_client.api.imports import import_reports_csv
from finsam_client.api.insatser import create_insats
from finsam_client.api.reports import get_report, put_report
from finsam_client.api.summaries import get_annual_report_table, get_forbund_summary
from finsam_client.models import (
    ForbundIn,
    ForbundOut,
    ForbundSummary,
    GenderCountIn,
    ImportProblem,
    ImportSummary,
    InsatsIn,
    InsatsKind,
    InsatsOut,
    OutcomesIn,
    Problem,
    ReportIn,
    ReportOut,
)
from finsam_client.types import File, Response

from tests.conftest import ADMIN_TOKEN


@pytest.fixture
def admin(server: str) -> Iterator[AuthenticatedClient]:
    with AuthenticatedClient(base_url=server, token=ADMIN_TOKEN, timeout=30) as client:
        yield client


def problem(response: Response[Any], status: HTTPStatus) -> Problem:
    """The problem+json body, read with the client's own model."""
    assert response.status_code == status, response.content
    assert response.headers["content-type"].startswith("application/problem+json")
    return Problem.from_dict(json.loads(response.content))


def new_forbund(admin: AuthenticatedClient) -> str:
    # The server's database lives as long as this module: a code of its own per test.
    code = f"klient-{uuid.uuid4().hex[:8]}"
    body = ForbundIn(
        code=code, name="Samordningsförbundet Klient", lan="Västernorrlands län", kommuner=["Ånge"]
    )
    created = create_forbund.sync_detailed(client=admin, body=body)
    assert created.status_code == HTTPStatus.CREATED, created.content
    assert isinstance(created.parsed, ForbundOut)
    assert created.parsed.code == code
    return code


def new_insats(admin: AuthenticatedClient, code: str) -> int:
    body = InsatsIn(
        name="Arbetsförmedlare på AMT",
        kind=InsatsKind.INDIVIDUAL,
        owner="Arbetsförmedlingen",
        start_date=datetime.date(2021, 1, 1),
    )
    created = create_insats.sync_detailed(code, client=admin, body=body)
    assert created.status_code == HTTPStatus.CREATED, created.content
    assert isinstance(created.parsed, InsatsOut)
    return created.parsed.id


def sundsvall_2022(volume_contacts: int = 600) -> ReportIn:
    return ReportIn(
        participants=GenderCountIn(women=0, men=0, unspecified=376),
        volume_contacts=volume_contacts,
        outcomes=OutcomesIn(
            work=GenderCountIn(women=0, men=0, unspecified=111),
            studies=GenderCountIn(women=0, men=0, unspecified=9),
        ),
    )


def test_the_service_answers_without_a_token(server: str) -> None:
    with Client(base_url=server) as anonymous:
        assert ready.sync_detailed(client=anonymous).status_code == HTTPStatus.OK


def test_a_report_goes_in_and_comes_back_summed_through_the_client(
    admin: AuthenticatedClient,
) -> None:
    code = new_forbund(admin)
    insats_id = new_insats(admin, code)

    created = put_report.sync_detailed(insats_id, "2022", client=admin, body=sundsvall_2022())
    again = put_report.sync_detailed(insats_id, "2022", client=admin, body=sundsvall_2022())
    read = get_report.sync(insats_id, "2022", client=admin)
    summary = get_forbund_summary.sync(code, client=admin, period="2022")
    table = get_annual_report_table.sync_detailed(code, client=admin, period="2022")

    assert created.status_code == HTTPStatus.CREATED, created.content
    assert again.status_code == HTTPStatus.OK, again.content
    assert isinstance(created.parsed, ReportOut)
    assert isinstance(again.parsed, ReportOut)
    assert (created.parsed.revision, again.parsed.revision) == (1, 1)
    assert again.headers["ETag"] == created.headers["ETag"]
    assert isinstance(read, ReportOut)
    assert read.participants is not None
    assert (read.participants.unspecified, read.participants.total) == (376, 376)
    assert read.started is None  # not reported: null ("ej aktuellt"), never 0
    assert isinstance(summary, ForbundSummary)
    assert (summary.forbund, summary.period, summary.insatser, summary.reports) == (
        code,
        "2022",
        1,
        1,
    )
    participants = summary.measures.participants
    assert participants is not None
    assert (participants.total, participants.reported_by) == (376, 1)
    assert summary.measures.volume_contacts is not None
    assert summary.measures.volume_contacts.total == 600
    assert summary.measures.started is None
    assert table.status_code == HTTPStatus.OK, table.content
    rows = json.loads(table.content)["rows"]
    assert [(row["insats_id"], row["participants_total"], row["work_total"]) for row in rows] == [
        (insats_id, 376, 111),
        (None, 376, 111),
    ]


def test_a_put_with_an_if_match_made_stale_by_a_change_is_a_412(
    admin: AuthenticatedClient,
) -> None:
    insats_id = new_insats(admin, new_forbund(admin))
    first = put_report.sync_detailed(insats_id, "2022", client=admin, body=sundsvall_2022(600))
    stale = first.headers["ETag"]
    changed = put_report.sync_detailed(
        insats_id, "2022", client=admin, body=sundsvall_2022(601), if_match=stale
    )
    assert changed.status_code == HTTPStatus.OK, changed.content
    assert changed.headers["ETag"] != stale

    response = put_report.sync_detailed(
        insats_id, "2022", client=admin, body=sundsvall_2022(602), if_match=stale
    )

    refused = problem(response, HTTPStatus.PRECONDITION_FAILED)
    assert refused.status == HTTPStatus.PRECONDITION_FAILED
    assert refused.additional_properties["current_revision"] == 2
    stored = get_report.sync(insats_id, "2022", client=admin)
    assert isinstance(stored, ReportOut)
    assert (stored.revision, stored.volume_contacts) == (2, 601)


def test_an_invalid_report_is_a_422_naming_each_field(admin: AuthenticatedClient) -> None:
    insats_id = new_insats(admin, new_forbund(admin))
    body = ReportIn(
        participants=GenderCountIn(women=-1, men=10),  # the client sends what it is given
        volume_contacts=-5,
    )

    response = put_report.sync_detailed(insats_id, "2022", client=admin, body=body)

    refused = problem(response, HTTPStatus.UNPROCESSABLE_ENTITY)
    assert isinstance(refused.errors, list)
    locations = {tuple(error.loc) for error in refused.errors}
    assert locations == {("body", "participants", "women"), ("body", "volume_contacts")}
    assert get_report.sync_detailed(insats_id, "2022", client=admin).status_code == 404


def send_csv(admin: AuthenticatedClient, text: str, **params: bool) -> Response[Any]:
    body = File(payload=io.BytesIO(text.encode()), file_name="import.csv")
    return import_reports_csv.sync_detailed(client=admin, body=body, **params)


def test_a_csv_file_is_imported_through_its_own_operation(admin: AuthenticatedClient) -> None:
    insats_id = new_insats(admin, new_forbund(admin))
    text = f"insats_id;period;volume_contacts\r\n{insats_id};2023H1;7\r\n{insats_id};2023H2;8\r\n"

    trial = send_csv(admin, text, dry_run=True)
    real = send_csv(admin, text)

    assert isinstance(trial.parsed, ImportSummary)
    assert (trial.parsed.dry_run, trial.parsed.created) == (True, 2)
    assert isinstance(real.parsed, ImportSummary)
    assert (real.parsed.dry_run, real.parsed.created) == (False, 2)
    read = get_report.sync(insats_id, "2023H2", client=admin)
    assert isinstance(read, ReportOut)
    assert (read.volume_contacts, read.participants) == (8, None)


def test_a_rejected_import_parses_as_its_summary_or_as_a_plain_problem(
    admin: AuthenticatedClient,
) -> None:
    insats_id = new_insats(admin, new_forbund(admin))

    bad_row = send_csv(admin, f"insats_id;period;volume_contacts\n{insats_id};2023;sju\n")
    unreadable = send_csv(admin, "insats_id;period;participants\n1;2023;5\n")

    assert bad_row.status_code == unreadable.status_code == HTTPStatus.UNPROCESSABLE_ENTITY
    assert isinstance(bad_row.parsed, ImportProblem)
    assert [(e.row, e.loc) for e in bad_row.parsed.errors] == [(2, ["volume_contacts"])]
    assert isinstance(unreadable.parsed, Problem)
    assert isinstance(unreadable.parsed.errors, list)
    assert unreadable.parsed.errors[0].loc == ["body", "header", "participants"]
