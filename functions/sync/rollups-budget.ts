/**
 * The byte budget of GET /rollups. The report of a plan lists every project, budget total and
 * issue, which grows with the plan (10 000 projects / 40 000 budget rows: ~4.9 MB in Lambda's
 * envelope, limit 6 MB). The roll-ups, counts, priorities and lines — what the route is for —
 * are always whole; past the budget the longest lists are cut, projects kept before budget totals
 * before issues, and the answer says so with `truncated`: how many of each list it left out (the
 * full lists come from the workbook's own report, `actionplan report`).
 */
import type { ReportJson } from "#core/report/index.ts";
import { envelopeBytes, LAMBDA_RESPONSE_LIMIT_BYTES } from "../payload-bytes.ts";

/** What one answer may fill inside the envelope: the limit less room for headers and the envelope itself. */
export const ROLLUPS_BUDGET_BYTES = LAMBDA_RESPONSE_LIMIT_BYTES - 512 * 1024;

/** Items left out of each cut list. */
export interface Truncation {
  projects: number;
  budget: number;
  issues: number;
}

export type BoundedReport = ReportJson & { truncated?: Truncation };

const CUT_ORDER = ["projects", "budget", "issues"] as const;

/** The report as is when it fits `budget` bytes, else with its lists cut and the `truncated` marker. */
export function boundReport(report: ReportJson, budget: number = ROLLUPS_BUDGET_BYTES): BoundedReport {
  if (envelopeBytes(report) <= budget) return report;
  const fixed = { ...report, projects: [], budget: [], issues: [] };
  // The marker's own bytes at their widest (every count as long as the list), reserved up front.
  const marker: Truncation = { projects: report.projects.length, budget: report.budget.length, issues: report.issues.length };
  let room = budget - envelopeBytes({ ...fixed, truncated: marker });
  const kept: { [K in (typeof CUT_ORDER)[number]]: unknown[] } = { projects: [], budget: [], issues: [] };
  // Strictly in order: once an item does not fit nothing after it is kept, so a cut list is
  // always followed by empty ones (no budget totals of projects the answer left out).
  fill: for (const list of CUT_ORDER) {
    for (const item of report[list]) {
      const size = envelopeBytes(item);
      if (size > room) break fill;
      kept[list].push(item);
      room -= size;
    }
  }
  return {
    ...report,
    projects: kept.projects as ReportJson["projects"],
    budget: kept.budget as ReportJson["budget"],
    issues: kept.issues as ReportJson["issues"],
    truncated: {
      projects: report.projects.length - kept.projects.length,
      budget: report.budget.length - kept.budget.length,
      issues: report.issues.length - kept.issues.length,
    },
  };
}
