import { describe, expect, it } from "vitest";
import type { RollupCell, Rollups } from "#core/report/index.ts";
import { computeRollups } from "#core/report/index.ts";
import { rollupPlan } from "./fixtures.ts";

const e = (euro: number): number => Math.round(euro * 100);
type Dim = Exclude<keyof Rollups, "total">;

describe("computeRollups", () => {
  const r = computeRollups(rollupPlan());

  it.each<[Dim, string, Partial<RollupCell>]>([
    [
      "byProject",
      "DGH",
      { count: 1, totalBudget: e(499_875), requested: e(499_875), funded: 0, decided: 0, successRate: null },
    ],
    [
      "byProject",
      "CLUSTER-2020",
      {
        totalBudget: e(200_000),
        requested: e(200_000),
        funded: e(200_000),
        overhead: e(40_000),
        direct: e(160_000),
        successRate: 1,
      },
    ],
    ["byProject", "X2", { requested: e(210_000), funded: e(210_000) }],
    [
      "byLine",
      "5.1",
      {
        count: 2,
        totalBudget: e(1_300_000),
        requested: e(910_000),
        funded: e(210_000),
        decided: 2,
        successes: 1,
        successRate: 0.5,
      },
    ],
    ["byLine", "5.2", { count: 1, successRate: null }],
    ["byLine", "n/d", { count: 1, totalBudget: 0, requested: 0 }],
    [
      "byPriority",
      "5",
      { count: 3, totalBudget: e(1_799_875), requested: e(1_409_875), funded: e(210_000), successRate: 0.5 },
    ],
    ["byPriority", "6", { count: 1, overhead: e(40_000), direct: e(160_000) }],
    ["byPriority", "7", { count: 0, totalBudget: 0, successRate: null }],
    ["byPriority", "n/d", { count: 1 }],
    [
      "byProgramme",
      "Horizon Europe",
      {
        count: 2,
        totalBudget: e(799_875),
        requested: e(709_875),
        funded: e(210_000),
        decided: 1,
        successRate: 1,
      },
    ],
    ["byProgramme", "EIC", { count: 1, funded: 0, decided: 1, successes: 0, successRate: 0 }],
    ["byOutcome", "funded", { count: 2, funded: e(410_000), successRate: 1 }],
    ["byOutcome", "under-evaluation", { count: 1, successRate: null }],
    ["byOutcome", "n/d", { count: 1 }],
    ["byYear", "2021", { count: 1, totalBudget: e(499_875) }],
    ["byYear", "2022", { count: 2 }], // X1 by submission, X2 by deadline
    ["byYear", "2020", { count: 1 }],
    ["byYear", "n/d", { count: 1 }],
  ])("%s[%j]", (dim, key, expected) => {
    expect(r[dim][key]).toMatchObject(expected);
  });

  it("the total counts every project; success rate = funded/running/closed over decided", () => {
    expect(r.total).toMatchObject({
      count: 5,
      totalBudget: e(1_999_875),
      funded: e(410_000),
      decided: 3,
      successes: 2,
      successRate: 2 / 3,
    });
  });

  it.each<Dim>(["byProject", "byLine", "byPriority", "byProgramme", "byOutcome", "byYear"])(
    "%s cells add up to the total",
    (dim) => {
      // Act
      const cells = Object.values(r[dim]);
      const sum = (f: (c: RollupCell) => number) => cells.reduce((a, c) => a + f(c), 0);
      // Assess
      expect([
        sum((c) => c.count),
        sum((c) => c.totalBudget),
        sum((c) => c.requested),
        sum((c) => c.funded),
        sum((c) => c.overhead),
        sum((c) => c.direct),
      ]).toEqual([
        r.total.count,
        r.total.totalBudget,
        r.total.requested,
        r.total.funded,
        r.total.overhead,
        r.total.direct,
      ]);
    },
  );

  it("success rate is null everywhere when nothing is decided", () => {
    // Prepare
    const p = rollupPlan();
    const undecided = { ...p, projects: p.projects.map((x) => ({ ...x, outcome: "submitted" as const })) };
    // Act
    const u = computeRollups(undecided);
    // Assess
    expect(
      [u.total.successRate, ...Object.values(u.byLine).map((c) => c.successRate)].every((v) => v === null),
    ).toBe(true);
  });

  it("a plan with no projects has an empty total", () => {
    const p = rollupPlan();
    expect(computeRollups({ ...p, projects: [], budget: [] }).total).toEqual({
      count: 0,
      totalBudget: 0,
      requested: 0,
      funded: 0,
      overhead: 0,
      direct: 0,
      decided: 0,
      successes: 0,
      successRate: null,
    });
  });
});
