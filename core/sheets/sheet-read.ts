/**
 * What every row reader shares: the recognised sheet with its grid and locator, the entries it
 * produces (entity + row + problems), and the raw field values of a row.
 */
import type { CellValue, Locale, SheetSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { ColumnInfo, FieldProblem, RowAt, SheetPlace } from "#core/validate/problem.ts";
import { columnLetter } from "#core/values/index.ts";
import { gridOf } from "./grid.ts";
import type { Grid } from "./grid.ts";
import { fieldForHeading, foldHeading } from "./headings.ts";
import type { HeaderColumn, RecognizedSheet } from "./recognize.ts";

/** A recognised sheet ready to read. */
export interface SheetRead {
  sheet: SheetSnapshot;
  recognized: RecognizedSheet;
  grid: Grid;
  place: SheetPlace;
  /** The recognised fields and their 0-based column index, as an array (no Map iteration per row). */
  fields: readonly { field: string; index: number }[];
  /**
   * The extra columns whose heading means no field of the sheet's kind: `recognized.extra`
   * without a second column of a known field (a second "Codice"), which is not an unknown column.
   */
  unknown: readonly HeaderColumn[];
}

/** An entity read from a row, with the problems found so far (cross-row rules add more); it is its own location. */
export interface Entry<E> extends RowAt {
  entity: E;
  problems: FieldProblem[];
}

/** Options shared by the readers. */
export interface ReadCtx {
  /** Number/date locale. */
  locale: Locale;
  /** Language of issue messages. */
  messagesLocale: Locale;
  /** Issues not tied to an entity (totals rows), appended by the readers. */
  issues: Issue[];
}

/** Prepares a recognised sheet for reading. `index` is its position in the workbook. */
export function sheetRead(sheet: SheetSnapshot, index: number, recognized: RecognizedSheet, hosts?: ReadonlyMap<string, string>): SheetRead {
  const columns = new Map<string, ColumnInfo>();
  for (const [field, c] of recognized.columns) columns.set(field, { col: c.col, heading: c.heading, letter: columnLetter(c.col) });
  const place: SheetPlace = { name: sheet.name, index, columns };
  if (hosts !== undefined) place.hosts = hosts;
  const fields = [...recognized.columns].map(([field, c]) => ({ field, index: c.col - 1 }));
  const unknown = recognized.extra.filter((c) => fieldForHeading(recognized.kind, foldHeading(c.heading)) === undefined);
  return { sheet, recognized, grid: gridOf(sheet), place, fields, unknown };
}

/** Cell values by field name. */
export type CellFields = Record<string, CellValue>;

/** The raw values of the recognised fields of a row (only fields that have a column). */
export function rawFieldsOf(read: SheetRead, row: number): CellFields {
  const raw: CellFields = {};
  const { grid, fields } = read;
  if (grid.hasMerged) {
    for (const f of fields) raw[f.field] = grid.cell(row, f.index + 1);
    return raw;
  }
  // No merged areas: read the row array directly (the hot path of large sheets).
  const values = grid.rowValues(row);
  for (const f of fields) raw[f.field] = values?.[f.index] ?? null;
  return raw;
}

/**
 * The row's cell array for column-indexed reading: the sheet's own array, or (with merged areas)
 * a copy with merged cells filled in.
 */
export function rowCellsOf(read: SheetRead, row: number): readonly CellValue[] {
  const { grid } = read;
  const values = grid.rowValues(row) ?? [];
  if (!grid.hasMerged) return values;
  const filled: CellValue[] = [];
  for (const f of read.fields) filled[f.index] = grid.cell(row, f.index + 1);
  return filled;
}

/**
 * The raw values of a row's extra columns, by heading. `columns` defaults to every column that is
 * not a field (the projects reader's long-standing rule, which keeps a second column of a known
 * field too: changing it would change the sync hash of such projects); the priorities, lines and
 * budget readers pass `read.unknown`, so a recognised heading never ends up in their `extra`.
 */
export function extraOf(read: SheetRead, row: number, columns: readonly HeaderColumn[] = read.recognized.extra): Record<string, unknown> | undefined {
  if (columns.length === 0) return undefined;
  const extra: Record<string, unknown> = {};
  for (const c of columns) if (c.heading !== "__proto__") extra[c.heading] = read.grid.cell(row, c.col);
  return extra;
}

/** The 1-based data rows below the header (blank rows included; readers skip them). */
export function firstDataRow(read: SheetRead): number {
  return read.recognized.headerRow + 1;
}

/** Entry for a row of this sheet. */
export function entryAt<E>(read: SheetRead, row: number, entity: E, problems: FieldProblem[]): Entry<E> {
  return { sheet: read.place, row, entity, problems };
}
