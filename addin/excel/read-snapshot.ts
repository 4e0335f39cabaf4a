/**
 * Office.js → workbook snapshot in two round trips whatever the row count (SPEC §11):
 *   1. the sheet list (names, visibility), the culture's decimal separator, the file name;
 *   2. per sheet: the used range's extent and values, its merged areas, the formulas of the
 *      formula cells only, and the sheet's conditional formats (so highlighting can replace ours
 *      without a read of its own).
 * Excel on the web rejects a batch whose payload exceeds 5 MB. Under that cap the read is still
 * two round trips. Above it (a workbook of more than ~262 000 cells), step 2 fails with a payload
 * error and the read starts again in a fresh batch: extents first, then values and formulas in row
 * chunks, as many syncs as the budget needs. That exception depends on the payload size, not on
 * the row count, and cannot be avoided: no single batch may carry more.
 */
import type { CellValue, Locale, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { parseRange } from "#core/values/address.ts";
import { areaToA1 } from "./a1.ts";
import type { ExcelRun, RangeAreasLike, RangeLike, RequestContextLike } from "./api.ts";
import { planChunks, type Chunk } from "./chunks.ts";
import { SYNC_SHEET_NAME } from "#core/sync/sync-sheet.ts";
import { isOurRule, MARKER_PREFIX, type WorkbookFacts } from "./internal-sheets.ts";
import { consoleLog, withFallback, type AdapterLog } from "./office-errors.ts";

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

/** How step 2 reads: everything in one batch, or extents only with the cells in budgeted chunks. */
type Mode = "whole" | "chunked";

/** A read's snapshot plus what it learnt about the add-in's own objects (see `WorkbookFacts`). */
export interface WorkbookRead {
  snapshot: WorkbookSnapshot;
  facts: WorkbookFacts;
}

/** The used range's values placed from A1 (Office.js gives them from the used range's first cell). */
function fromA1(used: RangeLike): CellValue[][] {
  const pad = new Array<CellValue>(used.columnIndex).fill("");
  const out: CellValue[][] = Array.from({ length: used.rowIndex }, () => []);
  for (const row of used.values) out.push(used.columnIndex === 0 ? row : [...pad, ...row]);
  return out;
}

async function readOnce(run: ExcelRun, options: ReadOptions, mode: Mode): Promise<WorkbookRead> {
  const maxCells =
    mode === "whole" ? Number.POSITIVE_INFINITY : (options.maxCellsPerSync ?? Number.POSITIVE_INFINITY);
  const chunkCells = Math.min(options.chunkCells ?? DEFAULT_CHUNK_CELLS, maxCells);
  return run(async (ctx: RequestContextLike) => {
    // 1. Sheets and culture.
    const sheets = ctx.workbook.worksheets;
    sheets.load("items/id,items/name,items/visibility,items/protection/protected");
    const culture = ctx.workbook.application.cultureInfo;
    culture.load("numberFormat/numberDecimalSeparator");
    ctx.workbook.load("name");
    await ctx.sync();

    // 2. Per sheet: extent (and in "whole" mode the cells), merged areas, formula cells, rules.
    // Highlight markers are ours, not the plan's; their rules on data sheets are found here too.
    const whole = mode === "whole";
    const probes = sheets.items
      .filter((ws) => !ws.name.startsWith(MARKER_PREFIX))
      .map((ws) => {
        const used = ws.getUsedRange(true);
        used.load(`rowIndex,columnIndex,rowCount,columnCount${whole ? ",values" : ""}`);
        const merged = used.getMergedAreasOrNullObject();
        merged.load("areas/items/address");
        const formulaAreas = used.getSpecialCellsOrNullObject("Formulas");
        formulaAreas.load(whole ? "areas/items/address,areas/items/formulas" : "areas/items/address");
        const rules = ws.getRange().conditionalFormats;
        rules.load("items/id,items/customOrNullObject/rule/formula");
        return { ws, used, merged, formulaAreas, rules };
      });
    await ctx.sync();

    const plans = probes.map((p) => sheetPlan(p.ws.name, p.ws.visibility, p.used, p.merged, p.formulaAreas));
    let values: CellValue[][][];
    let formulaCells: { address: string; formulas: CellValue[][] }[][];
    let cells = 0;
    if (whole) {
      values = probes.map((p) => fromA1(p.used));
      formulaCells = probes.map((p) =>
        p.formulaAreas.isNullObject
          ? []
          : p.formulaAreas.areas.items.map((r) => ({
              address: areaToA1(parseRange(r.address)),
              formulas: r.formulas,
            })),
      );
      cells = probes.reduce((n, p) => n + p.used.rowCount * p.used.columnCount, 0);
    } else {
      // 3. Values by row chunk, formulas of formula cells, batched under the payload budget.
      const chunks: Chunk[] = plans.flatMap((plan, sheetIndex) =>
        planChunks(sheetIndex, plan.rows, plan.cols, areaAddresses(plan.formulaAreas), chunkCells),
      );
      values = plans.map(() => []);
      formulaCells = plans.map(() => []);
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
        cells += chunk.kind === "values" ? chunk.cells : 0;
      }
      await flush();
    }

    const snapshot: WorkbookSnapshot = {
      origin: "excel",
      name: ctx.workbook.name,
      locale: localeOfSeparator(culture.numberFormat.numberDecimalSeparator),
      sheets: plans.map((plan, i) => assemble(plan, values[i] ?? [], formulaCells[i] ?? [])),
    };
    const names = sheets.items.map((ws) => ws.name);
    const facts: WorkbookFacts = {
      sheets: names,
      ids: sheets.items.map((ws) => ({ id: ws.id, name: ws.name })),
      markers: names.filter((n) => n.startsWith(MARKER_PREFIX)),
      rules: probes.flatMap((p) =>
        p.rules.items
          .filter(
            (cf) => !cf.customOrNullObject.isNullObject && isOurRule(cf.customOrNullObject.rule.formula),
          )
          .map((cf) => ({ sheet: p.ws.name, id: cf.id, formula: cf.customOrNullObject.rule.formula })),
      ),
      syncSheet: names.some((n) => n.toLowerCase() === SYNC_SHEET_NAME.toLowerCase()),
      protectedSheets: sheets.items.filter((ws) => ws.protection.protected).map((ws) => ws.name),
      cells,
    };
    return { snapshot, facts };
  });
}

/**
 * Reads every sheet and what the add-in needs to know about its own objects: two round trips,
 * more only above Excel on the web's payload cap (see the module comment). `lastCells` (the size
 * of the previous read) skips the one-batch attempt when it is known not to fit.
 */
export async function readWorkbook(
  run: ExcelRun,
  options: ReadOptions = {},
  lastCells = 0,
  log: AdapterLog = consoleLog,
): Promise<WorkbookRead> {
  const budget = options.maxCellsPerSync ?? Number.POSITIVE_INFINITY;
  if (lastCells > budget) return readOnce(run, options, "chunked");
  // Over the web's payload cap (Excel names it Response…, older builds Request…) or a range
  // over Excel's 5 million cells per read: read in budgeted chunks. Any other failure is real.
  return withFallback(
    "readSnapshot",
    log,
    ["ResponsePayloadSizeLimitExceeded", "RequestPayloadSizeLimitExceeded", "RangeExceedsLimit"],
    () => readOnce(run, options, "whole"),
    () => readOnce(run, options, "chunked"),
  );
}

/** Reads every sheet of the workbook into a snapshot (origin "excel"). */
export async function readSnapshot(
  run: ExcelRun,
  options: ReadOptions = {},
  log: AdapterLog = consoleLog,
): Promise<WorkbookSnapshot> {
  return (await readWorkbook(run, options, 0, log)).snapshot;
}
