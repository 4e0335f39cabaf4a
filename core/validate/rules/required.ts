/**
 * Required fields (SPEC §5): priority code and title; line code, title and priority; project
 * code-or-acronym and title; budget row project. A field already reported as unreadable is not
 * reported again as missing.
 */
import type { BudgetRow, Line, Priority, Project } from "#core/model.ts";
import type { FieldProblem } from "../problem.ts";

/** Adds "required.missing" for `field` to `out` unless the field was already reported unreadable. */
function missing(field: string, out: FieldProblem[]): void {
  for (const p of out) if (p.field === field && p.severity === "error") return;
  out.push({ severity: "error", code: "required.missing", field, value: null });
}

function blank(s: string | undefined): boolean {
  return s === undefined || s === "";
}

/** Adds the missing required fields of a priority to `out`. */
export function requiredPriority(p: Priority, out: FieldProblem[]): void {
  if (blank(p.code)) missing("code", out);
  if (blank(p.title)) missing("title", out);
}

/** Adds the missing required fields of a line to `out`; `codeLater`: the reader assigns missing codes. */
export function requiredLine(l: Line, out: FieldProblem[], codeLater = false): void {
  if (blank(l.code) && !codeLater) missing("code", out);
  if (blank(l.title)) missing("title", out);
  if (blank(l.priority)) missing("priority", out);
}

/** Adds the missing required fields of a project to `out`: code or acronym, and a title. */
export function requiredProject(p: Project, out: FieldProblem[]): void {
  if (blank(p.code) && blank(p.acronym) && !out.some((x) => (x.field === "code" || x.field === "acronym") && x.severity === "error")) {
    out.push({ severity: "error", code: "required.code-or-acronym", field: "code", value: null });
  }
  if (blank(p.title)) missing("title", out);
}

/** Adds a missing project reference of a budget row to `out`. */
export function requiredBudget(b: BudgetRow, out: FieldProblem[]): void {
  if (blank(b.project)) missing("project", out);
}
