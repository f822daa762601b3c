from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.report_in import ReportIn
from ...models.report_out import ReportOut
from ...types import UNSET, Response, Unset


def _get_kwargs(
    insats_id: int,
    period: str,
    *,
    body: ReportIn,
    if_match: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(if_match, Unset):
        headers["if-match"] = if_match

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/api/v1/insatser/{insats_id}/reports/{period}".format(
            insats_id=quote(str(insats_id), safe=""),
            period=quote(str(period), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | ReportOut | None:
    if response.status_code == 200:
        response_200 = ReportOut.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = ReportOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

    if response.status_code == 412:
        response_412 = Problem.from_dict(response.json())

        return response_412

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 428:
        response_428 = Problem.from_dict(response.json())

        return response_428

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | ReportOut]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    insats_id: int,
    period: str,
    *,
    client: AuthenticatedClient,
    body: ReportIn,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ReportOut]:
    """Put Report

     Create or replace an insats's report for a period (idempotent).

    201 when created, 200 when replaced (`revision` + 1) or when the body equals what is
    stored (same `revision`), so a whole period can be re-sent safely. Approved reports and
    reports of a closed period are locked (409) until the förbund reopens them.

    Args:
        insats_id (int):
        period (str):
        if_match (None | str | Unset): The ETag of the report you are changing; a stale one gives
            412. A förbund may require it on replacements (428 when missing).
        body (ReportIn): Rapport: one insats's figures for one period. Absent or null is "ej
            aktuellt", never 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportOut]
    """

    kwargs = _get_kwargs(
        insats_id=insats_id,
        period=period,
        body=body,
        if_match=if_match,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    insats_id: int,
    period: str,
    *,
    client: AuthenticatedClient,
    body: ReportIn,
    if_match: None | str | Unset = UNSET,
) -> Problem | ReportOut | None:
    """Put Report

     Create or replace an insats's report for a period (idempotent).

    201 when created, 200 when replaced (`revision` + 1) or when the body equals what is
    stored (same `revision`), so a whole period can be re-sent safely. Approved reports and
    reports of a closed period are locked (409) until the förbund reopens them.

    Args:
        insats_id (int):
        period (str):
        if_match (None | str | Unset): The ETag of the report you are changing; a stale one gives
            412. A förbund may require it on replacements (428 when missing).
        body (ReportIn): Rapport: one insats's figures for one period. Absent or null is "ej
            aktuellt", never 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportOut
    """

    return sync_detailed(
        insats_id=insats_id,
        period=period,
        client=client,
        body=body,
        if_match=if_match,
    ).parsed


async def asyncio_detailed(
    insats_id: int,
    period: str,
    *,
    client: AuthenticatedClient,
    body: ReportIn,
    if_match: None | str | Unset = UNSET,
) -> Response[Problem | ReportOut]:
    """Put Report

     Create or replace an insats's report for a period (idempotent).

    201 when created, 200 when replaced (`revision` + 1) or when the body equals what is
    stored (same `revision`), so a whole period can be re-sent safely. Approved reports and
    reports of a closed period are locked (409) until the förbund reopens them.

    Args:
        insats_id (int):
        period (str):
        if_match (None | str | Unset): The ETag of the report you are changing; a stale one gives
            412. A förbund may require it on replacements (428 when missing).
        body (ReportIn): Rapport: one insats's figures for one period. Absent or null is "ej
            aktuellt", never 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ReportOut]
    """

    kwargs = _get_kwargs(
        insats_id=insats_id,
        period=period,
        body=body,
        if_match=if_match,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    insats_id: int,
    period: str,
    *,
    client: AuthenticatedClient,
    body: ReportIn,
    if_match: None | str | Unset = UNSET,
) -> Problem | ReportOut | None:
    """Put Report

     Create or replace an insats's report for a period (idempotent).

    201 when created, 200 when replaced (`revision` + 1) or when the body equals what is
    stored (same `revision`), so a whole period can be re-sent safely. Approved reports and
    reports of a closed period are locked (409) until the förbund reopens them.

    Args:
        insats_id (int):
        period (str):
        if_match (None | str | Unset): The ETag of the report you are changing; a stale one gives
            412. A förbund may require it on replacements (428 when missing).
        body (ReportIn): Rapport: one insats's figures for one period. Absent or null is "ej
            aktuellt", never 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ReportOut
    """

    return (
        await asyncio_detailed(
            insats_id=insats_id,
            period=period,
            client=client,
            body=body,
            if_match=if_match,
        )
    ).parsed
