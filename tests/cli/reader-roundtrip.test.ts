/**
 * The reader contract (also the add-in adapter's): a fixture written to .xlsx by ExcelJS and read
 * back is the same snapshot — values, dates as serials, merged areas, formulas, hidden flags.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbookBuffer, readWorkbookFile } from "#xlsx/read-workbook.ts";
import type { WorkbookSnapshot } from "#core/snapshot/types.ts";
import { SEED_FIXTURES } from "#samples/seed-workbook.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { writeXlsx, xlsxBuffer } from "#samples/write-xlsx.ts";
import { comparable, outputDir } from "./helpers.ts";

const names = Object.keys(SEED_FIXTURES);
const read = new Map<string, WorkbookSnapshot>();

beforeAll(async () => {
  const dir = await outputDir("reader-roundtrip");
  for (const name of names) {
    const path = `${dir}/${name}.xlsx`;
    await writeXlsx(SEED_FIXTURES[name]?.() ?? [], path);
    read.set(name, await readWorkbookFile(path));
  }
});

describe("reader round trip on the seed fixtures", () => {
  it.each(names)("%s reads back equal to the fixture (values, merges, formulas, hidden)", (name) => {
    // Prepare
    const fixture = SEED_FIXTURES[name]?.() ?? [];
    // Act
    const snapshot = read.get(name);
    // Assess
    expect(snapshot?.origin).toBe("xlsx");
    expect(snapshot?.name).toBe(`${name}.xlsx`);
    expect(snapshot?.sheets.map(comparable)).toEqual(fixture.map(comparable));
  });

  it.each([
    [
      "annual-report-2022",
      "Action Plan 2022",
      ["A1:C1", "A4:A6", "A7:A9", "A10:A15", "A16:A18", "A19:A25"],
      [19, 1],
    ],
    ["big-data-plan", "Linee", ["C8:C14"], [8, 3]],
  ] as const)(
    "%s keeps the merged areas of %s with only the top-left cell filled",
    (name, sheet, ranges, [row, col]) => {
      // Act
      const s = read.get(name)?.sheets.find((x) => x.name === sheet);
      // Assess
      expect([...(s?.merged ?? [])].sort()).toEqual([...ranges].sort());
      expect(s?.values[row - 1]?.[col - 1]).toEqual(expect.any(String));
      expect(s?.values[row]?.[col - 1] ?? null).toBeNull();
    },
  );

  it("reads dates as Excel serials with no time-zone drift (26/10/2021 = 44495)", () => {
    const p = read.get("big-data-plan")?.sheets.find((s) => s.name === "Progetti");
    const header = p?.values[0] ?? [];
    const deadline = header.indexOf("Scadenza");
    expect(p?.values[1]?.[deadline]).toBe(44495);
  });

  it("reads a formula error as its text and the formula with '='", () => {
    const p = read.get("messy-plan")?.sheets.find((s) => s.name === "Progetti");
    const header = p?.values[2] ?? [];
    const col = header.indexOf("Budget totale (€)");
    const row = p?.formulas?.findIndex((r) => r[col] === "=Budget!D99") ?? -1;
    expect(row).toBeGreaterThan(0);
    expect(p?.values[row]?.[col]).toBe("#REF!");
  });

  it("reads the benchmark workbook (200 projects) back equal", async () => {
    const fixture = largeWorkbook({ projects: 200, seed: 7 });
    const snapshot = await readWorkbookBuffer(await xlsxBuffer(fixture), "large.xlsx");
    expect(snapshot.sheets.map(comparable)).toEqual(fixture.map(comparable));
  });
});
