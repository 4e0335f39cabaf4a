/**
 * What moved between two moments (GET /plans/{plan}/movement): the plan rebuilt at each moment
 * from one checkpoint serving the earlier moment and one read of the log after it up to the later
 * (sync/live-rows.ts), both reported by the core, then diffed (core/report/movement.ts). Each
 * entry says who last changed the project's row, and when.
 */
import { diffReports, type LastChange, type MovementJson } from "#core/report/movement.ts";
import { envelopeBytes, RESPONSE_BUDGET_BYTES } from "../payload-bytes.ts";
import type { SyncStore } from "../store/store.ts";
import { reportAt } from "./as-of.ts";
import { rebuild } from "./live-rows.ts";

export async function planMovement(
  store: SyncStore,
  plan: string,
  fromMs: number,
  toMs: number,
  locale: "it" | "en",
  maxBytes: number = RESPONSE_BUDGET_BYTES,
): Promise<MovementJson> {
  const base = await store.checkpoint(plan, fromMs);
  const tail = await store.readLog(plan, base?.seq ?? 0, toMs);
  const before = reportAt(rebuild(base, tail, fromMs).rows, plan, fromMs, locale);
  const later = rebuild(base, tail, toMs);
  if (later.next) await store.putCheckpoint(plan, later.next);
  const after = reportAt(later.rows, plan, toMs, locale);
  const last = new Map<string, LastChange>();
  for (const { version: v } of tail) {
    if (!v) continue;
    const at = Date.parse(v.updatedAt);
    if (v.entity === "project" && at > fromMs && at <= toMs) last.set(v.key, { at: v.updatedAt, by: v.updatedBy });
  }
  const entries = diffReports(before, after, last);
  // Within Lambda's response limit: entries in order until the budget is spent, the rest counted.
  let bytes = 0;
  let shown = 0;
  while (shown < entries.length) {
    const size = envelopeBytes(entries[shown]);
    if (bytes + size > maxBytes) break;
    bytes += size;
    shown++;
  }
  return {
    schema: 1,
    plan,
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
    projects: entries.slice(0, shown),
    ...(shown < entries.length ? { omitted: entries.length - shown } : {}),
  };
}
