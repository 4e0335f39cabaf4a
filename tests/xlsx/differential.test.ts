/**
 * Differential: the xlsx/ reader and ExcelJS (the reader it replaced, tests/xlsx/support) give the
 * same snapshot for every workbook the project writes with ExcelJS — the seed workbooks, the
 * benchmark workbook and random workbooks with every kind of cell. Where ExcelJS is wrong (files of
 * other writers), tests/xlsx/other-writers.test.ts documents it.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { largeWorkbook } from "#samples/large-workbook.ts";
import { SEED_FIXTURES } from "#samples/seed-workbook.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { readWithExcelJs } from "./support/exceljs-reference.ts";

/**
 * Numbers to 1e-7 of a day and 12 significant digits: ExcelJS turns every number in a date-styled
 * cell into a millisecond Date and back, which moves (or, for 5e-324, zeroes) the last bits; the
 * reader keeps the number as stored. `uncached` is the reader's own field.
 */
function normal(s: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...s,
    sheets: s.sheets.map(({ uncached: _u, ...sheet }) => ({
      ...sheet,
      values: sheet.values.map((r) => r.map((v) => (typeof v === "number" ? Number((Math.round(v * 1e7) / 1e7).toPrecision(12)) : v))),
    })),
  };
}

async function both(bytes: Uint8Array): Promise<[WorkbookSnapshot, WorkbookSnapshot]> {
  return [normal(await readWorkbookBuffer(bytes, "w.xlsx")), normal(await readWithExcelJs(bytes, "w.xlsx"))];
}

describe("the project's own workbooks", () => {
  it.each(Object.keys(SEED_FIXTURES))("%s: same snapshot as ExcelJS", async (name) => {
    const [ours, theirs] = await both(await xlsxBuffer(SEED_FIXTURES[name]?.() ?? []));
    expect(ours).toEqual(theirs);
  });

  it("the benchmark workbook (150 projects, 600 budget rows): same snapshot as ExcelJS", async () => {
    const [ours, theirs] = await both(await xlsxBuffer(largeWorkbook({ projects: 150, seed: 3 })));
    expect(ours).toEqual(theirs);
  });
});

/** One cell as ExcelJS can write it, with the number format it needs. */
type Cell = { value: ExcelJS.CellValue; numFmt?: string };

const DAY = 86_400_000;
const cellArb: fc.Arbitrary<Cell> = fc.oneof(
  fc.record({ value: fc.string({ maxLength: 12 }) }),
  fc.record({ value: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }) }),
  fc.record({ value: fc.boolean() }),
  fc.record({ value: fc.constantFrom<ExcelJS.CellValue>({ error: "#N/A" } as ExcelJS.CellErrorValue, { error: "#REF!" } as ExcelJS.CellErrorValue) }),
  // Dates to the minute, 1950–2080, shown by a built-in or a custom date format.
  fc.record({
    value: fc.integer({ min: -20 * 365 * 1440, max: 110 * 365 * 1440 }).map((m) => new Date(m * 60_000)),
    numFmt: fc.constantFrom("dd/mm/yyyy", "mm-dd-yy", "d mmmm yyyy hh:mm", "[$-410]d mmm yyyy"),
  }),
  fc.record({ value: fc.array(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 }).map((runs) => ({ richText: runs.map((text) => ({ text })) })) }),
  fc.record({
    value: fc.tuple(fc.integer({ min: 1, max: 50 }), fc.integer({ min: -1000, max: 1000 })).map(([r, n]) => ({ formula: `A${r}*2`, result: n }) as ExcelJS.CellFormulaValue),
  }),
  fc.record({ value: fc.string({ minLength: 1, maxLength: 8 }).map((text) => ({ text, hyperlink: "https://example.org/" })) }),
);

const sheetArb = fc.record({
  cells: fc.array(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 8 }), cellArb), { maxLength: 40 }),
  state: fc.constantFrom<ExcelJS.WorksheetState>("visible", "hidden", "veryHidden"),
  merge: fc.option(fc.tuple(fc.integer({ min: 31, max: 40 }), fc.integer({ min: 1, max: 4 })), { nil: undefined }),
});

describe("property: random workbooks written by ExcelJS", () => {
  it("read the same with the xlsx/ reader as with ExcelJS", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(sheetArb, { minLength: 1, maxLength: 3 }), fc.boolean(), async (sheets, date1904) => {
        // Prepare
        const wb = new ExcelJS.Workbook();
        wb.properties.date1904 = date1904;
        sheets.forEach((s, i) => {
          const ws = wb.addWorksheet(`S${i + 1}`, { state: i === 0 ? "visible" : s.state });
          for (const [r, c, cell] of s.cells) {
            const target = ws.getCell(r, c);
            target.value = cell.value;
            if (cell.numFmt) target.numFmt = cell.numFmt;
          }
          if (s.merge) {
            const [r, c] = s.merge;
            ws.getCell(r, c).value = "merged";
            ws.mergeCells(r, c, r + 2, c + 1);
          }
        });
        const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        // Act
        const [ours, theirs] = await both(bytes);
        // Assess
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 25 },
    );
  });

  it("sanity: the property sees dates, formulas and merges (it is not comparing empty sheets)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S1");
    ws.getCell("A1").value = new Date(Date.UTC(2021, 9, 26) + 12 * 3_600_000);
    ws.getCell("A1").numFmt = "dd/mm/yyyy";
    ws.getCell("B1").value = { formula: "A1*2", result: 4 } as ExcelJS.CellFormulaValue;
    ws.mergeCells("C1:D2");
    ws.getCell("C1").value = "m";
    const [ours] = await both(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
    const expected: CellValue[][] = [[44495.5, 4, "m"]];
    expect(ours.sheets[0]?.values).toEqual(expected);
    expect(ours.sheets[0]?.formulas?.[0]?.[1]).toBe("=A1*2");
    expect(ours.sheets[0]?.merged).toEqual(["C1:D2"]);
    expect(DAY).toBe(86_400_000);
  });
});
