import type { Cents, Outcome, Plan, Project } from "#core/model.ts";
import type { BudgetSummary } from "#core/budget/index.ts";
import { budgetOverhead, budgetTotal, requestedFunding, summarizeBudgets } from "#core/budget/index.ts";

/** Sums and counts of one group of projects (SPEC §7). Money in cents. */
export interface RollupCell {
  count: number;
  totalBudget: Cents;
  requested: Cents;
  /** Requested funding of projects `funded`, `running` or `closed`. */
  funded: Cents;
  overhead: Cents;
  direct: Cents;
  /** Projects with a decision: funded/running/closed or rejected. */
  decided: number;
  /** Projects funded/running/closed. */
  successes: number;
  /** successes ÷ decided; null when none is decided. */
  successRate: number | null;
}

/** Roll-ups by every dimension of SPEC §7. Keys are codes/names as in the plan; "n/d" when unknown. */
export interface Rollups {
  total: RollupCell;
  byProject: Record<string, RollupCell>;
  byLine: Record<string, RollupCell>;
  byPriority: Record<string, RollupCell>;
  byProgramme: Record<string, RollupCell>;
  byOutcome: Record<string, RollupCell>;
  byYear: Record<string, RollupCell>;
}

/** The key used when a project has no value for a dimension. */
export const NOT_DEFINED = "n/d";

/** One project's contribution and dimensions, kept to answer filtered queries later. */
export interface ProjectFacts {
  project: Project;
  line: string;
  priority: string;
  programme: string;
  outcome: string;
  year: string;
  total: Cents;
  requested: Cents;
  overhead: Cents;
  direct: Cents;
  success: boolean;
  decided: boolean;
}

const SUCCESS: ReadonlySet<Outcome | undefined> = new Set(["funded", "running", "closed"]);

/** A cell with nothing in it. */
export function emptyCell(): RollupCell {
  return {
    count: 0,
    totalBudget: 0,
    requested: 0,
    funded: 0,
    overhead: 0,
    direct: 0,
    decided: 0,
    successes: 0,
    successRate: null,
  };
}

function addTo(cell: RollupCell, f: ProjectFacts): void {
  cell.count += 1;
  cell.totalBudget += f.total;
  cell.requested += f.requested;
  if (f.success) cell.funded += f.requested;
  cell.overhead += f.overhead;
  cell.direct += f.direct;
  if (f.decided) cell.decided += 1;
  if (f.success) cell.successes += 1;
}

function year(p: Project): string {
  const d = p.submitted ?? p.deadline;
  return d !== undefined && /^\d{4}-/.test(d) ? d.slice(0, 4) : NOT_DEFINED;
}

/**
 * Per-project facts: total budget = the project's total budget cell, else its budget sheet total;
 * requested = stated, else total × funding rate; overhead and direct from the budget sheet (the
 * stated overhead when the sheet has one, else the computed one). Missing amounts count 0.
 */
export function projectFacts(plan: Plan, budgets: Map<string, BudgetSummary>): ProjectFacts[] {
  const priorityOfLine = new Map<string, string>();
  for (const l of plan.lines) if (!priorityOfLine.has(l.code)) priorityOfLine.set(l.code, l.priority);
  return plan.projects.map((p) => {
    const s = budgets.get(p.key);
    const line = p.line !== undefined && p.line !== "" ? p.line : NOT_DEFINED;
    return {
      project: p,
      line,
      priority: priorityOfLine.get(line) ?? NOT_DEFINED,
      programme: p.programme !== undefined && p.programme !== "" ? p.programme : NOT_DEFINED,
      outcome: p.outcome ?? NOT_DEFINED,
      year: year(p),
      total: p.totalBudget ?? (s === undefined ? 0 : budgetTotal(s)),
      requested: requestedFunding(p, s) ?? 0,
      overhead: s === undefined ? 0 : budgetOverhead(s),
      direct: s?.direct ?? 0,
      success: SUCCESS.has(p.outcome),
      decided: SUCCESS.has(p.outcome) || p.outcome === "rejected",
    };
  });
}

/** Roll-ups by every dimension but the project: what the report and the overview show. */
export type DimensionRollups = Omit<Rollups, "byProject">;

/**
 * Aggregates facts into roll-ups. Every line and priority of the plan gets a cell even with no
 * project (a query for an empty line answers 0, not "unknown").
 */
export function rollupFacts(
  facts: readonly ProjectFacts[],
  plan: Pick<Plan, "lines" | "priorities">,
): Rollups {
  // Maps while summing: keyed writes into objects of thousands of keys (byProject) are several
  // times slower. Converted to records once at the end, in the same key order.
  const byProject = new Map<string, RollupCell>();
  for (const f of facts) bump(byProject, f.project.key, f);
  const { total, ...dimensions } = rollupDimensions(facts, plan);
  return { total, byProject: recordOf(byProject), ...dimensions };
}

/**
 * {@link rollupFacts} without the per-project group: the report's JSON leaves it out, and on a
 * 10 000-project plan it is the largest group to build.
 */
export function rollupDimensions(
  facts: readonly ProjectFacts[],
  plan: Pick<Plan, "lines" | "priorities">,
): DimensionRollups {
  const byPriority = new Map<string, RollupCell>();
  const byLine = new Map<string, RollupCell>();
  for (const pr of plan.priorities) if (!byPriority.has(pr.code)) byPriority.set(pr.code, emptyCell());
  for (const l of plan.lines) if (!byLine.has(l.code)) byLine.set(l.code, emptyCell());
  const byProgramme = new Map<string, RollupCell>();
  const byOutcome = new Map<string, RollupCell>();
  const byYear = new Map<string, RollupCell>();
  const total = emptyCell();
  for (const f of facts) {
    addTo(total, f);
    bump(byLine, f.line, f);
    bump(byPriority, f.priority, f);
    bump(byProgramme, f.programme, f);
    bump(byOutcome, f.outcome, f);
    bump(byYear, f.year, f);
  }
  finish(total);
  return {
    total,
    byLine: recordOf(byLine),
    byPriority: recordOf(byPriority),
    byProgramme: recordOf(byProgramme),
    byOutcome: recordOf(byOutcome),
    byYear: recordOf(byYear),
  };
}

function bump(group: Map<string, RollupCell>, key: string, f: ProjectFacts): void {
  let cell = group.get(key);
  if (cell === undefined) group.set(key, (cell = emptyCell()));
  addTo(cell, f);
}

function finish(c: RollupCell): void {
  c.successRate = c.decided === 0 ? null : c.successes / c.decided;
}

/** The finished cells of a group as a record (what the JSON and `budgetMeasure` read). */
function recordOf(group: Map<string, RollupCell>): Record<string, RollupCell> {
  const out: Record<string, RollupCell> = {};
  for (const [k, c] of group) {
    finish(c);
    // A project keyed "__proto__" must stay a key, not become the record's prototype.
    if (k === "__proto__") Object.defineProperty(out, k, { value: c, enumerable: true, writable: true, configurable: true });
    else out[k] = c;
  }
  return out;
}

/** Facts behind roll-ups built here, for filtered `budgetMeasure` queries (not part of the JSON). */
export const factsOf = new WeakMap<
  Rollups,
  { facts: readonly ProjectFacts[]; plan: Pick<Plan, "lines" | "priorities"> }
>();

/**
 * Roll-ups of a plan by project, line, priority, programme, outcome and submission year (else
 * deadline year, else "n/d"). `budgets` defaults to `summarizeBudgets(plan.budget, plan.projects)`.
 * O(projects + budget rows).
 */
export function computeRollups(plan: Plan, budgets?: Map<string, BudgetSummary>): Rollups {
  const facts = projectFacts(plan, budgets ?? summarizeBudgets(plan.budget, plan.projects));
  const r = rollupFacts(facts, plan);
  factsOf.set(r, { facts, plan: { lines: plan.lines, priorities: plan.priorities } });
  return r;
}
