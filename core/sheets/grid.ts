/**
 * Cell access for the row readers: merged areas read as their top-left value, blank-row and
 * totals-row detection, and "code inside the title" splitting (SPEC §3).
 */
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";
import { cleanText, foldText, isBlank, tryParseRange } from "#core/values/index.ts";

/** Reads cells of one sheet, with merged areas filled from their top-left cell. */
export interface Grid {
  readonly rowCount: number;
  /** Cell at 1-based row/col (null outside the data). */
  cell(row: number, col: number): CellValue;
  /** The row's raw values (may be shorter than the header); merged cells are not filled in. */
  rowValues(row: number): readonly CellValue[] | undefined;
  /** true when the sheet has merged areas (then read through `cell`). */
  readonly hasMerged: boolean;
  /** true when the row holds no non-blank cell. */
  isBlankRow(row: number): boolean;
  /** The first non-blank cell of the row, or null. */
  firstValue(row: number): CellValue;
}

/** Merged-area cells other than the top-left, keyed row*COLS+col, valued with the top-left cell. */
const KEY_COLS = 16384;

/**
 * Builds the grid of a sheet (merged areas are resolved once, not per cell read). A class rather
 * than closures per sheet: the readers' calls then have one target whatever the sheet, and their
 * optimised code is not thrown away when the second sheet comes.
 */
export function gridOf(sheet: SheetSnapshot): Grid {
  return new SheetGrid(sheet.values, mergedFill(sheet));
}

/** Merged-area cells other than the top-left, blank in the data, by row*KEY_COLS+col → the top-left value. */
function mergedFill(sheet: SheetSnapshot): Map<number, CellValue> {
  const values = sheet.values;
  const filled = new Map<number, CellValue>();
  for (const a1 of sheet.merged ?? []) {
    const area = tryParseRange(a1);
    if (area === undefined) continue;
    const top = values[area.top - 1]?.[area.left - 1] ?? null;
    // Cap the area to the data so a whole-column merge cannot blow up memory.
    const bottom = Math.min(area.bottom, values.length);
    for (let r = area.top; r <= bottom; r++) {
      for (let c = area.left; c <= area.right && c <= KEY_COLS; c++) {
        if (r === area.top && c === area.left) continue;
        if (isBlank(values[r - 1]?.[c - 1] ?? null)) filled.set(r * KEY_COLS + c, top);
      }
    }
  }
  return filled;
}

class SheetGrid implements Grid {
  readonly rowCount: number;
  readonly hasMerged: boolean;

  constructor(
    private readonly values: readonly (readonly CellValue[])[],
    private readonly filled: ReadonlyMap<number, CellValue>,
  ) {
    this.rowCount = values.length;
    this.hasMerged = filled.size > 0;
  }

  cell(row: number, col: number): CellValue {
    const v = this.values[row - 1]?.[col - 1];
    if (v !== undefined && v !== null && v !== "") return v;
    if (this.hasMerged) {
      const m = this.filled.get(row * KEY_COLS + col);
      if (m !== undefined) return m;
    }
    return v ?? null;
  }

  rowValues(row: number): readonly CellValue[] | undefined {
    return this.values[row - 1];
  }

  firstValue(row: number): CellValue {
    const r = this.values[row - 1];
    if (r === undefined) return null;
    for (let c = 1; c <= r.length; c++) {
      const v = this.cell(row, c);
      if (!isBlank(v)) return v;
    }
    return null;
  }

  isBlankRow(row: number): boolean {
    return this.firstValue(row) === null;
  }
}

const TOTAL_WORDS: ReadonlySet<string> = new Set(["totale", "total", "totali", "totals", "totale generale", "grand total"]);

/**
 * true when the row's first non-empty cell is "Totale", "Total", "TOTALE" or "Totali"
 * (also "Totale costi progetto", "Total:"): a totals row, never an entity.
 */
export function isTotalsRow(grid: Grid, row: number): boolean {
  const first = grid.firstValue(row);
  if (typeof first !== "string") return false;
  // Cheap pre-check: every totals word starts with "t" or "g" (after leading spaces).
  const c = first.trimStart().charCodeAt(0) | 0x20;
  if (c !== 0x74 /* t */ && c !== 0x67 /* g */) return false;
  const f = foldText(first);
  if (TOTAL_WORDS.has(f)) return true;
  const space = f.indexOf(" ");
  return space > 0 && (f.slice(0, space) === "totale" || f.slice(0, space) === "totali");
}

/** "5 BIG DATA …", "5.1 Big Data per …", "5) …", "5.1 - …": a leading code and the rest. */
const CODE_IN_TITLE = /^(\d{1,3}(?:\.\d{1,3})*)(?:[.)]|\s*[-–:])?\s+(\S[\s\S]*)$/;
/** A bare code: "5", "5.1", "5.1.2". */
const BARE_CODE = /^\d{1,3}(?:\.\d{1,3})*$/;

/** A title split into its leading code and the rest, or undefined when it has no leading code. */
export function splitCodeTitle(v: CellValue): { code: string; title: string } | undefined {
  const t = typeof v === "string" ? cleanText(v) : undefined;
  if (t === undefined) return undefined;
  const m = CODE_IN_TITLE.exec(t);
  if (m === null || m[1] === undefined || m[2] === undefined) return undefined;
  return { code: m[1], title: m[2].trim() };
}

/** true for a bare numeric code ("5", "5.1") or a number cell. */
export function isBareCode(v: CellValue): boolean {
  if (typeof v === "number") return Number.isFinite(v) && v >= 0;
  const t = typeof v === "string" ? cleanText(v) : undefined;
  return t !== undefined && BARE_CODE.test(t);
}
