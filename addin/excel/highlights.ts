/**
 * Issue highlighting that never touches the user's own formats (SPEC §11): for each sheet with
 * issues, a very hidden "marker" sheet holds 2 (error) or 1 (warning) at the issue cells' own
 * addresses, and two conditional formats on the data sheet compare each cell with its marker
 * through a relative reference. Fills and fonts of the cells are never written; removing the
 * rules and the marker sheets restores exactly what was there.
 *
 * Round trips: with the `HighlightFacts` of the read just made (our rule ids, our marker sheets,
 * the sheet names) replacing the highlighting is ONE write batch with no read-back, so a validate
 * (read 2 + highlight 1) stays within SPEC §11's 3. Without them, or when they turn out stale (a
 * rule or sheet gone meanwhile), it reads first: three round trips (sheets, their rules, the write).
 *
 * Excel refuses to delete a very hidden sheet (Worksheet.delete: InvalidOperation), so a marker
 * sheet is made Hidden and deleted in the same batch. Coauthors each have their own marker sheets
 * and rules (`markerPrefixOf`): one person's Validate or Clear replaces only their own marks. Protected sheets get no highlighting
 * (Excel refuses conditional formats there: AccessDenied); their issues are counted in `locked`.
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { tryParseA1, type CellRange } from "#core/values/address.ts";
import type { Issue } from "#core/validate/issue.ts";
import { areaToA1, quoteSheetName } from "./a1.ts";
import type { ConditionalFormatLike, ExcelRun, RequestContextLike, WorksheetLike } from "./api.ts";
import { isOurRule, MARKER_PREFIX, type OurRule } from "./internal-sheets.ts";
import { withFallback, type AdapterLog } from "./office-errors.ts";

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
  /** Protected sheets whose issues could not be shown (Excel refuses formats there). */
  locked: string[];
}

/** Our highlight objects in the workbook and its sheet names, as the read just made saw them. */
export interface HighlightFacts {
  sheets: string[];
  markers: string[];
  rules: OurRule[];
  /** Protected sheets (no highlighting there). */
  protectedSheets?: string[];
}

interface SheetMarks {
  name: string;
  sheet: WorksheetLike;
  box: CellRange;
  marks: Map<string, number>;
}

/** Cell of an issue: its cell, else column A of its row; undefined when it has neither. */
function issueCell(issue: Issue): { row: number; col: number } | undefined {
  if (issue.cell !== "") return tryParseA1(issue.cell);
  return issue.row > 0 ? { row: issue.row, col: 1 } : undefined;
}

function isOurs(cf: ConditionalFormatLike, prefix: string): boolean {
  return (
    !cf.customOrNullObject.isNullObject &&
    isOurRule(cf.customOrNullObject.rule.formula) &&
    cf.customOrNullObject.rule.formula.includes(prefix)
  );
}

/** Round trip 1 of both operations: sheets, and every rule's formula (to find ours). */
async function loadCurrent(ctx: RequestContextLike): Promise<{
  sheets: WorksheetLike[];
  rules: { sheet: WorksheetLike; items: () => ConditionalFormatLike[] }[];
}> {
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name,items/visibility,items/protection/protected");
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

/**
 * Queues deleting a marker sheet: Excel refuses to delete a very hidden sheet, so it is made
 * Hidden first, in the same batch (the user never sees it: the batch applies as a whole).
 */
function queueDeleteMarker(ws: WorksheetLike): void {
  ws.visibility = "Hidden";
  ws.delete();
}

/** Queues the removal of this person's rules and marker sheets (needs the rules loaded and synced). */
function queueRemoval(current: Awaited<ReturnType<typeof loadCurrent>>, prefix: string): void {
  for (const { sheet, items } of current.rules)
    if (!sheet.protection.protected) for (const cf of items()) if (isOurs(cf, prefix)) cf.delete();
  for (const ws of current.sheets) if (ws.name.startsWith(prefix)) queueDeleteMarker(ws);
}

/** Groups issues by sheet; an error outranks a warning on the same cell. */
function marksBySheet(
  issues: readonly Issue[],
  sheetNames: readonly string[],
  sheetOf: (name: string) => WorksheetLike,
  protectedSheets: ReadonlySet<string>,
): { bySheet: SheetMarks[]; skipped: number; locked: string[] } {
  const byName = new Map(sheetNames.map((name) => [name.toLowerCase(), name]));
  const out = new Map<string, SheetMarks>();
  const locked = new Set<string>();
  let skipped = 0;
  for (const issue of issues) {
    const name = byName.get(issue.sheet.toLowerCase());
    const cell = issueCell(issue);
    if (name === undefined || !cell || name.startsWith(MARKER_PREFIX)) {
      skipped += 1;
      continue;
    }
    if (protectedSheets.has(name)) {
      locked.add(name);
      continue;
    }
    let entry = out.get(name);
    if (!entry) {
      entry = {
        name,
        sheet: sheetOf(name),
        box: { top: cell.row, left: cell.col, bottom: cell.row, right: cell.col },
        marks: new Map(),
      };
      out.set(name, entry);
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
  return { bySheet: [...out.values()], skipped, locked: [...locked] };
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

/** Queues the new marker sheets and rules; returns what they will show once synced. */
function queueAdd(
  ctx: RequestContextLike,
  issues: readonly Issue[],
  sheetNames: readonly string[],
  sheetOf: (name: string) => WorksheetLike,
  protectedSheets: readonly string[],
  prefix: string,
): HighlightResult {
  const { bySheet, skipped, locked } = marksBySheet(issues, sheetNames, sheetOf, new Set(protectedSheets));
  const cells: Record<string, number> = {};
  bySheet.forEach((m, i) => {
    const markerName = `${prefix}${String(i + 1)}`;
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
    cells[m.name] = m.marks.size;
  });
  return { cells, skipped, locked };
}

/** Read-first replacement (three round trips: sheets, their rules, the write): when nothing is known, or what was known is stale. */
async function replaceReading(run: ExcelRun, issues: readonly Issue[], prefix: string): Promise<HighlightResult> {
  return run(async (ctx) => {
    const current = await loadCurrent(ctx);
    await ctx.sync();
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    queueRemoval(current, prefix);
    const byName = new Map(current.sheets.map((ws) => [ws.name, ws]));
    const names = current.sheets.map((ws) => ws.name);
    const locked = current.sheets.filter((ws) => ws.protection.protected).map((ws) => ws.name);
    const added = queueAdd(ctx, issues, names, (n) => byName.get(n) as WorksheetLike, locked, prefix);
    await ctx.sync();
    return added;
  });
}

/**
 * Rules in the order that keeps the ids still to delete valid: by sheet, then by priority, highest
 * first. Ids that are not numbers (not the documented priority) keep their order.
 */
function byIdDescending(rules: HighlightFacts["rules"]): HighlightFacts["rules"] {
  return [...rules].sort((a, b) => {
    if (a.sheet !== b.sheet) return a.sheet < b.sheet ? -1 : 1;
    const x = Number(a.id);
    const y = Number(b.id);
    return Number.isFinite(x) && Number.isFinite(y) ? y - x : 0;
  });
}

/** One write batch: delete what `known` names, add the new ones (fails when `known` is stale). */
async function replaceKnown(
  run: ExcelRun,
  issues: readonly Issue[],
  known: HighlightFacts,
  prefix: string,
): Promise<HighlightResult> {
  return run(async (ctx) => {
    ctx.workbook.application.suspendApiCalculationUntilNextSync();
    const sheets = ctx.workbook.worksheets;
    // getItem (ExcelApi 1.6), not getItemOrNullObject (1.14): a rule gone fails the batch either way.
    // Highest id first: an id is the rule's priority in its sheet's collection, so deleting a
    // rule renumbers those after it, never those before.
    for (const rule of byIdDescending(known.rules))
      sheets.getItem(rule.sheet).getRange().conditionalFormats.getItem(rule.id).delete();
    for (const marker of known.markers) queueDeleteMarker(sheets.getItem(marker));
    const proxies = new Map<string, WorksheetLike>();
    const sheetOf = (name: string): WorksheetLike => {
      let ws = proxies.get(name);
      if (!ws) proxies.set(name, (ws = sheets.getItem(name)));
      return ws;
    };
    const added = queueAdd(ctx, issues, known.sheets, sheetOf, known.protectedSheets ?? [], prefix);
    await ctx.sync();
    return added;
  });
}

/**
 * Replaces any previous highlighting with `issues`: one round trip with `known` (from the read
 * just made, or the previous highlighting), else three. A stale `known` costs the failed batch and
 * the read-first path, which also removes whatever the failed batch left behind.
 */
export async function highlightIssues(
  run: ExcelRun,
  issues: readonly Issue[],
  known: HighlightFacts | undefined,
  log: AdapterLog,
  prefix: string = MARKER_PREFIX,
): Promise<HighlightResult> {
  if (known === undefined) return replaceReading(run, issues, prefix);
  // A rule, sheet or marker gone since the read (ItemNotFound), or a marker name taken
  // (ItemAlreadyExists): the read-first path finds what is really there and cleans up after
  // the failed batch. Anything else is not staleness: logged and thrown.
  return withFallback(
    "highlightIssues",
    log,
    ["ItemNotFound", "ItemAlreadyExists"],
    () => replaceKnown(run, issues, known, prefix),
    () => replaceReading(run, issues, prefix),
  );
}

/** Removes our rules and marker sheets; nothing else changes (one round trip with `known`, else three). */
export async function clearHighlights(
  run: ExcelRun,
  known: HighlightFacts | undefined,
  log: AdapterLog,
  prefix: string = MARKER_PREFIX,
): Promise<void> {
  await highlightIssues(run, [], known, log, prefix);
}
