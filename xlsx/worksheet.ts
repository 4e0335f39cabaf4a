/**
 * One worksheet part → a {@link SheetSnapshot}: values anchored at A1, formulas (shared ones
 * expanded), formula cells with no saved value, merged areas. Streaming, one pass.
 */
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";
import { OFFSET_1904, serialOfIsoDate } from "./dates.ts";
import { ReaderFailure } from "./errors.ts";
import { columnLetters, shiftFormula } from "./formula-shift.ts";
import type { ReaderLimits } from "./limits.ts";
import { RichTextCollector, unescapeXstring } from "./text.ts";
import { parseXml } from "./xml.ts";

/** What a worksheet needs from the rest of the workbook. */
export interface WorkbookContext {
  readonly sharedStrings: readonly string[];
  /** Per cell style index: shows a date. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  readonly limits: ReaderLimits;
  /** Cells counted so far in the workbook (the limit is on the whole workbook). */
  cells: number;
}

const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Row and column (1-based) of the last address {@link parseAddress} accepted. */
let addrRow = 0;
let addrCol = 0;

/**
 * Parses "AB12" into {@link addrRow} 12 and {@link addrCol} 28 (module variables rather than a
 * returned pair: this runs once per cell). false when it is not a cell address.
 */
function parseAddress(ref: string): boolean {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const ch = ref.charCodeAt(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  const letters = i;
  let row = 0;
  for (; i < ref.length; i++) {
    const d = ref.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (letters === 0 || row < 1) return false;
  addrRow = row;
  addrCol = col;
  return true;
}

interface SharedFormula {
  text: string;
  row: number;
  col: number;
}

/** Mutable state of the cell being read. */
interface CellState {
  row: number;
  col: number;
  type: string;
  style: number;
  /** The `<v>` text; undefined when the cell has no `<v>`. */
  v: string | undefined;
  /** The `<f>` text and attributes; undefined when the cell has no formula. */
  f: string | undefined;
  fType: string;
  fShared: string | undefined;
  inline: string | undefined;
}

/**
 * Parses a worksheet part.
 * @param name the sheet's name (for the snapshot and error details)
 * @throws ReaderFailure on a limit breach, a damaged part or hostile XML
 */
export function parseWorksheet(bytes: Uint8Array, part: string, name: string, ctx: WorkbookContext): SheetSnapshot {
  const { limits } = ctx;
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;
  const uncached: string[] = [];
  const merged: string[] = [];
  const shared = new Map<string, SharedFormula>();
  const rich = new RichTextCollector();

  let row = 0; // 1-based row of the current <row>
  let lastCol = 0;
  /** 0: ignore text; 1: into <v>; 2: into <f>; 3: inline string. */
  let capture = 0;
  let buf = "";

  const where = (r: number, c: number): string => `${name}!${columnLetters(c)}${r}`;

  function put(r: number, c: number, v: CellValue): void {
    while (values.length < r) values.push([]);
    const out = values[r - 1] as CellValue[];
    if (c > out.length) {
      ctx.cells += c - out.length;
      if (ctx.cells > limits.maxCells) throw new ReaderFailure("too-many-cells", name);
      while (out.length < c - 1) out.push(null);
      out.push(v);
    } else out[c - 1] = v;
  }

  function putFormula(r: number, c: number, text: string): void {
    formulas ??= [];
    while (formulas.length < r) formulas.push([]);
    const fr = formulas[r - 1] as (string | null)[];
    while (fr.length < c - 1) fr.push(null);
    fr[c - 1] = `=${text}`;
  }

  function valueOf(s: CellState): CellValue {
    const v = s.v;
    switch (s.type) {
      case "s": {
        if (v === undefined) return null;
        const text = ctx.sharedStrings[Number(v)];
        if (text === undefined) throw new ReaderFailure("corrupt", `${where(s.row, s.col)}: shared string ${v}`);
        return text;
      }
      case "inlineStr":
        return s.inline ?? (v === undefined ? null : unescapeXstring(v));
      case "str":
        return v === undefined ? null : unescapeXstring(v);
      case "b":
        return v === undefined ? null : v === "1" || v === "true";
      case "e":
        return v === undefined ? null : v;
      case "d": {
        if (v === undefined || v === "") return null;
        return serialOfIsoDate(v) ?? v;
      }
      default: {
        if (v === undefined || v === "") return null;
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        // 1904 workbooks count days from 1904-01-01: move their dates to the 1900 system.
        return ctx.date1904 && ctx.dateStyles[s.style] === true ? n + OFFSET_1904 : n;
      }
    }
  }

  function endCell(s: CellState): void {
    let formula = s.f;
    if (s.fShared !== undefined) {
      const group = shared.get(s.fShared);
      if (formula !== undefined && formula !== "") shared.set(s.fShared, { text: formula, row: s.row, col: s.col });
      else if (group) formula = shiftFormula(group.text, s.row - group.row, s.col - group.col);
    }
    const value = valueOf(s);
    if (typeof value === "string" && value.length > limits.maxStringLength)
      throw new ReaderFailure("string-too-long", where(s.row, s.col));
    if (value !== null) put(s.row, s.col, value);
    if (formula !== undefined && formula !== "" && s.fType !== "dataTable") {
      putFormula(s.row, s.col, formula);
      // Never calculated (written by a program, not saved by Excel): unknown, not blank. openpyxl
      // writes an empty <v></v> for these; only a text result may really be "".
      if (s.v === undefined || (s.v === "" && s.type !== "str" && s.type !== "inlineStr"))
        uncached.push(`${columnLetters(s.col)}${s.row}`);
    }
  }

  // One cell state, reused: a sheet has hundreds of thousands of cells and each allocation is
  // garbage the collector then has to chase.
  const cell: CellState = { row: 0, col: 0, type: "n", style: 0, v: undefined, f: undefined, fType: "", fShared: undefined, inline: undefined };
  let inCell = false;

  parseXml(bytes, part, limits.maxXmlDepth, {
    open(el, a) {
      if (inCell) {
        if (el === "v") {
          capture = 1;
          buf = "";
          cell.v = "";
        } else if (el === "f") {
          capture = 2;
          buf = "";
          cell.f = "";
          cell.fType = a.t ?? "normal";
          if (a.t === "shared" && a.si !== undefined) cell.fShared = a.si;
        } else if (el === "is") {
          capture = 3;
        } else if (capture === 3) rich.open(el);
        return;
      }
      if (el === "c") {
        let r = row;
        let c = lastCol + 1;
        const ref = a.r;
        if (ref !== undefined) {
          if (!parseAddress(ref)) throw new ReaderFailure("corrupt", `${name}: cell "${ref}"`);
          r = addrRow;
          c = addrCol;
        }
        if (r < 1 || r > MAX_ROW || c > MAX_COL) throw new ReaderFailure("corrupt", `${name}: cell "${ref ?? c}"`);
        lastCol = c;
        inCell = true;
        cell.row = r;
        cell.col = c;
        cell.type = a.t ?? "n";
        const style = a.s;
        cell.style = style === undefined ? 0 : Number(style);
        cell.v = undefined;
        cell.f = undefined;
        cell.fType = "";
        cell.fShared = undefined;
        cell.inline = undefined;
      } else if (el === "row") {
        row = a.r === undefined ? row + 1 : Number(a.r);
        if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new ReaderFailure("corrupt", `${name}: row "${a.r}"`);
        lastCol = 0;
      } else if (el === "mergeCell" && a.ref !== undefined) {
        merged.push(a.ref);
      }
    },
    close(el) {
      if (!inCell) return;
      if (el === "v") {
        if (capture === 1) {
          cell.v = buf;
          capture = 0;
        }
      } else if (el === "c") {
        endCell(cell);
        inCell = false;
        capture = 0;
      } else if (el === "f") {
        if (capture === 2) {
          cell.f = buf;
          capture = 0;
        }
      } else if (el === "is") {
        cell.inline = rich.take(limits.maxStringLength, where(cell.row, cell.col));
        capture = 0;
      } else if (capture === 3) rich.close(el);
    },
    text(t) {
      if (capture === 1 || capture === 2) buf += t;
      else if (capture === 3) rich.text(t);
    },
  });

  clearMergedCells(values, merged);
  const sheet: SheetSnapshot = { name, values };
  if (formulas) {
    while (formulas.length < values.length) formulas.push([]);
    sheet.formulas = formulas;
  }
  if (merged.length > 0) sheet.merged = merged;
  if (uncached.length > 0) sheet.uncached = uncached;
  return sheet;
}

/**
 * Leaves only the top-left cell of each merged area holding a value (the snapshot's rule; Excel
 * keeps no others, but other writers may), then trims what that emptied.
 */
function clearMergedCells(values: CellValue[][], merged: readonly string[]): void {
  if (merged.length === 0) return;
  for (const ref of merged) {
    const [from, to] = ref.split(":");
    if (!from || !parseAddress(from.replaceAll("$", ""))) continue;
    const a = [addrRow, addrCol] as const;
    if (to && !parseAddress(to.replaceAll("$", ""))) continue;
    const b = [addrRow, addrCol] as const;
    const last = Math.min(b[0], values.length);
    for (let r = a[0]; r <= last; r++) {
      const out = values[r - 1] as CellValue[];
      const end = Math.min(b[1], out.length);
      for (let c = r === a[0] ? a[1] + 1 : a[1]; c <= end; c++) out[c - 1] = null;
    }
  }
  for (const out of values) {
    let end = out.length;
    while (end > 0 && out[end - 1] === null) end--;
    out.length = end;
  }
  while (values.length > 0 && (values[values.length - 1] as CellValue[]).length === 0) values.pop();
}
