/**
 * The ExcelJS reader: an .xlsx file → a {@link WorkbookSnapshot} (origin "exceljs"), the same
 * shape the add-in builds with Office.js. Used by the CLI and the nightly job, so it knows nothing
 * about either: no printing, no exit codes, one typed error for files it cannot read.
 *
 * Conventions (core/snapshot/types.ts): values anchored at A1; dates as Excel serials (UTC, no
 * drift, 1904 workbooks converted); formula cells as their cached result with the formula
 * (with "=") in `formulas`; error values as their text ("#REF!"); rich text and hyperlinks as
 * plain text; merged areas as A1 ranges with only the top-left cell holding the value.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";

/** Why a workbook could not be read. */
export type UnreadableReason = "missing" | "not-a-file" | "not-xlsx" | "corrupt";

/**
 * A file that is missing, not an .xlsx, or damaged. Carries no stack-worthy detail for users:
 * entry points print `reason` in their own words; `cause` keeps the library error for logs.
 */
export class UnreadableWorkbookError extends Error {
  override readonly name = "UnreadableWorkbookError";
  constructor(
    readonly reason: UnreadableReason,
    readonly file: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${reason}`, options);
  }
}

const DAY_MS = 86_400_000;
/** Serial of 1970-01-01 in the 1900 date system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Local file header of a zip archive: every .xlsx starts with it. */
const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

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

/**
 * Reads .xlsx bytes into a snapshot. `name` is the file name shown in reports.
 * @throws UnreadableWorkbookError ("not-xlsx" or "corrupt") when the bytes are not a readable workbook.
 */
export async function readWorkbookBuffer(
  data: Uint8Array | ArrayBuffer,
  name: string,
): Promise<WorkbookSnapshot> {
  const buf = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (buf.length < 4 || ZIP_MAGIC.some((b, i) => buf[i] !== b))
    throw new UnreadableWorkbookError("not-xlsx", name);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      buf as unknown as ArrayBuffer,
      { ignoreNodes: IGNORED_NODES } as Partial<ExcelJS.XlsxReadOptions>,
    );
  } catch (cause) {
    throw new UnreadableWorkbookError("corrupt", name, { cause });
  }
  // A zip without a workbook part (a .docx, a random archive) loads as an empty workbook.
  if (wb.worksheets.length === 0) throw new UnreadableWorkbookError("corrupt", name);
  try {
    return { origin: "exceljs", name, sheets: wb.worksheets.map(readSheet) };
  } catch (cause) {
    throw new UnreadableWorkbookError("corrupt", name, { cause });
  }
}

/**
 * Reads an .xlsx file into a snapshot named after the file.
 * @throws UnreadableWorkbookError ("missing", "not-a-file", "not-xlsx" or "corrupt").
 */
export async function readWorkbookFile(path: string): Promise<WorkbookSnapshot> {
  const name = basename(path);
  let buf: Buffer;
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new UnreadableWorkbookError("not-a-file", name);
    buf = await readFile(path);
  } catch (cause) {
    if (cause instanceof UnreadableWorkbookError) throw cause;
    const code = (cause as { code?: string }).code;
    throw new UnreadableWorkbookError(
      code === "ENOENT" || code === "ENOTDIR" ? "missing" : "not-a-file",
      name,
      { cause },
    );
  }
  return readWorkbookBuffer(buf, name);
}
