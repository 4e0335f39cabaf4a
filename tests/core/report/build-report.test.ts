import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Plan } from "#core/model.ts";
import type { Issue } from "#core/validate/issue.ts";
import { buildReport } from "#core/report/index.ts";
import { line, plan, priority } from "#tests/core/prl/fixtures.ts";
import { digitalGreenHealth, rollupPlan, seedBudgetRows } from "./fixtures.ts";

const today = "2026-11-22";

const issue = (severity: Issue["severity"], code: string): Issue => ({
  severity,
  code,
  sheet: "Progetti",
  cell: "D7",
  row: 7,
  column: "Linea",
  message: "Linea 5.9 sconosciuta",
  value: "5.9",
});

function dghPlan(): Plan {
  const base = plan({
    priorities: [priority("5")],
    lines: [line("5.2", "5")],
    projects: [digitalGreenHealth()],
  });
  return { ...base, budget: seedBudgetRows("CLUSTER-2020") };
}

describe("buildReport (SPEC §10 schema 1)", () => {
  it("the DigitalGreenHealth card (seed 003) reports PRL 6 in both modes with the SPEC example fields", () => {
    // Act
    const report = buildReport({ file: "plan.xlsx", plan: dghPlan(), issues: [] }, { today, locale: "en" });
    // Assess
    expect(report.projects[0]).toMatchObject({
      code: "DGH",
      acronym: "DigitalGreenHealth",
      line: "5.2",
      programme: "Horizon Europe",
      call: "HORIZON-EIE-2021-CONNECT-01",
      submitted: "2021-10-26",
      outcome: "under-evaluation",
      totalBudget: 499875,
      requested: 499875,
      requestedComputed: true,
      prl: 6,
      prlStrict: 6,
      prlLabel: "Submitted",
      prlNext: { level: 7, evidence: "above-threshold" },
      flags: [],
    });
    expect(report.priorities).toEqual([{ code: "5", title: "Priority 5", prl: 6 }]);
    expect(report.lines).toEqual([
      { code: "5.2", priority: "5", title: "Line 5.2", types: ["R&I projects"], prl: 6 },
    ]);
  });

  it("seed 001 budget entry: direct 160 000, overhead 40 000, total 200 000, with the stated values", () => {
    const report = buildReport({ file: "plan.xlsx", plan: dghPlan(), issues: [] }, { today, locale: "it" });
    expect(report.budget).toEqual([
      {
        project: "CLUSTER-2020",
        direct: 160000,
        overhead: 40000,
        total: 200000,
        rate: 0.25,
        overheadStated: 40000,
        totalStated: 200000,
      },
    ]);
  });

  it("counts and copies issues", () => {
    // Prepare
    const issues = [issue("error", "ref.unknown-line"), issue("warning", "w.one"), issue("warning", "w.two")];
    // Act
    const report = buildReport({ file: "plan.xlsx", plan: dghPlan(), issues }, { today, locale: "it" });
    // Assess
    expect(report.counts).toEqual({ errors: 1, warnings: 2 });
    expect(report.issues[0]).toEqual({
      severity: "error",
      code: "ref.unknown-line",
      sheet: "Progetti",
      cell: "D7",
      row: 7,
      column: "Linea",
      message: "Linea 5.9 sconosciuta",
      value: "5.9",
    });
  });

  it.each<[boolean, number, number, string]>([
    [false, 6, 6, "Presentato"],
    [true, 0, 0, "—"],
  ])(
    "strict %s: lines/priorities carry the mode's PRL (%i, %i) and label %s",
    (strict, linePrl, prioPrl, label) => {
      // Prepare: a project with a submission date only (6 milestone, 0 strict)
      const p = dghPlan();
      const bare = {
        ...p,
        projects: [{ key: "S", code: "S", line: "5.2", submitted: "2021-10-26", ticks: {} }],
      };
      // Act
      const report = buildReport({ file: "x.xlsx", plan: bare, issues: [] }, { today, locale: "it", strict });
      // Assess
      expect([
        report.mode,
        report.lines[0]?.prl,
        report.priorities[0]?.prl,
        report.projects[0]?.prlLabel,
      ]).toEqual([strict ? "strict" : "milestone", linePrl, prioPrl, label]);
      expect([report.projects[0]?.prl, report.projects[0]?.prlStrict]).toEqual([6, 0]);
    },
  );

  it("rows with errors keep their PRL and say so; dormant and to-resubmit flags are reported", () => {
    // Prepare
    const p = dghPlan();
    const rows = {
      ...p,
      projects: [
        {
          key: "E",
          code: "E",
          hasErrors: true,
          outcome: "rejected" as const,
          lastUpdate: "2025-01-01",
          ticks: {},
        },
      ],
    };
    // Act
    const report = buildReport({ file: "x.xlsx", plan: rows, issues: [] }, { today, locale: "en" });
    // Assess
    expect(report.projects[0]).toMatchObject({ prl: 6, hasErrors: true, flags: ["to-resubmit", "dormant"] });
  });

  it("roll-ups carry count, money in euro, success rate rounded to 4 decimals", () => {
    const report = buildReport({ file: "x.xlsx", plan: rollupPlan(), issues: [] }, { today, locale: "en" });
    expect(report.rollups.byPriority["5"]).toEqual({
      count: 3,
      totalBudget: 1_799_875,
      requested: 1_409_875,
      funded: 210_000,
      successRate: 0.5,
      overhead: 0,
      direct: 0,
      decided: 2,
      successes: 1,
    });
    expect(report.rollups.total.successRate).toBe(0.6667);
    expect(Object.keys(report.rollups).sort()).toEqual([
      "byLine",
      "byOutcome",
      "byPriority",
      "byProgramme",
      "byYear",
      "total",
    ]);
  });

  it("survives a JSON round trip unchanged (no undefined, NaN or functions)", () => {
    const report = buildReport(
      { file: "x.xlsx", plan: rollupPlan(), issues: [issue("error", "e")] },
      { today, locale: "it" },
    );
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });

  it("money in the JSON is euro with at most two decimals and converts back to the exact cents", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1e13 }), { minLength: 1, maxLength: 20 }), (amounts) => {
        // Prepare
        const base = dghPlan();
        const budget = amounts.map((amount) => ({ project: "P", category: "personnel" as const, amount }));
        const total = amounts.reduce((a, b) => a + b, 0);
        // Act
        const entry = buildReport(
          { file: "x.xlsx", plan: { ...base, budget }, issues: [] },
          { today, locale: "it" },
        ).budget[0];
        // Assess
        const direct = entry?.direct ?? -1;
        expect(JSON.stringify(direct)).toMatch(/^\d+(\.\d{1,2})?$/);
        expect(Math.round(direct * 100)).toBe(total);
      }),
    );
  });
});
