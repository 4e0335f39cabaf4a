import type { CellValue } from "#core/snapshot/types.ts";

/**
 * Excel error texts as Office.js returns them in `values` (SPEC §4). The classic ones plus the
 * dynamic-array and data-type errors of current Excel, which are just as unreadable.
 */
const FORMULA_ERRORS: ReadonlySet<string> = new Set([
  "#REF!",
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#BUSY!",
  "#BLOCKED!",
  "#CONNECT!",
  "#FIELD!",
  "#UNKNOWN!",
  "#EXTERNAL!",
  "#PYTHON!",
]);

/**
 * true when the cell holds an Excel formula error ("#REF!", "#N/A", …). Case and surrounding
 * spaces are ignored because text-exported sheets sometimes carry them.
 *
 * @example isFormulaError("#DIV/0!") // true
 */
export function isFormulaError(v: CellValue): boolean {
  if (typeof v !== "string" || v.length < 4) return false;
  if (FORMULA_ERRORS.has(v)) return true;
  const t = v.trim();
  return t.charCodeAt(0) === 35 /* # */ && FORMULA_ERRORS.has(t.toUpperCase());
}
