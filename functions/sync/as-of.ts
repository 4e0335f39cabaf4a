/**
 * The plan as it stood at a moment (GET /plans/{plan}/rollups?asOf=): its rows rebuilt from the
 * change log — per row the last version made by then, later versions ignored, rows deleted by then
 * left out — and then the very report today's /rollups computes (reportOfLiveRows over those rows).
 */
import type { ReportJson } from "#core/report/index.ts";
import { rowId, type StoredRow, type StoredVersion, type SyncStore } from "../store/store.ts";
import { boundReport, type BoundedReport } from "./rollups-budget.ts";
import { reportOfLiveRows } from "./rollups.ts";

/** Each row as it stood at `atMs` (tombstones included, as listRows gives them), from versions in log order. */
export function rowsAt(versions: readonly StoredVersion[], atMs: number): StoredRow[] {
  const rows = new Map<string, StoredRow>();
  for (const v of versions) {
    // Versions of one row come in version order (each is written after the one it replaces).
    if (Date.parse(v.updatedAt) > atMs) continue;
    rows.set(rowId(v.entity, v.key), {
      entity: v.entity,
      key: v.key,
      version: v.version,
      values: v.values,
      deleted: v.deleted,
      updatedAt: v.updatedAt,
      updatedBy: v.updatedBy,
      // No write is made from these rows; the hash is only for conflict checks.
      hash: "",
    });
  }
  return [...rows.values()];
}

/** The report (SPEC §10 shape, `asOf` set) of the plan as it stood at `asOfMs`. */
export async function planRollupsAsOf(
  store: SyncStore,
  plan: string,
  asOfMs: number,
  locale: "it" | "en",
): Promise<BoundedReport> {
  const rows = rowsAt(await store.logUntil(plan, asOfMs), asOfMs);
  return boundReport(await reportOfRows(rows, plan, asOfMs, locale));
}

/** The report of a set of rows as of a moment: dormancy is judged on that day, not today. */
export async function reportOfRows(
  rows: readonly StoredRow[],
  plan: string,
  atMs: number,
  locale: "it" | "en",
): Promise<ReportJson> {
  const at = new Date(atMs).toISOString();
  // Tombstones are rows deleted by then: the report, like today's, reads live rows only.
  const report = reportOfLiveRows(rows.filter((r) => !r.deleted), plan, locale, at.slice(0, 10));
  return { ...report, asOf: at };
}
