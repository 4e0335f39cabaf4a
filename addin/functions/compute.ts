/**
 * The custom functions' computations (SPEC §8): plain functions over the plan model, returning a
 * value or a problem. No Office.js here, so tests and benchmarks call them directly.
 */
import type { PlanModel } from "#addin/shared/plan-store.ts";
import { computeOverhead } from "#core/budget/index.ts";
import { prlLabel, prlNext, type Aggregate, type PrlMode } from "#core/prl/index.ts";
import { budgetMeasure, parseBudgetMeasure, type BudgetFilter } from "#core/report/index.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { canonicalProgramme, parseOutcome } from "#core/values/index.ts";
import { evidenceText } from "./messages.ts";
import { done, problem, type Computed } from "./result.ts";

/** What Excel passes for an argument (an omitted optional one arrives as null). */
export type Arg = string | number | boolean | null | undefined;

const omitted = (a: Arg): a is null | undefined | "" =>
  a === null || a === undefined || (typeof a === "string" && a.trim() === "");

/** A reference as text: 5 → "5", 5.1 → "5.1", " DGH " → "DGH"; undefined for booleans and blanks. */
function refText(ref: Arg): string | undefined {
  if (omitted(ref) || typeof ref === "boolean") return undefined;
  return typeof ref === "number" ? String(ref) : ref.trim();
}

const MODES: ReadonlyMap<string, PrlMode> = new Map([
  ["milestone", "milestone"],
  ["traguardo", "milestone"],
  ["strict", "strict"],
  ["rigoroso", "strict"],
  ["rigorosa", "strict"],
]);

const AGGREGATES: ReadonlyMap<string, Aggregate> = new Map([
  ["max", "max"],
  ["massimo", "max"],
  ["avg", "avg"],
  ["media", "avg"],
  ["average", "avg"],
  ["min", "min"],
  ["minimo", "min"],
]);

function pick<T>(
  arg: Arg,
  table: ReadonlyMap<string, T>,
  fallback: T,
  message: "bad-mode" | "bad-aggregate",
): Computed<T> {
  if (omitted(arg)) return done(fallback);
  const hit = typeof arg === "string" ? table.get(arg.trim().toLowerCase()) : undefined;
  return hit === undefined ? problem("value", message, arg) : done(hit);
}

/** CLUSTER.PRL(ref; [mode]; [aggregate]). */
export function prlOf(model: PlanModel, ref: Arg, mode?: Arg, aggregate?: Arg): Computed<number> {
  const r = refText(ref);
  if (r === undefined) return problem("value", "empty-ref");
  const m = pick(mode, MODES, "milestone", "bad-mode");
  if (!m.ok) return m;
  const a = pick(aggregate, AGGREGATES, "max", "bad-aggregate");
  if (!a.ok) return a;
  const hit = model.prl(m.value).lookup(r, a.value);
  return hit === undefined ? problem("not-available", "unknown-ref", r) : done(hit.prl);
}

/** CLUSTER.PRLNEXT(ref): "5 Proposal ready: total budget or the Proposal ready tick"; "—" when none is left. */
export function prlNextOf(model: PlanModel, ref: Arg, locale: Locale): Computed<string> {
  const r = refText(ref);
  if (r === undefined) return problem("value", "empty-ref");
  const index = model.prl("milestone");
  const project = index.findProject(r);
  if (project === undefined)
    return index.lookup(r) === undefined
      ? problem("not-available", "unknown-ref", r)
      : problem("value", "not-a-project", r);
  const next = prlNext(project, "milestone");
  if (next === undefined) return done("—");
  return done(
    `${String(next.level)} ${prlLabel(next.level, locale)}: ${evidenceText(next.evidence, locale)}`,
  );
}

/** CLUSTER.PRLLABEL(level): the milestone name; "—" for 0. */
export function prlLabelOf(level: Arg, locale: Locale): Computed<string> {
  const n = typeof level === "string" && level.trim() !== "" ? Number(level.replace(",", ".")) : level;
  if (typeof n !== "number" || !Number.isFinite(n) || n < 0 || n > 9)
    return problem("value", "bad-level", level);
  return done(prlLabel(n, locale));
}

function yearOf(year: Arg): Computed<number | undefined> {
  if (omitted(year) || year === 0) return done(undefined);
  const n = typeof year === "number" ? year : typeof year === "string" ? Number(year.trim()) : Number.NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 9999 ? done(n) : problem("value", "bad-year", year);
}

/** CLUSTER.BUDGET(scope; [measure]; [outcome]; [programme]; [year]): euro, a count, or a rate 0–1. */
export function budgetOf(
  model: PlanModel,
  scope: Arg,
  measure?: Arg,
  outcome?: Arg,
  programme?: Arg,
  year?: Arg,
): Computed<number> {
  const s = refText(scope);
  if (s === undefined) return problem("value", "empty-ref");
  const m = omitted(measure)
    ? "total"
    : typeof measure === "string"
      ? parseBudgetMeasure(measure)
      : undefined;
  if (m === undefined) return problem("value", "bad-measure", measure);
  const filter: BudgetFilter = {};
  if (!omitted(outcome)) {
    const o = typeof outcome === "string" ? parseOutcome(outcome) : undefined;
    if (o === undefined) return problem("value", "bad-outcome", outcome);
    filter.outcome = o;
  }
  if (!omitted(programme)) {
    const text = String(programme).trim();
    filter.programme = canonicalProgramme(text) ?? text; // unknown programmes are kept as written (SPEC §3)
  }
  const y = yearOf(year);
  if (!y.ok) return y;
  if (y.value !== undefined) filter.year = y.value;
  const v = budgetMeasure(model.rollups(), s, m, filter);
  if (v === undefined) return problem("not-available", "unknown-scope", s);
  // A success rate over no decided project does not exist: #N/A with the reason (Excel drops
  // messages on #DIV/0!, and 0 would read as "all rejected").
  return v === null ? problem("not-available", "no-decided") : done(v);
}

function cents(euro: Arg, fallback: number): Computed<number> {
  if (omitted(euro)) return done(fallback);
  if (typeof euro !== "number" || !Number.isFinite(euro) || euro < 0)
    return problem("value", "bad-amount", euro);
  const c = Math.round(euro * 100);
  // Beyond 2^53 cents (≈ 90 000 billion euro) sums would no longer be exact.
  return Number.isSafeInteger(c) ? done(c) : problem("value", "bad-amount", euro);
}

/** CLUSTER.OVERHEAD(direct; [subcontracting]; [rate]) in euro: rate × (direct − subcontracting). */
export function overheadOf(direct: Arg, subcontracting?: Arg, rate?: Arg): Computed<number> {
  if (omitted(direct)) return problem("value", "bad-amount", "");
  const d = cents(direct, 0);
  if (!d.ok) return d;
  const s = cents(subcontracting, 0);
  if (!s.ok) return s;
  const r = omitted(rate) ? 0.25 : rate;
  if (typeof r !== "number" || !Number.isFinite(r) || r < 0 || r > 1)
    return problem("value", "bad-rate", rate);
  return done(computeOverhead(d.value, s.value, r) / 100);
}
