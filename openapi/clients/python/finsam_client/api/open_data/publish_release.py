from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.job_out import JobOut
from ...models.problem import Problem
from ...models.release_in import ReleaseIn
from ...types import Response


def _get_kwargs(
    *,
    body: ReleaseIn,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/releases",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> JobOut | Problem | None:
    if response.status_code == 202:
        response_202 = JobOut.from_dict(response.json())

        return response_202

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[JobOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
) -> Response[JobOut | Problem]:
    """Publish

     Publicera: make the year's open data from approved reports of closed periods, protect
    every open table together, and store it as the year's next version. Protecting a whole
    country takes minutes, so this answers `202` at once with a job; `GET` its `Location`
    until `state` is `done`: `result.version` is the version, `result.created` false when
    nothing published would change (the latest version answers).

    Args:
        body (ReleaseIn): Publish a calendar year's open data as its next version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
) -> JobOut | Problem | None:
    """Publish

     Publicera: make the year's open data from approved reports of closed periods, protect
    every open table together, and store it as the year's next version. Protecting a whole
    country takes minutes, so this answers `202` at once with a job; `GET` its `Location`
    until `state` is `done`: `result.version` is the version, `result.created` false when
    nothing published would change (the latest version answers).

    Args:
        body (ReleaseIn): Publish a calendar year's open data as its next version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
) -> Response[JobOut | Problem]:
    """Publish

     Publicera: make the year's open data from approved reports of closed periods, protect
    every open table together, and store it as the year's next version. Protecting a whole
    country takes minutes, so this answers `202` at once with a job; `GET` its `Location`
    until `state` is `done`: `result.version` is the version, `result.created` false when
    nothing published would change (the latest version answers).

    Args:
        body (ReleaseIn): Publish a calendar year's open data as its next version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[JobOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ReleaseIn,
) -> JobOut | Problem | None:
    """Publish

     Publicera: make the year's open data from approved reports of closed periods, protect
    every open table together, and store it as the year's next version. Protecting a whole
    country takes minutes, so this answers `202` at once with a job; `GET` its `Location`
    until `state` is `done`: `result.version` is the version, `result.created` false when
    nothing published would change (the latest version answers).

    Args:
        body (ReleaseIn): Publish a calendar year's open data as its next version.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        JobOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
