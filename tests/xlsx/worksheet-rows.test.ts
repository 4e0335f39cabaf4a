/**
 * Rows as a worksheet part lists them, in any order: the reader stores each row at its exact
 * length (xlsx/worksheet.ts keeps one pending row), and a row met again, or cells written out of
 * order, still land where their addresses say. The cell limit counts every row up to its last value.
 */
import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { UnreadableWorkbookError } from "#xlsx/errors.ts";
import { readWorkbookBuffer } from "#xlsx/read-workbook.ts";
import { rebuildWorkbook } from "./support/zip-builder.ts";

const SHEET = "xl/worksheets/sheet1.xml";
const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

let base: Buffer;

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("Foglio1").addRow(["x"]);
  base = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
});

interface Cell {
  r: number;
  c: number;
  v: number;
}

const letter = (c: number): string => String.fromCharCode(64 + c);

/** The part: consecutive cells of one row share a <row> element; rows repeat when the list does. */
function sheetOf(cells: readonly Cell[]): Buffer {
  let xml = "";
  let open = 0;
  for (const { r, c, v } of cells) {
    if (r !== open) {
      if (open !== 0) xml += "</row>";
      xml += `<row r="${r}">`;
      open = r;
    }
    xml += `<c r="${letter(c)}${r}"><v>${v}</v></c>`;
  }
  if (open !== 0) xml += "</row>";
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN_NS}"><sheetData>${xml}</sheetData></worksheet>`);
}

/** What the sheet holds: each address's last value, rows up to their last value, skipped rows empty. */
function model(cells: readonly Cell[]): (number | null)[][] {
  const rows: (number | null)[][] = [];
  for (const { r, c, v } of cells) {
    while (rows.length < r) rows.push([]);
    const row = rows[r - 1] as (number | null)[];
    while (row.length < c) row.push(null);
    row[c - 1] = v;
  }
  return rows;
}

const cellsArb = fc.array(
  fc.record({ r: fc.integer({ min: 1, max: 6 }), c: fc.integer({ min: 1, max: 5 }), v: fc.integer({ min: -999, max: 999 }) }),
  { minLength: 1, maxLength: 25 },
);

async function read(cells: readonly Cell[], maxCells?: number) {
  const bytes = rebuildWorkbook(base, { [SHEET]: { name: SHEET, bytes: sheetOf(cells) } });
  return readWorkbookBuffer(bytes, "f.xlsx", maxCells === undefined ? {} : { limits: { maxCells } });
}

describe("rows in any order", () => {
  it("puts every cell at its address, the last value of an address winning (property)", async () => {
    await fc.assert(
      fc.asyncProperty(cellsArb, async (cells) => {
        const snapshot = await read(cells);
        expect(snapshot.sheets[0]?.values).toEqual(model(cells));
      }),
      { numRuns: 300 },
    );
  });

  it("counts cells against the limit as the rows finally stand (property)", async () => {
    await fc.assert(
      fc.asyncProperty(cellsArb, fc.integer({ min: 1, max: 30 }), async (cells, limit) => {
        const count = model(cells).reduce((n, row) => n + row.length, 0);
        const outcome = await read(cells, limit).then(
          () => "read",
          (e: unknown) => (e instanceof UnreadableWorkbookError ? e.reason : String(e)),
        );
        expect(outcome).toBe(count > limit ? "too-many-cells" : "read");
      }),
      { numRuns: 300 },
    );
  });

  it("reads a row met again after later rows", async () => {
    const cells = [
      { r: 3, c: 2, v: 1 },
      { r: 1, c: 1, v: 2 },
      { r: 3, c: 4, v: 3 },
      { r: 3, c: 1, v: 4 },
    ];
    expect((await read(cells)).sheets[0]?.values).toEqual([[2], [], [4, 1, null, 3]]);
  });
});
