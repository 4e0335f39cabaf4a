/**
 * Budget sheet rows → budget rows (SPEC §3, §7). The project column fills down (one merged project
 * cell over its cost rows); a sheet without a project column is one project's budget, named by
 * the sheet. An overhead row may state its rate ("25%"), which then applies to its project.
 * Totals rows are checked against the rows above; a matching total of one project's rows is kept
 * so the budget-consistency check can compare it with the computed total.
 */
import type { BudgetRow, Cents } from "#core/model.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import type { RowAt } from "#core/validate/problem.ts";
import { buildBudgetRow, RowCells } from "#core/validate/fields/build.ts";
import { BUDGET_FIELDS, statedRateIn } from "#core/validate/fields/tables.ts";
import { isBlank } from "#core/values/index.ts";
import { isTotalsRow } from "./grid.ts";
import { entryAt, extraOf, firstDataRow, rowCellsOf } from "./sheet-read.ts";
import type { Entry, ReadCtx, SheetRead } from "./sheet-read.ts";
import { RunningSums } from "./totals.ts";

/** A totals row that stated one project's total (and matched its rows). */
export interface StatedTotal {
  project: string;
  stated: Cents;
  at: RowAt;
}

export interface BudgetRead {
  rows: Entry<BudgetRow>[];
  totals: StatedTotal[];
}

/** Reads the cost rows of a recognised budget sheet. */
export function readBudget(read: SheetRead, ctx: ReadCtx): BudgetRead {
  const rows: Entry<BudgetRow>[] = [];
  const totals: StatedTotal[] = [];
  const { grid } = read;
  const sums = new RunningSums(["amount"]);
  // Without a project column the sheet is one project's budget: the "project" reader still runs.
  const fields = read.fields.some((f) => f.field === "project") ? read.fields : [...read.fields, { field: "project", index: -1 }];
  const cells = new RowCells(BUDGET_FIELDS, fields);
  const projectIndex = read.fields.find((f) => f.field === "project")?.index;
  let aboveProject: CellValue = null;
  let sectionProjects = new Set<string>();
  for (let row = firstDataRow(read); row <= grid.rowCount; row++) {
    if (grid.isBlankRow(row)) continue;
    if (isTotalsRow(grid, row)) {
      const matched = sums.checkRow(read, row, ctx);
      const stated = matched.get("amount");
      const [only] = sectionProjects;
      if (stated !== undefined && sectionProjects.size === 1 && only !== undefined) totals.push({ project: only, stated, at: { sheet: read.place, row } });
      sectionProjects = new Set();
      continue;
    }
    const values = rowCellsOf(read, row);
    if (projectIndex !== undefined) {
      const project = values[projectIndex] ?? null;
      if (isBlank(project)) cells.load(values, "project", aboveProject);
      else {
        aboveProject = project;
        cells.load(values);
      }
    } else cells.load(values, "project", read.sheet.name);
    const built = buildBudgetRow(cells, ctx, extraOf(read, row, read.unknown));
    const b = built.entity;
    b.source = { sheet: read.sheet.name, row };
    const rate = statedRateIn(b);
    if (rate !== undefined) b.rate = rate;
    sums.add("amount", b.amount);
    if (b.project !== "") sectionProjects.add(b.project);
    rows.push(entryAt(read, row, b, built.problems));
  }
  return { rows, totals };
}
