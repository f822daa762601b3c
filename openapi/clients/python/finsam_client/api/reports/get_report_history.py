from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.history_out import HistoryOut
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    insats_id: int,
    period: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/insatser/{insats_id}/reports/{period}/history".format(
            insats_id=quote(str(insats_id), safe=""),
            period=quote(str(period), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HistoryOut | Problem | None:
    if response.status_code == 200:
        response_200 = HistoryOut.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[HistoryOut | Problem]:
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
) -> Response[HistoryOut | Problem]:
    """Report History

     Every revision of the report (who, when, what changed) and every workflow step.

    Args:
        insats_id (int):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HistoryOut | Problem]
    """

    kwargs = _get_kwargs(
        insats_id=insats_id,
        period=period,
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
) -> HistoryOut | Problem | None:
    """Report History

     Every revision of the report (who, when, what changed) and every workflow step.

    Args:
        insats_id (int):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HistoryOut | Problem
    """

    return sync_detailed(
        insats_id=insats_id,
        period=period,
        client=client,
    ).parsed


async def asyncio_detailed(
    insats_id: int,
    period: str,
    *,
    client: AuthenticatedClient,
) -> Response[HistoryOut | Problem]:
    """Report History

     Every revision of the report (who, when, what changed) and every workflow step.

    Args:
        insats_id (int):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HistoryOut | Problem]
    """

    kwargs = _get_kwargs(
        insats_id=insats_id,
        period=period,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    insats_id: int,
    period: str,
    *,
    client: AuthenticatedClient,
) -> HistoryOut | Problem | None:
    """Report History

     Every revision of the report (who, when, what changed) and every workflow step.

    Args:
        insats_id (int):
        period (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HistoryOut | Problem
    """

    return (
        await asyncio_detailed(
            insats_id=insats_id,
            period=period,
            client=client,
        )
    ).parsed
