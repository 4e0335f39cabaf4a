import { describe, expect, it } from "vitest";
import type { BudgetFilter, BudgetMeasure, Rollups } from "#core/report/index.ts";
import { budgetMeasure, computeRollups, parseBudgetMeasure } from "#core/report/index.ts";
import { rollupPlan } from "./fixtures.ts";

describe("budgetMeasure (CLUSTER.BUDGET)", () => {
  const r = computeRollups(rollupPlan());

  it.each<[string, BudgetMeasure, BudgetFilter | undefined, number | null | undefined]>([
    ["*", "count", undefined, 5],
    ["*", "total", undefined, 1_999_875],
    ["*", "funded", undefined, 410_000],
    ["*", "successrate", undefined, 2 / 3],
    ["5", "requested", undefined, 1_409_875],
    ["5.1", "successrate", undefined, 0.5],
    ["5.2", "successrate", undefined, null],
    ["7", "count", undefined, 0],
    ["DGH", "total", undefined, 499_875],
    ["DigitalGreenHealth", "total", undefined, 499_875],
    [" digitalgreenhealth ", "count", undefined, 1],
    ["CLUSTER-2020", "overhead", undefined, 40_000],
    ["CLUSTER-2020", "direct", undefined, 160_000],
    ["9.9", "count", undefined, undefined],
    ["*", "count", { programme: "horizon europe" }, 2],
    ["*", "count", { year: 2022 }, 2],
    ["*", "successrate", { year: "2021" }, null],
    ["5", "total", { outcome: "funded" }, 300_000],
    ["6", "count", { outcome: "rejected" }, 0],
    ["DigitalGreenHealth", "requested", { programme: "Horizon Europe", year: 2021 }, 499_875],
    ["DGH", "count", { outcome: "funded" }, 0],
    ["nope", "count", { outcome: "funded" }, undefined],
  ])("scope %j, %s, filter %j → %s", (scope, measure, filter, expected) => {
    expect(budgetMeasure(r, scope, measure, filter)).toBe(expected);
  });

  it("roll-ups parsed from JSON answer unfiltered queries but not filtered ones", () => {
    // Prepare
    const parsed = JSON.parse(JSON.stringify(r)) as Rollups;
    // Act / Assess
    expect(budgetMeasure(parsed, "5.1", "count")).toBe(2);
    expect(budgetMeasure(parsed, "5.1", "count", { outcome: "funded" })).toBeUndefined();
  });

  it("10 000 calls over 10 scopes and 3 filters all answer, as the first call of each did", () => {
    // Prepare: how fast is measured by bench/core-functions.bench.ts, not here
    const scopes = ["*", "5", "5.1", "5.2", "6", "6.1", "DGH", "X1", "X2", "CLUSTER-2020"];
    const filters: (BudgetFilter | undefined)[] = [undefined, { outcome: "funded" }, { year: 2022 }];
    const first = new Map<number, number | null | undefined>();
    // Act
    const answers = Array.from({ length: 10_000 }, (_, i) => {
      const v = budgetMeasure(r, scopes[i % 10] ?? "*", "total", filters[i % 3]);
      if (!first.has(i % 30)) first.set(i % 30, v);
      return { i, v };
    });
    // Assess
    expect(answers.filter((a) => a.v === undefined)).toEqual([]);
    expect(answers.filter((a) => a.v !== first.get(a.i % 30))).toEqual([]);
  });
});

describe("parseBudgetMeasure", () => {
  it.each<[string, BudgetMeasure | undefined]>([
    ["total", "total"],
    ["Totale", "total"],
    ["richiesto", "requested"],
    ["FUNDED", "funded"],
    ["finanziato", "funded"],
    ["spese  generali", "overhead"],
    ["costi diretti", "direct"],
    ["numero", "count"],
    ["successrate", "successrate"],
    ["tasso di successo", "successrate"],
    ["budget", undefined],
    ["", undefined],
  ])("%j → %s", (text, expected) => {
    expect(parseBudgetMeasure(text)).toBe(expected);
  });
});
