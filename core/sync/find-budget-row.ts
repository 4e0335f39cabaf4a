/**
 * Finding a budget row by what the sheet shows — project, category, year, partner — rather than
 * its sync key (`CLUSTER-2020|coordinator||`), for the task pane's history. The category matches
 * as written in the sheet or as the category it was read as; case and surrounding spaces do not
 * matter; a blank year or partner matches any.
 *
 * @example findBudgetKeys(plan, { project: "CLUSTER-2020", category: "A" }) // ["CLUSTER-2020|coordinator||"]
 */
import type { Plan } from "#core/model.ts";
import { budgetKeys } from "./rows.ts";

/** What a person reads on a budget line. */
export interface BudgetQuery {
  project: string;
  category: string;
  year?: string;
  partner?: string;
}

const norm = (v: unknown): string => (v === undefined || v === null ? "" : String(v).trim().toLowerCase());

/** The sync keys of the plan's budget rows that match, in sheet order. */
export function findBudgetKeys(plan: Plan, query: BudgetQuery): string[] {
  const keys = budgetKeys(plan.budget);
  const want = { project: norm(query.project), category: norm(query.category), year: norm(query.year), partner: norm(query.partner) };
  return plan.budget.flatMap((b, i) => {
    if (norm(b.project) !== want.project) return [];
    if (want.category !== "" && norm(b.categoryLabel) !== want.category && norm(b.category) !== want.category) return [];
    if (want.year !== "" && norm(b.year) !== want.year) return [];
    if (want.partner !== "" && norm(b.partner) !== want.partner) return [];
    return [keys[i] as string];
  });
}
