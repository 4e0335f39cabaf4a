import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { gridOf, isTotalsRow, splitCodeTitle } from "#core/sheets/grid.ts";
import type { CellValue } from "#core/snapshot/types.ts";

describe("code inside the title", () => {
  it.each<[CellValue, { code: string; title: string } | undefined]>([
    ["5 BIG DATA AND ARTIFICIAL INTELLIGENCE", { code: "5", title: "BIG DATA AND ARTIFICIAL INTELLIGENCE" }],
    ["5.1 Big Data per il repositioning dei farmaci", { code: "5.1", title: "Big Data per il repositioning dei farmaci" }],
    ["5.1 - Big Data", { code: "5.1", title: "Big Data" }],
    ["5) Big Data", { code: "5", title: "Big Data" }],
    ["  12. Medicina di genere ", { code: "12", title: "Medicina di genere" }],
    ["3D cell techniques", undefined],
    ["Big Data 5.1", undefined],
    ["5.1", undefined],
    [5, undefined],
    [null, undefined],
  ])("splits %j", (cell, expected) => {
    expect(splitCodeTitle(cell)).toEqual(expected);
  });

  it("splits any numeric code followed by a title back into both", () => {
    const code = fc.array(fc.integer({ min: 0, max: 999 }), { minLength: 1, maxLength: 3 }).map((ns) => ns.join("."));
    // A title that opens with a separator and a space ("- x") reads as "5 - x", which is the
    // separator form itself ("5.1 - Big Data"): that ambiguity is resolved for the separator.
    const title = fc
      .string({ minLength: 1 })
      .filter((t) => /^\S/.test(t) && t.trim() === t && !/^\d/.test(t) && !/^[-–:]\s/.test(t));
    fc.assert(
      fc.property(code, title, (c, t) => {
        expect(splitCodeTitle(`${c} ${t}`)).toEqual({ code: c, title: t });
      }),
    );
  });
});

describe("totals rows", () => {
  it.each<[CellValue[], boolean]>([
    [["Totale", null, 100], true],
    [[null, "TOTALE", 100], true],
    [["Total:", 100], true],
    [["Totali"], true],
    [["Totale costi progetto", null, 200_000], true],
    [["Grand total", 5], true],
    [["Totalmente nuovo", 5], false],
    [["Total knee replacement"], false],
    [["P001", "Totale"], false],
    [[1, "Totale"], false],
  ])("%j is a totals row: %s", (row, expected) => {
    // Prepare
    const grid = gridOf({ name: "S", values: [row] });
    // Act / Assess
    expect(isTotalsRow(grid, 1)).toBe(expected);
  });
});

describe("merged areas", () => {
  it.each([
    ["A1:A3", 3, 1, "top"],
    ["A1:B2", 2, 2, "top"],
    ["bogus", 2, 1, null],
    ["A:A", 3, 1, "top"],
  ])("%s gives cell (%i,%i) the value %j", (area, row, col, expected) => {
    // Prepare
    const grid = gridOf({ name: "S", values: [["top", null], [null, null], [null, null]], merged: [area] });
    // Act / Assess
    expect(grid.cell(row, col)).toBe(expected);
  });

  it("never overwrites a value the producer left inside a merged area", () => {
    const grid = gridOf({ name: "S", values: [["top"], ["own"]], merged: ["A1:A2"] });
    expect(grid.cell(2, 1)).toBe("own");
  });
});
