import type { BudgetRow, Cents, CostCategory, Project } from "#core/model.ts";
import { computeOverhead, DEFAULT_OVERHEAD_RATE } from "./overhead.ts";

/** A project's budget as read from the budget sheet, with the computed overhead (SPEC §7). */
export interface BudgetSummary {
  /** Project key. */
  project: string;
  /** Every non-overhead row (subcontracting included). */
  direct: Cents;
  subcontracting: Cents;
  overheadComputed: Cents;
  /** Sum of the overhead rows, when the sheet has any. */
  overheadStated?: Cents;
  overheadRows: BudgetRow[];
  rate: number;
  /** direct + overheadComputed. */
  totalComputed: Cents;
  /** Sum of every row as written. */
  rowsTotal: Cents;
  byCategory: Partial<Record<CostCategory, Cents>>;
}

interface Acc {
  project: string;
  direct: Cents;
  subcontracting: Cents;
  overheadRows: BudgetRow[];
  overhead: Cents;
  rowsTotal: Cents;
  byCategory: Partial<Record<CostCategory, Cents>>;
}

/**
 * Summarizes budget rows per project. A row's `project` may be the project's code or acronym: it
 * is filed under the project's key. Rows naming no known project are summarized under the name
 * they carry (the validator reports the broken reference). Projects without rows get no entry.
 * `rates` maps project key → a stated overhead rate; otherwise 25 %.
 * Missing amounts count as 0.
 */
export function summarizeBudgets(
  rows: BudgetRow[],
  projects: Project[],
  rates?: Map<string, number>,
): Map<string, BudgetSummary> {
  const keyOf = new Map<string, string>();
  for (const p of projects) {
    for (const ref of [p.key, p.code, p.acronym]) {
      if (ref !== undefined && !keyOf.has(ref)) keyOf.set(ref, p.key);
    }
  }
  const accs = new Map<string, Acc>();
  for (const row of rows) {
    const key = keyOf.get(row.project) ?? keyOf.get(row.project.trim()) ?? row.project;
    let acc = accs.get(key);
    if (acc === undefined) {
      acc = {
        project: key,
        direct: 0,
        subcontracting: 0,
        overheadRows: [],
        overhead: 0,
        rowsTotal: 0,
        byCategory: {},
      };
      accs.set(key, acc);
    }
    const amount = row.amount ?? 0;
    acc.rowsTotal += amount;
    if (row.category !== undefined)
      acc.byCategory[row.category] = (acc.byCategory[row.category] ?? 0) + amount;
    if (row.category === "overhead") {
      acc.overheadRows.push(row);
      acc.overhead += amount;
    } else {
      acc.direct += amount;
      if (row.category === "subcontracting") acc.subcontracting += amount;
    }
  }
  const out = new Map<string, BudgetSummary>();
  for (const [key, acc] of accs) {
    const rate = rates?.get(key) ?? DEFAULT_OVERHEAD_RATE;
    const overheadComputed = computeOverhead(acc.direct, acc.subcontracting, rate);
    const summary: BudgetSummary = {
      project: key,
      direct: acc.direct,
      subcontracting: acc.subcontracting,
      overheadComputed,
      overheadRows: acc.overheadRows,
      rate,
      totalComputed: acc.direct + overheadComputed,
      rowsTotal: acc.rowsTotal,
      byCategory: acc.byCategory,
    };
    if (acc.overheadRows.length > 0) summary.overheadStated = acc.overhead;
    out.set(key, summary);
  }
  return out;
}

/**
 * The budget sheet's total for a project: the sum of its rows when the sheet states the overhead,
 * else direct costs plus the overhead the rate implies (a sheet listing only direct costs still
 * carries the flat overhead).
 */
export function budgetTotal(s: BudgetSummary): Cents {
  return s.overheadStated !== undefined ? s.rowsTotal : s.totalComputed;
}

/** The overhead figure to use: as stated in the sheet when present, else computed. */
export function budgetOverhead(s: BudgetSummary): Cents {
  return s.overheadStated ?? s.overheadComputed;
}
