import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { BudgetRow, CostCategory, Project } from "#core/model.ts";
import { budgetMismatches, budgetOverhead, budgetTotal, summarizeBudgets } from "#core/budget/index.ts";

const euro = (e: number): number => Math.round(e * 100);
const row = (project: string, category: CostCategory | undefined, amount: number | undefined): BudgetRow => ({
  project,
  category,
  amount,
});
const proj = (key: string, fields: Partial<Project> = {}): Project => ({ key, ticks: {}, ...fields });

/** Seed 001: Clust-ER Industrie della Salute e del Benessere 2020-2022, costs A–E. */
const seedRows: BudgetRow[] = [
  row("CLUSTER-2020", "coordinator", euro(130_000)),
  row("CLUSTER-2020", "personnel", euro(30_000)),
  row("CLUSTER-2020", "equipment", 0),
  row("CLUSTER-2020", "communication", 0),
  row("CLUSTER-2020", "overhead", euro(40_000)),
];

describe("summarizeBudgets", () => {
  it("seed 001: direct 160 000, overhead 40 000 computed and stated, total 200 000", () => {
    // Act
    const s = summarizeBudgets(seedRows, [proj("CLUSTER-2020")]).get("CLUSTER-2020");
    // Assess
    expect(s).toMatchObject({
      direct: euro(160_000),
      subcontracting: 0,
      overheadComputed: euro(40_000),
      overheadStated: euro(40_000),
      totalComputed: euro(200_000),
      rowsTotal: euro(200_000),
      rate: 0.25,
      byCategory: {
        coordinator: euro(130_000),
        personnel: euro(30_000),
        equipment: 0,
        communication: 0,
        overhead: euro(40_000),
      },
    });
    expect(s?.overheadRows).toHaveLength(1);
    expect(
      s === undefined ? [] : budgetMismatches(s, proj("CLUSTER-2020", { totalBudget: euro(200_000) })),
    ).toEqual([]);
  });

  it.each<
    [string, BudgetRow[], Map<string, number> | undefined, Partial<Record<string, number | undefined>>]
  >([
    [
      "subcontracting is direct but outside the overhead base",
      [row("H", "personnel", euro(100_000)), row("H", "subcontracting", euro(20_000))],
      undefined,
      {
        direct: euro(120_000),
        subcontracting: euro(20_000),
        overheadComputed: euro(25_000),
        totalComputed: euro(145_000),
      },
    ],
    [
      "a stated rate of 7 % replaces 25 %",
      [row("H", "personnel", euro(100_000))],
      new Map([["H", 0.07]]),
      { overheadComputed: euro(7_000), rate: 0.07 },
    ],
    [
      "uncategorised rows count as direct",
      [row("H", undefined, euro(1_000))],
      undefined,
      { direct: euro(1_000), overheadComputed: euro(250) },
    ],
    [
      "a missing amount counts as 0",
      [row("H", "personnel", undefined), row("H", "travel", euro(10))],
      undefined,
      { direct: euro(10), rowsTotal: euro(10) },
    ],
    [
      "two overhead rows are summed as stated",
      [row("H", "personnel", euro(100)), row("H", "overhead", euro(20)), row("H", "overhead", euro(5))],
      undefined,
      { overheadStated: euro(25), rowsTotal: euro(125) },
    ],
  ])("%s", (_name, rows, rates, expected) => {
    const s = summarizeBudgets(rows, [proj("H")], rates).get("H");
    expect(s).toMatchObject(expected);
  });

  it("rows naming a project by acronym are filed under its key; unknown projects under their own name", () => {
    // Prepare
    const rows = [
      row("DigitalGreenHealth", "personnel", euro(1)),
      row("DGH", "personnel", euro(2)),
      row("GHOST", "personnel", euro(3)),
    ];
    // Act
    const m = summarizeBudgets(rows, [proj("DGH", { code: "DGH", acronym: "DigitalGreenHealth" })]);
    // Assess
    expect([...m.keys()]).toEqual(["DGH", "GHOST"]);
    expect(m.get("DGH")?.direct).toBe(euro(3));
  });

  it("projects with no rows get no summary", () => {
    expect(summarizeBudgets([], [proj("A")]).size).toBe(0);
  });
});

describe("summarizeBudgets: overhead rates stated on the rows (BudgetRow.rate)", () => {
  const rated = (r: BudgetRow, rate: number): BudgetRow => ({ ...r, rate });

  it.each<[string, BudgetRow[], Partial<Project>, Map<string, number> | undefined, Partial<Record<string, number | undefined>>]>([
    [
      "a rate-only overhead row sets the rate and states no overhead",
      [row("H", "personnel", euro(100_000)), row("H", "subcontracting", euro(20_000)), rated(row("H", "overhead", undefined), 0.2)],
      {},
      undefined,
      { rate: 0.2, overheadComputed: euro(20_000), overheadStated: undefined, totalComputed: euro(140_000), rowsTotal: euro(120_000) },
    ],
    [
      "a rate on an overhead row with its amount: both the rate and the stated amount count",
      [row("H", "personnel", euro(100_000)), rated(row("H", "overhead", euro(20_000)), 0.2)],
      {},
      undefined,
      { rate: 0.2, overheadComputed: euro(20_000), overheadStated: euro(20_000) },
    ],
    [
      "a blank overhead row without a rate still states an overhead of 0",
      [row("H", "personnel", euro(100_000)), row("H", "overhead", undefined)],
      {},
      undefined,
      { rate: 0.25, overheadStated: 0 },
    ],
    [
      "the first stated rate of a project wins",
      [rated(row("H", "personnel", euro(100_000)), 0.15), rated(row("H", "overhead", undefined), 0.3)],
      {},
      undefined,
      { rate: 0.15, overheadComputed: euro(15_000) },
    ],
    [
      "the project's own overheadRate applies when no row states one",
      [row("H", "personnel", euro(100_000))],
      { overheadRate: 0.07 },
      undefined,
      { rate: 0.07, overheadComputed: euro(7_000) },
    ],
    [
      "a row's rate wins over the project's overheadRate",
      [rated(row("H", "overhead", undefined), 0.2), row("H", "personnel", euro(100_000))],
      { overheadRate: 0.07 },
      undefined,
      { rate: 0.2, overheadComputed: euro(20_000) },
    ],
    [
      "an explicit rates map wins over the rows (compatibility)",
      [row("H", "personnel", euro(100_000)), rated(row("H", "overhead", undefined), 0.2)],
      {},
      new Map([["H", 0.1]]),
      { rate: 0.1, overheadComputed: euro(10_000) },
    ],
  ])("%s", (_name, rows, fields, rates, expected) => {
    // Act
    const s = summarizeBudgets(rows, [proj("H", fields)], rates).get("H");
    // Assess
    for (const [k, v] of Object.entries(expected)) expect([k, s?.[k as keyof typeof s]]).toEqual([k, v]);
  });

  it("a rate stated on a row naming the project by acronym applies to the project's key", () => {
    // Prepare
    const rows = [row("DGH", "personnel", euro(100_000)), { ...row("DigitalGreenHealth", "overhead", undefined), rate: 0.2 }];
    // Act
    const s = summarizeBudgets(rows, [proj("DGH", { code: "DGH", acronym: "DigitalGreenHealth" })]).get("DGH");
    // Assess
    expect(s).toMatchObject({ rate: 0.2, overheadComputed: euro(20_000) });
    expect(s?.overheadStated).toBeUndefined();
  });

  it("a 20 % rate-only row never yields an overhead mismatch (no stated overhead of 0)", () => {
    // Prepare
    const p = proj("H", { totalBudget: euro(120_000) });
    const s = summarizeBudgets([row("H", "personnel", euro(100_000)), { ...row("H", "overhead", undefined), rate: 0.2 }], [p]).get("H");
    // Act
    const found = s === undefined ? undefined : budgetMismatches(s, p);
    // Assess
    expect(found).toEqual([]);
  });
});

describe("budget figures and mismatches", () => {
  it.each<[string, BudgetRow[], Partial<Project>, { kind: string; stated: number; computed: number }[]]>([
    [
      "stated overhead 2 cents off is a mismatch naming both",
      [row("P", "personnel", euro(160_000)), row("P", "overhead", euro(40_000) + 2)],
      {},
      [{ kind: "overhead", stated: euro(40_000) + 2, computed: euro(40_000) }],
    ],
    [
      "stated overhead 1 cent off is within tolerance",
      [row("P", "personnel", euro(160_000)), row("P", "overhead", euro(40_000) + 1)],
      {},
      [],
    ],
    [
      "total budget cell differing from the sheet total",
      [row("P", "personnel", euro(160_000))],
      { totalBudget: euro(210_000) },
      [{ kind: "total", stated: euro(210_000), computed: euro(200_000) }],
    ],
    [
      "total budget cell equal to direct + implied overhead",
      [row("P", "personnel", euro(160_000))],
      { totalBudget: euro(200_000) },
      [],
    ],
  ])("%s", (_name, rows, fields, expected) => {
    // Prepare
    const p = proj("P", fields);
    const s = summarizeBudgets(rows, [p]).get("P");
    // Act
    const found = s === undefined ? [] : budgetMismatches(s, p);
    // Assess
    expect(found).toEqual(expected.map((e) => ({ ...e, project: "P" })));
  });

  it.each<[string, BudgetRow[], number, number]>([
    [
      "with stated overhead the sheet figures are used",
      [row("P", "personnel", euro(100)), row("P", "overhead", euro(30))],
      euro(130),
      euro(30),
    ],
    ["without overhead rows the rate fills it in", [row("P", "personnel", euro(100))], euro(125), euro(25)],
  ])("%s", (_name, rows, total, overhead) => {
    const s = summarizeBudgets(rows, []).get("P");
    expect(s && [budgetTotal(s), budgetOverhead(s)]).toEqual([total, overhead]);
  });

  it("sums are exact: rows total equals the sum of random integer cents, and direct + stated overhead equals it", () => {
    const categories: CostCategory[] = [
      "coordinator",
      "personnel",
      "equipment",
      "communication",
      "overhead",
      "subcontracting",
      "travel",
      "goods-services",
      "other-direct",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...categories), fc.integer({ min: 0, max: 1e12 })), {
          minLength: 1,
          maxLength: 60,
        }),
        (items) => {
          // Prepare
          const rows = items.map(([c, a]) => row("P", c, a));
          const expected = items.reduce((acc, [, a]) => acc + BigInt(a), 0n);
          // Act
          const s = summarizeBudgets(rows, []).get("P");
          // Assess
          expect(BigInt(s?.rowsTotal ?? -1)).toBe(expected);
          expect(BigInt((s?.direct ?? 0) + (s?.overheadStated ?? 0))).toBe(expected);
          const byCat = Object.values(s?.byCategory ?? {}).reduce((acc, a) => acc + BigInt(a), 0n);
          expect(byCat).toBe(expected);
        },
      ),
    );
  });
});
