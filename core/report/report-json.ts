import type { Project } from "#core/model.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { ProjectFlag } from "#core/prl/index.ts";

/*
 * The CLI's `--json` document, schema 1 (SPEC §10), also the body of the server's /rollups.
 * This is a public contract: add optional fields only, never rename or remove.
 * Money is euro as a number with at most two decimals; dates are ISO yyyy-mm-dd.
 */

/** Euro amount, at most two decimals. */
export type Euro = number;

/** Issues go out exactly as the validator made them (SPEC §5 shape). */
export type ReportIssue = Issue;

export interface ReportPriority {
  code: string;
  title: string;
  /** Max over its lines; strict mode when the report is strict. */
  prl: number;
}

export interface ReportLine {
  code: string;
  priority: string;
  title: string;
  types: string[];
  /** Max over its non-withdrawn projects; strict mode when the report is strict. */
  prl: number;
  /** true when the code was assigned as `<priority>.<n>`. */
  codeAssigned?: boolean;
}

/** A project's identity and call data, as the model holds them (money differs: euro below). */
type ReportedProjectFields = Pick<
  Project,
  | "code"
  | "acronym"
  | "title"
  | "line"
  | "programme"
  | "call"
  | "actionType"
  | "deadline"
  | "submitted"
  | "coordinator"
  | "outcome"
  | "lastUpdate"
>;

export interface ReportProject extends ReportedProjectFields {
  totalBudget?: Euro;
  /** Stated, else computed from the total and the action type's funding rate. */
  requested?: Euro;
  /** true when `requested` was computed, not read from the sheet. */
  requestedComputed?: boolean;
  prl: number;
  prlStrict: number;
  /** The milestone name of `prl` (strict PRL when the report is strict) in the report's locale. */
  prlLabel: string;
  /** The next level and its missing evidence (same mode as `prlLabel`). */
  prlNext?: { level: number; evidence: string };
  flags: ProjectFlag[];
  /** true when the row has errors (kept visible, held back from sync). */
  hasErrors?: boolean;
}

export interface ReportBudget {
  project: string;
  /** All non-overhead rows (subcontracting included). */
  direct: Euro;
  /** Computed: rate × (direct − subcontracting). */
  overhead: Euro;
  /** direct + computed overhead. */
  total: Euro;
  subcontracting?: Euro;
  /** The overhead rate used (0.25 unless the project states another). */
  rate: number;
  /** Sum of the overhead rows, when the sheet has any. */
  overheadStated?: Euro;
  /** Sum of every row, when the sheet states the overhead. */
  totalStated?: Euro;
}

export interface ReportRollupCell {
  count: number;
  totalBudget: Euro;
  requested: Euro;
  funded: Euro;
  /** Rounded to 4 decimals; null when no project is decided. */
  successRate: number | null;
  overhead: Euro;
  direct: Euro;
  decided: number;
  successes: number;
}

export interface ReportRollups {
  total: ReportRollupCell;
  byPriority: Record<string, ReportRollupCell>;
  byLine: Record<string, ReportRollupCell>;
  byProgramme: Record<string, ReportRollupCell>;
  byOutcome: Record<string, ReportRollupCell>;
  byYear: Record<string, ReportRollupCell>;
}

export interface ReportJson {
  schema: 1;
  file: string;
  /** The PRL mode of priorities', lines' and labels' `prl`. */
  mode: "milestone" | "strict";
  counts: { errors: number; warnings: number };
  issues: ReportIssue[];
  priorities: ReportPriority[];
  lines: ReportLine[];
  projects: ReportProject[];
  budget: ReportBudget[];
  rollups: ReportRollups;
  /** Set when the report describes the plan as it stood at a moment (ISO date-time), not now. */
  asOf?: string;
}
