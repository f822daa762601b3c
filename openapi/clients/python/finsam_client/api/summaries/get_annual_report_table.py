from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.annual_table import AnnualTable
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    period: str,
    approved_only: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params["approved_only"] = approved_only

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/forbund/{code}/table".format(
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AnnualTable | Problem | None:
    if response.status_code == 200:
        response_200 = AnnualTable.from_dict(response.json())

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

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

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
) -> Response[AnnualTable | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    period: str,
    approved_only: bool | Unset = False,
) -> Response[AnnualTable | Problem]:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row; "ej aktuellt" where a
    measure does not apply (null in JSON).

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnualTable | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        period=period,
        approved_only=approved_only,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    code: str,
    *,
    client: AuthenticatedClient,
    period: str,
    approved_only: bool | Unset = False,
) -> AnnualTable | Problem | None:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row; "ej aktuellt" where a
    measure does not apply (null in JSON).

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnualTable | Problem
    """

    return sync_detailed(
        code=code,
        client=client,
        period=period,
        approved_only=approved_only,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    period: str,
    approved_only: bool | Unset = False,
) -> Response[AnnualTable | Problem]:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row; "ej aktuellt" where a
    measure does not apply (null in JSON).

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AnnualTable | Problem]
    """

    kwargs = _get_kwargs(
        code=code,
        period=period,
        approved_only=approved_only,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    period: str,
    approved_only: bool | Unset = False,
) -> AnnualTable | Problem | None:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row; "ej aktuellt" where a
    measure does not apply (null in JSON).

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AnnualTable | Problem
    """

    return (
        await asyncio_detailed(
            code=code,
            client=client,
            period=period,
            approved_only=approved_only,
        )
    ).parsed
