/**
 * Writing one cloud version of a row into the sheet: "Take the cloud's" on a conflict, and after a
 * restore when the person asks for it (issue #11 part 5). The same cell writes a pull makes, and
 * the sync state records only what the sheet then holds (`recordTaken`).
 */
import type { EntityKind } from "#core/model.ts";
import type { RowValues } from "#core/sync/protocol.ts";
import { stateKey } from "#core/sync/state.ts";
import type { SyncState } from "#core/sync/state.ts";
import type { Analysis } from "../analysis.ts";
import type { WorkbookHost } from "../services.ts";
import { localRows } from "./local-rows.ts";
import { recordTaken, rowsAfter } from "./sheet-after.ts";
import { sheetWrites } from "./sheet-writes.ts";

/** A cloud row version to bring into the sheet. */
export interface CloudRow {
  entity: EntityKind;
  key: string;
  version: number;
  values: RowValues;
  deleted: boolean;
}

/**
 * Writes `row` into the sheets (values only; a formula cell is left alone) and the sync state in
 * one round trip. Returns how much of it the sheet took.
 */
export async function writeRowIntoSheet(
  host: WorkbookHost,
  analysis: Analysis,
  state: SyncState,
  row: CloudRow,
): Promise<"full" | "partial" | "none"> {
  const local = localRows(analysis.plan);
  const writes = sheetWrites({
    snapshot: analysis.snapshot,
    plan: analysis.plan,
    current: local.values,
    incoming: [{ entity: row.entity, key: row.key, values: row.values, deleted: row.deleted }],
  });
  const id = stateKey(row.entity, row.key);
  const taken = recordTaken(
    state,
    { id, version: row.version, values: row.values, deleted: row.deleted },
    rowsAfter(analysis.snapshot, writes),
  );
  if (analysis.snapshot.locale !== undefined) state.locale = analysis.snapshot.locale;
  await host.writeCellsAndSyncState(writes, state);
  return taken;
}
