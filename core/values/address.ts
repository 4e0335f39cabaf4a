/**
 * A1 addresses (1-based rows and columns). The parse functions throw `RangeError` on malformed
 * addresses because those come from code (snapshots, merged areas), not from users: a bad one
 * is a bug. `tryParseA1` / `tryParseRange` return undefined instead.
 */

/** Excel's last column (XFD) and row. */
export const MAX_COLUMN = 16384;
export const MAX_ROW = 1048576;

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** A rectangle of cells, 1-based and inclusive; `sheet` when the range named one. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  sheet?: string;
}

/**
 * Column number to letters.
 *
 * @example columnLetter(27) // "AA"
 */
export function columnLetter(col: number): string {
  if (!Number.isInteger(col) || col < 1) throw new RangeError(`Invalid column number: ${col}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Letters to column number, case-insensitive; NaN when not letters. */
function lettersToIndex(letters: string): number {
  if (letters.length === 0) return Number.NaN;
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 32; // lower-case ASCII letters
    if (c < 97 || c > 122) return Number.NaN;
    n = n * 26 + (c - 96);
  }
  return n;
}

/**
 * Column letters to number.
 *
 * @example columnIndex("AA") // 27
 */
export function columnIndex(letters: string): number {
  const n = lettersToIndex(letters.replace("$", ""));
  if (Number.isNaN(n)) throw new RangeError(`Invalid column letters: ${letters}`);
  return n;
}

/**
 * 1-based row and column to an A1 address.
 *
 * @example toA1(7, 4) // "D7"
 */
export function toA1(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 1) throw new RangeError(`Invalid row number: ${row}`);
  return columnLetter(col) + String(row);
}

/** Like {@link parseA1}, undefined when malformed. */
export function tryParseA1(a1: string): { row: number; col: number } | undefined {
  const m = CELL.exec(a1.trim());
  if (!m) return undefined;
  const row = Number(m[2]);
  const col = lettersToIndex(m[1] ?? "");
  if (row < 1 || row > MAX_ROW || col > MAX_COLUMN) return undefined;
  return { row, col };
}

/**
 * An A1 address ("D7", "$D$7") to 1-based row and column.
 *
 * @example parseA1("$D$7") // { row: 7, col: 4 }
 */
export function parseA1(a1: string): { row: number; col: number } {
  const p = tryParseA1(a1);
  if (!p) throw new RangeError(`Invalid A1 address: ${a1}`);
  return p;
}

/** Splits "Sheet!A1:B2" / "'My sheet'!A1" into sheet name ('' doubled quotes undone) and area. */
function splitSheet(r: string): { sheet?: string; area: string } {
  const bang = r.lastIndexOf("!");
  if (bang === -1) return { area: r };
  let sheet = r.slice(0, bang);
  if (sheet.length >= 2 && sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replaceAll("''", "'");
  return { sheet, area: r.slice(bang + 1) };
}

/** One end of a range: a cell, a whole column ("A") or a whole row ("2"). */
function readEnd(s: string): { row?: number; col?: number } | undefined {
  const cell = tryParseA1(s);
  if (cell) return cell;
  const c = COLUMN.exec(s);
  if (c) {
    const col = lettersToIndex(c[1] ?? "");
    return col <= MAX_COLUMN ? { col } : undefined;
  }
  const r = ROW.exec(s);
  if (r) {
    const row = Number(r[1]);
    return row >= 1 && row <= MAX_ROW ? { row } : undefined;
  }
  return undefined;
}

/** Like {@link parseRange}, undefined when malformed. */
export function tryParseRange(r: string): CellRange | undefined {
  const { sheet, area } = splitSheet(r.trim());
  const colon = area.indexOf(":");
  const a = readEnd(colon === -1 ? area : area.slice(0, colon));
  const b = colon === -1 ? a : readEnd(area.slice(colon + 1));
  if (!a || !b) return undefined;
  // A whole column or row must be paired with its own kind ("A:B", "2:5").
  if ((a.row === undefined) !== (b.row === undefined) || (a.col === undefined) !== (b.col === undefined)) return undefined;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? MAX_ROW;
  const c1 = a.col ?? 1;
  const c2 = b.col ?? MAX_COLUMN;
  const range: CellRange = { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
  if (sheet !== undefined) range.sheet = sheet;
  return range;
}

/**
 * A range ("A2:B5", "Sheet!A2:B5", "'My sheet'!A2", "A:B", "2:5") to its 1-based inclusive
 * corners, normalised so top ≤ bottom and left ≤ right.
 *
 * @example parseRange("'My sheet'!A2") // { top: 2, left: 1, bottom: 2, right: 1, sheet: "My sheet" }
 */
export function parseRange(r: string): CellRange {
  const p = tryParseRange(r);
  if (!p) throw new RangeError(`Invalid range: ${r}`);
  return p;
}
