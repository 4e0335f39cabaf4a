/**
 * What the preview grid shows of the in-memory host's workbook: values (our formulas evaluated),
 * and the highlight each cell gets from the add-in's conditional formats, which compare the cell
 * with the same address on a very hidden marker sheet (see addin/excel/highlights.ts).
 */
import type { CellValue } from "#core/snapshot/types.ts";
import { tryParseA1 } from "#core/values/index.ts";
import { getCell, usedArea } from "#addin/memory-host/state.ts";
import type { FakeSheetState, FakeWorkbookState } from "#addin/memory-host/state.ts";
import type { FormulaContext } from "./formulas.ts";

export interface GridCell {
  value: CellValue;
  formula?: string;
  /** 2 error, 1 warning (from the add-in's highlighting). */
  mark?: 1 | 2;
  /** The user's own fill, kept visible to show highlighting never replaces it. */
  fill?: string;
}

export interface GridView {
  rows: GridCell[][];
  /** Rows in the sheet (the view may show fewer). */
  totalRows: number;
  columns: number;
}

const RULE = /^=(?:'((?:[^']|'')+)'|([^!'=]+))!\$?([A-Z]+)\$?(\d+)=(\d+)$/;

interface Rule {
  top: number;
  left: number;
  bottom: number;
  right: number;
  marker: FakeSheetState;
  row: number;
  col: number;
  level: 1 | 2;
}

function rulesOf(wb: FakeWorkbookState, sheet: FakeSheetState): Rule[] {
  const out: Rule[] = [];
  for (const cf of sheet.conditionalFormats) {
    const m = RULE.exec(cf.formula);
    if (m === null) continue;
    const name = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? "");
    const marker = wb.sheets.find((s) => s.name === name);
    const ref = tryParseA1(`${m[3] ?? ""}${m[4] ?? ""}`);
    const level = Number(m[5]);
    if (marker === undefined || ref === undefined || (level !== 1 && level !== 2)) continue;
    out.push({ ...cf.area, marker, row: ref.row, col: ref.col, level });
  }
  return out;
}

/** The visible part (first `maxRows` rows) of a sheet. */
export function gridView(
  wb: FakeWorkbookState,
  sheet: FakeSheetState,
  maxRows: number,
  formulas: () => FormulaContext,
): GridView {
  const used = usedArea(sheet, false);
  if (used === undefined) return { rows: [], totalRows: 0, columns: 0 };
  const rules = rulesOf(wb, sheet);
  const shown = Math.min(used.bottom, maxRows);
  const lookup = (r: number, c: number): CellValue => getCell(sheet, r, c)?.value ?? null;
  const rows: GridCell[][] = [];
  for (let r = 1; r <= shown; r++) {
    const row: GridCell[] = [];
    for (let c = 1; c <= used.right; c++) {
      const cell = getCell(sheet, r, c);
      const out: GridCell = { value: cell?.value ?? null };
      if (cell?.formula !== undefined) {
        out.formula = cell.formula;
        const v = formulas().evaluate(cell.formula, lookup);
        // A formula the preview cannot compute shows what Excel shows for an unknown name.
        out.value = v !== undefined ? v : (cell.value ?? "#NAME?");
      }
      if (cell?.format?.fill !== undefined) out.fill = cell.format.fill;
      for (const rule of rules) {
        if (r < rule.top || r > rule.bottom || c < rule.left || c > rule.right) continue;
        const markerValue = getCell(
          rule.marker,
          rule.row + (r - rule.top),
          rule.col + (c - rule.left),
        )?.value;
        if (markerValue === rule.level && (out.mark ?? 0) < rule.level) out.mark = rule.level;
      }
      row.push(out);
    }
    rows.push(row);
  }
  return { rows, totalRows: used.bottom, columns: used.right };
}
