from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_release_format_type_0 import GetReleaseFormatType0
from ...models.group_by import GroupBy
from ...models.national_release import NationalRelease
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    year: int,
    *,
    version: int | None | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: GetReleaseFormatType0 | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_version: int | None | Unset
    if isinstance(version, Unset):
        json_version = UNSET
    else:
        json_version = version
    params["version"] = json_version

    json_group_by: str | Unset = UNSET
    if not isinstance(group_by, Unset):
        json_group_by = group_by.value

    params["group_by"] = json_group_by

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, GetReleaseFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/open/releases/{year}".format(
            year=quote(str(year), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> NationalRelease | Problem | None:
    if response.status_code == 200:
        response_200 = NationalRelease.from_dict(response.json())

        return response_200

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
) -> Response[NationalRelease | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: GetReleaseFormatType0 | None | Unset = UNSET,
) -> Response[NationalRelease | Problem]:
    """Get Release

     A year's release (the latest version unless `version=`): the national table with a row
    per förbund or län, protected at publication; hidden counts are null and named in
    `suppressed`. JSON, or CSV by `format=csv` or `Accept`.

    Args:
        year (int): År.
        version (int | None | Unset): Version; the latest when left out.
        group_by (GroupBy | Unset): The middle level of a roll-up.
        format_ (GetReleaseFormatType0 | None | Unset): Format: `json` or `csv`; when given,
            `Accept` is not consulted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalRelease | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        version=version,
        group_by=group_by,
        format_=format_,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: GetReleaseFormatType0 | None | Unset = UNSET,
) -> NationalRelease | Problem | None:
    """Get Release

     A year's release (the latest version unless `version=`): the national table with a row
    per förbund or län, protected at publication; hidden counts are null and named in
    `suppressed`. JSON, or CSV by `format=csv` or `Accept`.

    Args:
        year (int): År.
        version (int | None | Unset): Version; the latest when left out.
        group_by (GroupBy | Unset): The middle level of a roll-up.
        format_ (GetReleaseFormatType0 | None | Unset): Format: `json` or `csv`; when given,
            `Accept` is not consulted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalRelease | Problem
    """

    return sync_detailed(
        year=year,
        client=client,
        version=version,
        group_by=group_by,
        format_=format_,
    ).parsed


async def asyncio_detailed(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: GetReleaseFormatType0 | None | Unset = UNSET,
) -> Response[NationalRelease | Problem]:
    """Get Release

     A year's release (the latest version unless `version=`): the national table with a row
    per förbund or län, protected at publication; hidden counts are null and named in
    `suppressed`. JSON, or CSV by `format=csv` or `Accept`.

    Args:
        year (int): År.
        version (int | None | Unset): Version; the latest when left out.
        group_by (GroupBy | Unset): The middle level of a roll-up.
        format_ (GetReleaseFormatType0 | None | Unset): Format: `json` or `csv`; when given,
            `Accept` is not consulted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[NationalRelease | Problem]
    """

    kwargs = _get_kwargs(
        year=year,
        version=version,
        group_by=group_by,
        format_=format_,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    year: int,
    *,
    client: AuthenticatedClient | Client,
    version: int | None | Unset = UNSET,
    group_by: GroupBy | Unset = UNSET,
    format_: GetReleaseFormatType0 | None | Unset = UNSET,
) -> NationalRelease | Problem | None:
    """Get Release

     A year's release (the latest version unless `version=`): the national table with a row
    per förbund or län, protected at publication; hidden counts are null and named in
    `suppressed`. JSON, or CSV by `format=csv` or `Accept`.

    Args:
        year (int): År.
        version (int | None | Unset): Version; the latest when left out.
        group_by (GroupBy | Unset): The middle level of a roll-up.
        format_ (GetReleaseFormatType0 | None | Unset): Format: `json` or `csv`; when given,
            `Accept` is not consulted.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        NationalRelease | Problem
    """

    return (
        await asyncio_detailed(
            year=year,
            client=client,
            version=version,
            group_by=group_by,
            format_=format_,
        )
    ).parsed
