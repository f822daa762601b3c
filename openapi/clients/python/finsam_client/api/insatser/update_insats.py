from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.insats_out import InsatsOut
from ...models.insats_patch import InsatsPatch
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    insats_id: int,
    *,
    body: InsatsPatch,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/api/v1/insatser/{insats_id}".format(
            insats_id=quote(str(insats_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> InsatsOut | Problem | None:
    if response.status_code == 200:
        response_200 = InsatsOut.from_dict(response.json())

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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[InsatsOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    insats_id: int,
    *,
    client: AuthenticatedClient,
    body: InsatsPatch,
) -> Response[InsatsOut | Problem]:
    """Update Insats

     Change an insats: its name, owner, target group, end date, or the measures that do not
    apply to it (`not_applicable`). Only the fields sent change. An end date that would leave
    stored reports after it is refused (422).

    Args:
        insats_id (int):
        body (InsatsPatch): Changes to an insats: only the fields sent change. An insats that ends
            gets its
            `end_date`; one that would leave stored reports outside its lifetime is refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsatsOut | Problem]
    """

    kwargs = _get_kwargs(
        insats_id=insats_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    insats_id: int,
    *,
    client: AuthenticatedClient,
    body: InsatsPatch,
) -> InsatsOut | Problem | None:
    """Update Insats

     Change an insats: its name, owner, target group, end date, or the measures that do not
    apply to it (`not_applicable`). Only the fields sent change. An end date that would leave
    stored reports after it is refused (422).

    Args:
        insats_id (int):
        body (InsatsPatch): Changes to an insats: only the fields sent change. An insats that ends
            gets its
            `end_date`; one that would leave stored reports outside its lifetime is refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsatsOut | Problem
    """

    return sync_detailed(
        insats_id=insats_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    insats_id: int,
    *,
    client: AuthenticatedClient,
    body: InsatsPatch,
) -> Response[InsatsOut | Problem]:
    """Update Insats

     Change an insats: its name, owner, target group, end date, or the measures that do not
    apply to it (`not_applicable`). Only the fields sent change. An end date that would leave
    stored reports after it is refused (422).

    Args:
        insats_id (int):
        body (InsatsPatch): Changes to an insats: only the fields sent change. An insats that ends
            gets its
            `end_date`; one that would leave stored reports outside its lifetime is refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InsatsOut | Problem]
    """

    kwargs = _get_kwargs(
        insats_id=insats_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    insats_id: int,
    *,
    client: AuthenticatedClient,
    body: InsatsPatch,
) -> InsatsOut | Problem | None:
    """Update Insats

     Change an insats: its name, owner, target group, end date, or the measures that do not
    apply to it (`not_applicable`). Only the fields sent change. An end date that would leave
    stored reports after it is refused (422).

    Args:
        insats_id (int):
        body (InsatsPatch): Changes to an insats: only the fields sent change. An insats that ends
            gets its
            `end_date`; one that would leave stored reports outside its lifetime is refused.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InsatsOut | Problem
    """

    return (
        await asyncio_detailed(
            insats_id=insats_id,
            client=client,
            body=body,
        )
    ).parsed
