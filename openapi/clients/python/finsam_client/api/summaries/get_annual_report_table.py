from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.annual_table import AnnualTable
from ...models.get_annual_report_table_format_type_0 import GetAnnualReportTableFormatType0
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    code: str,
    *,
    period: str,
    approved_only: bool | Unset = False,
    format_: GetAnnualReportTableFormatType0 | None | Unset = UNSET,
    columns: None | str | Unset = UNSET,
    compare: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["period"] = period

    params["approved_only"] = approved_only

    json_format_: None | str | Unset
    if isinstance(format_, Unset):
        json_format_ = UNSET
    elif isinstance(format_, GetAnnualReportTableFormatType0):
        json_format_ = format_.value
    else:
        json_format_ = format_
    params["format"] = json_format_

    json_columns: None | str | Unset
    if isinstance(columns, Unset):
        json_columns = UNSET
    else:
        json_columns = columns
    params["columns"] = json_columns

    json_compare: None | str | Unset
    if isinstance(compare, Unset):
        json_compare = UNSET
    else:
        json_compare = compare
    params["compare"] = json_compare

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
    format_: GetAnnualReportTableFormatType0 | None | Unset = UNSET,
    columns: None | str | Unset = UNSET,
    compare: None | str | Unset = UNSET,
) -> Response[AnnualTable | Problem]:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row, individual and structural
    insatser both. A cell without a number says why: `ej aktuellt` (the measure does not
    apply to the insats), `ej rapporterat` (it applies and was not reported), `ej summerbart`,
    `delperiod saknas`, `ej godkänd`, `kön ej uppdelat`, `inga avslutade` or `ej aktiv`; in
    JSON the figure is null with the reason in the row's `missing`. JSON, CSV or XLSX by
    `format=`, else by `Accept`.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.
        format_ (GetAnnualReportTableFormatType0 | None | Unset): Format: `json`, `csv` or `xlsx`;
            when given, `Accept` is not consulted.
        columns (None | str | Unset): Kolumner: a preset (`standard`, `individual`, `structural`,
            `outcomes`, `all`; default `standard`) or a comma-separated list of column keys (the
            figure fields of a table row, e.g. `participants_total,work_total`), presets and keys
            mixed as you like. CSV and XLSX print these, in this order, after the insats's name.
        compare (None | str | Unset): Jämför med: another period; each figure is followed by that
            period's (JSON: the row's `compare`; CSV and XLSX: a column headed with the period).

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
        format_=format_,
        columns=columns,
        compare=compare,
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
    format_: GetAnnualReportTableFormatType0 | None | Unset = UNSET,
    columns: None | str | Unset = UNSET,
    compare: None | str | Unset = UNSET,
) -> AnnualTable | Problem | None:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row, individual and structural
    insatser both. A cell without a number says why: `ej aktuellt` (the measure does not
    apply to the insats), `ej rapporterat` (it applies and was not reported), `ej summerbart`,
    `delperiod saknas`, `ej godkänd`, `kön ej uppdelat`, `inga avslutade` or `ej aktiv`; in
    JSON the figure is null with the reason in the row's `missing`. JSON, CSV or XLSX by
    `format=`, else by `Accept`.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.
        format_ (GetAnnualReportTableFormatType0 | None | Unset): Format: `json`, `csv` or `xlsx`;
            when given, `Accept` is not consulted.
        columns (None | str | Unset): Kolumner: a preset (`standard`, `individual`, `structural`,
            `outcomes`, `all`; default `standard`) or a comma-separated list of column keys (the
            figure fields of a table row, e.g. `participants_total,work_total`), presets and keys
            mixed as you like. CSV and XLSX print these, in this order, after the insats's name.
        compare (None | str | Unset): Jämför med: another period; each figure is followed by that
            period's (JSON: the row's `compare`; CSV and XLSX: a column headed with the period).

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
        format_=format_,
        columns=columns,
        compare=compare,
    ).parsed


async def asyncio_detailed(
    code: str,
    *,
    client: AuthenticatedClient,
    period: str,
    approved_only: bool | Unset = False,
    format_: GetAnnualReportTableFormatType0 | None | Unset = UNSET,
    columns: None | str | Unset = UNSET,
    compare: None | str | Unset = UNSET,
) -> Response[AnnualTable | Problem]:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row, individual and structural
    insatser both. A cell without a number says why: `ej aktuellt` (the measure does not
    apply to the insats), `ej rapporterat` (it applies and was not reported), `ej summerbart`,
    `delperiod saknas`, `ej godkänd`, `kön ej uppdelat`, `inga avslutade` or `ej aktiv`; in
    JSON the figure is null with the reason in the row's `missing`. JSON, CSV or XLSX by
    `format=`, else by `Accept`.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.
        format_ (GetAnnualReportTableFormatType0 | None | Unset): Format: `json`, `csv` or `xlsx`;
            when given, `Accept` is not consulted.
        columns (None | str | Unset): Kolumner: a preset (`standard`, `individual`, `structural`,
            `outcomes`, `all`; default `standard`) or a comma-separated list of column keys (the
            figure fields of a table row, e.g. `participants_total,work_total`), presets and keys
            mixed as you like. CSV and XLSX print these, in this order, after the insats's name.
        compare (None | str | Unset): Jämför med: another period; each figure is followed by that
            period's (JSON: the row's `compare`; CSV and XLSX: a column headed with the period).

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
        format_=format_,
        columns=columns,
        compare=compare,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    code: str,
    *,
    client: AuthenticatedClient,
    period: str,
    approved_only: bool | Unset = False,
    format_: GetAnnualReportTableFormatType0 | None | Unset = UNSET,
    columns: None | str | Unset = UNSET,
    compare: None | str | Unset = UNSET,
) -> AnnualTable | Problem | None:
    """Annual Table

     Årsredovisningstabell: one row per insats and a total row, individual and structural
    insatser both. A cell without a number says why: `ej aktuellt` (the measure does not
    apply to the insats), `ej rapporterat` (it applies and was not reported), `ej summerbart`,
    `delperiod saknas`, `ej godkänd`, `kön ej uppdelat`, `inga avslutade` or `ej aktiv`; in
    JSON the figure is null with the reason in the row's `missing`. JSON, CSV or XLSX by
    `format=`, else by `Accept`.

    Args:
        code (str):
        period (str): Period: 2023, 2023H1, 2023T2 or 2023Q4.
        approved_only (bool | Unset): Endast godkända: count approved reports only (default: all).
            Default: False.
        format_ (GetAnnualReportTableFormatType0 | None | Unset): Format: `json`, `csv` or `xlsx`;
            when given, `Accept` is not consulted.
        columns (None | str | Unset): Kolumner: a preset (`standard`, `individual`, `structural`,
            `outcomes`, `all`; default `standard`) or a comma-separated list of column keys (the
            figure fields of a table row, e.g. `participants_total,work_total`), presets and keys
            mixed as you like. CSV and XLSX print these, in this order, after the insats's name.
        compare (None | str | Unset): Jämför med: another period; each figure is followed by that
            period's (JSON: the row's `compare`; CSV and XLSX: a column headed with the period).

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
            format_=format_,
            columns=columns,
            compare=compare,
        )
    ).parsed
