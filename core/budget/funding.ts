import type { Cents, Project } from "#core/model.ts";
import { multiplyCents } from "./money.ts";
import type { BudgetSummary } from "./summary.ts";
import { budgetTotal } from "./summary.ts";

/** Funding rates by action type (SPEC §7); written forms are folded before lookup. */
const RATES: ReadonlyMap<string, number> = new Map([
  ["ria", 1],
  ["horizon-ria", 1],
  ["research and innovation action", 1],
  ["research and innovation actions", 1],
  ["csa", 1],
  ["horizon-csa", 1],
  ["coordination and support action", 1],
  ["coordination and support actions", 1],
  ["ia", 0.7],
  ["horizon-ia", 0.7],
  ["innovation action", 0.7],
  ["innovation actions", 0.7],
]);

const fold = (s: string): string =>
  s
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, " ");

/**
 * The funding rate of an action type: RIA and CSA 1.0, IA 0.7 (also "HORIZON-RIA",
 * "Innovation Action", …); any other type, or none, is unknown (undefined), never guessed.
 */
export function fundingRate(actionType: string | undefined): number | undefined {
  if (actionType === undefined) return undefined;
  // Plans repeat a handful of action types over thousands of rows: fold each written form once.
  if (!seen.has(actionType)) {
    if (seen.size >= 1024) seen.clear();
    seen.set(actionType, RATES.get(fold(actionType)));
  }
  return seen.get(actionType);
}

const seen = new Map<string, number | undefined>();

/**
 * The funding a project requests: the stated amount, else total × the action type's funding rate
 * (total = the project's total budget cell, else its budget sheet total), else undefined.
 */
export function requestedFunding(p: Project, summary?: BudgetSummary): Cents | undefined {
  if (p.requested !== undefined) return p.requested;
  const rate = fundingRate(p.actionType);
  const total = p.totalBudget ?? (summary === undefined ? undefined : budgetTotal(summary));
  if (rate === undefined || total === undefined) return undefined;
  return multiplyCents(total, rate);
}
