/** Budget rows found by what the sheet shows (issue #11, history in the pane). */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { Plan } from "#core/model.ts";
import { findBudgetKeys } from "#core/sync/find-budget-row.ts";
import { planRows } from "#core/sync/rows.ts";
import { bigDataPlan, snapshotOf } from "#samples/seed-workbook.ts";

const seed = analyzeWorkbook(snapshotOf(bigDataPlan())).plan;
const budgetKeysOf = (plan: Plan) => planRows(plan).rows.filter((r) => r.entity === "budget").map((r) => r.key);

const plan = (rows: Plan["budget"]): Plan => ({
  priorities: [],
  lines: [],
  projects: [],
  budget: rows,
  present: { priorities: false, lines: false, projects: false, budget: true },
});

describe("findBudgetKeys", () => {
  it("finds every row of the seed by project and category as written, with the key the sync uses", () => {
    const keys = budgetKeysOf(seed);
    seed.budget.forEach((b, i) => {
      const found = findBudgetKeys(seed, { project: ` ${b.project.toLowerCase()} `, category: b.categoryLabel ?? "" });
      expect(found).toContain(keys[i]);
    });
  });

  it("tells rows apart by year and partner, and numbers identical lines as the sync does", () => {
    const rows = plan([
      { project: "P1", category: "equipment", categoryLabel: "Attrezzature", year: 2024, partner: "UNIBO" },
      { project: "P1", category: "equipment", categoryLabel: "Attrezzature", year: 2025, partner: "UNIBO" },
      { project: "P1", category: "equipment", categoryLabel: "Attrezzature", year: 2025, partner: "UNIBO" },
    ]);
    const keys = budgetKeysOf(rows);
    expect(findBudgetKeys(rows, { project: "P1", category: "attrezzature", year: "2024" })).toEqual([keys[0]]);
    expect(findBudgetKeys(rows, { project: "P1", category: "equipment", year: "2025", partner: "unibo" })).toEqual([keys[1], keys[2]]);
    expect(keys[2]).toMatch(/#2$/);
  });

  it("finds nothing for a project or category the sheet does not show", () => {
    expect(findBudgetKeys(seed, { project: "NESSUNO", category: "A" })).toEqual([]);
    expect(findBudgetKeys(seed, { project: seed.budget[0]?.project ?? "", category: "voce inesistente" })).toEqual([]);
  });
});
