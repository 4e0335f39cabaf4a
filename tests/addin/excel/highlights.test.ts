/**
 * Highlighting shows every issue cell through conditional formats and never touches the user's
 * own formats; clearing it restores the workbook exactly.
 */
import { describe, expect, it } from "vitest";
import { ExcelAdapter } from "#addin/excel/adapter.ts";
import { MARKER_PREFIX } from "#addin/excel/highlights.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { Issue } from "#core/validate/issue.ts";
import { createFakeExcel, seedFromSnapshot, type FakeExcelHost } from "#addin/memory-host/host.ts";
import { messyPlan } from "#samples/seed-workbook.ts";

const ERROR_FILL = "#FFC7CE";
const WARNING_FILL = "#FFEB9C";

/** The messy plan with the user's own fills, fonts and rules on every issue cell's sheet. */
async function setup(): Promise<{ host: FakeExcelHost; adapter: ExcelAdapter; issues: Issue[] }> {
  const sheets = messyPlan().map(seedFromSnapshot);
  for (const s of sheets)
    s.formats = {
      A1: { fill: "#DDEBF7", bold: true },
      B2: { fill: "#E2EFDA", fontColor: "#375623" },
      D7: { fontColor: "#FF0000" },
    };
  const host = createFakeExcel({ sheets });
  for (const s of host.state.sheets) {
    s.conditionalFormats.push({
      id: `user-${s.name}`,
      type: "Custom",
      area: { top: 2, left: 1, bottom: 50, right: 1 },
      formula: '=$A2="TOTALE"',
      fill: "#000000",
    });
  }
  const adapter = new ExcelAdapter({ run: host.run });
  const { issues } = analyzeWorkbook(await adapter.readSnapshot());
  return { host, adapter, issues };
}

/** Everything the user owns: values, formulas, formats and their own rules, per sheet. */
function userState(host: FakeExcelHost): unknown {
  return host.state.sheets
    .filter((s) => !s.name.startsWith(MARKER_PREFIX))
    .map((s) => ({
      name: s.name,
      visibility: s.visibility,
      cells: JSON.parse(JSON.stringify(s.cells)) as unknown,
      rules: s.conditionalFormats.filter((c) => !c.formula.includes(MARKER_PREFIX)),
    }));
}

describe("ExcelAdapter.highlightIssues", () => {
  it("shows each error cell red and each warning-only cell yellow, and nothing else", async () => {
    // Prepare
    const { host, adapter, issues } = await setup();
    const located = issues.filter((i) => i.cell !== "");
    const errors = new Set(located.filter((i) => i.severity === "error").map((i) => `${i.sheet}!${i.cell}`));
    // Act
    await adapter.highlightIssues(issues);
    // Assess
    expect(located.length).toBeGreaterThan(3);
    for (const i of located) {
      const want = errors.has(`${i.sheet}!${i.cell}`) ? ERROR_FILL : WARNING_FILL;
      expect(host.conditionalFill(i.sheet, i.cell), `${i.sheet}!${i.cell}`).toBe(want);
    }
    const first = located[0] as Issue;
    expect(host.conditionalFill(first.sheet, "Z999")).toBeUndefined();
  });

  it("never changes the user's values, formats or rules", async () => {
    // Prepare
    const { host, adapter, issues } = await setup();
    const before = userState(host);
    // Act
    await adapter.highlightIssues(issues);
    // Assess
    expect(userState(host)).toEqual(before);
  });

  it("is removed completely in one step, leaving the workbook as it was", async () => {
    // Prepare
    const { host, adapter, issues } = await setup();
    const before = userState(host);
    const sheetNames = host.state.sheets.map((s) => s.name);
    await adapter.highlightIssues(issues);
    // Act
    await adapter.clearHighlights();
    // Assess
    expect(userState(host)).toEqual(before);
    expect(host.state.sheets.map((s) => s.name)).toEqual(sheetNames);
    expect(
      host.state.sheets.flatMap((s) => s.conditionalFormats).filter((c) => c.formula.includes(MARKER_PREFIX)),
    ).toEqual([]);
  });

  it("keeps its marker sheets out of the snapshot", async () => {
    // Prepare
    const { adapter, issues } = await setup();
    const before = (await adapter.readSnapshot()).sheets.map((s) => s.name);
    await adapter.highlightIssues(issues);
    // Act
    const after = (await adapter.readSnapshot()).sheets.map((s) => s.name);
    // Assess
    expect(after).toEqual(before);
  });

  it("replaces the previous highlighting instead of stacking rules", async () => {
    // Prepare
    const { host, adapter, issues } = await setup();
    await adapter.highlightIssues(issues);
    const ours = (): number =>
      host.state.sheets.flatMap((s) => s.conditionalFormats).filter((c) => c.formula.includes(MARKER_PREFIX))
        .length;
    const once = ours();
    // Act
    const syncs = await host.countSyncs(() => adapter.highlightIssues(issues.slice(0, 1)));
    // Assess
    expect(once).toBeGreaterThan(2);
    expect(ours()).toBe(2);
    expect(syncs).toBeLessThanOrEqual(3);
    expect(host.state.sheets.filter((s) => s.name.startsWith(MARKER_PREFIX))).toHaveLength(1);
  });
});
