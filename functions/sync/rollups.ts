/**
 * PRL and roll-ups of the cloud state: the core's report, built from the plan's live rows (the
 * newest checkpoint plus the log after it, sync/live-rows.ts), bounded to Lambda's response limit
 * (rollups-budget.ts).
 */
import type { BudgetRow, Line, Plan, Priority, Project } from "#core/model.ts";
import { buildReport, type ReportJson } from "#core/report/index.ts";
import { validateEntity, type EntityContext } from "#core/validate/entity.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { LiveRow, SyncStore } from "../store/store.ts";
import { planRowsRead } from "./live-rows.ts";
import { boundReport, type BoundedReport } from "./rollups-budget.ts";

/**
 * The report JSON (SPEC §10) of a plan's cloud state, within the response budget. The report of a
 * day and locale is kept once built over a gap-free log (store.putCachedReport): while the plan's
 * counter has not moved since, a reader gets it with two reads instead of rebuilding 50 000 rows.
 */
export async function planRollups(
  store: Pick<SyncStore, "checkpoint" | "readLog" | "putCheckpoint" | "logHead" | "cachedReport" | "putCachedReport">,
  plan: string,
  locale: "it" | "en",
  today: string,
): Promise<BoundedReport> {
  const key = `${locale}#${today}`;
  const [head, cached] = await Promise.all([store.logHead(plan), store.cachedReport(plan, key)]);
  if (cached && cached.seq === head) return cached.report as BoundedReport;
  const { rows, wholeTo } = await planRowsRead(store, plan, Number.POSITIVE_INFINITY);
  const report = boundReport(reportOfLiveRows(rows, plan, locale, today));
  // Only a report over every number up to its last (no write in flight) may stand for that number.
  if (wholeTo !== undefined && wholeTo >= head) await store.putCachedReport(plan, key, { seq: wholeTo, report });
  return report;
}

/** The report of live rows, whole (as-of and movement rebuild their rows and call this too). */
export function reportOfLiveRows(rows: readonly LiveRow[], plan: string, locale: "it" | "en", today: string): ReportJson {
  const keys = (kind: string) => new Set(rows.filter((r) => r.entity === kind).map((r) => r.key));
  const projects = keys("project");
  for (const r of rows) {
    if (r.entity !== "project") continue;
    for (const alias of [r.values["code"], r.values["acronym"]])
      if (typeof alias === "string") projects.add(alias);
  }
  const lines = keys("line");
  const ctx: EntityContext = {
    locale,
    priorities: keys("priority"),
    lines: lines.size > 0 ? lines : undefined,
    projects,
  };
  const model: Plan = {
    priorities: [],
    lines: [],
    projects: [],
    budget: [],
    present: { priorities: false, lines: false, projects: false, budget: false },
  };
  const issues: Issue[] = [];
  const updatedAt = new Map<string, string>();
  for (const row of rows) {
    const { entity, issues: found } = validateEntity(row.entity, row.values, ctx);
    issues.push(...found);
    if (!entity) continue;
    switch (row.entity) {
      case "priority":
        model.priorities.push(entity as Priority);
        model.present.priorities = true;
        break;
      case "line":
        model.lines.push(entity as Line);
        model.present.lines = true;
        break;
      case "project":
        model.projects.push(entity as Project);
        model.present.projects = true;
        updatedAt.set(row.key, row.updatedAt.slice(0, 10));
        break;
      case "budget":
        model.budget.push(entity as BudgetRow);
        model.present.budget = true;
        break;
    }
  }
  return buildReport({ file: plan, plan: model, issues, updatedAt }, { today, locale });
}
