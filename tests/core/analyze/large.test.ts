import { beforeAll, describe, expect, it } from "vitest";
import type { Analysis } from "#core/analyze.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { ReportJson } from "#core/report/index.ts";
import { buildReport } from "#core/report/index.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { snapshotOf } from "#samples/seed-workbook.ts";

/*
 * The SPEC §11 workbook (10 000 projects, 40 000 budget rows) gives correct results. How fast is a
 * benchmark (bench/core-functions.bench.ts), not a test: timings on shared machines are noise.
 */

const OPTS = { today: "2026-01-01", locale: "it" } as const;

describe("analyze + report on 10 000 projects / 40 000 budget rows", () => {
  let analysis: Analysis;
  let report: ReportJson;

  beforeAll(() => {
    analysis = analyzeWorkbook(snapshotOf(largeWorkbook({ projects: 10_000 })));
    report = buildReport({ file: "large.xlsx", ...analysis }, OPTS);
  });

  it.each<[string, () => number, number]>([
    ["priorities", () => analysis.plan.priorities.length, 11],
    ["lines", () => analysis.plan.lines.length, 37],
    ["projects", () => analysis.plan.projects.length, 10_000],
    ["budget rows", () => analysis.plan.budget.length, 40_000],
    ["budget summaries carried by the analysis", () => analysis.budgets?.size ?? 0, 10_000],
    ["projects in the report", () => report.projects.length, 10_000],
    ["budget entries in the report", () => report.budget.length, 10_000],
    ["projects counted in the roll-up total", () => report.rollups.total.count, 10_000],
  ])("reads every one of the %s", (_what, count, expected) => {
    expect(count()).toBe(expected);
  });

  it("finds no budget inconsistency: the fixture's overhead is exactly 25 % and totals match", () => {
    // Assess
    const budgetCodes = analysis.issues.map((i) => i.code).filter((c) => c.startsWith("budget."));
    expect(budgetCodes).toEqual([]);
    expect(report.budget.every((b) => b.overheadStated === b.overhead && b.totalStated === b.total)).toBe(true);
  });

  it("roll-up totals are the sums of the budget sheet", () => {
    // Prepare: sum the rows independently of the summaries
    let overhead = 0;
    let all = 0;
    for (const b of analysis.plan.budget) {
      all += b.amount ?? 0;
      if (b.category === "overhead") overhead += b.amount ?? 0;
    }
    // Assess
    expect(Math.round(report.rollups.total.overhead * 100)).toBe(overhead);
    expect(Math.round(report.rollups.total.direct * 100)).toBe(all - overhead);
  });

  it.each([false, true])("reusing the analysis' budgets gives the same report as summarising again (strict %s)", (strict) => {
    // Act
    const reused = buildReport({ file: "large.xlsx", ...analysis }, { ...OPTS, strict });
    const fresh = buildReport({ file: "large.xlsx", plan: analysis.plan, issues: analysis.issues }, { ...OPTS, strict });
    // Assess
    expect(reused).toEqual(fresh);
  });
});
