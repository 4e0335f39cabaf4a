import type { Cents, Project } from "#core/model.ts";
import { differsByMoreThanACent } from "./money.ts";
import type { BudgetSummary } from "./summary.ts";
import { budgetTotal } from "./summary.ts";

/** Which stated figure disagrees with the computed one. */
export type BudgetMismatchKind = "overhead" | "total";

/** A budget figure that differs from the computed one by more than €0.01 (a warning, SPEC §7). */
export interface BudgetMismatch {
  kind: BudgetMismatchKind;
  project: string;
  stated: Cents;
  computed: Cents;
}

/**
 * Budget consistency checks of one project, as data for the validator to turn into warnings
 * naming both values: the stated overhead rows vs the computed overhead, and the project's
 * "total budget" cell vs the budget sheet's total.
 */
export function budgetMismatches(summary: BudgetSummary, project?: Project): BudgetMismatch[] {
  const out: BudgetMismatch[] = [];
  const stated = summary.overheadStated;
  if (stated !== undefined && differsByMoreThanACent(stated, summary.overheadComputed)) {
    out.push({ kind: "overhead", project: summary.project, stated, computed: summary.overheadComputed });
  }
  const total = project?.totalBudget;
  if (total !== undefined && differsByMoreThanACent(total, budgetTotal(summary))) {
    out.push({ kind: "total", project: summary.project, stated: total, computed: budgetTotal(summary) });
  }
  return out;
}
