/**
 * Turns cloud rows (wire values) into cell writes on the familiar sheets: an existing row is
 * updated in place (only the fields that differ), a new row is appended below its table, a
 * tombstone clears the row's known and extra columns. Columns are found by the same header
 * recognition the core reads with, so a write lands exactly where the reader will look.
 * Values are plain values; the host's `writeCells` keeps text that starts with = + - @ as text.
 * Dates are written as dates (SPEC §9): the Excel serial, with a date number format when the cell
 * does not hold a number already (a date cell keeps the format the person gave it).
 * A cell holding a formula is never written (the user's PRL column, a SUM total): what the sheet
 * then holds is found by `sheet-after.ts`, which is what the sync state records.
 */
import type { EntityKind, Plan } from "#core/model.ts";
import type { CellValue, Locale, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { recognizeSheet } from "#core/sheets/recognize.ts";
import type { RecognizedSheet } from "#core/sheets/recognize.ts";
import type { SheetKind } from "#core/sheets/headings.ts";
import { displayWord } from "#core/i18n/vocabulary.ts";
import { budgetBaseKey } from "#core/sync/rows.ts";
import { canonicalJson } from "#core/sync/hash.ts";
import type { RowValues } from "#core/sync/protocol.ts";
import { toA1 } from "#core/values/index.ts";
import { isoToSerial } from "#core/values/date.ts";
import type { CellWrite } from "../services.ts";

const SHEET_KIND: Record<EntityKind, SheetKind> = {
  priority: "priorities",
  line: "lines",
  project: "projects",
  budget: "budget",
};

const TICKS = [
  "consortiumConfirmed",
  "proposalReady",
  "aboveThreshold",
  "grantSigned",
  "resultsDelivered",
] as const;
/** Project fields holding ISO dates on the wire (`IsoDate` in the model). */
const DATE_FIELDS = new Set(["deadline", "submitted", "startDate", "lastUpdate"]);

/** The number format given to a pulled date in a cell that held no number: the workbook's usual date. */
export const DATE_FORMAT: Record<Locale, string> = { it: "dd/mm/yyyy", en: "yyyy-mm-dd" };

/** Wire fields that are identities or bookkeeping, never a column of their own. */
const NOT_COLUMNS = new Set(["key", "codeAssigned", "ticks", "extra", "categoryLabel"]);

/** A cloud row to bring into the sheet. */
export interface IncomingRow {
  entity: EntityKind;
  key: string;
  values: RowValues;
  deleted: boolean;
}

/**
 * Where each entity row of the plan sits: `${entity}:${key}` → sheet and 1-based row. A repeated
 * key keeps its FIRST row: the one `planRows` syncs (a later duplicate is an error row, held).
 */
export function rowLocations(plan: Plan): Map<string, { sheet: string; row: number }> {
  const out = new Map<string, { sheet: string; row: number }>();
  const put = (entity: EntityKind, key: string, source: { sheet: string; row: number } | undefined) => {
    const id = `${entity}:${key}`;
    if (source !== undefined && !out.has(id)) out.set(id, { sheet: source.sheet, row: source.row });
  };
  for (const p of plan.priorities) put("priority", p.code, p.source);
  for (const l of plan.lines) put("line", l.code, l.source);
  for (const p of plan.projects) put("project", p.key, p.source);
  // Same key numbering as core/sync/rows.ts planRows: repeated base keys get #2, #3 …
  const seen = new Map<string, number>();
  for (const b of plan.budget) {
    const base = budgetBaseKey(b);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    put("budget", n === 1 ? base : `${base}#${n}`, b.source);
  }
  return out;
}

/** The serial of a wire date, or undefined when `value` is not an ISO date of a date field. */
function dateSerial(entity: EntityKind, field: string, value: unknown): number | undefined {
  if (entity !== "project" || !DATE_FIELDS.has(field) || typeof value !== "string") return undefined;
  const serial = isoToSerial(value);
  return Number.isFinite(serial) ? serial : undefined;
}

/** The cell value a wire field is written as. */
function cellValue(field: string, value: unknown, locale: Locale): CellValue {
  if (value === undefined || value === null) return "";
  // Outcome words in the workbook's language (the core's display words read back to the same outcome).
  if (field === "outcome" && typeof value === "string") return displayWord("outcome", value, locale);
  if (Array.isArray(value)) return value.map((v) => String(v)).join(", ");
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return canonicalJson(value);
}

/** Field → value pairs of a row as the sheet holds them (ticks and extra flattened). */
function flatten(entity: EntityKind, values: RowValues): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [field, v] of Object.entries(values)) {
    if (!NOT_COLUMNS.has(field)) out.set(field, v);
  }
  if (entity === "project") {
    const ticks = (values["ticks"] ?? {}) as Record<string, unknown>;
    for (const t of TICKS) out.set(t, ticks[t] === true ? true : undefined);
  }
  if (entity === "budget" && typeof values["categoryLabel"] === "string")
    out.set("category", values["categoryLabel"]);
  const extra = values["extra"];
  if (extra !== null && typeof extra === "object") {
    for (const [heading, v] of Object.entries(extra as Record<string, unknown>))
      out.set(`extra:${heading}`, v);
  }
  return out;
}

function columnOf(rec: RecognizedSheet, field: string): number | undefined {
  if (field.startsWith("extra:")) {
    const heading = field.slice("extra:".length);
    return rec.extra.find((c) => c.heading === heading)?.col;
  }
  return (rec.columns as Map<string, { col: number }>).get(field)?.col;
}

export interface SheetWritesInput {
  snapshot: WorkbookSnapshot;
  plan: Plan;
  /** Current wire values of the sheet's rows, by `${entity}:${key}` (to write only what differs). */
  current: ReadonlyMap<string, RowValues>;
  incoming: readonly IncomingRow[];
}

/** The cell writes that bring `incoming` rows into the sheets. */
export function sheetWrites(input: SheetWritesInput): CellWrite[] {
  return [...sheetWritesByRow(input).values()].flat();
}

/**
 * The same writes by incoming row (`${entity}:${key}`, in `incoming` order; a row the sheets
 * cannot take, or already hold in every cell they have for it, has no writes or no entry).
 */
export function sheetWritesByRow({
  snapshot,
  plan,
  current,
  incoming,
}: SheetWritesInput): Map<string, CellWrite[]> {
  const locale: Locale = snapshot.locale ?? "it";
  const recognized = new Map<string, RecognizedSheet>();
  const firstOfKind = new Map<SheetKind, string>();
  for (const sheet of snapshot.sheets) {
    const rec = recognizeSheet(sheet);
    if (rec === undefined) continue;
    recognized.set(sheet.name, rec);
    if (!firstOfKind.has(rec.kind)) firstOfKind.set(rec.kind, sheet.name);
  }
  const nextFree = new Map<string, number>();
  const formulas = new Map<string, (string | null)[][]>();
  for (const sheet of snapshot.sheets) {
    nextFree.set(sheet.name, sheet.values.length + 1);
    if (sheet.formulas !== undefined) formulas.set(sheet.name, sheet.formulas);
  }
  const valuesOf = new Map(snapshot.sheets.map((s) => [s.name, s.values]));
  const holdsNumber = (sheet: string, row: number, col: number): boolean =>
    typeof valuesOf.get(sheet)?.[row - 1]?.[col - 1] === "number";
  // 1-based row and column, like the writes.
  const hasFormula = (sheet: string, row: number, col: number): boolean => {
    const f = formulas.get(sheet)?.[row - 1]?.[col - 1];
    return typeof f === "string" && f.startsWith("=");
  };
  const locations = rowLocations(plan);
  const byRow = new Map<string, CellWrite[]>();

  for (const row of incoming) {
    const id = `${row.entity}:${row.key}`;
    const writes: CellWrite[] = [];
    byRow.set(id, writes);
    const at = locations.get(id);
    const sheet = at?.sheet ?? firstOfKind.get(SHEET_KIND[row.entity]);
    if (sheet === undefined) continue;
    const rec = recognized.get(sheet);
    if (rec === undefined) continue;
    if (row.deleted) {
      if (at === undefined) continue;
      // Extra columns too: a note left in an unknown column would make the row an error row.
      const cols = new Set<number>([
        ...[...rec.columns.values()].map((c) => c.col),
        ...rec.extra.map((c) => c.col),
      ]);
      for (const col of cols) {
        if (!hasFormula(sheet, at.row, col)) writes.push({ sheet, cell: toA1(at.row, col), value: "" });
      }
      continue;
    }
    let target = at?.row;
    if (target === undefined) {
      target = nextFree.get(sheet) ?? rec.headerRow + 1;
      nextFree.set(sheet, target + 1);
    }
    const mine = at === undefined ? new Map<string, unknown>() : flatten(row.entity, current.get(id) ?? {});
    const theirs = flatten(row.entity, row.values);
    const fields = new Set([...theirs.keys(), ...mine.keys()]);
    for (const field of fields) {
      const value = theirs.get(field);
      if (at !== undefined && canonicalJson(value ?? null) === canonicalJson(mine.get(field) ?? null))
        continue;
      const col = columnOf(rec, field);
      if (col === undefined || hasFormula(sheet, target, col)) continue;
      const cell = toA1(target, col);
      const serial = dateSerial(row.entity, field, value);
      if (serial === undefined) writes.push({ sheet, cell, value: cellValue(field, value, locale) });
      else if (holdsNumber(sheet, target, col)) writes.push({ sheet, cell, value: serial });
      else writes.push({ sheet, cell, value: serial, numberFormat: DATE_FORMAT[locale] });
    }
  }
  return byRow;
}
