/**
 * Push, pull, conflict resolution and restore, as plain async functions over the workbook host and
 * the API client (no React), so the Sync panel stays a view and the steps can be tested alone.
 * The sync state (plan, cursor, per-row version and hash) lives in the workbook (SPEC §9).
 */
import type { EntityKind } from "#core/model.ts";
import { nextBase } from "#core/sync/base.ts";
import { pushWorkbook } from "#core/sync/engine.ts";
import type { WithheldDeletions } from "#core/sync/outgoing.ts";
import { sendChunks } from "#core/sync/send-chunks.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { CurrentRow, PushRow, RowResult, RowValues } from "#core/sync/protocol.ts";
import type { ApiClient } from "#addin/api/client.ts";
import type { Analysis } from "../analysis.ts";
import type { WorkbookHost } from "../services.ts";
import { localRows } from "./local-rows.ts";
import { ADDIN_PUSH_BUDGET } from "./push-chunks.ts";
import { apiTransport } from "./push-transport.ts";
import { writeRowIntoSheet } from "./write-cloud-row.ts";

export { applyPull, previewPull } from "./pull.ts";
export type { PullApplied, PullItem, PullPreview } from "./pull.ts";
export { PUSH_CHUNK, PUSH_CHUNK_BYTES } from "./push-chunks.ts";

/** The workbook operations sync needs (the task pane's host has them all). */
export type SyncHost = WorkbookHost;

/** A conflict: my row as sent and the cloud's current copy. */
export interface Conflict {
  entity: EntityKind;
  key: string;
  mine: PushRow;
  cloud: CurrentRow;
}

export interface PushOutcome {
  results: RowResult[];
  conflicts: Conflict[];
  /** Rows held back because they have errors. */
  held: number;
  /** Rows sent. */
  sent: number;
  /** Deletions not sent because the workbook could not show the rows (to tell the user). */
  withheld: WithheldDeletions[];
}

function newIdempotencyKey(): string {
  return `addin-${crypto.randomUUID()}`;
}

/** The current wire values of every syncable row of the analysed workbook, by state key (first row of a key). */
export function currentValues(analysis: Analysis): Map<string, RowValues> {
  return localRows(analysis.plan).values;
}

/**
 * Pushes the workbook through the core's sync engine (`pushWorkbook`: the push rule, chunks by
 * rows and bytes, one retry policy, next base by key with adoption) over the API, with progress
 * per chunk, then records the new base in the workbook's sync sheet — once, whatever the row
 * count (a constant number of Excel round trips), and also after a failed chunk: the chunks
 * already applied are recorded, so a retry resumes after them.
 */
export async function push(
  host: SyncHost,
  api: ApiClient,
  analysis: Analysis,
  state: SyncState,
  onProgress: (done: number, total: number) => void,
): Promise<PushOutcome> {
  if (analysis.snapshot.locale !== undefined) state.locale = analysis.snapshot.locale;
  const run = await pushWorkbook({
    plan: analysis.plan,
    sheetKinds: analysis.recognized.map((s) => s.kind),
    base: state,
    budget: ADDIN_PUSH_BUDGET,
    transport: apiTransport(api, state.planId),
    keyOf: newIdempotencyKey,
    onProgress,
  });
  state.rows = run.state.rows;
  if (run.results.length > 0) await host.writeSyncState(state);
  if (run.failure !== undefined) throw run.failure;
  const conflicts: Conflict[] = run.conflicts.flatMap(({ row, current }) =>
    current === undefined ? [] : [{ entity: row.entity, key: row.key, mine: row, cloud: current }],
  );
  return { results: run.results, conflicts, held: run.held.length, sent: run.outgoing.length, withheld: run.withheld };
}

/**
 * Whether a Keep-mine answer settled the conflict: applied or unchanged, with a version. Anything
 * else (invalid, no answer) leaves the conflict open and the sync state as it was.
 */
export function keepMineSettled(result: RowResult | undefined): result is RowResult & { version: number } {
  return (
    result !== undefined &&
    (result.status === "applied" || result.status === "unchanged") &&
    result.version !== undefined
  );
}

/** Keep mine: push my row again on top of the cloud's current version (the engine's retry policy). */
export async function keepMine(
  host: SyncHost,
  api: ApiClient,
  state: SyncState,
  conflict: Conflict,
): Promise<RowResult | undefined> {
  const row: PushRow = { ...conflict.mine, baseVersion: conflict.cloud.version };
  const sent = await sendChunks([[row]], { transport: apiTransport(api, state.planId), keyOf: newIdempotencyKey });
  if (sent.failure !== undefined) throw sent.failure;
  const result = sent.results.find((r) => stateKey(r.entity, r.key) === stateKey(row.entity, row.key));
  if (keepMineSettled(result)) {
    state.rows = nextBase(state, [row], [result], []).state.rows;
    await host.writeSyncState(state);
  }
  return result;
}

/**
 * Take cloud: write the cloud's values into my row and record its version with what the sheet
 * then holds (see `recordTaken`: a field with no cell or a formula cell is not claimed as taken).
 */
export async function takeCloud(
  host: SyncHost,
  analysis: Analysis,
  state: SyncState,
  conflict: Conflict,
): Promise<void> {
  const { entity, key, cloud } = conflict;
  await writeRowIntoSheet(host, analysis, state, { entity, key, version: cloud.version, values: cloud.values, deleted: cloud.deleted });
}
