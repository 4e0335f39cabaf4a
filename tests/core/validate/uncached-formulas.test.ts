/**
 * SPEC §4: a formula cell the file holds without a saved value is unknown, not 0 — one warning on
 * that cell and nothing else about it. The file reader lists such cells in `uncached`.
 */
import { describe, expect, it } from "vitest";
import { analyzeWorkbook } from "#core/analyze.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";

function plan(uncached: string[] | undefined): WorkbookSnapshot {
  return {
    origin: "test",
    sheets: [
      {
        name: "Progetti",
        values: [
          ["Codice", "Titolo", "Esito", "Budget totale"],
          ["DGH", "DigitalGreenHealth", "presentato", 499875],
          [null, "Robotics", "presentato", null],
        ],
        formulas: [[], [], ["=UPPER(\"raise\")", null, null, "=SUM(Budget!D2:D9)"]],
        ...(uncached ? { uncached } : {}),
      },
    ],
  };
}

describe("formula cells with no saved value", () => {
  it("give one warning each, with the formula, instead of what a blank cell would give", () => {
    // Act
    const { issues } = analyzeWorkbook(plan(["A3", "D3"]), { messagesLocale: "en" });
    // Assess
    const onRow3 = issues.filter((i) => i.sheet === "Progetti" && i.row === 3);
    expect(onRow3.map((i) => [i.cell, i.severity, i.code, i.column])).toEqual([
      ["A3", "warning", "formula.uncached", "Codice"],
      ["D3", "warning", "formula.uncached", "Budget totale"],
    ]);
    expect(onRow3[1]?.message).toContain("=SUM(Budget!D2:D9)");
  });

  it("the same cells without the mark are read as blank (the rules speak about them)", () => {
    const { issues } = analyzeWorkbook(plan(undefined), { messagesLocale: "en" });
    expect(issues.filter((i) => i.row === 3 && i.cell === "A3").map((i) => i.code)).not.toContain("formula.uncached");
    expect(issues.some((i) => i.row === 3 && i.cell === "A3")).toBe(true);
  });

  it("says it in Italian too", () => {
    const { issues } = analyzeWorkbook(plan(["D3"]), { messagesLocale: "it" });
    expect(issues.find((i) => i.cell === "D3")?.message).toContain("non ha un valore salvato");
  });
});
