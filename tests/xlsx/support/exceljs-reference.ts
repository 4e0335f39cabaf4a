/**
 * The reference for the differential test: ExcelJS's reading of a workbook turned into a snapshot,
 * as the project's reader did until the xlsx/ reader replaced it (tests only; ExcelJS is a
 * devDependency). Where ExcelJS is wrong, tests/xlsx/other-writers.test.ts documents it.
 */
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * Worksheet parts the snapshot never uses. Skipping them spares ExcelJS parsing (staff files carry
 * conditional formats and validations); hyperlink cells then read as their plain text, as wanted.
 */
const IGNORED_NODES = [
  "hyperlinks",
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "drawing",
  "picture",
  "pageSetup",
  "pageMargins",
  "headerFooter",
  "printOptions",
  "rowBreaks",
  "sheetProtection",
  "autoFilter",
];

// ExcelJS's ValueType enum values (ExcelJS.ValueType is a const enum, unusable under isolatedModules).
const T_MERGE = 1;
const T_DATE = 4;
const T_HYPERLINK = 5;
const T_FORMULA = 6;
const T_RICHTEXT = 8;
const T_ERROR = 10;

/**
 * Excel serial (1900 system, days since 1899-12-30) of a Date ExcelJS built from a serial: it reads
 * serials as UTC and already applies a 1904 workbook's offset, so the result is the same serial
 * Office.js would show for the same date in a 1900 workbook.
 */
function serialOfDate(date: Date): number {
  const serial = date.getTime() / DAY_MS + UNIX_EPOCH_SERIAL;
  // ExcelJS rounds to whole milliseconds; snap back to the serial's natural precision.
  return Math.round(serial * 1e9) / 1e9;
}

function richTextOf(v: { richText: { text: string }[] }): string {
  let s = "";
  for (const run of v.richText) s += run.text;
  return s;
}

/** Plain value of any ExcelJS value (the result of a formula included). */
function plain(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case "string":
    case "number":
    case "boolean":
      return v;
    case "object":
      break;
    default:
      return String(v);
  }
  if (v instanceof Date) return serialOfDate(v);
  const o = v as Record<string, unknown>;
  if (typeof o.error === "string") return o.error;
  if (Array.isArray(o.richText)) return richTextOf(o as { richText: { text: string }[] });
  if ("text" in o) return plain(o.text); // hyperlink: its text (which may be rich text)
  if ("result" in o) return plain(o.result);
  if ("formula" in o || "sharedFormula" in o) return null; // formula never calculated
  return null;
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  tl: string;
  br: string;
}

function readSheet(ws: ExcelJS.Worksheet): SheetSnapshot {
  const values: CellValue[][] = [];
  let formulas: (string | null)[][] | undefined;

  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const r = rowNumber - 1;
    const width = row.cellCount;
    const out: CellValue[] = new Array<CellValue>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const type = cell.type as number;
      if (type === T_MERGE) return; // merged areas read as their top-left value
      const raw = cell.value;
      let v: CellValue;
      if (type === T_FORMULA) {
        v = plain(cell.result);
        const formula = cell.formula;
        if (formula) {
          formulas ??= [];
          for (let i = formulas.length; i <= r; i++) formulas.push([]);
          const fr = formulas[r] as (string | null)[];
          for (let i = fr.length; i < col - 1; i++) fr.push(null);
          fr[col - 1] = `=${formula}`;
        }
      } else if (type === T_DATE) {
        v = serialOfDate(raw as Date);
      } else if (type === T_RICHTEXT || type === T_HYPERLINK || type === T_ERROR) {
        v = plain(raw);
      } else {
        v = raw as CellValue;
      }
      out[col - 1] = v;
    });
    // Trailing nulls (e.g. merged cells at the end of the row) are not part of the grid.
    let end = out.length;
    while (end > 0 && out[end - 1] === null) end--;
    if (end < out.length) out.length = end;
    for (let i = values.length; i < r; i++) values.push([]);
    values[r] = out;
  });
  while (values.length > 0 && (values[values.length - 1] as CellValue[]).length === 0) values.pop();
  if (formulas) for (let i = formulas.length; i < values.length; i++) formulas.push([]);

  const sheet: SheetSnapshot = { name: ws.name, values };
  if (formulas) sheet.formulas = formulas;
  // ExcelJS keeps merges keyed by master address; there is no public accessor short of the
  // worksheet `model`, which would rebuild every row.
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (merges) {
    const merged = Object.values(merges).map((m) => `${m.tl}:${m.br}`);
    if (merged.length > 0) sheet.merged = merged;
  }
  if (ws.state === "hidden") sheet.hidden = true;
  else if (ws.state === "veryHidden") sheet.hidden = "very";
  return sheet;
}

/** ExcelJS's snapshot of .xlsx bytes (origin "xlsx", like the reader's, so they compare whole). */
export async function readWithExcelJs(data: Uint8Array, name: string): Promise<WorkbookSnapshot> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as Partial<ExcelJS.XlsxReadOptions>);
  return { origin: "xlsx", name, sheets: wb.worksheets.map(readSheet) };
}
