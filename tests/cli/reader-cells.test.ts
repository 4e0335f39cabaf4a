/**
 * The workbook reader (xlsx/) cell by cell on files ExcelJS writes: every kind of ExcelJS value becomes the snapshot value the
 * add-in would see, and files it cannot read raise one typed error.
 */
import { writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { readWorkbookBuffer, readWorkbookFile, UnreadableWorkbookError } from "#xlsx/read-workbook.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { xlsxBuffer } from "#samples/write-xlsx.ts";
import type { FixtureSheet } from "#samples/sheet-builder.ts";
import { comparable, outputDir } from "./helpers.ts";

async function bufferOf(build: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet("S"), wb);
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

async function cellA1(value: ExcelJS.CellValue, numFmt?: string): Promise<CellValue | undefined> {
  const buf = await bufferOf((ws) => {
    const c = ws.getCell("A1");
    c.value = value;
    if (numFmt) c.numFmt = numFmt;
  });
  return (await readWorkbookBuffer(buf, "t.xlsx")).sheets[0]?.values[0]?.[0];
}

describe("readWorkbookBuffer maps each ExcelJS value kind", () => {
  it.each<[string, ExcelJS.CellValue, string | undefined, CellValue]>([
    ["text", "Horizon Europe", undefined, "Horizon Europe"],
    ["text with spaces kept", "  in corso ", undefined, "  in corso "],
    ["number", 499875.5, undefined, 499875.5],
    ["money-formatted number", 130000, '#,##0.00 "€"', 130000],
    ["boolean", true, undefined, true],
    ["date cell", new Date(Date.UTC(2021, 9, 26)), "dd/mm/yyyy", 44495],
    ["date-time cell", new Date(Date.UTC(2022, 0, 1, 12)), "dd/mm/yyyy hh:mm", 44562.5],
    [
      "rich text",
      { richText: [{ text: "Big " }, { font: { bold: true }, text: "Data" }] },
      undefined,
      "Big Data",
    ],
    [
      "hyperlink",
      { text: "health.clust-er.it", hyperlink: "https://health.clust-er.it" },
      undefined,
      "health.clust-er.it",
    ],
    ["error value", { error: "#N/A" } as ExcelJS.CellErrorValue, undefined, "#N/A"],
    [
      "formula with number result",
      { formula: "SUM(1,2)", result: 3 } as ExcelJS.CellFormulaValue,
      undefined,
      3,
    ],
    [
      "formula with error result",
      { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue,
      undefined,
      "#DIV/0!",
    ],
    [
      "formula with date result",
      { formula: "DATE(2021,10,26)", result: new Date(Date.UTC(2021, 9, 26)) } as ExcelJS.CellFormulaValue,
      "dd/mm/yyyy",
      44495,
    ],
  ])("%s", async (_kind, value, numFmt, expected) => {
    // Act
    const v = await cellA1(value, numFmt);
    // Assess
    expect(v).toEqual(expected);
  });

  it("gives the formula text with '=' for plain and shared formulas", async () => {
    // Prepare
    const buf = await bufferOf((ws) => {
      ws.getCell("A1").value = 1;
      ws.getCell("A2").value = 2;
      ws.getCell("B1").value = { formula: "A1*2", result: 2 } as ExcelJS.CellFormulaValue;
      ws.getCell("B2").value = { sharedFormula: "B1", result: 4 } as ExcelJS.CellSharedFormulaValue;
    });
    // Act
    const s = (await readWorkbookBuffer(buf, "t.xlsx")).sheets[0];
    // Assess
    expect(s?.values).toEqual([
      [1, 2],
      [2, 4],
    ]);
    expect(s?.formulas).toEqual([
      [null, "=A1*2"],
      [null, "=A2*2"],
    ]);
  });

  it("converts dates of a 1904 workbook to 1900 serials", async () => {
    const buf = await bufferOf((ws, wb) => {
      wb.properties.date1904 = true;
      ws.getCell("A1").value = new Date(Date.UTC(2021, 9, 26));
      ws.getCell("A1").numFmt = "dd/mm/yyyy";
    });
    expect((await readWorkbookBuffer(buf, "t.xlsx")).sheets[0]?.values[0]?.[0]).toBe(44495);
  });

  it.each([
    ["visible", undefined],
    ["hidden", true],
    ["veryHidden", "very"],
  ] as const)("reports a %s sheet as hidden=%s", async (state, hidden) => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Visible").getCell("A1").value = 1;
    wb.addWorksheet("X", { state }).getCell("A1").value = 1;
    const s = await readWorkbookBuffer(Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer), "t.xlsx");
    expect(s.sheets[1]?.hidden).toBe(hidden);
  });

  it("reads the values of a sheet with validations, conditional formats and an auto-filter", async () => {
    // Prepare: what staff files carry besides values.
    const buf = await bufferOf((ws) => {
      ws.getCell("A1").value = "Esito";
      ws.getCell("A2").value = "finanziato";
      ws.getCell("A2").dataValidation = {
        type: "list",
        allowBlank: true,
        formulae: ['"finanziato,respinto"'],
      };
      ws.addConditionalFormatting({
        ref: "A2:A10",
        rules: [
          {
            type: "containsText",
            operator: "containsText",
            text: "respinto",
            priority: 1,
            style: { font: { bold: true } },
          },
        ],
      });
      ws.autoFilter = "A1:A2";
    });
    // Act
    const s = (await readWorkbookBuffer(buf, "t.xlsx")).sheets[0];
    // Assess
    expect(s?.values).toEqual([["Esito"], ["finanziato"]]);
  });

  it("anchors values at A1 even when the used range starts at C3", async () => {
    const buf = await bufferOf((ws) => {
      ws.getCell("C3").value = "Codice";
      ws.getCell("D4").value = "5.1";
    });
    expect((await readWorkbookBuffer(buf, "t.xlsx")).sheets[0]?.values).toEqual([
      [],
      [],
      [null, null, "Codice"],
      [null, null, null, "5.1"],
    ]);
  });
});

describe("unreadable files raise UnreadableWorkbookError", () => {
  let dir = "";
  beforeAll(async () => {
    dir = await outputDir("reader-cells");
    await writeFile(`${dir}/plan.csv`, "Codice;Titolo\n5.1;Big Data\n");
    await writeFile(
      `${dir}/broken.xlsx`,
      Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]),
    );
    await writeFile(`${dir}/empty.xlsx`, "");
  });

  it.each([
    ["missing.xlsx", "missing"],
    ["plan.csv", "not-xlsx"],
    ["broken.xlsx", "corrupt"],
    ["empty.xlsx", "not-xlsx"],
    [".", "not-a-file"],
  ])("%s → %s", async (file, reason) => {
    // Act
    const error = await readWorkbookFile(`${dir}/${file}`).catch((e: unknown) => e);
    // Assess
    expect(error).toBeInstanceOf(UnreadableWorkbookError);
    expect((error as UnreadableWorkbookError).reason).toBe(reason);
  });
});

/** A cell a person can type: text, a number, a boolean, or blank. */
const typedCell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }).filter((n) => !Object.is(n, -0)),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.string({ minLength: 1, maxLength: 20 }).filter((s) => !s.startsWith("#") && s.trim() === s),
  fc.constantFrom("Priorità", "€ 499.875,00", "Sì", "in attesa di valutazione", "Fundación", "5.1", "✓"),
);

describe("property: any typed grid survives write → read", () => {
  it("returns the same values for random grids", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(typedCell, { maxLength: 6 }), { minLength: 1, maxLength: 6 }),
        async (values) => {
          const sheet: FixtureSheet = { name: "Dati", values };
          const back = await readWorkbookBuffer(await xlsxBuffer([sheet]), "p.xlsx");
          expect(back.sheets.map(comparable)).toEqual([comparable(sheet)]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
