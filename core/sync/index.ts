/** Sync protocol: schemas, hashes, rows, the sync sheet (SPEC §9). */
export * from "./protocol.ts";
export { canonicalJson, fnv1a64, rowHash } from "./hash.ts";
export { planRows, planToRows, changedRows, budgetBaseKey } from "./rows.ts";
export type { SyncRow, HeldRow, PlanRows } from "./rows.ts";
export { stateKey } from "./state.ts";
export type { SyncState, SyncedRow } from "./state.ts";
export { syncSheetValues, readSyncSheet, SYNC_SHEET_NAME } from "./sync-sheet.ts";
export { hasSheetFor, outgoingRows, TOMBSTONE_HASH } from "./outgoing.ts";
export type { Outgoing, OutgoingInput, WithheldDeletions } from "./outgoing.ts";
