import type { Outcome } from "#core/model.ts";
import { centsToEuro } from "#core/values/index.ts";
import type { RollupCell, Rollups } from "./rollups.ts";
import { emptyCell, factsOf, rollupFacts } from "./rollups.ts";

/** What `CLUSTER.BUDGET` can measure (SPEC §8). */
export type BudgetMeasure =
  "total" | "requested" | "funded" | "overhead" | "direct" | "count" | "successrate";

export const BUDGET_MEASURES: readonly BudgetMeasure[] = [
  "total",
  "requested",
  "funded",
  "overhead",
  "direct",
  "count",
  "successrate",
];

/** Optional filters of `CLUSTER.BUDGET`: outcome, programme (canonical name) and submission year. */
export interface BudgetFilter {
  outcome?: Outcome | string;
  programme?: string;
  year?: number | string;
}

const fold = (s: string): string => s.trim().toLowerCase();

/** Measure names as staff may type them, Italian and English, folded. */
const MEASURE_NAMES: ReadonlyMap<string, BudgetMeasure> = new Map([
  ["total", "total"],
  ["totale", "total"],
  ["requested", "requested"],
  ["richiesto", "requested"],
  ["funded", "funded"],
  ["finanziato", "funded"],
  ["overhead", "overhead"],
  ["spese generali", "overhead"],
  ["direct", "direct"],
  ["diretti", "direct"],
  ["costi diretti", "direct"],
  ["count", "count"],
  ["numero", "count"],
  ["successrate", "successrate"],
  ["success rate", "successrate"],
  ["tasso di successo", "successrate"],
  ["tassosuccesso", "successrate"],
]);

/**
 * The measure a text names, case-insensitively, in English or Italian ("total"/"totale",
 * "successrate"/"tasso di successo", …); undefined when it names none (the caller shows #VALUE!).
 */
export function parseBudgetMeasure(text: string): BudgetMeasure | undefined {
  return MEASURE_NAMES.get(fold(text).replace(/\s+/g, " "));
}

interface Lookup {
  cells: Map<string, RollupCell>;
  filtered: Map<string, Rollups>;
}

const lookups = new WeakMap<Rollups, Lookup>();
/** Distinct filter combinations kept per roll-up; a sheet rarely has more, and memory stays bounded. */
const MAX_FILTERED = 256;

function scopeCells(r: Rollups): Map<string, RollupCell> {
  const cells = new Map<string, RollupCell>();
  const put = (k: string, c: RollupCell) => {
    const f = fold(k);
    if (!cells.has(f)) cells.set(f, c);
  };
  // Resolution order of a scope: "*", then a priority, a line, a project (SPEC §8).
  put("*", r.total);
  for (const [k, c] of Object.entries(r.byPriority)) put(k, c);
  for (const [k, c] of Object.entries(r.byLine)) put(k, c);
  for (const [k, c] of Object.entries(r.byProject)) put(k, c);
  // Projects may also be named by code or acronym when the roll-up was built here.
  for (const f of factsOf.get(r)?.facts ?? []) {
    const cell = r.byProject[f.project.key];
    if (cell === undefined) continue;
    for (const alias of [f.project.code, f.project.acronym]) if (alias !== undefined) put(alias, cell);
  }
  return cells;
}

function lookupOf(r: Rollups): Lookup {
  let l = lookups.get(r);
  if (l === undefined) lookups.set(r, (l = { cells: scopeCells(r), filtered: new Map() }));
  return l;
}

function filteredRollups(r: Rollups, filter: BudgetFilter): Rollups | undefined {
  const source = factsOf.get(r);
  if (source === undefined) return undefined;
  const outcome = filter.outcome === undefined ? undefined : fold(filter.outcome);
  const programme = filter.programme === undefined ? undefined : fold(filter.programme);
  const year = filter.year === undefined ? undefined : fold(String(filter.year));
  const key = JSON.stringify([outcome, programme, year]);
  const l = lookupOf(r);
  let out = l.filtered.get(key);
  if (out === undefined) {
    const facts = source.facts.filter(
      (f) =>
        (outcome === undefined || fold(f.outcome) === outcome) &&
        (programme === undefined || fold(f.programme) === programme) &&
        (year === undefined || f.year === year),
    );
    out = rollupFacts(facts, source.plan);
    factsOf.set(out, { facts, plan: source.plan });
    if (l.filtered.size >= MAX_FILTERED) l.filtered.clear();
    l.filtered.set(key, out);
  }
  return out;
}

/** The value of one measure on a cell: money in euro (≤ 2 decimals), count, or success rate 0–1. */
export function cellMeasure(c: RollupCell, measure: BudgetMeasure): number | null {
  switch (measure) {
    case "total":
      return centsToEuro(c.totalBudget);
    case "requested":
      return centsToEuro(c.requested);
    case "funded":
      return centsToEuro(c.funded);
    case "overhead":
      return centsToEuro(c.overhead);
    case "direct":
      return centsToEuro(c.direct);
    case "count":
      return c.count;
    case "successrate":
      return c.successRate;
  }
}

/**
 * One `CLUSTER.BUDGET` value. `scope` is "*", a priority, a line or a project (key, code or
 * acronym), matched trimmed and case-insensitively in that order. Money comes back in euro,
 * `count` as a number, `successrate` as 0–1 or null when nothing is decided.
 * Returns `undefined` when the scope is unknown (the caller shows #N/A), and also when filters
 * are asked of roll-ups that were not built by `computeRollups` in this process (e.g. parsed JSON).
 * Lookups are O(1) after a first O(n) pass per roll-up and per distinct filter.
 */
export function budgetMeasure(
  r: Rollups,
  scope: string,
  measure: BudgetMeasure,
  filter?: BudgetFilter,
): number | null | undefined {
  const hasFilter =
    filter !== undefined &&
    (filter.outcome !== undefined || filter.programme !== undefined || filter.year !== undefined);
  const target = hasFilter ? filteredRollups(r, filter) : r;
  if (target === undefined) return undefined;
  let cell = lookupOf(target).cells.get(fold(scope));
  // A known scope with no project matching the filter answers an empty cell, not "unknown".
  if (cell === undefined && hasFilter && lookupOf(r).cells.has(fold(scope))) cell = emptyCell();
  return cell === undefined ? undefined : cellMeasure(cell, measure);
}
