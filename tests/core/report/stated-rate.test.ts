import { describe, expect, it } from "vitest";
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { buildReport } from "#core/report/index.ts";
import { cleanPlan, refsOf } from "#tests/core/analyze/workbook.ts";

/*
 * A project that states a 20 % overhead rate, end to end: workbook → analyzeWorkbook → buildReport.
 * DGH: personnel 100 000 + subcontracting 20 000 → overhead 20 % × (120 000 − 20 000) = 20 000,
 * total 140 000 (SPEC §7).
 */

const OPTS = { today: "2026-11-22", locale: "it" } as const;

/** The clean plan with a total of € 140 000 and the given budget sheet. */
function planWithBudget(budget: CellValue[][]): WorkbookSnapshot {
  const snapshot = cleanPlan({ "Budget totale": "€ 140.000,00" });
  snapshot.sheets.push({ name: "Budget", values: budget });
  return snapshot;
}

const DIRECT: CellValue[][] = [
  ["DGH", "Personale", null, 100_000],
  ["DGH", "Subappalto", null, 20_000],
];

describe("a stated overhead rate of 20 % (SPEC §7)", () => {
  it.each<[string, CellValue[][], number | undefined]>([
    [
      "in a rate column, with the matching overhead amount",
      [["Progetto", "Voce", "Descrizione", "Importo", "Aliquota"], ...DIRECT.map((r) => [...r, null]), ["DGH", "Spese generali", null, 20_000, "20%"]],
      20_000,
    ],
    [
      "alone on the overhead row, where the amount goes (no amount stated)",
      [["Progetto", "Voce", "Descrizione", "Importo"], ...DIRECT, ["DGH", "Spese generali", null, "20%"]],
      undefined,
    ],
    [
      "in the overhead row's description, with the matching amount",
      [["Progetto", "Voce", "Descrizione", "Importo"], ...DIRECT, ["DGH", "Spese generali", "forfait 20% dei costi diretti", 20_000]],
      20_000,
    ],
    [
      "on a rate-only row of its own after a stated overhead amount",
      [["Progetto", "Voce", "Descrizione", "Importo", "Aliquota"], ...DIRECT.map((r) => [...r, null]), ["DGH", "Spese generali", null, 20_000, null], ["DGH", "Spese generali", null, null, "20%"]],
      20_000,
    ],
  ])("%s: overhead 20 000, total 140 000, no budget warning", (_layout, budget, overheadStated) => {
    // Prepare
    const snapshot = planWithBudget(budget);
    // Act
    const analysis = analyzeWorkbook(snapshot);
    const report = buildReport({ file: "plan.xlsx", ...analysis }, OPTS);
    // Assess
    expect(analysis.issues).toEqual([]);
    expect(report.budget).toEqual([
      {
        project: "DGH",
        direct: 120_000,
        subcontracting: 20_000,
        overhead: 20_000,
        total: 140_000,
        rate: 0.2,
        ...(overheadStated === undefined ? {} : { overheadStated, totalStated: 140_000 }),
      },
    ]);
    expect(report.rollups.total).toMatchObject({ overhead: 20_000, direct: 120_000, totalBudget: 140_000 });
  });

  it("a stated overhead at 25 % of a 20 % project is a warning naming the 20 % figure", () => {
    // Prepare
    const snapshot = planWithBudget([
      ["Progetto", "Voce", "Descrizione", "Importo", "Aliquota"],
      ...DIRECT.map((r) => [...r, "20%"]),
      ["DGH", "Spese generali", null, 25_000, null],
    ]);
    // Act
    const { issues } = analyzeWorkbook(snapshot);
    // Assess
    expect(refsOf(issues, "budget.overhead-differs")).toEqual(["Budget!D4"]);
    expect(issues.find((i) => i.code === "budget.overhead-differs")?.params).toMatchObject({ rate: "20%" });
  });

  it.each<[string, boolean]>([
    ["with the analysis' budget summaries", true],
    ["from the plan alone (the cloud's /rollups path)", false],
  ])("buildReport honours the row's rate %s", (_how, withBudgets) => {
    // Prepare
    const { plan, issues, budgets } = analyzeWorkbook(
      planWithBudget([["Progetto", "Voce", "Descrizione", "Importo"], ...DIRECT, ["DGH", "Spese generali", null, "20%"]]),
    );
    // Act
    const report = buildReport(withBudgets ? { file: "p.xlsx", plan, issues, budgets } : { file: "p.xlsx", plan, issues }, OPTS);
    // Assess
    expect(report.budget[0]).toMatchObject({ overhead: 20_000, total: 140_000, rate: 0.2 });
    expect(report.budget[0]?.overheadStated).toBeUndefined();
  });

  it("an explicit rates map still overrides the stated rate (compatibility)", () => {
    // Prepare
    const { plan, issues, budgets } = analyzeWorkbook(
      planWithBudget([["Progetto", "Voce", "Descrizione", "Importo"], ...DIRECT, ["DGH", "Spese generali", null, "20%"]]),
    );
    // Act
    const report = buildReport({ file: "p.xlsx", plan, issues, budgets, rates: new Map([["DGH", 0.1]]) }, OPTS);
    // Assess
    expect(report.budget[0]).toMatchObject({ overhead: 10_000, total: 130_000, rate: 0.1 });
  });
});
