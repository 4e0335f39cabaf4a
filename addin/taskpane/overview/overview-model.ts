/**
 * What the Overview panel shows, computed from the plan with the core (pure, no React): PRL per
 * priority and line in both modes (the gap shows missing data), the distribution of projects by
 * PRL, budget roll-ups by priority and programme, and the "to resubmit" / "dormant" lists.
 */
import type { Cents, IsoDate, Line, Plan, Project } from "#core/model.ts";
import { prlIndex, projectFlags, projectPrl } from "#core/prl/index.ts";
import { computeRollups } from "#core/report/index.ts";
import type { RollupCell } from "#core/report/index.ts";

export interface PrlRow {
  kind: "priority" | "line";
  code: string;
  title: string;
  prl: number;
  strict: number;
}

/** Budget roll-up of one group (SPEC §7); money in cents. */
export interface Rollup {
  key: string;
  count: number;
  totalBudget: Cents;
  requested: Cents;
  funded: Cents;
  /** funded/running/closed ÷ decided; null when none is decided. */
  successRate: number | null;
}

export interface ProjectRef {
  key: string;
  title: string;
  prl: number;
  /** Where the project's row is, to select it. */
  sheet?: string;
  row?: number;
}

export interface OverviewModel {
  /** Priorities, each followed by its lines. */
  prl: PrlRow[];
  /** distribution[level] = number of projects at that PRL (0–9). */
  distribution: number[];
  byPriority: Rollup[];
  byProgramme: Rollup[];
  /** Roll-up per line code (for the board sheet). */
  byLine: Record<string, Rollup>;
  all: Rollup;
  toResubmit: ProjectRef[];
  dormant: ProjectRef[];
}

function rollup(key: string, c: RollupCell): Rollup {
  return {
    key,
    count: c.count,
    totalBudget: c.totalBudget,
    requested: c.requested,
    funded: c.funded,
    successRate: c.successRate,
  };
}

function ref(p: Project, prl: number): ProjectRef {
  return {
    key: p.key,
    title: p.title ?? p.acronym ?? p.key,
    prl,
    ...(p.source ? { sheet: p.source.sheet, row: p.source.row } : {}),
  };
}

/** Builds the overview of a plan as of `today` (for the dormant flag). */
export function buildOverview(plan: Plan, today: IsoDate): OverviewModel {
  const milestone = prlIndex(plan, "milestone");
  const strict = prlIndex(plan, "strict");
  const prl: PrlRow[] = [];
  const linesByPriority = new Map<string, typeof plan.lines>();
  for (const l of plan.lines) {
    const list = linesByPriority.get(l.priority) ?? [];
    list.push(l);
    linesByPriority.set(l.priority, list);
  }
  const lineRow = (l: Line): PrlRow => ({
    kind: "line",
    code: l.code,
    title: l.title,
    prl: milestone.line(l.code) ?? 0,
    strict: strict.line(l.code) ?? 0,
  });
  for (const p of plan.priorities) {
    prl.push({
      kind: "priority",
      code: p.code,
      title: p.title,
      prl: milestone.priority(p.code) ?? 0,
      strict: strict.priority(p.code) ?? 0,
    });
    for (const l of linesByPriority.get(p.code) ?? []) prl.push(lineRow(l));
  }
  // Lines whose priority is not in the priorities sheet still belong in the table.
  const known = new Set(plan.priorities.map((p) => p.code));
  for (const l of plan.lines) {
    if (!known.has(l.priority)) prl.push(lineRow(l));
  }

  const distribution = Array.from({ length: 10 }, () => 0);
  const toResubmit: ProjectRef[] = [];
  const dormant: ProjectRef[] = [];
  for (const p of plan.projects) {
    const level = projectPrl(p, "milestone");
    distribution[level] = (distribution[level] ?? 0) + 1;
    const flags = projectFlags(p, { today });
    if (flags.includes("to-resubmit")) toResubmit.push(ref(p, level));
    if (flags.includes("dormant")) dormant.push(ref(p, level));
  }
  const rollups = computeRollups(plan);
  const priorityOrder = new Map(plan.priorities.map((p, i) => [p.code, i]));
  return {
    prl,
    distribution,
    byPriority: Object.entries(rollups.byPriority)
      .map(([k, c]) => rollup(k, c))
      .sort(
        (a, b) =>
          (priorityOrder.get(a.key) ?? 1e9) - (priorityOrder.get(b.key) ?? 1e9) || a.key.localeCompare(b.key),
      ),
    byProgramme: Object.entries(rollups.byProgramme)
      .map(([k, c]) => rollup(k, c))
      .sort((a, b) => b.totalBudget - a.totalBudget || a.key.localeCompare(b.key)),
    byLine: Object.fromEntries(Object.entries(rollups.byLine).map(([k, c]) => [k, rollup(k, c)])),
    all: rollup("*", rollups.total),
    toResubmit,
    dormant,
  };
}
