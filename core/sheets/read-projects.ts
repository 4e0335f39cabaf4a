/**
 * Projects sheet rows → projects (SPEC §3): the line column fills down, a line cell may carry its
 * title ("5.1 Big Data per …" → 5.1) or only the title (looked up), unknown columns are kept in
 * `extra`, totals rows are checked against the sums of the budget columns.
 */
import type { Line, Project } from "#core/model.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { buildProject, RowCells } from "#core/validate/fields/build.ts";
import { PROJECT_FIELDS } from "#core/validate/fields/tables.ts";
import { cleanText, foldText, isBlank, isFormulaError } from "#core/values/index.ts";
import { isBareCode, isTotalsRow, splitCodeTitle } from "./grid.ts";
import { entryAt, extraOf, firstDataRow, rowCellsOf } from "./sheet-read.ts";
import type { Entry, ReadCtx, SheetRead } from "./sheet-read.ts";
import { RunningSums } from "./totals.ts";

/** Resolves a project's line cell to a line code (or leaves it as written). */
export function lineRefs(lines: readonly Line[]): (cell: CellValue) => CellValue {
  const byTitle = new Map<string, string>();
  for (const l of lines) if (l.title !== "" && l.code !== "") byTitle.set(foldText(l.title), l.code);
  return (cell) => {
    if (isFormulaError(cell) || isBlank(cell)) return cell;
    if (isBareCode(cell)) return cleanText(cell) ?? cell;
    const split = splitCodeTitle(cell);
    if (split !== undefined) return split.code;
    const t = cleanText(cell);
    return (t === undefined ? undefined : byTitle.get(foldText(t))) ?? cell;
  };
}

const MONEY_FIELDS = ["totalBudget", "requested"] as const;

/** Reads the projects of a recognised projects sheet. */
export function readProjects(read: SheetRead, ctx: ReadCtx, lineOf: (cell: CellValue) => CellValue): Entry<Project>[] {
  const out: Entry<Project>[] = [];
  const { grid } = read;
  const sums = new RunningSums(MONEY_FIELDS);
  let aboveLine: CellValue = null;
  const cells = new RowCells(PROJECT_FIELDS, read.fields);
  const lineIndex = read.fields.find((f) => f.field === "line")?.index;
  for (let row = firstDataRow(read); row <= grid.rowCount; row++) {
    if (grid.isBlankRow(row)) continue;
    if (isTotalsRow(grid, row)) {
      sums.checkRow(read, row, ctx);
      continue;
    }
    const values = rowCellsOf(read, row);
    if (lineIndex !== undefined) {
      // Fill-down: projects grouped under a merged line cell.
      let line = values[lineIndex] ?? null;
      if (isBlank(line)) line = aboveLine;
      else aboveLine = line;
      cells.load(values, "line", lineOf(line));
    } else cells.load(values);
    const built = buildProject(cells, ctx, extraOf(read, row));
    const p = built.entity;
    p.source = { sheet: read.sheet.name, row };
    for (const f of MONEY_FIELDS) sums.add(f, p[f]);
    out.push(entryAt(read, row, p, built.problems));
  }
  return out;
}
