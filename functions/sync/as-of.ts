/**
 * The plan as it stood at a moment (GET /plans/{plan}/rollups?asOf=): its rows rebuilt from the
 * newest checkpoint serving that moment and the change log after it (sync/live-rows.ts) — per row
 * the last version made by then, later versions ignored, rows deleted by then left out — and then
 * the very report today's /rollups computes (reportOfLiveRows over those rows).
 */
import type { ReportJson } from "#core/report/index.ts";
import type { LiveRow, SyncStore } from "../store/store.ts";
import { planRowsAt } from "./live-rows.ts";
import { boundReport, type BoundedReport } from "./rollups-budget.ts";
import { reportOfLiveRows } from "./rollups.ts";

/** The report (SPEC §10 shape, `asOf` set) of the plan as it stood at `asOfMs`. */
export async function planRollupsAsOf(
  store: SyncStore,
  plan: string,
  asOfMs: number,
  locale: "it" | "en",
): Promise<BoundedReport> {
  const rows = await planRowsAt(store, plan, asOfMs);
  return boundReport(reportAt(rows, plan, asOfMs, locale));
}

/** The whole report of live rows as of a moment: dormancy is judged on that day, not today. */
export function reportAt(rows: readonly LiveRow[], plan: string, atMs: number, locale: "it" | "en"): ReportJson {
  const at = new Date(atMs).toISOString();
  return { ...reportOfLiveRows(rows, plan, locale, at.slice(0, 10)), asOf: at };
}
