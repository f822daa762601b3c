from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbund_release import ForbundRelease
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    year: int,
    code: str,
    *,
    version: int | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/open/releases/{year}/forbund/{code}".format(
            year=quote(str(year), safe=""),
            code=quote(str(code), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ForbundRelease | Problem | None:
    if response.status_code == 200:
        response_200 = ForbundRelease.from_dict(response.json())

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
) -> Response[ForbundRelease | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> Response[ForbundRelease | Problem]:
    """Get Forbund Release

     A förbund's own open summary in a year's release: exactly its national row.

    Args:
        year (int): År.
        code (str):
        version (int | None | Unset): Version; the latest when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbundRelease | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        code=code,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> ForbundRelease | Problem | None:
    """Get Forbund Release

     A förbund's own open summary in a year's release: exactly its national row.

    Args:
        year (int): År.
        code (str):
        version (int | None | Unset): Version; the latest when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbundRelease | Problem
    """

    return sync_detailed(
        year=year,
        code=code,
        client=client,
        version=version,
    ).parsed


async def asyncio_detailed(
    year: int,
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> Response[ForbundRelease | Problem]:
    """Get Forbund Release

     A förbund's own open summary in a year's release: exactly its national row.

    Args:
        year (int): År.
        code (str):
        version (int | None | Unset): Version; the latest when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbundRelease | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        code=code,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    code: str,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
) -> ForbundRelease | Problem | None:
    """Get Forbund Release

     A förbund's own open summary in a year's release: exactly its national row.

    Args:
        year (int): År.
        code (str):
        version (int | None | Unset): Version; the latest when left out.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbundRelease | Problem
    """

    return (
        await asyncio_detailed(
            year=year,
            code=code,
            client=client,
            version=version,
        )
    ).parsed
