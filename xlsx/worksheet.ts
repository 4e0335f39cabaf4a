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
import { END, numberAt, OPEN, TEXT, XmlScanner } from "./xml-scan.ts";

/** What a worksheet needs from the rest of the workbook. */
export interface WorkbookContext {
  readonly sharedStrings: readonly string[];
  /** Per cell style index: shows a date. */
  readonly dateStyles: readonly boolean[];
  readonly date1904: boolean;
  /** No formula result in the file was calculated by a spreadsheet (workbook-part.ts). */
  readonly fullCalcOnLoad: boolean;
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
 * Parses "AB12" (the characters, or bytes, `code(i)` for i in [from, to)) into {@link addrRow} 12
 * and {@link addrCol} 28 (module variables rather than a returned pair: this runs once per cell).
 * false when it is not a cell address.
 */
function parseAddressOf(code: (i: number) => number, from: number, to: number): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const ch = code(i) | 0x20;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  const letters = i - from;
  let row = 0;
  for (; i < to; i++) {
    const d = code(i) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (letters === 0 || row < 1) return false;
  addrRow = row;
  addrCol = col;
  return true;
}

function parseAddress(ref: string): boolean {
  return parseAddressOf((i) => ref.charCodeAt(i), 0, ref.length);
}

/** The non-negative integer in bytes [s, e), or -1 when they hold anything else. */
function intAt(b: Uint8Array, s: number, e: number): number {
  if (s === e || e - s > 9) return -1;
  let n = 0;
  for (let i = s; i < e; i++) {
    const d = (b[i] as number) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
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
  /** Whether the cell has a `<v>`. */
  hasV: boolean;
  /** The `<v>` text as bytes [vStart, vEnd) of the part while it came in one piece… */
  vStart: number;
  vEnd: number;
  /** …or as text (several pieces, or already decoded). */
  vText: string | undefined;
  /** The `<f>` text and attributes; undefined when the cell has no formula. */
  f: string | undefined;
  fType: string;
  fShared: string | undefined;
  inline: string | undefined;
}

/** What is being collected from text events. */
const NONE = 0;
const V = 1;
const F = 2;
const INLINE = 3;

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
  const xml = new XmlScanner(bytes, part, limits.maxXmlDepth);
  const b = xml.bytes;
  const byte = (i: number): number => b[i] as number;

  let row = 0; // 1-based row of the current <row>
  let lastCol = 0;
  let capture = NONE;
  let vPieces = 0;

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

  /** The `<v>` text, references decoded. */
  function vString(s: CellState): string {
    return s.vText ?? (s.vText = xml.textOf(s.vStart, s.vEnd));
  }

  /** The `<v>` as a number, as `Number(text)` reads it (NaN when it is not one). */
  function vNumber(s: CellState): number {
    if (s.vText !== undefined) return Number(s.vText);
    const n = numberAt(b, s.vStart, s.vEnd);
    // Not a plain number: it may still be one once references are decoded ("&#49;").
    return Number.isNaN(n) ? Number(vString(s)) : n;
  }

  function isEmptyV(s: CellState): boolean {
    return s.vText === undefined ? s.vStart === s.vEnd : s.vText === "";
  }

  function valueOf(s: CellState): CellValue {
    if (!s.hasV) return s.type === "inlineStr" ? (s.inline ?? null) : null;
    switch (s.type) {
      case "s": {
        const i = vNumber(s);
        const text = ctx.sharedStrings[i];
        if (text === undefined) throw new ReaderFailure("corrupt", `${where(s.row, s.col)}: shared string ${vString(s)}`);
        return text;
      }
      case "inlineStr":
        return s.inline ?? unescapeXstring(vString(s));
      case "str":
        return unescapeXstring(vString(s));
      case "b": {
        const v = vString(s);
        return v === "1" || v === "true";
      }
      case "e":
        return vString(s);
      case "d": {
        if (isEmptyV(s)) return null;
        const v = vString(s);
        return serialOfIsoDate(v) ?? v;
      }
      default: {
        if (isEmptyV(s)) return null;
        const n = vNumber(s);
        if (Number.isNaN(n)) return vString(s);
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
    const isFormula = formula !== undefined && formula !== "" && s.fType !== "dataTable";
    // Never calculated (written by a program, not saved by a spreadsheet): unknown, not blank and
    // not XlsxWriter's placeholder 0. openpyxl writes an empty <v></v> for these; only a text
    // result may really be "".
    const unknown =
      isFormula && (ctx.fullCalcOnLoad || !s.hasV || (isEmptyV(s) && s.type !== "str" && s.type !== "inlineStr"));
    const value = unknown ? null : valueOf(s);
    if (typeof value === "string" && value.length > limits.maxStringLength)
      throw new ReaderFailure("string-too-long", where(s.row, s.col));
    if (value !== null) put(s.row, s.col, value);
    if (isFormula) {
      putFormula(s.row, s.col, formula as string);
      if (unknown) uncached.push(`${columnLetters(s.col)}${s.row}`);
    }
  }

  // One cell state, reused: a sheet has hundreds of thousands of cells and each allocation is
  // garbage the collector then has to chase.
  const cell: CellState = {
    row: 0,
    col: 0,
    type: "n",
    style: 0,
    hasV: false,
    vStart: 0,
    vEnd: 0,
    vText: undefined,
    f: undefined,
    fType: "",
    fShared: undefined,
    inline: undefined,
  };
  let inCell = false;

  function openCell(): void {
    let r = row;
    let c = lastCol + 1;
    if (xml.attrRange("r")) {
      if (!parseAddressOf(byte, xml.start, xml.end)) throw new ReaderFailure("corrupt", `${name}: cell "${xml.attr("r")}"`);
      r = addrRow;
      c = addrCol;
    }
    if (r < 1 || r > MAX_ROW || c > MAX_COL) throw new ReaderFailure("corrupt", `${name}: cell "${xml.attr("r") ?? c}"`);
    lastCol = c;
    inCell = true;
    cell.row = r;
    cell.col = c;
    cell.type = xml.attrToken("t") ?? "n";
    let style = 0;
    if (xml.attrRange("s")) {
      style = intAt(b, xml.start, xml.end);
      if (style < 0) style = Number(xml.attr("s"));
    }
    cell.style = style;
    cell.hasV = false;
    cell.vText = undefined;
    cell.f = undefined;
    cell.fType = "";
    cell.fShared = undefined;
    cell.inline = undefined;
  }

  function openInCell(el: string): void {
    if (el === "v") {
      cell.hasV = true;
      cell.vText = undefined;
      // "<v>17</v>" in one step (two events fewer for nearly every cell).
      if (xml.textThenClose()) {
        cell.vStart = xml.start;
        cell.vEnd = xml.end;
        return;
      }
      capture = V;
      vPieces = 0;
      cell.vStart = cell.vEnd = 0;
    } else if (el === "f") {
      capture = F;
      cell.f = "";
      const t = xml.attrToken("t");
      cell.fType = t ?? "normal";
      if (t === "shared") cell.fShared = xml.attr("si");
    } else if (el === "is") {
      capture = INLINE;
    } else if (capture === INLINE) rich.open(el);
  }

  function text(): void {
    if (capture === V) {
      // One piece (always, from a real writer) stays a byte range: no string for a number.
      if (vPieces++ === 0 && !xml.isCdata) {
        cell.vStart = xml.start;
        cell.vEnd = xml.end;
      } else cell.vText = vString(cell) + xml.text();
    } else if (capture === F) cell.f += xml.text();
    else if (capture === INLINE && rich.wantsText) rich.text(xml.text());
  }

  for (let ev = xml.next(); ev !== END; ev = xml.next()) {
    const el = xml.name;
    if (ev === TEXT) {
      if (capture !== NONE) text();
    } else if (ev === OPEN) {
      if (inCell) openInCell(el);
      else if (el === "c") openCell();
      else if (el === "row") {
        if (xml.attrRange("r")) {
          row = intAt(b, xml.start, xml.end);
          if (row < 1) row = Number(xml.attr("r"));
        } else row++;
        if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new ReaderFailure("corrupt", `${name}: row "${xml.attr("r")}"`);
        lastCol = 0;
      } else if (el === "mergeCell") {
        const ref = xml.attr("ref");
        if (ref !== undefined) merged.push(ref);
      }
    } else if (inCell) {
      if (el === "v" || el === "f") capture = NONE;
      else if (el === "c") {
        endCell(cell);
        inCell = false;
        capture = NONE;
      } else if (el === "is") {
        cell.inline = rich.take(limits.maxStringLength, () => where(cell.row, cell.col));
        capture = NONE;
      } else if (capture === INLINE) rich.close(el);
    }
  }

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
