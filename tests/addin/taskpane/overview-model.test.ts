import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import { projectPrl } from "#core/prl/index.ts";
import { translator } from "#addin/i18n/strings.ts";
import { buildOverview } from "#addin/taskpane/overview/overview-model.ts";
import { overviewSheetSpec } from "#addin/taskpane/overview/overview-sheet.ts";
import { assignCodeWrites } from "#addin/taskpane/settings/assign-codes.ts";
import { analyzeSnapshot } from "#addin/taskpane/analysis.ts";
import { highlightSignature } from "#addin/taskpane/hooks/useAnalysis.ts";
import type { Issue } from "#core/validate/issue.ts";
import { annualReport2022, bigDataPlan, messyPlan, snapshotOf } from "#samples/seed-workbook.ts";

const TODAY = "2026-11-22";

describe("overview model", () => {
  it.each([
    ["big-data plan", bigDataPlan],
    ["messy plan", messyPlan],
    ["annual report 2022", annualReport2022],
  ])("of the %s adds up: one bar per project, priority rows sum to the total", (_name, fixture) => {
    // Prepare
    const { plan } = analyzeWorkbook(snapshotOf(fixture()), { today: TODAY });
    // Act
    const model = buildOverview(plan, TODAY);
    // Assess
    expect(model.distribution.reduce((a, b) => a + b, 0)).toBe(plan.projects.length);
    model.distribution.forEach((count, level) =>
      expect(count).toBe(plan.projects.filter((p) => projectPrl(p, "milestone") === level).length),
    );
    for (const r of model.prl) expect(r.strict).toBeLessThanOrEqual(r.prl);
    expect(model.prl.filter((r) => r.kind === "priority").length).toBe(plan.priorities.length);
    expect(model.prl.filter((r) => r.kind === "line").length).toBe(plan.lines.length);
    expect(model.byPriority.reduce((n, r) => n + r.count, 0)).toBeLessThanOrEqual(model.all.count);
    expect(model.byProgramme.reduce((n, r) => n + r.count, 0)).toBe(model.all.count);
    expect(model.byProgramme.reduce((n, r) => n + r.totalBudget, 0)).toBe(model.all.totalBudget);
  });

  it("lists rejected and withdrawn projects to resubmit, and projects not updated for a year as dormant", () => {
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()), { today: TODAY });
    const model = buildOverview(plan, TODAY);
    const rejected = plan.projects
      .filter((p) => p.outcome === "rejected" || p.outcome === "withdrawn")
      .map((p) => p.key);
    expect(model.toResubmit.map((p) => p.key).sort()).toEqual(rejected.sort());
    const stale = plan.projects
      .filter((p) => p.lastUpdate !== undefined && p.lastUpdate < "2025-11-22")
      .map((p) => p.key);
    expect(model.dormant.map((p) => p.key).sort()).toEqual(stale.sort());
  });

  it("writes one table for the board: a header, a row per priority and line, and a total row", () => {
    const { plan } = analyzeWorkbook(snapshotOf(bigDataPlan()), { today: TODAY });
    const model = buildOverview(plan, TODAY);
    const spec = overviewSheetSpec(model, translator("en"));
    expect(spec.sheet).toBe("Overview");
    expect(spec.rows.length).toBe(1 + model.prl.length + 1);
    expect(spec.rows.at(-1)?.[5]).toBe(model.all.totalBudget / 100);
    expect(new Set(spec.rows.map((r) => r.length)).size).toBe(1);
  });
});

describe("assigning missing line codes", () => {
  it("writes each assigned code where the reader will find it, and none for a clean plan", () => {
    const messy = analyzeSnapshot(snapshotOf(messyPlan()), 0, () => 0);
    const writes = assignCodeWrites(messy);
    const assigned = messy.plan.lines.filter((l) => l.codeAssigned === true);
    expect(writes.length).toBe(assigned.length);
    expect(writes.map((w) => w.value)).toEqual(assigned.map((l) => l.code));
    expect(assignCodeWrites(analyzeSnapshot(snapshotOf(bigDataPlan()), 0, () => 0))).toEqual([]);
  });
});

describe("highlight signature", () => {
  const issue = (cell: string, severity: Issue["severity"], message = "m"): Issue => ({
    severity,
    code: "c",
    sheet: "S",
    cell,
    row: 2,
    column: "",
    message,
    value: null,
  });
  it.each([
    [[issue("A2", "error")], [issue("A2", "error", "other words")], true],
    [[issue("A2", "error")], [issue("A2", "warning")], false],
    [[issue("A2", "error")], [issue("B2", "error")], false],
    [[], [], true],
  ])("is the same only when the highlighted cells are (%#)", (a, b, same) => {
    expect(highlightSignature(a) === highlightSignature(b)).toBe(same);
  });
});
