/**
 * The product's own sheets (SPEC §3: "Sheets the product writes … are never read as plan data").
 *
 * A sheet is the product's own when it carries one of two marks, both kept by every writer and
 * reader of .xlsx files (Excel, ExcelJS, LibreOffice, our own reader) because they are plain sheet
 * names and plain cell values, not metadata a writer may drop:
 * - its **name** starts with a reserved prefix (`_actionplan`, `_ap_`): the very hidden sync sheet
 *   and the highlight marker sheets, whose names the product chooses and the user never sees;
 * - its cell **A1** holds a text starting with `actionplan-` (the role follows: `actionplan-sync`,
 *   `actionplan-overview`): sheets the user sees and may rename, such as the overview for the board.
 *
 * Very hidden sheets are skipped too: only programs can make a sheet very hidden, never a person in
 * Excel's UI, so such a sheet is never a table the staff keep.
 *
 * One unmarked sheet is ours as well: the overview that versions before the A1 mark wrote (its table
 * from A1, headed exactly by the overview's nine headings in Italian or English). Workbooks the
 * staff saved then still hold it, and read as plan data it doubles every project count.
 */
import type { CellValue, SheetSnapshot } from "#core/snapshot/types.ts";
import { foldHeading } from "./headings.ts";

/** Name prefixes reserved for the product's own sheets (compared case-insensitively). */
export const PRODUCT_SHEET_PREFIXES: readonly string[] = ["_actionplan", "_ap_"];

/** Every A1 mark starts with this text. */
export const PRODUCT_MARK_PREFIX = "actionplan-";

/** What a product sheet is for; the mark in A1 names it. */
export type ProductSheetRole = "sync" | "overview";

/**
 * The text the product writes in A1 of a sheet of `role`.
 * @example productSheetMark("overview") // "actionplan-overview"
 */
export function productSheetMark(role: ProductSheetRole): string {
  return `${PRODUCT_MARK_PREFIX}${role}`;
}

/** true when `name` is reserved for the product's own sheets. */
export function hasProductSheetName(name: string): boolean {
  const lower = name.toLowerCase();
  return PRODUCT_SHEET_PREFIXES.some((p) => lower.startsWith(p));
}

/** true when a cell value is a product mark (a text starting with `actionplan-`, spaces and case aside). */
export function isProductMark(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.trim().toLowerCase().startsWith(PRODUCT_MARK_PREFIX);
}

/** The overview's headings as versions before the mark wrote them in row 1 (fixed: history, not UI text). */
export const LEGACY_OVERVIEW_HEADINGS: Readonly<Record<"it" | "en", readonly string[]>> = {
  it: [
    "Codice",
    "Titolo",
    "PRL",
    "PRL rigoroso",
    "Progetti",
    "Budget totale",
    "Richiesto",
    "Finanziato",
    "Tasso di successo",
  ],
  en: [
    "Code",
    "Title",
    "PRL",
    "Strict PRL",
    "Projects",
    "Total budget",
    "Requested",
    "Funded",
    "Success rate",
  ],
};

/** true when `row` is exactly the unmarked overview's heading row (either language, folded as headings are). */
export function isLegacyOverviewHeader(row: readonly CellValue[] | undefined): boolean {
  if (!Array.isArray(row)) return false;
  const cells = row.map((v) => (typeof v === "string" ? foldHeading(v) : ""));
  while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
  return Object.values(LEGACY_OVERVIEW_HEADINGS).some(
    (h) => h.length === cells.length && h.every((text, i) => foldHeading(text) === cells[i]),
  );
}

/**
 * true for a sheet the product wrote (marked by name or by A1) or a very hidden one: never plan data.
 * @example isProductSheet({ name: "Panoramica", values: [["actionplan-overview"]] }) // true
 */
export function isProductSheet(sheet: Pick<SheetSnapshot, "name" | "values" | "hidden">): boolean {
  if (sheet.hidden === "very") return true;
  if (typeof sheet.name === "string" && hasProductSheetName(sheet.name)) return true;
  const first = Array.isArray(sheet.values) ? sheet.values[0] : undefined;
  return (Array.isArray(first) && isProductMark(first[0])) || isLegacyOverviewHeader(first);
}
