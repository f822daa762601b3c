from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.created_key import CreatedKey
from ...models.key_in import KeyIn
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: KeyIn,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/keys",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> CreatedKey | Problem | None:
    if response.status_code == 201:
        response_201 = CreatedKey.from_dict(response.json())

        return response_201

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

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
) -> Response[CreatedKey | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: KeyIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CreatedKey | Problem]:
    """Create Key

     Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash, so a retried
    request (same Idempotency-Key) gets the same key with `token` null.

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (KeyIn): An API key to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedKey | Problem]
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
    body: KeyIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CreatedKey | Problem | None:
    """Create Key

     Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash, so a retried
    request (same Idempotency-Key) gets the same key with `token` null.

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (KeyIn): An API key to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedKey | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: KeyIn,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[CreatedKey | Problem]:
    """Create Key

     Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash, so a retried
    request (same Idempotency-Key) gets the same key with `token` null.

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (KeyIn): An API key to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CreatedKey | Problem]
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
    body: KeyIn,
    idempotency_key: None | str | Unset = UNSET,
) -> CreatedKey | Problem | None:
    """Create Key

     Create an API key. Admin keys create any; a förbund key creates reporter keys for its
    own insatser. The token is in this response only; the service keeps a hash, so a retried
    request (same Idempotency-Key) gets the same key with `token` null.

    Args:
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (KeyIn): An API key to create.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CreatedKey | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            idempotency_key=idempotency_key,
        )
    ).parsed
