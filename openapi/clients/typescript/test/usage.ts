/**
 * Compiled by `tsc --noEmit` (tests/clients), never run: calls written against the client, so
 * that a change of the schema that breaks callers fails the type check. The
 * `@ts-expect-error` lines prove that the compiler refuses what the API refuses.
 */

import {
  createFinsamClient,
  importReportsCsv,
  type ForbundSummary,
  type ImportSummary,
  type Problem,
  type ReportIn,
} from "../src/index.js";

export async function typedCalls(baseUrl: string, token: string): Promise<void> {
  const finsam = createFinsamClient({ baseUrl, token });
  const path = { insats_id: 1, period: "2022" };
  const report: ReportIn = {
    participants: { women: 0, men: 0, unspecified: 376 },
    volume_contacts: 600,
    outcomes: { work: { women: 0, men: 0, unspecified: 111 } },
  };

  const put = await finsam.PUT("/api/v1/insatser/{insats_id}/reports/{period}", {
    params: { path },
    body: report,
  });
  const revision: number | undefined = put.data?.revision;
  const etag: string | null = put.response.headers.get("ETag");
  await finsam.PUT("/api/v1/insatser/{insats_id}/reports/{period}", {
    params: { path, header: { "if-match": etag } },
    body: { ...report, volume_contacts: 601 },
  });

  const summary = await finsam.GET("/api/v1/forbund/{code}/summary", {
    params: { path: { code: "sundsvall" }, query: { period: "2022", compare: "2021" } },
  });
  const figures: ForbundSummary | undefined = summary.data;
  const participants: number | null | undefined = figures?.measures.participants?.total;

  const imported = await importReportsCsv(finsam, "insats_id;period;volume_contacts\n1;2023;7\n", {
    query: { dry_run: true },
    idempotencyKey: "import-2023",
  });
  const counts: ImportSummary | undefined = imported.data;

  const anonymous = createFinsamClient({ baseUrl });
  await anonymous.GET("/api/v1/open/national/summary", { params: { query: { period: "2022" } } });

  // @ts-expect-error: a report has no such field
  const misspelt: ReportIn = { participantz: { women: 1, men: 1 } };
  // @ts-expect-error: the period is required
  await finsam.GET("/api/v1/forbund/{code}/summary", { params: { path: { code: "sundsvall" } } });
  // @ts-expect-error: no such path
  await finsam.GET("/api/v1/forbunds");

  const problem: Problem = {
    type: "urn:finsam:problem:validation-failed",
    code: "validation-failed",
    title: "Validation failed",
    status: 422,
    errors: [{ loc: ["body", "participants", "women"], msg: "must be at least 0" }],
  };
  void [revision, participants, counts, misspelt, problem];
}
