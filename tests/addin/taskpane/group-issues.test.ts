import { describe, expect, it } from "vitest";
import type { Issue } from "#core/validate/issue.ts";
import { analyzeWorkbook } from "#core/analyze.ts";
import { countIssues, groupIssues } from "#addin/taskpane/validate/group-issues.ts";
import { messyPlan, PLANTED_ISSUES, snapshotOf } from "#samples/seed-workbook.ts";

function issue(sheet: string, cell: string, row: number, severity: Issue["severity"]): Issue {
  return { severity, code: "required.missing", sheet, cell, row, column: "", message: "", value: null };
}

describe("grouping issues for the Validate panel", () => {
  it.each([
    {
      name: "errors come before warnings inside a sheet, then by row and column",
      input: [
        issue("P", "B3", 3, "warning"),
        issue("P", "C2", 2, "error"),
        issue("P", "A2", 2, "error"),
        issue("P", "AA1", 1, "warning"),
      ],
      order: [["P", ["A2", "C2", "AA1", "B3"]]],
    },
    {
      name: "sheets with errors come first, then the workbook's order",
      input: [
        issue("Linee", "A2", 2, "warning"),
        issue("Budget", "A2", 2, "error"),
        issue("Priorità", "A2", 2, "warning"),
      ],
      order: [
        ["Budget", ["A2"]],
        ["Priorità", ["A2"]],
        ["Linee", ["A2"]],
      ],
    },
  ])("$name", ({ input, order }) => {
    // Act
    const groups = groupIssues(input, ["Priorità", "Linee", "Progetti", "Budget"]);
    // Assess
    expect(groups.map((g) => [g.sheet, g.issues.map((i) => i.cell)])).toEqual(order);
  });

  it("lists every planted issue of the messy plan under its sheet with its cell", () => {
    // Prepare
    const { issues } = analyzeWorkbook(snapshotOf(messyPlan()));
    // Act
    const groups = groupIssues(issues);
    // Assess
    const listed = new Set(groups.flatMap((g) => g.issues.map((i) => `${g.sheet}!${i.cell}:${i.code}`)));
    for (const p of PLANTED_ISSUES) expect(listed).toContain(`${p.sheet}!${p.cell}:${p.code}`);
    const counts = countIssues(issues);
    expect(groups.reduce((n, g) => n + g.errors, 0)).toBe(counts.errors);
    expect(groups.reduce((n, g) => n + g.warnings, 0)).toBe(counts.warnings);
  });
});
