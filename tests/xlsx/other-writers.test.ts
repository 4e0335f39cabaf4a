/**
 * Workbooks made by other writers than ExcelJS, read cell by cell. The python scripts under
 * tests/xlsx/writers/ (Debian's python3-openpyxl and python3-xlsxwriter, installed by .ci/run)
 * generate them at test time, so what is asserted is always what those libraries write today.
 */
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { readWithExcelJs } from "./support/exceljs-reference.ts";
import { outputDir, runCli } from "../cli/helpers.ts";

const PYTHON = "/usr/bin/python3";
const WRITERS = join(import.meta.dirname, "writers");
let dir = "";
const books = new Map<string, WorkbookSnapshot>();

beforeAll(async () => {
  dir = await outputDir("xlsx-writers");
  for (const script of ["openpyxl_fixtures.py", "xlsxwriter_fixtures.py"])
    await promisify(execFile)(PYTHON, [join(WRITERS, script), dir]);
  for (const file of [
    "openpyxl-1904.xlsx",
    "openpyxl-iso-dates.xlsx",
    "openpyxl-comments.xlsx",
    "openpyxl-chart-only.xlsx",
    "dotnet-prefixed.xlsx",
    "xlsxwriter-table.xlsx",
    "xlsxwriter-macro.xlsm",
  ])
    books.set(file, await readWorkbookBuffer(await readFile(join(dir, file)), file));
}, 60_000);

/** The value at an A1 address of a sheet ("C2"), null when blank. */
function cell(sheet: SheetSnapshot | undefined, address: string): unknown {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!sheet || !m) throw new Error(address);
  const col = [...(m[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheet.values[Number(m[2]) - 1]?.[col - 1] ?? null;
}

function formula(sheet: SheetSnapshot | undefined, row: number, col: number): string | null {
  return sheet?.formulas?.[row - 1]?.[col - 1] ?? null;
}

function sheetOf(file: string, name: string): SheetSnapshot | undefined {
  return books.get(file)?.sheets.find((s) => s.name === name);
}

/** The projects table every openpyxl fixture shares, as Excel shows it (dates as 1900 serials). */
const PLAN_CELLS: [string, unknown][] = [
  ["A1", "Codice"],
  ["D1", "Budget totale"],
  ["A2", "DGH"],
  ["B2", "DigitalGreenHealth"],
  ["C2", 44495], // 26/10/2021
  ["D2", 499875],
  ["C3", 44562.5], // 01/01/2022 12:00
  ["D3", 130000.5],
];

describe("openpyxl", () => {
  it.each(["openpyxl-1904.xlsx", "openpyxl-iso-dates.xlsx", "dotnet-prefixed.xlsx", "openpyxl-comments.xlsx"])(
    "%s: Progetti reads as Excel shows it (dates as 1900-system serials)",
    (file) => {
      const sheet = sheetOf(file, "Progetti");
      for (const [address, value] of PLAN_CELLS) expect([address, cell(sheet, address)]).toEqual([address, value]);
    },
  );

  it("comments with an absolute relationship target, hyperlinks and error cells read as values", () => {
    const p = sheetOf("openpyxl-comments.xlsx", "Progetti");
    expect(cell(p, "B3")).toBe("Robotics"); // hyperlink cell: its text
    expect(cell(p, "E2")).toBe("#N/A");
    expect(p?.merged).toEqual(["A5:C5"]);
    expect(cell(p, "A5")).toBe("Totale");
  });

  it("a formula saved without a value is null and listed as uncached", () => {
    const p = sheetOf("openpyxl-comments.xlsx", "Progetti");
    expect(cell(p, "F2")).toBeNull();
    expect(formula(p, 2, 6)).toBe("=D2+D3");
    expect(p?.uncached).toEqual(["F2"]);
  });

  it("keeps sheet order and hidden / very hidden state", () => {
    const book = books.get("openpyxl-comments.xlsx");
    expect(book?.sheets.map((s) => [s.name, s.hidden ?? false])).toEqual([
      ["Progetti", false],
      ["Liste", true],
      ["_stato", "very"],
    ]);
    expect(cell(sheetOf("openpyxl-comments.xlsx", "_stato"), "A1")).toBe("actionplan-sync");
  });

  it("a workbook whose only sheet is a chart sheet reads as a workbook with no sheets", () => {
    expect(books.get("openpyxl-chart-only.xlsx")?.sheets).toEqual([]);
  });

  it("the CLI reports a chart-only workbook as 'no sheet recognised' (exit 1), not damaged", async () => {
    const run = await runCli(["validate", "openpyxl-chart-only.xlsx", "--json", "--today", "2026-01-01"], dir);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { issues: { code: string; severity: string }[] };
    expect(report.issues.map((i) => [i.severity, i.code])).toEqual([["error", "sheet.not-recognised"]]);
  });
});

describe("XlsxWriter", () => {
  const budget = (): SheetSnapshot | undefined => sheetOf("xlsxwriter-table.xlsx", "Budget");

  // XlsxWriter marks every workbook fullCalcOnLoad and saves a result only when told one (else 0):
  // no formula result in its files was calculated, so every formula cell is unknown.
  it("an Excel Table with a totals row reads as its cells; the total, a formula, is unknown", () => {
    expect(budget()?.values.slice(0, 5).map((r) => r.slice(0, 4))).toEqual([
      ["Progetto", "Importo", "Anno", "Doppio"],
      ["DGH", 160000, 2021, null], // F2 holds a date
      ["DGH", 40000, 2022],
      ["RAISE", 130000, 2022],
      ["Totale"],
    ]);
    expect(formula(budget(), 5, 2)).toBe("=SUBTOTAL(109,[Importo])");
  });

  it("a shared formula group gives every cell its own formula", () => {
    expect([2, 3, 4].map((r) => formula(budget(), r, 4))).toEqual(["=B2*2", "=B3*2", "=B4*2"]);
  });

  it("every formula cell of a fullCalcOnLoad workbook is listed as uncached, its saved result ignored", () => {
    expect(budget()?.uncached).toEqual(["D2", "D3", "F3", "D4", "F4", "B5"]);
    expect([cell(budget(), "F3"), cell(budget(), "F4")]).toEqual([null, null]);
  });

  it.each([
    ["F1", "Big Data e AI"], // rich text: runs joined
    ["F2", 44495], // date cell
  ])("Budget!%s is %j", (address, value) => {
    expect(cell(budget(), address)).toEqual(value);
  });

  it("the CLI says the formulas were never calculated rather than reading them as 0 or blank", async () => {
    const run = await runCli(["validate", "xlsxwriter-table.xlsx", "--json", "--lang", "en", "--today", "2026-01-01"], dir);
    const report = JSON.parse(run.stdout) as { issues: { code: string; cell?: string; message: string }[] };
    const uncached = report.issues.filter((i) => i.code === "formula.uncached");
    expect(uncached.map((i) => i.cell)).toEqual(["D2", "D3", "F3", "D4", "F4", "B5"]);
    expect(uncached[0]?.message).toContain("never recalculated");
  });

  it("an .xlsm with a VBA project reads its sheets and leaves the VBA part alone", () => {
    expect(sheetOf("xlsxwriter-macro.xlsm", "Progetti")?.values).toEqual([
      ["Codice", "Titolo"],
      ["DGH", "DigitalGreenHealth"],
    ]);
  });
});

/**
 * Where ExcelJS (the reader this one replaced; tests/xlsx/support/exceljs-reference.ts) is wrong
 * on these files — the documented exceptions to the differential test.
 */
describe("where ExcelJS is wrong on the same files", () => {
  async function excelJs(file: string): Promise<WorkbookSnapshot | Error> {
    return readWithExcelJs(await readFile(join(dir, file)), file).catch((e: unknown) => e as Error);
  }

  it.each(["openpyxl-comments.xlsx", "dotnet-prefixed.xlsx", "openpyxl-chart-only.xlsx"])(
    "%s: ExcelJS fails to load it (the reader reads it)",
    async (file) => {
      expect(await excelJs(file)).toBeInstanceOf(Error);
      expect(books.get(file)).toBeDefined();
    },
  );

  it("openpyxl-iso-dates.xlsx: ExcelJS reads the ISO date 2021-10-26 as another date (the reader: 44495)", async () => {
    const theirs = await excelJs("openpyxl-iso-dates.xlsx");
    if (theirs instanceof Error) throw theirs;
    expect(cell(theirs.sheets[0], "C2")).not.toBe(44495);
    expect(cell(sheetOf("openpyxl-iso-dates.xlsx", "Progetti"), "C2")).toBe(44495);
  });
});
