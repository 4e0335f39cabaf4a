import type { Plan, Project } from "#core/model.ts";
import { evidenceLevels, isCappingOutcome } from "./evidence.ts";
import { levelFromEvidence } from "./project.ts";
import type { PrlMode } from "./project.ts";

/** How a line/priority PRL combines its members' levels (SPEC §6). */
export type Aggregate = "max" | "avg" | "min";

/** What a reference names in `PrlIndex.lookup`. */
export interface PrlLookup {
  kind: "project" | "line" | "priority";
  /** The canonical key (project key, line code, priority code). */
  key: string;
  prl: number;
}

/**
 * PRL of every project, line and priority of a plan in one mode, built once in O(n) so that
 * custom functions answer each cell with O(1) map lookups (10 000 cells in a few ms).
 * References are matched trimmed and case-insensitively.
 */
export interface PrlIndex {
  readonly mode: PrlMode;
  /** Project by key, code or acronym. */
  findProject(ref: string): Project | undefined;
  /** PRL of a project by key, code or acronym; undefined when unknown. */
  project(ref: string): number | undefined;
  /** PRL of a line (0 when it has no non-withdrawn project); undefined when the code is unknown. */
  line(code: string, aggregate?: Aggregate): number | undefined;
  /** PRL of a priority over its lines (0 when none); undefined when the code is unknown. */
  priority(code: string, aggregate?: Aggregate): number | undefined;
  /** Resolves a reference as a project, else a line, else a priority. */
  lookup(ref: string, aggregate?: Aggregate): PrlLookup | undefined;
}

/** Aggregated levels kept in tenths (integers) so averages round exactly. */
interface Tenths {
  max: number;
  avg: number;
  min: number;
}

interface Stats {
  code: string;
  max: number;
  min: number;
  sum: number;
  n: number;
}

const fold = (s: string): string => s.trim().toLowerCase();

/** Round half up of a/b to an integer, for non-negative integers a, b > 0. */
const roundDiv = (a: number, b: number): number => Math.floor((2 * a + b) / (2 * b));

function statsTenths(s: Stats): Tenths {
  if (s.n === 0) return { max: 0, avg: 0, min: 0 };
  return { max: s.max * 10, avg: roundDiv(s.sum * 10, s.n), min: s.min * 10 };
}

function newStats(code: string): Stats {
  return { code, max: 0, min: Number.POSITIVE_INFINITY, sum: 0, n: 0 };
}

function add(s: Stats, level: number): void {
  s.max = Math.max(s.max, level);
  s.min = Math.min(s.min, level);
  s.sum += level;
  s.n += 1;
}

/**
 * Precomputes the PRL of every project, line and priority of `plan` in `mode`.
 * `levels[i]`, when given, is the PRL of `plan.projects[i]` in `mode` as the caller already computed
 * it (the report does, once per project); otherwise each project's level is computed here.
 * The project lookup table is built on the first project query: the report reads only lines and
 * priorities.
 */
export function prlIndex(plan: Plan, mode: PrlMode, levels?: readonly number[]): PrlIndex {
  const levelOf = (p: Project, i: number): number =>
    levels?.[i] ?? levelFromEvidence(evidenceLevels(p), mode, isCappingOutcome(p.outcome));
  const prls = levels !== undefined && levels.length === plan.projects.length ? levels : plan.projects.map(levelOf);
  let projectTable: Map<string, { project: Project; prl: number }> | undefined;
  const projects = (): Map<string, { project: Project; prl: number }> => {
    if (projectTable !== undefined) return projectTable;
    const table = new Map<string, { project: Project; prl: number }>();
    plan.projects.forEach((p, i) => {
      const prl = prls[i] ?? 0;
      // First occurrence wins: later duplicates are errors the validator reports.
      for (const ref of [p.key, p.code, p.acronym]) {
        if (ref === undefined) continue;
        const k = fold(ref);
        if (k !== "" && !table.has(k)) table.set(k, { project: p, prl });
      }
    });
    return (projectTable = table);
  };
  const lineStats = new Map<string, Stats>();
  const lineOf = (code: string): Stats => {
    const k = fold(code);
    let s = lineStats.get(k);
    if (s === undefined) lineStats.set(k, (s = newStats(code.trim())));
    return s;
  };
  for (const l of plan.lines) lineOf(l.code);

  // Projects of one line often follow each other: reuse the line's stats while the code repeats.
  let lastLine: string | undefined;
  let lastStats: Stats | undefined;
  plan.projects.forEach((p, i) => {
    if (p.line === undefined) return;
    if (p.line !== lastLine || lastStats === undefined) {
      if (p.line.trim() === "") return;
      lastLine = p.line;
      // A line named only by withdrawn projects still exists (PRL 0).
      lastStats = lineOf(p.line);
    }
    if (p.outcome !== "withdrawn") add(lastStats, prls[i] ?? 0);
  });

  const lines = new Map<string, Tenths>();
  for (const [k, s] of lineStats) lines.set(k, statsTenths(s));

  // A priority aggregates its lines' values (a line with no project counts as 0).
  const prioStats = new Map<string, { max: Stats; avg: Stats; min: Stats }>();
  const prioOf = (code: string) => {
    const k = fold(code);
    let s = prioStats.get(k);
    if (s === undefined)
      prioStats.set(k, (s = { max: newStats(code), avg: newStats(code), min: newStats(code) }));
    return s;
  };
  for (const pr of plan.priorities) prioOf(pr.code);
  const seenLines = new Set<string>();
  for (const l of plan.lines) {
    const k = fold(l.code);
    if (seenLines.has(k)) continue;
    seenLines.add(k);
    const t = lines.get(k) ?? { max: 0, avg: 0, min: 0 };
    const s = prioOf(l.priority);
    add(s.max, t.max);
    add(s.avg, t.avg);
    add(s.min, t.min);
  }
  const priorities = new Map<string, Tenths>();
  for (const [k, s] of prioStats) {
    priorities.set(k, {
      // The stats already hold tenths: no further scaling.
      max: s.max.n === 0 ? 0 : s.max.max,
      avg: s.avg.n === 0 ? 0 : roundDiv(s.avg.sum, s.avg.n),
      min: s.min.n === 0 ? 0 : s.min.min,
    });
  }

  const pick = (t: Tenths | undefined, a: Aggregate): number | undefined =>
    t === undefined ? undefined : t[a] / 10;

  const index: PrlIndex = {
    mode,
    findProject: (ref) => projects().get(fold(ref))?.project,
    project: (ref) => projects().get(fold(ref))?.prl,
    line: (code, aggregate = "max") => pick(lines.get(fold(code)), aggregate),
    priority: (code, aggregate = "max") => pick(priorities.get(fold(code)), aggregate),
    lookup(ref, aggregate = "max") {
      const k = fold(ref);
      const p = projects().get(k);
      if (p !== undefined) return { kind: "project", key: p.project.key, prl: p.prl };
      const l = lines.get(k);
      if (l !== undefined)
        return { kind: "line", key: lineStats.get(k)?.code ?? ref, prl: l[aggregate] / 10 };
      const pr = priorities.get(k);
      if (pr !== undefined)
        return { kind: "priority", key: prioStats.get(k)?.max.code ?? ref, prl: pr[aggregate] / 10 };
      return undefined;
    },
  };
  return index;
}

/**
 * A line's PRL: the `aggregate` (default max) of the PRLs of its projects that are not
 * withdrawn; 0 when none. Averages are rounded half-up to one decimal.
 */
export function linePrl(
  plan: Plan,
  line: string,
  opts: { mode?: PrlMode; aggregate?: Aggregate } = {},
): number {
  return prlIndex(plan, opts.mode ?? "milestone").line(line, opts.aggregate) ?? 0;
}

/**
 * A priority's PRL: the `aggregate` (default max) of its lines' PRLs (each line aggregated the same
 * way; a line with no project counts 0); 0 when it has no line. Averages round to one decimal.
 */
export function priorityPrl(
  plan: Plan,
  priority: string,
  opts: { mode?: PrlMode; aggregate?: Aggregate } = {},
): number {
  return prlIndex(plan, opts.mode ?? "milestone").priority(priority, opts.aggregate) ?? 0;
}
