/**
 * Orders validation issues the way the Validate panel shows them: grouped by sheet (sheets with
 * errors first, then by name as the workbook lists them), and inside a sheet errors before
 * warnings, then by row and column.
 */
import type { Issue } from "#core/validate/issue.ts";

export interface IssueGroup {
  sheet: string;
  errors: number;
  warnings: number;
  issues: Issue[];
}

export interface IssueCounts {
  errors: number;
  warnings: number;
}

/** Counts errors and warnings. */
export function countIssues(issues: readonly Issue[]): IssueCounts {
  let errors = 0;
  for (const i of issues) if (i.severity === "error") errors += 1;
  return { errors, warnings: issues.length - errors };
}

/** Column letters → number ("A" → 1, "AA" → 27); 0 when the cell has no letters. */
function columnNumber(cell: string): number {
  let n = 0;
  for (const ch of cell) {
    const c = ch.toUpperCase().charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}

function compareInSheet(a: Issue, b: Issue): number {
  if (a.severity !== b.severity) return a.severity === "error" ? -1 : 1;
  if (a.row !== b.row) return a.row - b.row;
  return columnNumber(a.cell) - columnNumber(b.cell);
}

/**
 * Groups issues by sheet. `sheetOrder` (the workbook's sheet names) breaks ties between sheets
 * with the same error status; sheets it does not name come last, alphabetically.
 */
export function groupIssues(issues: readonly Issue[], sheetOrder: readonly string[] = []): IssueGroup[] {
  const bySheet = new Map<string, IssueGroup>();
  for (const issue of issues) {
    let g = bySheet.get(issue.sheet);
    if (g === undefined)
      bySheet.set(issue.sheet, (g = { sheet: issue.sheet, errors: 0, warnings: 0, issues: [] }));
    if (issue.severity === "error") g.errors += 1;
    else g.warnings += 1;
    g.issues.push(issue);
  }
  const position = (sheet: string): number => {
    const i = sheetOrder.indexOf(sheet);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const groups = [...bySheet.values()];
  for (const g of groups) g.issues.sort(compareInSheet);
  return groups.sort((a, b) => {
    const ae = a.errors > 0 ? 0 : 1;
    const be = b.errors > 0 ? 0 : 1;
    if (ae !== be) return ae - be;
    const pa = position(a.sheet);
    const pb = position(b.sheet);
    if (pa !== pb) return pa - pb;
    return a.sheet.localeCompare(b.sheet);
  });
}
