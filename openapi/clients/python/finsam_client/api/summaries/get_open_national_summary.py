from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.group_by import GroupBy
from ...models.national_summary import NationalSummary
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    period: str,
    group_by: GroupBy | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/open/national/summary",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NationalSummary | Problem | None:
    if response.status_code == 200:
        response_200 = NationalSummary.from_dict(response.json())

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
) -> Response[NationalSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: str,
    group_by: GroupBy | Unset = UNSET,
) -> Response[NationalSummary | Problem]:
    """Open National Summary

     The national summary for a calendar year, for anyone, no token: the latest published
    release of the year (`/api/v1/open/releases/{year}`), protected when it was published;
    hidden counts are null and named in `suppressed` (docs/disclosure.md).

    Args:
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        group_by (GroupBy | Unset): The middle level of a roll-up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalSummary | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        group_by=group_by,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    period: str,
    group_by: GroupBy | Unset = UNSET,
) -> NationalSummary | Problem | None:
    """Open National Summary

     The national summary for a calendar year, for anyone, no token: the latest published
    release of the year (`/api/v1/open/releases/{year}`), protected when it was published;
    hidden counts are null and named in `suppressed` (docs/disclosure.md).

    Args:
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        group_by (GroupBy | Unset): The middle level of a roll-up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalSummary | Problem
    """

    return sync_detailed(
        client=client,
        period=period,
        group_by=group_by,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    period: str,
    group_by: GroupBy | Unset = UNSET,
) -> Response[NationalSummary | Problem]:
    """Open National Summary

     The national summary for a calendar year, for anyone, no token: the latest published
    release of the year (`/api/v1/open/releases/{year}`), protected when it was published;
    hidden counts are null and named in `suppressed` (docs/disclosure.md).

    Args:
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        group_by (GroupBy | Unset): The middle level of a roll-up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalSummary | Problem]
    """

    kwargs = _get_kwargs(
        period=period,
        group_by=group_by,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    period: str,
    group_by: GroupBy | Unset = UNSET,
) -> NationalSummary | Problem | None:
    """Open National Summary

     The national summary for a calendar year, for anyone, no token: the latest published
    release of the year (`/api/v1/open/releases/{year}`), protected when it was published;
    hidden counts are null and named in `suppressed` (docs/disclosure.md).

    Args:
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        group_by (GroupBy | Unset): The middle level of a roll-up.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            period=period,
            group_by=group_by,
        )
    ).parsed
