/**
 * The main flow through the client against a real `finsam serve`: compiled by tsc and run by
 * node from tests/clients/test_typescript_client.py, which checks what `run` returns.
 */

import { createFinsamClient, importReportsCsv, type ReportIn } from "../src/index.js";

export async function run(baseUrl: string, token: string, code: string) {
  const finsam = createFinsamClient({ baseUrl, token });

  const forbund = await finsam.POST("/api/v1/forbund", {
    body: { code, name: "Samordningsförbundet TS", lan: "Jämtlands län", kommuner: ["Östersund"] },
  });
  const insats = await finsam.POST("/api/v1/forbund/{code}/insatser", {
    params: { path: { code } },
    body: { name: "Psykolog", kind: "individual", owner: "Region", start_date: "2021-01-01" },
  });
  if (!insats.data) throw new Error(`no insats: ${insats.response.status}`);
  const path = { insats_id: insats.data.id, period: "2022" };
  const report = (volume_contacts: number): ReportIn => ({
    participants: { women: 0, men: 0, unspecified: 376 },
    volume_contacts,
    outcomes: { work: { women: 0, men: 0, unspecified: 111 } },
  });

  const created = await finsam.PUT("/api/v1/insatser/{insats_id}/reports/{period}", {
    params: { path },
    body: report(600),
  });
  const stale = created.response.headers.get("ETag");
  const changed = await finsam.PUT("/api/v1/insatser/{insats_id}/reports/{period}", {
    params: { path, header: { "if-match": stale } },
    body: report(601),
  });
  const refused = await finsam.PUT("/api/v1/insatser/{insats_id}/reports/{period}", {
    params: { path, header: { "if-match": stale } },
    body: report(602),
  });
  const invalid = await finsam.PUT("/api/v1/insatser/{insats_id}/reports/{period}", {
    params: { path: { ...path, period: "2023" } },
    body: { participants: { women: -1, men: 10 } },
  });
  const summary = await finsam.GET("/api/v1/forbund/{code}/summary", {
    params: { path: { code }, query: { period: "2022" } },
  });
  const csv = `insats_id;period;volume_contacts\r\n${path.insats_id};2023H1;7\r\n`;
  const imported = await importReportsCsv(finsam, csv, { query: { dry_run: true } });
  const anonymous = await createFinsamClient({ baseUrl }).GET("/api/v1/forbund");

  return {
    forbund: forbund.response.status,
    created: [created.response.status, created.data?.revision],
    changed: [changed.response.status, changed.data?.revision],
    refused: [refused.response.status, refused.error],
    invalid: [invalid.response.status, invalid.error],
    participants: summary.data?.measures.participants?.total,
    volumeContacts: summary.data?.measures.volume_contacts?.total,
    imported: [imported.response.status, imported.data?.dry_run, imported.data?.created],
    anonymous: anonymous.response.status,
  };
}
