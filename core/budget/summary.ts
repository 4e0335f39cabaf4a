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

/** A summary being summed: the computed fields are filled in once every row is in. */
function emptySummary(project: string): BudgetSummary {
  return {
    project,
    direct: 0,
    subcontracting: 0,
    overheadComputed: 0,
    overheadRows: [],
    rate: DEFAULT_OVERHEAD_RATE,
    totalComputed: 0,
    rowsTotal: 0,
    byCategory: {},
  };
}

/**
 * true for an overhead row that states only its rate ("Spese generali | 20%", no amount): it sets
 * the project's rate, it states no overhead amount (not a stated overhead of 0).
 */
export function isRateOnlyRow(row: BudgetRow): boolean {
  return row.category === "overhead" && row.amount === undefined && row.rate !== undefined;
}

/**
 * Project reference → project key. Budget rows read by `analyzeWorkbook` already carry the key, so
 * the code/acronym map is only built on the first reference that is not a key.
 */
function keyResolver(projects: readonly Project[]): (ref: string) => string {
  const keys = new Set<string>();
  for (const p of projects) keys.add(p.key);
  let aliases: Map<string, string> | undefined;
  return (ref) => {
    if (keys.has(ref)) return ref;
    if (aliases === undefined) {
      aliases = new Map();
      // First project wins, as a key before any code or acronym.
      for (const p of projects) if (!aliases.has(p.key)) aliases.set(p.key, p.key);
      for (const p of projects) {
        for (const alias of [p.code, p.acronym]) {
          if (alias !== undefined && !aliases.has(alias)) aliases.set(alias, p.key);
        }
      }
    }
    return aliases.get(ref) ?? aliases.get(ref.trim()) ?? ref;
  };
}

/**
 * Summarizes budget rows per project. A row's `project` may be the project's code or acronym: it
 * is filed under the project's key. Rows naming no known project are summarized under the name
 * they carry (the validator reports the broken reference). Projects without rows get no entry.
 *
 * The overhead rate of a project is, in order: `rates.get(key)` when the caller passes a map (kept
 * for callers that know rates from elsewhere), else the first rate stated on one
 * of its rows (`BudgetRow.rate`, e.g. "Spese generali | 20%"), else the project's `overheadRate`,
 * else 25 %. A row that states only a rate is not a stated overhead amount.
 * Missing amounts count as 0. O(rows + projects).
 *
 * @example summarizeBudgets([{ project: "P", category: "personnel", amount: 100_00 }, { project: "P", category: "overhead", rate: 0.2 }], [{ key: "P", ticks: {} }]).get("P")?.overheadComputed // 20_00
 */
export function summarizeBudgets(
  rows: readonly BudgetRow[],
  projects: readonly Project[],
  rates?: ReadonlyMap<string, number>,
): Map<string, BudgetSummary> {
  const keyOf = keyResolver(projects);
  // Summed in place (no separate accumulators: 10 000 projects make 10 000 fewer objects).
  const out = new Map<string, BudgetSummary>();
  const statedRates = new Map<BudgetSummary, number>();
  // Rows of one project usually follow each other: skip the lookups while the reference repeats.
  let lastRef: string | undefined;
  let s: BudgetSummary | undefined;
  for (const row of rows) {
    if (row.project !== lastRef || s === undefined) {
      lastRef = row.project;
      const key = keyOf(row.project);
      s = out.get(key);
      if (s === undefined) out.set(key, (s = emptySummary(key)));
    }
    if (row.rate !== undefined && !statedRates.has(s)) statedRates.set(s, row.rate);
    if (isRateOnlyRow(row)) continue;
    const amount = row.amount ?? 0;
    s.rowsTotal += amount;
    const category = row.category;
    if (category !== undefined) s.byCategory[category] = (s.byCategory[category] ?? 0) + amount;
    if (category === "overhead") s.overheadRows.push(row);
    else {
      s.direct += amount;
      if (category === "subcontracting") s.subcontracting += amount;
    }
  }
  const projectRate = new Map<string, number>();
  for (const p of projects) {
    if (p.overheadRate !== undefined && !projectRate.has(p.key)) projectRate.set(p.key, p.overheadRate);
  }
  for (const [key, summary] of out) {
    summary.rate = rates?.get(key) ?? statedRates.get(summary) ?? projectRate.get(key) ?? DEFAULT_OVERHEAD_RATE;
    summary.overheadComputed = computeOverhead(summary.direct, summary.subcontracting, summary.rate);
    summary.totalComputed = summary.direct + summary.overheadComputed;
    if (summary.overheadRows.length > 0) {
      let stated = 0;
      for (const r of summary.overheadRows) stated += r.amount ?? 0;
      summary.overheadStated = stated;
    }
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
