from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.forbund_in import ForbundIn
from ...models.forbund_out import ForbundOut
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: ForbundIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/forbund",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ForbundOut | Problem | None:
    if response.status_code == 201:
        response_201 = ForbundOut.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ForbundOut | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ForbundIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ForbundOut | Problem]:
    """Create Forbund

     Register a samordningsförbund (admin only).

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (ForbundIn): A samordningsförbund to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbundOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: ForbundIn,
    idempotency_key: None | str | Unset = UNSET,
) -> ForbundOut | Problem | None:
    """Create Forbund

     Register a samordningsförbund (admin only).

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (ForbundIn): A samordningsförbund to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbundOut | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ForbundIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ForbundOut | Problem]:
    """Create Forbund

     Register a samordningsförbund (admin only).

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (ForbundIn): A samordningsförbund to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ForbundOut | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ForbundIn,
    idempotency_key: None | str | Unset = UNSET,
) -> ForbundOut | Problem | None:
    """Create Forbund

     Register a samordningsförbund (admin only).

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (ForbundIn): A samordningsförbund to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ForbundOut | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
