/**
 * References (SPEC §5): line → existing priority; project → existing line (only when the workbook
 * has a lines sheet); budget row → existing project by code or acronym (only when it has a
 * projects sheet). References are checked only against kinds the workbook has.
 */
import type { BudgetRow, Line, Project } from "#core/model.ts";
import type { Row } from "./unique.ts";

/** Adds `ref.unknown-priority` to lines whose priority is not in `priorities`. */
export function linePriorityRefs(lines: readonly Row<Line>[], priorities: ReadonlySet<string>): void {
  for (const r of lines) {
    const p = r.entity.priority;
    if (p !== "" && !priorities.has(p)) r.problems.push({ severity: "error", code: "ref.unknown-priority", field: "priority", value: p });
  }
}

/** Adds `ref.unknown-line` to projects whose line is not in `lines`. */
export function projectLineRefs(projects: readonly Row<Project>[], lines: ReadonlySet<string>): void {
  for (const r of projects) {
    const l = r.entity.line;
    if (l !== undefined && l !== "" && !lines.has(l)) r.problems.push({ severity: "error", code: "ref.unknown-line", field: "line", value: l });
  }
}

/**
 * Resolves budget rows' project references (code or acronym, exact then case-insensitive) to the
 * project key, and adds `ref.unknown-project` when none matches.
 */
export function budgetProjectRefs(rows: readonly Row<BudgetRow>[], projectKeyOf: (ref: string) => string | undefined): void {
  for (const r of rows) {
    const ref = r.entity.project;
    if (ref === "") continue;
    const key = projectKeyOf(ref);
    if (key === undefined) r.problems.push({ severity: "error", code: "ref.unknown-project", field: "project", value: ref });
    else r.entity.project = key;
  }
}

/** A lookup from a project reference (key, code or acronym; case-insensitive fallback) to its key. */
export function projectKeys(projects: Iterable<Project>): (ref: string) => string | undefined {
  const exact = new Map<string, string>();
  for (const p of projects) {
    if (p.key === "") continue;
    for (const ref of [p.key, p.code, p.acronym]) {
      if (ref !== undefined && ref !== "" && !exact.has(ref)) exact.set(ref, p.key);
    }
  }
  // Built on the first miss only: most references are written exactly.
  let loose: Map<string, string> | undefined;
  return (ref) => {
    const hit = exact.get(ref);
    if (hit !== undefined) return hit;
    if (loose === undefined) {
      loose = new Map();
      for (const [r, key] of exact) {
        const l = r.toLowerCase();
        if (!loose.has(l)) loose.set(l, key);
      }
    }
    return loose.get(ref.trim().toLowerCase());
  };
}
