/**
 * Issue highlighting that never touches the user's own formats (SPEC §11): for each sheet with
 * issues, a very hidden "marker" sheet holds 2 (error) or 1 (warning) at the issue cells' own
 * addresses, and two conditional formats on the data sheet compare each cell with its marker
 * through a relative reference. Fills and fonts of the cells are never written; removing the
 * rules and the marker sheets (one call, two round trips) restores exactly what was there.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { tryParseA1, type CellRange } from "#core/values/address.ts";
import type { Issue } from "#core/validate/issue.ts";
import { areaToA1, quoteSheetName } from "./a1.ts";
import type { ConditionalFormatLike, ExcelRun, RequestContextLike, WorksheetLike } from "./api.ts";
import { MARKER_PREFIX } from "./internal-sheets.ts";

export { MARKER_PREFIX } from "./internal-sheets.ts";
const ERROR = 2;
const WARNING = 1;
/** Excel's own "light red fill with dark red text" and "yellow fill with dark yellow text". */
const STYLES = {
  [ERROR]: { fill: "#FFC7CE", font: "#9C0006" },
  [WARNING]: { fill: "#FFEB9C", font: "#9C5700" },
} as const;

export interface HighlightResult {
  /** Cells marked, by sheet name. */
  cells: Record<string, number>;
  /** Issues that name a sheet the workbook does not have, or no cell. */
  skipped: number;
}

interface SheetMarks {
  sheet: WorksheetLike;
  box: CellRange;
  marks: Map<string, number>;
}

/** Cell of an issue: its cell, else column A of its row; undefined when it has neither. */
function issueCell(issue: Issue): { row: number; col: number } | undefined {
  if (issue.cell !== "") return tryParseA1(issue.cell);
  return issue.row > 0 ? { row: issue.row, col: 1 } : undefined;
}

function isOurs(cf: ConditionalFormatLike): boolean {
  return !cf.customOrNullObject.isNullObject && cf.customOrNullObject.rule.formula.includes(MARKER_PREFIX);
}

/** Round trip 1 of both operations: sheets, and every rule's formula (to find ours). */
async function loadCurrent(
  ctx: RequestContextLike,
): Promise<{
  sheets: WorksheetLike[];
  rules: { sheet: WorksheetLike; items: () => ConditionalFormatLike[] }[];
}> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  await ctx.sync();
  const rules = sheets.items
    .filter((ws) => !ws.name.startsWith(MARKER_PREFIX))
    .map((ws) => {
      const cfs = ws.getRange().conditionalFormats;
      cfs.load("items/id,items/customOrNullObject/rule/formula");
      return { sheet: ws, items: () => cfs.items };
    });
  return { sheets: sheets.items, rules };
}

/** Queues the removal of our rules and marker sheets (needs the rules loaded and synced). */
function queueRemoval(current: Awaited<ReturnType<typeof loadCurrent>>): void {
  for (const { items } of current.rules) for (const cf of items()) if (isOurs(cf)) cf.delete();
  for (const ws of current.sheets) if (ws.name.startsWith(MARKER_PREFIX)) ws.delete();
}

/** Groups issues by sheet; an error outranks a warning on the same cell. */
function marksBySheet(
  issues: readonly Issue[],
  sheets: readonly WorksheetLike[],
): { bySheet: SheetMarks[]; skipped: number } {
  const byName = new Map(sheets.map((s) => [s.name.toLowerCase(), s]));
  const out = new Map<string, SheetMarks>();
  let skipped = 0;
  for (const issue of issues) {
    const ws = byName.get(issue.sheet.toLowerCase());
    const cell = issueCell(issue);
    if (!ws || !cell || ws.name.startsWith(MARKER_PREFIX)) {
      skipped += 1;
      continue;
    }
    let entry = out.get(ws.name);
    if (!entry) {
      entry = {
        sheet: ws,
        box: { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col },
        marks: new Map(),
      };
      out.set(ws.name, entry);
    }
    const b = entry.box;
    b.top = Math.min(b.top, cell.row);
    b.left = Math.min(b.left, cell.col);
    b.bottom = Math.max(b.bottom, cell.row);
    b.right = Math.max(b.right, cell.col);
    const key = `${String(cell.row)},${String(cell.col)}`;
    const level = issue.severity === "error" ? ERROR : WARNING;
    entry.marks.set(key, Math.max(entry.marks.get(key) ?? 0, level));
  }
  return { bySheet: [...out.values()], skipped };
}

/** The marker grid over the box: null (Office.js: leave the cell alone) except at marked cells. */
function markerGrid(m: SheetMarks): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = m.box.top; r <= m.box.bottom; r++) {
    const row: CellValue[] = new Array<CellValue>(m.box.right - m.box.left + 1).fill(null);
    grid.push(row);
  }
  for (const [key, level] of m.marks) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    (grid[r - m.box.top] as CellValue[])[c - m.box.left] = level;
  }
  return grid;
}

/** Replaces any previous highlighting with `issues` (two round trips). */
export async function highlightIssues(run: ExcelRun, issues: readonly Issue[]): Promise<HighlightResult> {
  return run(async (ctx) => {
    const current = await loadCurrent(ctx);
    await ctx.sync();
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    queueRemoval(current);
    const { bySheet, skipped } = marksBySheet(issues, current.sheets);
    const cells: Record<string, number> = {};
    bySheet.forEach((m, i) => {
      const markerName = `${MARKER_PREFIX}${String(i + 1)}`;
      const marker = ctx.workbook.worksheets.add(markerName);
      const box = areaToA1(m.box);
      marker.getRange(box).values = markerGrid(m);
      marker.visibility = "VeryHidden";
      // Relative reference: each cell of the box looks at the same address on the marker sheet.
      const topLeft = areaToA1({ top: m.box.top, left: m.box.left, bottom: m.box.top, right: m.box.left });
      for (const level of [ERROR, WARNING] as const) {
        const cf = m.sheet.getRange(box).conditionalFormats.add("Custom");
        cf.custom.rule.formula = `=${quoteSheetName(markerName)}!${topLeft}=${String(level)}`;
        cf.custom.format.fill.color = STYLES[level].fill;
        cf.custom.format.font.color = STYLES[level].font;
      }
      cells[m.sheet.name] = m.marks.size;
    });
    await ctx.sync();
    return { cells, skipped };
  });
}

/** Removes our rules and marker sheets; nothing else changes (two round trips). */
export async function clearHighlights(run: ExcelRun): Promise<void> {
  await run(async (ctx) => {
    const current = await loadCurrent(ctx);
    await ctx.sync();
    queueRemoval(current);
    await ctx.sync();
  });
}
