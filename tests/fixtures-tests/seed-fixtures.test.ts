/**
 * The fixtures are what they claim: the clean plan is clean, the messy plan's planted problems
 * are exactly its errors (and its warnings are planted too), the annual report reads as 5
 * priorities and 22 lines, the benchmark generator is deterministic and error-free.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import {
  annualReport2022,
  bigDataPlan,
  messyPlan,
  PLANTED_ISSUES,
  snapshotOf,
  ANNUAL_REPORT_2022,
} from "#samples/seed-workbook.ts";

const TODAY = "2022-12-31";
const analyse = (sheets: ReturnType<typeof bigDataPlan>) =>
  analyzeWorkbook(snapshotOf(sheets), { today: TODAY });
const at = (i: { sheet: string; cell: string; code: string; severity: string }) =>
  `${i.severity} ${i.code} ${i.sheet}!${i.cell}`;

describe("bigDataPlan", () => {
  it("has no issues at all", () => {
    expect(analyse(bigDataPlan()).issues.map(at)).toEqual([]);
  });

  it.each([
    ["priorities", 5],
    ["lines", 13],
    ["projects", 11],
    ["budget", 9],
  ] as const)("reads its %s (%i)", (kind, count) => {
    expect(analyse(bigDataPlan()).plan[kind]).toHaveLength(count);
  });
});

describe("messyPlan", () => {
  const { issues } = analyse(messyPlan());

  it.each(PLANTED_ISSUES.map((p) => [at(p), p]))("reports %s", (_label, planted) => {
    expect(issues).toContainEqual(expect.objectContaining(planted));
  });

  it("has no error that was not planted", () => {
    const planted = new Set(PLANTED_ISSUES.map(at));
    expect(issues.filter((i) => i.severity === "error" && !planted.has(at(i))).map(at)).toEqual([]);
  });

  it("has no warning that was not planted", () => {
    const planted = new Set(PLANTED_ISSUES.map(at));
    expect(issues.filter((i) => !planted.has(at(i))).map(at)).toEqual([]);
  });

  it("keeps its hidden and very hidden sheets", () => {
    expect(messyPlan().map((s) => s.hidden ?? false)).toEqual([false, false, false, false, true, "very"]);
  });
});

describe("annualReport2022", () => {
  const { plan } = analyse(annualReport2022());

  it("yields the five priorities with their codes from the titles", () => {
    expect(plan.priorities.map((p) => p.code)).toEqual(["1", "2", "3", "4", "5"]);
  });

  it.each(ANNUAL_REPORT_2022.map((g, i) => [String(i + 1), g.lines.length]))(
    "gives priority %s its %i lines coded <priority>.<n>",
    (priority, n) => {
      const lines = plan.lines.filter((l) => l.priority === priority);
      expect(lines.map((l) => l.code)).toEqual(Array.from({ length: n }, (_, k) => `${priority}.${k + 1}`));
    },
  );

  it("lists the priority merges of the layout", () => {
    expect(annualReport2022()[0]?.merged).toEqual([
      "A1:C1",
      "A4:A6",
      "A7:A9",
      "A10:A15",
      "A16:A18",
      "A19:A25",
    ]);
  });
});

describe("largeWorkbook", () => {
  it.each([
    [10, 1],
    [250, 42],
  ])("has %i projects and 4× budget rows (seed %i)", (projects, seed) => {
    const [, , pj, bu] = largeWorkbook({ projects, seed });
    expect((pj?.values.length ?? 0) - 1).toBe(projects);
    expect((bu?.values.length ?? 0) - 1).toBe(4 * projects);
  });

  it("is the same for the same seed and differs for another", () => {
    expect(largeWorkbook({ projects: 50, seed: 3 })).toEqual(largeWorkbook({ projects: 50, seed: 3 }));
    expect(largeWorkbook({ projects: 50, seed: 3 })).not.toEqual(largeWorkbook({ projects: 50, seed: 4 }));
  });

  it("validates without errors, so the benchmark measures the normal path", () => {
    const { issues } = analyse(largeWorkbook({ projects: 500 }));
    expect(issues.filter((i) => i.severity === "error").map(at)).toEqual([]);
  });
});
