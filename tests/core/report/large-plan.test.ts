import { describe, expect, it } from "vitest";
import type { BudgetRow, CostCategory, Plan, Project } from "#core/model.ts";
import { prlIndex, projectPrl } from "#core/prl/index.ts";
import { computeRollups } from "#core/report/index.ts";
import { computeOverhead } from "#core/budget/index.ts";
import { OUTCOMES } from "#core/values/vocab.ts";

const CATEGORIES: CostCategory[] = ["personnel", "equipment", "subcontracting", "overhead"];

/** 10 priorities × 4 lines, 10 000 projects, 40 000 budget rows, deterministic. */
function bigPlan(): Plan {
  const priorities = Array.from({ length: 10 }, (_, i) => ({ code: String(i + 1), title: `P${i + 1}` }));
  const lines = priorities.flatMap((p) =>
    Array.from({ length: 4 }, (_, j) => ({
      code: `${p.code}.${j + 1}`,
      title: "L",
      priority: p.code,
      types: [],
    })),
  );
  const projects: Project[] = Array.from({ length: 10_000 }, (_, i) => ({
    key: `PRJ-${i}`,
    code: `PRJ-${i}`,
    title: "T",
    line: lines[i % lines.length]?.code,
    programme: i % 3 === 0 ? "Horizon Europe" : "PR-FESR",
    call: i % 2 === 0 ? "CALL" : undefined,
    actionType: i % 4 === 0 ? "IA" : "RIA",
    submitted: `20${20 + (i % 6)}-0${1 + (i % 9)}-15`,
    outcome: OUTCOMES[i % OUTCOMES.length],
    partners: i % 5 === 0 ? ["A"] : [],
    ticks: { proposalReady: i % 7 === 0 },
  }));
  const budget: BudgetRow[] = Array.from({ length: 40_000 }, (_, i) => ({
    project: `PRJ-${i % 10_000}`,
    category: CATEGORIES[i % 4],
    amount: (i * 7919) % 10_000_000,
  }));
  return {
    priorities,
    lines,
    projects,
    budget,
    present: { priorities: true, lines: true, projects: true, budget: true },
  };
}

/*
 * Results on a large plan. How fast prlIndex, computeRollups and the lookups run is measured by
 * bench/core-functions.bench.ts, not asserted here: timings on shared machines are noise.
 */
describe("PRL index and roll-ups on 10 000 projects / 40 000 budget rows", () => {
  const plan = bigPlan();
  const milestone = prlIndex(plan, "milestone");
  const strict = prlIndex(plan, "strict");
  const rollups = computeRollups(plan);

  it("the roll-up total counts every project and sums every budget row", () => {
    // Prepare: sums taken directly from the rows; a project without overhead rows gets 25 %
    const perProject = new Map<string, { direct: number; sub: number; overhead?: number }>();
    for (const b of plan.budget) {
      const acc = perProject.get(b.project) ?? { direct: 0, sub: 0 };
      perProject.set(b.project, acc);
      if (b.category === "overhead") acc.overhead = (acc.overhead ?? 0) + (b.amount ?? 0);
      else acc.direct += b.amount ?? 0;
      if (b.category === "subcontracting") acc.sub += b.amount ?? 0;
    }
    let overhead = 0;
    let direct = 0;
    for (const acc of perProject.values()) {
      direct += acc.direct;
      overhead += acc.overhead ?? computeOverhead(acc.direct, acc.sub);
    }
    // Assess
    expect(rollups.total.count).toBe(10_000);
    expect(rollups.total.overhead).toBe(overhead);
    expect(rollups.total.direct).toBe(direct);
    expect(Object.keys(rollups.byProject)).toHaveLength(10_000);
  });

  it("the line counts add up to the projects, and every line of the plan has a cell", () => {
    // Act
    const counts = Object.values(rollups.byLine).map((c) => c.count);
    // Assess
    expect(Object.keys(rollups.byLine).sort()).toEqual(plan.lines.map((l) => l.code).sort());
    expect(counts.reduce((a, b) => a + b, 0)).toBe(10_000);
  });

  it.each(plan.priorities.map((p) => p.code))("priority %s: milestone PRL ≥ strict PRL", (code) => {
    expect(milestone.priority(code)).toBeGreaterThanOrEqual(strict.priority(code) ?? 99);
  });

  it("10 000 lookups of projects, lines and priorities all resolve, projects to their own PRL", () => {
    // Act
    const found = Array.from({ length: 10_000 }, (_, i) => {
      const ref =
        i % 3 === 0 ? `PRJ-${i}` : i % 3 === 1 ? `${1 + (i % 10)}.${1 + (i % 4)}` : String(1 + (i % 10));
      return { i, hit: milestone.lookup(ref) };
    });
    // Assess
    expect(found.filter((f) => f.hit === undefined)).toEqual([]);
    for (const { i, hit } of found.filter((f) => f.i % 3 === 0)) {
      expect(hit).toEqual({
        kind: "project",
        key: `PRJ-${i}`,
        prl: projectPrl(plan.projects[i] as Project, "milestone"),
      });
    }
  });
});
