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
 * Parses "AB12" (bytes [from, to) of `b`) into {@link addrRow} 12 and {@link addrCol} 28 (module
 * variables rather than a returned pair: this runs once per cell). false when it is not a cell
 * address.
 */
function parseAddress(b: Uint8Array, from: number, to: number): boolean {
  let col = 0;
  let i = from;
  for (; i < to; i++) {
    const ch = (b[i] as number) | 0x20;
    if (ch < 97 || ch > 122) break;
    col = col * 26 + (ch - 96);
  }
  const letters = i - from;
  let row = 0;
  for (; i < to; i++) {
    const d = (b[i] as number) - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  if (letters === 0 || row < 1) return false;
  addrRow = row;
  addrCol = col;
  return true;
}

function parseAddressText(ref: string): boolean {
  const b = Buffer.from(ref, "latin1");
  return parseAddress(b, 0, b.length);
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
  return new WorksheetParser(bytes, part, name, ctx).parse();
}

/**
 * One pass over one worksheet part. A class rather than closures inside parseWorksheet: the
 * closures were new functions for every sheet, so V8 optimised the cell readers again for the
 * second large sheet; methods keep one optimised copy for the whole workbook.
 */
class WorksheetParser {
  private readonly values: CellValue[][] = [];
  private formulas: (string | null)[][] | undefined;
  private readonly uncached: string[] = [];
  private readonly merged: string[] = [];
  private readonly shared = new Map<string, SharedFormula>();
  private readonly rich = new RichTextCollector();
  private readonly xml: XmlScanner;
  private readonly b: Buffer;
  private readonly limits: ReaderLimits;

  /** 1-based row of the current `<row>`, and the last column read in it. */
  private row = 0;
  private lastCol = 0;
  private capture = NONE;
  private vPieces = 0;

  // The row being filled, in one reused array, stored at its exact length once the next row
  // starts: growing each row by pushes left two backing stores per row (the first one garbage)
  // and most of a 17-slot one unused on the 5-column budget rows.
  private pendingRow = 0;
  private pendingLength = 0;
  private readonly pending: CellValue[] = [];

  // The cell being read, in fields rather than an object per cell: a sheet has hundreds of
  // thousands of cells and each allocation is garbage the collector then has to chase.
  private inCell = false;
  private cRow = 0;
  private cCol = 0;
  private cType = "n";
  private cStyle = 0;
  /** Whether the cell has a `<v>`. */
  private hasV = false;
  /** The `<v>` text as bytes [vStart, vEnd) of the part while it came in one piece… */
  private vStart = 0;
  private vEnd = 0;
  /** …or as text (several pieces, or already decoded). */
  private vText: string | undefined = undefined;
  /** The `<f>` text and attributes; undefined when the cell has no formula. */
  private f: string | undefined = undefined;
  private fType = "";
  private fShared: string | undefined = undefined;
  private inline: string | undefined = undefined;

  constructor(
    bytes: Uint8Array,
    part: string,
    private readonly name: string,
    private readonly ctx: WorkbookContext,
  ) {
    this.limits = ctx.limits;
    this.xml = new XmlScanner(bytes, part, this.limits.maxXmlDepth);
    this.b = this.xml.bytes;
  }

  parse(): SheetSnapshot {
    const xml = this.xml;
    for (let ev = xml.next(); ev !== END; ev = xml.next()) {
      const el = xml.name;
      if (ev === TEXT) {
        if (this.capture !== NONE) this.text();
      } else if (ev === OPEN) {
        if (this.inCell) this.openInCell(el);
        else if (el === "c") this.openCell();
        else if (el === "row") this.openRow();
        else if (el === "mergeCell") {
          const ref = xml.attr("ref");
          if (ref !== undefined) this.merged.push(ref);
        }
      } else if (this.inCell) this.closeInCell(el);
    }
    this.storeRow();

    const { values, formulas, merged, uncached } = this;
    clearMergedCells(values, merged);
    const sheet: SheetSnapshot = { name: this.name, values };
    if (formulas) {
      while (formulas.length < values.length) formulas.push([]);
      sheet.formulas = formulas;
    }
    if (merged.length > 0) sheet.merged = merged;
    if (uncached.length > 0) sheet.uncached = uncached;
    return sheet;
  }

  private where(r: number, c: number): string {
    return `${this.name}!${columnLetters(c)}${r}`;
  }

  private openRow(): void {
    const xml = this.xml;
    let row = this.row;
    if (xml.attrRange("r")) {
      row = intAt(this.b, xml.start, xml.end);
      if (row < 1) row = Number(xml.attr("r"));
    } else row++;
    if (!Number.isInteger(row) || row < 1 || row > MAX_ROW) throw new ReaderFailure("corrupt", `${this.name}: row "${xml.attr("r")}"`);
    this.row = row;
    this.lastCol = 0;
  }

  private openCell(): void {
    const xml = this.xml;
    const b = this.b;
    let r = this.row;
    let c = this.lastCol + 1;
    if (xml.attrRange("r")) {
      if (!parseAddress(b, xml.start, xml.end)) throw new ReaderFailure("corrupt", `${this.name}: cell "${xml.attr("r")}"`);
      r = addrRow;
      c = addrCol;
    }
    if (r < 1 || r > MAX_ROW || c > MAX_COL) throw new ReaderFailure("corrupt", `${this.name}: cell "${xml.attr("r") ?? c}"`);
    this.lastCol = c;
    this.inCell = true;
    this.cRow = r;
    this.cCol = c;
    this.cType = xml.attrToken("t") ?? "n";
    let style = 0;
    if (xml.attrRange("s")) {
      style = intAt(b, xml.start, xml.end);
      if (style < 0) style = Number(xml.attr("s"));
    }
    this.cStyle = style;
    this.hasV = false;
    this.vText = undefined;
    this.f = undefined;
    this.fType = "";
    this.fShared = undefined;
    this.inline = undefined;
  }

  private openInCell(el: string): void {
    const xml = this.xml;
    if (el === "v") {
      this.hasV = true;
      this.vText = undefined;
      // "<v>17</v>" in one step (two events fewer for nearly every cell).
      if (xml.textThenClose()) {
        this.vStart = xml.start;
        this.vEnd = xml.end;
        return;
      }
      this.capture = V;
      this.vPieces = 0;
      this.vStart = this.vEnd = 0;
    } else if (el === "f") {
      this.capture = F;
      this.f = "";
      const t = xml.attrToken("t");
      this.fType = t ?? "normal";
      if (t === "shared") this.fShared = xml.attr("si");
    } else if (el === "is") {
      this.capture = INLINE;
    } else if (this.capture === INLINE) this.rich.open(el);
  }

  private closeInCell(el: string): void {
    if (el === "v" || el === "f") this.capture = NONE;
    else if (el === "c") {
      this.endCell();
      this.inCell = false;
      this.capture = NONE;
    } else if (el === "is") {
      const text = this.rich.take();
      if (text.length > this.limits.maxStringLength) throw new ReaderFailure("string-too-long", this.where(this.cRow, this.cCol));
      this.inline = text;
      this.capture = NONE;
    } else if (this.capture === INLINE) this.rich.close(el);
  }

  private text(): void {
    const xml = this.xml;
    if (this.capture === V) {
      // One piece (always, from a real writer) stays a byte range: no string for a number.
      if (this.vPieces++ === 0 && !xml.isCdata) {
        this.vStart = xml.start;
        this.vEnd = xml.end;
      } else this.vText = this.vString() + xml.text();
    } else if (this.capture === F) this.f += xml.text();
    else if (this.capture === INLINE && this.rich.wantsText) this.rich.text(xml.text());
  }

  /** The `<v>` text, references decoded. */
  private vString(): string {
    return this.vText ?? (this.vText = this.xml.textOf(this.vStart, this.vEnd));
  }

  /** The `<v>` as a number, as `Number(text)` reads it (NaN when it is not one). */
  private vNumber(): number {
    if (this.vText !== undefined) return Number(this.vText);
    const n = numberAt(this.b, this.vStart, this.vEnd);
    // Not a plain number: it may still be one once references are decoded ("&#49;").
    return Number.isNaN(n) ? Number(this.vString()) : n;
  }

  private isEmptyV(): boolean {
    return this.vText === undefined ? this.vStart === this.vEnd : this.vText === "";
  }

  private valueOf(): CellValue {
    if (!this.hasV) return this.cType === "inlineStr" ? (this.inline ?? null) : null;
    switch (this.cType) {
      case "s": {
        const text = this.ctx.sharedStrings[this.vNumber()];
        if (text === undefined) throw new ReaderFailure("corrupt", `${this.where(this.cRow, this.cCol)}: shared string ${this.vString()}`);
        return text;
      }
      case "inlineStr":
        return this.inline ?? unescapeXstring(this.vString());
      case "str":
        return unescapeXstring(this.vString());
      case "b": {
        const v = this.vString();
        return v === "1" || v === "true";
      }
      case "e":
        return this.vString();
      case "d": {
        if (this.isEmptyV()) return null;
        const v = this.vString();
        return serialOfIsoDate(v) ?? v;
      }
      default: {
        if (this.isEmptyV()) return null;
        const n = this.vNumber();
        if (Number.isNaN(n)) return this.vString();
        // 1904 workbooks count days from 1904-01-01: move their dates to the 1900 system.
        return this.ctx.date1904 && this.ctx.dateStyles[this.cStyle] === true ? n + OFFSET_1904 : n;
      }
    }
  }

  private endCell(): void {
    const r = this.cRow;
    const c = this.cCol;
    let formula = this.f;
    if (this.fShared !== undefined) {
      const group = this.shared.get(this.fShared);
      if (formula !== undefined && formula !== "") this.shared.set(this.fShared, { text: formula, row: r, col: c });
      else if (group) formula = shiftFormula(group.text, r - group.row, c - group.col);
    }
    const isFormula = formula !== undefined && formula !== "" && this.fType !== "dataTable";
    // Never calculated (written by a program, not saved by a spreadsheet): unknown, not blank and
    // not XlsxWriter's placeholder 0. openpyxl writes an empty <v></v> for these; only a text
    // result may really be "".
    const unknown =
      isFormula && (this.ctx.fullCalcOnLoad || !this.hasV || (this.isEmptyV() && this.cType !== "str" && this.cType !== "inlineStr"));
    const value = unknown ? null : this.valueOf();
    if (typeof value === "string" && value.length > this.limits.maxStringLength)
      throw new ReaderFailure("string-too-long", this.where(r, c));
    if (value !== null) this.put(r, c, value);
    if (isFormula) {
      this.putFormula(r, c, formula as string);
      if (unknown) this.uncached.push(`${columnLetters(c)}${r}`);
    }
  }

  private put(r: number, c: number, v: CellValue): void {
    if (r !== this.pendingRow) {
      this.storeRow();
      // A row seen before (cells out of order): written where it is.
      if (r <= this.values.length) {
        this.putStored(r, c, v);
        return;
      }
      this.pendingRow = r;
    }
    const out = this.pending;
    const length = this.pendingLength;
    if (c > length) {
      this.countCells(c - length);
      for (let i = length; i < c - 1; i++) out[i] = null;
      out[c - 1] = v;
      this.pendingLength = c;
    } else out[c - 1] = v;
  }

  /** Stores the pending row at its exact length (rows skipped before it stay empty). */
  private storeRow(): void {
    if (this.pendingRow === 0) return;
    const values = this.values;
    while (values.length < this.pendingRow - 1) values.push([]);
    values.push(this.pending.slice(0, this.pendingLength));
    this.pendingRow = 0;
    this.pendingLength = 0;
  }

  private putStored(r: number, c: number, v: CellValue): void {
    const out = this.values[r - 1] as CellValue[];
    if (c > out.length) {
      this.countCells(c - out.length);
      while (out.length < c - 1) out.push(null);
      out.push(v);
    } else out[c - 1] = v;
  }

  /** Counts cells against the workbook's limit (every row counted up to its last value). */
  private countCells(n: number): void {
    const ctx = this.ctx;
    ctx.cells += n;
    if (ctx.cells > this.limits.maxCells) throw new ReaderFailure("too-many-cells", this.name);
  }

  private putFormula(r: number, c: number, text: string): void {
    const formulas = (this.formulas ??= []);
    while (formulas.length < r) formulas.push([]);
    const fr = formulas[r - 1] as (string | null)[];
    while (fr.length < c - 1) fr.push(null);
    fr[c - 1] = `=${text}`;
  }
}

/**
 * Leaves only the top-left cell of each merged area holding a value (the snapshot's rule; Excel
 * keeps no others, but other writers may), then trims what that emptied.
 */
function clearMergedCells(values: CellValue[][], merged: readonly string[]): void {
  if (merged.length === 0) return;
  for (const ref of merged) {
    const [from, to] = ref.split(":");
    if (!from || !parseAddressText(from.replaceAll("$", ""))) continue;
    const a = [addrRow, addrCol] as const;
    if (to && !parseAddressText(to.replaceAll("$", ""))) continue;
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
