/**
 * Office.js → workbook snapshot in a constant number of round trips (SPEC §11):
 *   1. the sheet list and the culture's decimal separator;
 *   2. per sheet: the used range's extent, its merged areas and where its formulas are;
 *   3. per sheet: the values (in row chunks) and the formulas of the formula cells only.
 * On Excel on the web a batch's payload is limited to 5 MB: there, step 3 spills into further
 * syncs only when the cells exceed the per-sync budget, so the count depends on payload size and
 * not on the row count (a 10 000-row projects sheet still reads in 3). Desktop Excel has no such
 * limit and always reads in 3.
 */
import type { CellValue, Locale, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { parseRange } from "#core/values/address.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun, RangeAreasLike, RangeLike, RequestContextLike } from "./api.ts";
import { planChunks, type Chunk } from "./chunks.ts";
import { MARKER_PREFIX } from "./internal-sheets.ts";

export interface ReadOptions {
  /** Cells one sync may read; unlimited by default (desktop). Use {@link WEB_MAX_CELLS_PER_SYNC} on the web. */
  maxCellsPerSync?: number;
  /** Cells per range object (a sheet is read in row chunks of about this many cells). */
  chunkCells?: number;
}

/** Excel on the web rejects payloads over 5 MB; at ~16 bytes per cell in JSON, 262 144 cells stay near 4 MB. */
export const WEB_MAX_CELLS_PER_SYNC = 262_144;
export const DEFAULT_CHUNK_CELLS = 65_536;

/** Office.js visibility → snapshot hidden flag. */
function hiddenOf(visibility: string): SheetSnapshot["hidden"] {
  if (visibility === "VeryHidden") return "very";
  if (visibility === "Hidden") return true;
  return undefined;
}

/** The culture's decimal mark decides the number locale: "," is Italian, anything else English. */
export function localeOfSeparator(decimalSeparator: string): Locale {
  return decimalSeparator === "," ? "it" : "en";
}

function areaAddresses(areas: RangeAreasLike): string[] {
  if (areas.isNullObject) return [];
  return areas.areas.items.map((r) => areaToA1(parseRange(r.address)));
}

/** Office.js gives "" for an empty cell; the snapshot has null. Rows lose trailing empties. */
function trimRow<T>(row: T[], empty: (v: T) => boolean): T[] {
  let end = row.length;
  while (end > 0 && empty(row[end - 1] as T)) end--;
  if (end < row.length) row.length = end;
  return row;
}

interface SheetPlan {
  name: string;
  hidden: SheetSnapshot["hidden"];
  rows: number;
  cols: number;
  merged: RangeAreasLike;
  formulaAreas: RangeAreasLike;
}

/** Step 2 results → the grid sizes and the chunks to read. */
function sheetPlan(
  name: string,
  visibility: string,
  used: RangeLike,
  merged: RangeAreasLike,
  formulaAreas: RangeAreasLike,
): SheetPlan {
  // Read from A1 so the grid is anchored there whatever the used range's first cell is.
  const rows = used.rowIndex + used.rowCount;
  const cols = used.columnIndex + used.columnCount;
  return { name, hidden: hiddenOf(visibility), rows, cols, merged, formulaAreas };
}

function assemble(
  plan: SheetPlan,
  values: CellValue[][],
  formulaCells: { address: string; formulas: CellValue[][] }[],
): SheetSnapshot {
  const grid: CellValue[][] = values.map((row) =>
    trimRow(
      row.map((v) => (v === "" ? null : v)),
      (v) => v === null,
    ),
  );
  while (grid.length > 0 && (grid[grid.length - 1] as CellValue[]).length === 0) grid.pop();
  const sheet: SheetSnapshot = { name: plan.name, values: grid };
  if (formulaCells.length > 0) {
    const formulas: (string | null)[][] = grid.map(() => []);
    for (const area of formulaCells) {
      const a = parseRange(area.address);
      area.formulas.forEach((row, r) =>
        row.forEach((f, c) => {
          if (typeof f !== "string" || !f.startsWith("=")) return;
          const target = (formulas[a.top - 1 + r] ??= []);
          for (let i = target.length; i < a.left - 1 + c; i++) target.push(null);
          target[a.left - 1 + c] = f;
        }),
      );
    }
    for (let i = 0; i < formulas.length; i++) formulas[i] ??= [];
    sheet.formulas = formulas;
  }
  const merged = areaAddresses(plan.merged);
  if (merged.length > 0) sheet.merged = merged;
  if (plan.hidden !== undefined) sheet.hidden = plan.hidden;
  return sheet;
}

/** Reads every sheet of the workbook into a snapshot (origin "excel"). */
export async function readSnapshot(run: ExcelRun, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const maxCells = options.maxCellsPerSync ?? Number.POSITIVE_INFINITY;
  const chunkCells = Math.min(options.chunkCells ?? DEFAULT_CHUNK_CELLS, maxCells);
  return run(async (ctx: RequestContextLike) => {
    // 1. Sheets and culture.
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/name,items/visibility");
    const culture = ctx.workbook.application.cultureInfo;
    culture.load("numberFormat/numberDecimalSeparator");
    ctx.workbook.load("name");
    await ctx.sync();

    // 2. Extent, merged areas and formula cells of each sheet (highlight markers are ours, not the plan's).
    const probes = sheets.items
      .filter((ws) => !ws.name.startsWith(MARKER_PREFIX))
      .map((ws) => {
        const used = ws.getUsedRange(true);
        used.load("rowIndex,columnIndex,rowCount,columnCount");
        const merged = used.getMergedAreasOrNullObject();
        merged.load("areas/items/address");
        const formulaAreas = used.getSpecialCellsOrNullObject("Formulas");
        formulaAreas.load("areas/items/address");
        return { ws, used, merged, formulaAreas };
      });
    await ctx.sync();

    // 3. Values by row chunk, formulas of formula cells, batched under the payload budget.
    const plans = probes.map((p) => sheetPlan(p.ws.name, p.ws.visibility, p.used, p.merged, p.formulaAreas));
    const chunks: Chunk[] = plans.flatMap((plan, sheetIndex) =>
      planChunks(sheetIndex, plan.rows, plan.cols, areaAddresses(plan.formulaAreas), chunkCells),
    );
    const values: CellValue[][][] = plans.map(() => []);
    const formulaCells: { address: string; formulas: CellValue[][] }[][] = plans.map(() => []);
    let batch: { chunk: Chunk; range: RangeLike }[] = [];
    let batchCells = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await ctx.sync();
      for (const { chunk, range } of batch) {
        if (chunk.kind === "values") values[chunk.sheet]?.push(...range.values);
        else formulaCells[chunk.sheet]?.push({ address: chunk.address, formulas: range.formulas });
      }
      batch = [];
      batchCells = 0;
    };
    for (const chunk of chunks) {
      if (batchCells > 0 && batchCells + chunk.cells > maxCells) await flush();
      const ws = probes[chunk.sheet]?.ws;
      if (!ws) continue;
      const range = ws.getRange(chunk.address);
      range.load(chunk.kind);
      batch.push({ chunk, range });
      batchCells += chunk.cells;
    }
    await flush();

    const snapshot: WorkbookSnapshot = {
      origin: "excel",
      name: ctx.workbook.name,
      locale: localeOfSeparator(culture.numberFormat.numberDecimalSeparator),
      sheets: plans.map((plan, i) => assemble(plan, values[i] ?? [], formulaCells[i] ?? [])),
    };
    return snapshot;
  });
}
