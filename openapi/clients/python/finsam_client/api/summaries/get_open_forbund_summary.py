from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbund_summary import ForbundSummary
from ...models.problem import Problem
from ...types import UNSET, Response


def _get_kwargs(
    code: str,
    *,
    period: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/open/forbund/{code}/summary".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbundSummary | Problem | None:
    if response.status_code == 200:
        response_200 = ForbundSummary.from_dict(response.json())

        return response_200

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
) -> Response[ForbundSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    period: str,
) -> Response[ForbundSummary | Problem]:
    """Open Forbund Summary

     A förbund's summary for anyone, no token, from the latest release of the year: exactly
    its row of the open national summary, so that no two open tables undo each other.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbundSummary | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        period=period,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    period: str,
) -> ForbundSummary | Problem | None:
    """Open Forbund Summary

     A förbund's summary for anyone, no token, from the latest release of the year: exactly
    its row of the open national summary, so that no two open tables undo each other.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbundSummary | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        period=period,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    period: str,
) -> Response[ForbundSummary | Problem]:
    """Open Forbund Summary

     A förbund's summary for anyone, no token, from the latest release of the year: exactly
    its row of the open national summary, so that no two open tables undo each other.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbundSummary | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        period=period,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient | Client,
    period: str,
) -> ForbundSummary | Problem | None:
    """Open Forbund Summary

     A förbund's summary for anyone, no token, from the latest release of the year: exactly
    its row of the open national summary, so that no two open tables undo each other.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbundSummary | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            period=period,
        )
    ).parsed
