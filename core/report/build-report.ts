import type { IsoDate, Plan } from "#core/model.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { Locale } from "#core/snapshot/types.ts";
import type { BudgetSummary } from "#core/budget/index.ts";
import { requestedFunding, summarizeBudgets } from "#core/budget/index.ts";
import { prlIndex, prlLabel, prlNextAbove, projectFlags, projectLevels } from "#core/prl/index.ts";
import { centsToEuro } from "#core/values/index.ts";
import type { RollupCell } from "./rollups.ts";
import { projectFacts, rollupDimensions } from "./rollups.ts";
import type {
  ReportBudget,
  ReportIssue,
  ReportJson,
  ReportProject,
  ReportRollupCell,
} from "./report-json.ts";

const euroOrUndefined = (c: number | undefined): number | undefined =>
  c === undefined ? undefined : centsToEuro(c);

function rollupCell(c: RollupCell): ReportRollupCell {
  return {
    count: c.count,
    totalBudget: centsToEuro(c.totalBudget),
    requested: centsToEuro(c.requested),
    funded: centsToEuro(c.funded),
    successRate: c.successRate === null ? null : Math.round(c.successRate * 10_000) / 10_000,
    overhead: centsToEuro(c.overhead),
    direct: centsToEuro(c.direct),
    decided: c.decided,
    successes: c.successes,
  };
}

function rollupGroup(g: Record<string, RollupCell>): Record<string, ReportRollupCell> {
  const out: Record<string, ReportRollupCell> = {};
  for (const [k, c] of Object.entries(g)) out[k] = rollupCell(c);
  return out;
}

function issue(i: Issue): ReportIssue {
  const out: ReportIssue = {
    severity: i.severity,
    code: i.code,
    sheet: i.sheet,
    cell: i.cell,
    row: i.row,
    column: i.column,
    message: i.message,
    value: i.value,
  };
  if (i.params !== undefined) out.params = i.params;
  return out;
}

function budgetEntry(s: BudgetSummary): ReportBudget {
  const b: ReportBudget = {
    project: s.project,
    direct: centsToEuro(s.direct),
    overhead: centsToEuro(s.overheadComputed),
    total: centsToEuro(s.totalComputed),
    rate: s.rate,
  };
  if (s.subcontracting !== 0) b.subcontracting = centsToEuro(s.subcontracting);
  if (s.overheadStated !== undefined) {
    b.overheadStated = centsToEuro(s.overheadStated);
    b.totalStated = centsToEuro(s.rowsTotal);
  }
  return b;
}

/**
 * A copy without the undefined fields, so the JSON carries only what the sheet had. Copying is
 * cheaper than `delete`, which turns every report object into a slow dictionary.
 */
function compact<T extends object>(o: T): T {
  const out: Partial<T> = {};
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out as T;
}

/** The report's input: an analysis (its `budgets` are reused when present) and the file name. */
export interface ReportInput {
  file: string;
  plan: Plan;
  issues: Issue[];
  /**
   * Budget summaries by project key as `analyzeWorkbook` computed them (`Analysis.budgets`); when
   * absent they are computed from `plan.budget`, with the rates stated on the rows.
   */
  budgets?: Map<string, BudgetSummary>;
  /**
   * Overhead rates by project key, overriding the rates stated on the rows. Not needed since
   * `summarizeBudgets` reads `BudgetRow.rate` itself; kept for compatibility. When given, the
   * budgets are summarised again with them.
   */
  rates?: Map<string, number>;
  /** The cloud's last update by project key, for "dormant" when the sheet has no lastUpdate. */
  updatedAt?: Map<string, IsoDate>;
}

/**
 * The CLI's `--json` report (SPEC §10, schema 1): issues, PRL per project (milestone and strict,
 * label, next evidence, flags), per line and per priority (strict when `opts.strict`), budgets and
 * roll-ups, money in euro. Projects with errors are included with their PRL (SPEC §5).
 * Pass the whole analysis (`{ file, ...analyzeWorkbook(snapshot) }`) so its budget summaries are
 * reused; O(projects + budget rows) otherwise too.
 */
export function buildReport(
  input: ReportInput,
  opts: { strict?: boolean; today: IsoDate; locale: Locale },
): ReportJson {
  const { plan } = input;
  const mode = opts.strict === true ? "strict" : "milestone";
  // Each project's evidence is read once for both modes; the index reuses the shown mode's levels.
  const levels = plan.projects.map(projectLevels);
  const shown = prlIndex(
    plan,
    mode,
    levels.map((l) => (mode === "strict" ? l.strict : l.milestone)),
  );
  const budgets =
    input.rates === undefined && input.budgets !== undefined
      ? input.budgets
      : summarizeBudgets(plan.budget, plan.projects, input.rates);
  const rollups = rollupDimensions(projectFacts(plan, budgets), plan);

  const projects = plan.projects.map((p, i): ReportProject => {
    const s = budgets.get(p.key);
    const requested = requestedFunding(p, s);
    // Per row, not by key: a duplicated key (an error) still shows each row's own PRL.
    const { milestone: prl, strict: prlStrict } = levels[i] ?? projectLevels(p);
    const level = mode === "strict" ? prlStrict : prl;
    const updatedAt = input.updatedAt?.get(p.key);
    return compact<ReportProject>({
      code: p.code,
      acronym: p.acronym,
      title: p.title,
      line: p.line,
      programme: p.programme,
      call: p.call,
      actionType: p.actionType,
      deadline: p.deadline,
      submitted: p.submitted,
      coordinator: p.coordinator,
      outcome: p.outcome,
      totalBudget: euroOrUndefined(p.totalBudget),
      requested: euroOrUndefined(requested),
      requestedComputed: p.requested === undefined && requested !== undefined ? true : undefined,
      lastUpdate: p.lastUpdate,
      prl,
      prlStrict,
      prlLabel: prlLabel(level, opts.locale),
      prlNext: prlNextAbove(p, level),
      flags: projectFlags(
        p,
        updatedAt === undefined ? { today: opts.today } : { today: opts.today, updatedAt },
      ),
      hasErrors: p.hasErrors === true ? true : undefined,
    });
  });

  const errors = input.issues.filter((i) => i.severity === "error").length;
  return {
    schema: 1,
    file: input.file,
    mode,
    counts: { errors, warnings: input.issues.length - errors },
    issues: input.issues.map(issue),
    priorities: plan.priorities.map((p) => ({
      code: p.code,
      title: p.title,
      prl: shown.priority(p.code) ?? 0,
    })),
    lines: plan.lines.map((l) =>
      compact({
        code: l.code,
        priority: l.priority,
        title: l.title,
        types: l.types,
        prl: shown.line(l.code) ?? 0,
        codeAssigned: l.codeAssigned,
      }),
    ),
    projects,
    budget: [...budgets.values()].map(budgetEntry),
    rollups: {
      total: rollupCell(rollups.total),
      byPriority: rollupGroup(rollups.byPriority),
      byLine: rollupGroup(rollups.byLine),
      byProgramme: rollupGroup(rollups.byProgramme),
      byOutcome: rollupGroup(rollups.byOutcome),
      byYear: rollupGroup(rollups.byYear),
    },
  };
}
