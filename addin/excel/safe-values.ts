/**
 * Values written into cells must stay values (SPEC §9): Excel parses what `range.values` receives
 * as if typed, so "=HYPERLINK(…)" would become a formula, "+39 051…" a formula, "5.1" a number
 * and "ott 2021" a date. Every non-empty text therefore goes in with Excel's quote prefix ("'"),
 * which Excel strips and keeps as "this is text".
 */
import type { CellValue } from "#core/snapshot/types.ts";

/**
 * The value to assign to `range.values` so the cell ends up holding exactly `value`.
 * null (no value) clears the cell: in Office.js a null would mean "leave unchanged".
 *
 * @example safeCellValue("=1+1") // "'=1+1"
 * @example safeCellValue(12.5)   // 12.5
 */
export function safeCellValue(value: CellValue): CellValue {
  if (value === null || value === "") return "";
  if (typeof value !== "string") return Number.isFinite(value) || typeof value === "boolean" ? value : "";
  return `'${value}`;
}

/** Whether a text would be read by Excel as a formula if typed (the injection-prone prefixes). */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}
