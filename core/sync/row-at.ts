/**
 * Which synced row a cell of the workbook belongs to: the pane opens history "for the selected
 * row" (issue #11) by the sheet and row the person has selected, not by a key they must type.
 */
import type { EntityKind, Plan, SourceRef } from "#core/model.ts";
import { budgetKeys } from "./rows.ts";

/** A row of the plan as sync names it. */
export interface RowRef {
  entity: EntityKind;
  key: string;
}

/**
 * The entity read from `sheet` row `row` (1-based), with its sync key (budget rows numbered as
 * `planRows` numbers them); undefined when that sheet row holds no entity (a heading, a totals
 * row, another sheet).
 */
export function rowAt(plan: Plan, sheet: string, row: number): RowRef | undefined {
  const at = (source: SourceRef | undefined): boolean => source?.sheet === sheet && source.row === row;
  const priority = plan.priorities.find((p) => at(p.source));
  if (priority) return { entity: "priority", key: priority.code };
  const line = plan.lines.find((l) => at(l.source));
  if (line) return { entity: "line", key: line.code };
  const project = plan.projects.find((p) => at(p.source));
  if (project) return { entity: "project", key: project.key };
  const index = plan.budget.findIndex((b) => at(b.source));
  if (index < 0) return undefined;
  return { entity: "budget", key: budgetKeys(plan.budget)[index] as string };
}
