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
  /** The first rate stated on one of the project's rows. */
  statedRate: number | undefined;
}

function newAcc(project: string): Acc {
  return {
    project,
    direct: 0,
    subcontracting: 0,
    overheadRows: [],
    overhead: 0,
    rowsTotal: 0,
    byCategory: {},
    statedRate: undefined,
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
 * for compatibility: `overheadRates(rows)` gives the same rates), else the first rate stated on one
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
  const accs = new Map<string, Acc>();
  // Rows of one project usually follow each other: skip the lookups while the reference repeats.
  let lastRef: string | undefined;
  let acc: Acc | undefined;
  for (const row of rows) {
    if (row.project !== lastRef || acc === undefined) {
      lastRef = row.project;
      const key = keyOf(row.project);
      acc = accs.get(key);
      if (acc === undefined) accs.set(key, (acc = newAcc(key)));
    }
    if (row.rate !== undefined && acc.statedRate === undefined) acc.statedRate = row.rate;
    if (isRateOnlyRow(row)) continue;
    const amount = row.amount ?? 0;
    acc.rowsTotal += amount;
    const category = row.category;
    if (category !== undefined) acc.byCategory[category] = (acc.byCategory[category] ?? 0) + amount;
    if (category === "overhead") {
      acc.overheadRows.push(row);
      acc.overhead += amount;
    } else {
      acc.direct += amount;
      if (category === "subcontracting") acc.subcontracting += amount;
    }
  }
  const projectRate = new Map<string, number>();
  for (const p of projects) {
    if (p.overheadRate !== undefined && !projectRate.has(p.key)) projectRate.set(p.key, p.overheadRate);
  }
  const out = new Map<string, BudgetSummary>();
  for (const [key, a] of accs) {
    const rate = rates?.get(key) ?? a.statedRate ?? projectRate.get(key) ?? DEFAULT_OVERHEAD_RATE;
    const overheadComputed = computeOverhead(a.direct, a.subcontracting, rate);
    const summary: BudgetSummary = {
      project: key,
      direct: a.direct,
      subcontracting: a.subcontracting,
      overheadComputed,
      overheadRows: a.overheadRows,
      rate,
      totalComputed: a.direct + overheadComputed,
      rowsTotal: a.rowsTotal,
      byCategory: a.byCategory,
    };
    if (a.overheadRows.length > 0) summary.overheadStated = a.overhead;
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
