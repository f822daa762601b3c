/**
 * A typed client for the finsam API.
 *
 * `schema.d.ts` is generated from `openapi/openapi.json` by openapi-typescript (run
 * `scripts/generate_clients.py`; never edit it by hand). Requests go through openapi-fetch,
 * so every path, parameter, body and response is checked by the compiler:
 *
 * ```ts
 * const finsam = createFinsamClient({ baseUrl: "https://finsam.example.se", token });
 * const { data, error, response } = await finsam.GET("/api/v1/forbund/{code}/summary", {
 *   params: { path: { code: "sundsvall" }, query: { period: "2023" } },
 * });
 * ```
 */

import createClient, { type Client, type ClientOptions } from "openapi-fetch";

import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

/** Every schema of the API by name, e.g. `Schemas["ReportIn"]`. */
export type Schemas = components["schemas"];
export type ForbundIn = Schemas["ForbundIn"];
export type ForbundOut = Schemas["ForbundOut"];
export type InsatsIn = Schemas["InsatsIn"];
export type InsatsOut = Schemas["InsatsOut"];
export type ReportIn = Schemas["ReportIn"];
export type ReportOut = Schemas["ReportOut"];
export type ForbundSummary = Schemas["ForbundSummary"];
export type NationalSummary = Schemas["NationalSummary"];
export type ImportIn = operations["importReports"]["requestBody"]["content"]["application/json"];
export type ImportSummary = Schemas["ImportSummary"];
export type ImportProblem = Schemas["ImportProblem"];
/** Every error is `application/problem+json` (RFC 9457) of this shape. */
export type Problem = Schemas["Problem"];
export type FieldError = Schemas["FieldError"];

export type FinsamClient = Client<paths>;

export interface FinsamClientOptions extends ClientOptions {
  /** Where the service runs, without `/api/v1`: the paths carry it, e.g. `https://finsam.example.se`. */
  baseUrl: string;
  /**
   * An API key (`fsk_...`) or the admin token, sent as `Authorization: Bearer`. Leave it out
   * for `/health`, `/ready` and `/api/v1/open/...`, which need none.
   */
  token?: string;
}

/** A client for every operation of the API, with the token on every request. */
export function createFinsamClient({ token, ...options }: FinsamClientOptions): FinsamClient {
  const client = createClient<paths>(options);
  if (token !== undefined) {
    const authorization = `Bearer ${token}`;
    client.use({
      onRequest({ request }) {
        request.headers.set("Authorization", authorization);
        return request;
      },
    });
  }
  return client;
}

export type ImportQuery = NonNullable<operations["importReportsCsv"]["parameters"]["query"]>;

export interface ImportCsvOptions {
  /** `dry_run` (validate, write nothing) and `partial` (keep the good rows). */
  query?: ImportQuery;
  /** Sent as `Idempotency-Key`: a retry with the same key and file gets the first answer. */
  idempotencyKey?: string;
}

/**
 * Import a CSV file (`POST /api/v1/imports/csv`): the columns of
 * `GET /api/v1/imports/template.csv`, UTF-8, `;` or `,`. The text is sent as it is, as
 * `text/csv`, not as JSON. `data` is the summary; `error` the problem (422: every bad row).
 */
export function importReportsCsv(
  client: FinsamClient,
  csv: string,
  { query, idempotencyKey }: ImportCsvOptions = {},
) {
  return client.POST("/api/v1/imports/csv", {
    params: {
      query,
      header: idempotencyKey === undefined ? undefined : { "idempotency-key": idempotencyKey },
    },
    body: csv,
    bodySerializer: (body) => body,
    headers: { "Content-Type": "text/csv; charset=utf-8" },
  });
}
