/** Budgets (SPEC §7): overhead, per-project summaries, funding rates and consistency checks. */
export { DEFAULT_OVERHEAD_RATE, computeOverhead } from "./overhead.ts";
export type { BudgetSummary } from "./summary.ts";
export { summarizeBudgets, budgetTotal, budgetOverhead, isRateOnlyRow } from "./summary.ts";
export { fundingRate, requestedFunding } from "./funding.ts";
export type { BudgetMismatch, BudgetMismatchKind } from "./checks.ts";
export { budgetMismatches } from "./checks.ts";
export { multiplyCents, sumCents, differsByMoreThanACent } from "./money.ts";
