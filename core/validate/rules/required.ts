/**
 * Required fields (SPEC §5): priority code and title; line code, title and priority; project
 * code-or-acronym and title; budget row project. A field already reported as unreadable is not
 * reported again as missing.
 */
import type { BudgetRow, Line, Priority, Project } from "#core/model.ts";
import type { FieldProblem } from "../problem.ts";

function missing(field: string, already: readonly FieldProblem[]): FieldProblem[] {
  if (already.some((p) => p.field === field && p.severity === "error")) return [];
  return [{ severity: "error", code: "required.missing", field, value: null }];
}

function blank(s: string | undefined): boolean {
  return s === undefined || s === "";
}

/** Missing required fields of a priority. */
export function requiredPriority(p: Priority, already: readonly FieldProblem[]): FieldProblem[] {
  return [...(blank(p.code) ? missing("code", already) : []), ...(blank(p.title) ? missing("title", already) : [])];
}

/** Missing required fields of a line (a line's code may be assigned later, so it is checked by the caller). */
export function requiredLine(l: Line, already: readonly FieldProblem[]): FieldProblem[] {
  return [
    ...(blank(l.code) ? missing("code", already) : []),
    ...(blank(l.title) ? missing("title", already) : []),
    ...(blank(l.priority) ? missing("priority", already) : []),
  ];
}

/** Missing required fields of a project: code or acronym, and a title. */
export function requiredProject(p: Project, already: readonly FieldProblem[]): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (blank(p.code) && blank(p.acronym) && !already.some((x) => (x.field === "code" || x.field === "acronym") && x.severity === "error")) {
    out.push({ severity: "error", code: "required.code-or-acronym", field: "code", value: null });
  }
  if (blank(p.title)) out.push(...missing("title", already));
  return out;
}

/** Missing required fields of a budget row: the project it belongs to. */
export function requiredBudget(b: BudgetRow, already: readonly FieldProblem[]): FieldProblem[] {
  return blank(b.project) ? missing("project", already) : [];
}
