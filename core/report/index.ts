/** Roll-ups (SPEC §7), `CLUSTER.BUDGET` measures (§8) and the CLI JSON report (§10). */
export type { RollupCell, Rollups, ProjectFacts } from "./rollups.ts";
export { computeRollups, emptyCell, NOT_DEFINED } from "./rollups.ts";
export type { BudgetMeasure, BudgetFilter } from "./measure.ts";
export { budgetMeasure, cellMeasure, parseBudgetMeasure, BUDGET_MEASURES } from "./measure.ts";
export type {
  ReportJson,
  ReportIssue,
  ReportPriority,
  ReportLine,
  ReportProject,
  ReportBudget,
  ReportRollupCell,
  ReportRollups,
  Euro,
} from "./report-json.ts";
export type { ReportInput } from "./build-report.ts";
export { buildReport } from "./build-report.ts";
