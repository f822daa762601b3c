from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.import_problem import ImportProblem
from ...models.import_summary import ImportSummary
from ...models.problem import Problem
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: File,
    dry_run: bool | Unset = False,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["idempotency-key"] = idempotency_key

    params: dict[str, Any] = {}

    params["dry_run"] = dry_run

    params["partial"] = partial

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/imports/csv",
        "params": params,
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "text/csv"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ImportProblem | Problem | ImportSummary | Problem | None:
    if response.status_code == 200:
        response_200 = ImportSummary.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())

        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

    if response.status_code == 422:

        def _parse_response_422(data: object) -> ImportProblem | Problem:
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_422_type_0 = ImportProblem.from_dict(data)

                return response_422_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_422_type_1 = Problem.from_dict(data)

            return response_422_type_1

        response_422 = _parse_response_422(response.json())

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
) -> Response[ImportProblem | Problem | ImportSummary | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = False,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportProblem | Problem | ImportSummary | Problem]:
    """Import Reports Csv

     Import many reports from a CSV file: `text/csv`, UTF-8 (a BOM is fine), `;` or `,`,
    the columns of `GET /api/v1/imports/template.csv`; an empty cell is not reported, never 0.

    The same import as `POST /api/v1/imports`, with the same rules, parameters and summary;
    errors name the line and the column. At most 10,000 rows.

    Args:
        dry_run (bool | Unset): Provkörning: validate every row and count what would be created,
            updated and unchanged, writing nothing. Default: False.
        partial (bool | Unset): Delvis import: store the good rows and report the bad ones.
            Without it, one bad row rejects the whole import and nothing is written. Default: False.
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportProblem | Problem | ImportSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        partial=partial,
        idempotency_key=idempotency_key,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = False,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportProblem | Problem | ImportSummary | Problem | None:
    """Import Reports Csv

     Import many reports from a CSV file: `text/csv`, UTF-8 (a BOM is fine), `;` or `,`,
    the columns of `GET /api/v1/imports/template.csv`; an empty cell is not reported, never 0.

    The same import as `POST /api/v1/imports`, with the same rules, parameters and summary;
    errors name the line and the column. At most 10,000 rows.

    Args:
        dry_run (bool | Unset): Provkörning: validate every row and count what would be created,
            updated and unchanged, writing nothing. Default: False.
        partial (bool | Unset): Delvis import: store the good rows and report the bad ones.
            Without it, one bad row rejects the whole import and nothing is written. Default: False.
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportProblem | Problem | ImportSummary | Problem
    """

    return sync_detailed(
        client=client,
        body=body,
        dry_run=dry_run,
        partial=partial,
        idempotency_key=idempotency_key,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = False,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> Response[ImportProblem | Problem | ImportSummary | Problem]:
    """Import Reports Csv

     Import many reports from a CSV file: `text/csv`, UTF-8 (a BOM is fine), `;` or `,`,
    the columns of `GET /api/v1/imports/template.csv`; an empty cell is not reported, never 0.

    The same import as `POST /api/v1/imports`, with the same rules, parameters and summary;
    errors name the line and the column. At most 10,000 rows.

    Args:
        dry_run (bool | Unset): Provkörning: validate every row and count what would be created,
            updated and unchanged, writing nothing. Default: False.
        partial (bool | Unset): Delvis import: store the good rows and report the bad ones.
            Without it, one bad row rejects the whole import and nothing is written. Default: False.
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ImportProblem | Problem | ImportSummary | Problem]
    """

    kwargs = _get_kwargs(
        body=body,
        dry_run=dry_run,
        partial=partial,
        idempotency_key=idempotency_key,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: File,
    dry_run: bool | Unset = False,
    partial: bool | Unset = False,
    idempotency_key: None | str | Unset = UNSET,
) -> ImportProblem | Problem | ImportSummary | Problem | None:
    """Import Reports Csv

     Import many reports from a CSV file: `text/csv`, UTF-8 (a BOM is fine), `;` or `,`,
    the columns of `GET /api/v1/imports/template.csv`; an empty cell is not reported, never 0.

    The same import as `POST /api/v1/imports`, with the same rules, parameters and summary;
    errors name the line and the column. At most 10,000 rows.

    Args:
        dry_run (bool | Unset): Provkörning: validate every row and count what would be created,
            updated and unchanged, writing nothing. Default: False.
        partial (bool | Unset): Delvis import: store the good rows and report the bad ones.
            Without it, one bad row rejects the whole import and nothing is written. Default: False.
        idempotency_key (None | str | Unset): A key of your choice (e.g. a UUID; 1 to 200
            printable ASCII characters): a retry with the same key and body returns the first
            response; the same key with another body is a 422.
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ImportProblem | Problem | ImportSummary | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dry_run=dry_run,
            partial=partial,
            idempotency_key=idempotency_key,
        )
    ).parsed
