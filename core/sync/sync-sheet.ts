/**
 * The very hidden sync sheet (SPEC §9) that keeps a workbook's sync state inside the file, so
 * the nightly job reading the saved file knows what each row was based on.
 *
 * Layout (values only, so Office.js and ExcelJS write and read it alike):
 *   A1 "actionplan-sync", B1 1 (format version)
 *   row 2: "plan" | id;  row 3: "api" | url;  row 4: "cursor" | cursor;  row 5: "locale" | it/en
 *   (row 5 was empty before the locale existed: a file without it reads as "no locale").
 *   row 6: "entity" | "key" | "version" | "hash"; one synced row per line below.
 * Keys are written as text; the hash is 16 hex digits (text, never a number). Lines need not be
 * sorted, and a row may have two (coauthors writing at once, `sync-sheet-rows.ts`): the higher
 * version is read.
 */
import type { EntityKind } from "#core/model.ts";
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { productSheetMark } from "#core/sheets/product-sheets.ts";
import { mergeSyncedRow } from "./merge-state.ts";
import { stateKey, type SyncedRow, type SyncState } from "./state.ts";

/** Both product marks at once (core/sheets/product-sheets.ts): a reserved name and the A1 mark. */
export const SYNC_SHEET_NAME = "_actionplan_sync";
export const SYNC_SHEET_MARKER = productSheetMark("sync");
export const SYNC_SHEET_FORMAT = 1;
/** 1-based row of the table header. */
export const SYNC_SHEET_HEADER_ROW = 6;

const KINDS = new Set<string>(["priority", "line", "project", "budget"]);

/** The cell values of the sync sheet for a state, anchored at A1. */
export function syncSheetValues(state: SyncState): CellValue[][] {
  const out: CellValue[][] = [
    [SYNC_SHEET_MARKER, SYNC_SHEET_FORMAT, null, null],
    ["plan", state.planId, null, null],
    ["api", state.apiUrl ?? null, null, null],
    ["cursor", state.cursor ?? null, null, null],
    state.locale === undefined ? [null, null, null, null] : ["locale", state.locale, null, null],
    ["entity", "key", "version", "hash"],
  ];
  const ids = Object.keys(state.rows).sort();
  for (const id of ids) {
    const row = state.rows[id];
    const colon = id.indexOf(":");
    if (!row || colon < 0) continue;
    out.push([id.slice(0, colon), id.slice(colon + 1), row.version, row.hash]);
  }
  return out;
}

/**
 * Reads the sync state back from a snapshot; undefined when the workbook has no sync sheet,
 * a sheet of another format version, or no plan id (never synced). Malformed lines are skipped:
 * the worst case is that a row is sent again and comes back `unchanged`.
 */
export function readSyncSheet(snapshot: WorkbookSnapshot): SyncState | undefined {
  const sheet = snapshot.sheets.find((s) => s.name === SYNC_SHEET_NAME);
  if (!sheet) return undefined;
  const cell = (r: number, c: number): CellValue => sheet.values[r]?.[c] ?? null;
  if (cell(0, 0) !== SYNC_SHEET_MARKER || Number(cell(0, 1)) !== SYNC_SHEET_FORMAT) return undefined;
  const planId = text(cell(1, 1));
  if (!planId) return undefined;
  const state: SyncState = { planId, rows: {} };
  const apiUrl = text(cell(2, 1));
  if (apiUrl) state.apiUrl = apiUrl;
  const cursor = text(cell(3, 1));
  if (cursor) state.cursor = cursor;
  const locale = text(cell(4, 1));
  if (text(cell(4, 0)) === "locale" && (locale === "it" || locale === "en")) state.locale = locale;
  for (let r = SYNC_SHEET_HEADER_ROW; r < sheet.values.length; r++) {
    const entity = text(cell(r, 0));
    const key = text(cell(r, 1));
    const version = cell(r, 2);
    const hash = text(cell(r, 3));
    const v = typeof version === "number" ? version : Number(version);
    if (!KINDS.has(entity) || !key || !hash || !Number.isInteger(v) || v < 1) continue;
    const synced: SyncedRow = { version: v, hash };
    const id = stateKey(entity as EntityKind, key);
    // A row with two lines (two coauthors added it at once): the higher base is the one.
    state.rows[id] = mergeSyncedRow(state.rows[id], synced) ?? synced;
  }
  return state;
}

function text(value: CellValue): string {
  if (value === null) return "";
  return typeof value === "string" ? value : String(value);
}
