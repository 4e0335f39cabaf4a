import type { CellValue } from "#core/snapshot/types.ts";

/**
 * Characters that make a text look empty in Excel. `String#trim` already removes spaces, tabs,
 * line breaks, the non-breaking space (U+00A0), U+202F and the BOM; zero-width characters are
 * added because they arrive with text pasted from the web and are invisible in the cell.
 */
const INVISIBLE = /^(?:[\s\u200B\u200C\u2060]|\u200D)*$/;

/**
 * true when the cell is empty for the product: null, "" or text made only of (non-breaking)
 * spaces and invisible characters. Numbers (including 0) and booleans are never blank.
 *
 * @example isBlank("\u00a0 ") // true
 */
export function isBlank(v: CellValue): boolean {
  if (v === null) return true;
  if (typeof v !== "string") return false;
  if (v.length === 0) return true;
  // Fast path: most non-blank texts start with a visible character.
  const c = v.charCodeAt(0);
  if (c > 32 && c < 127) return false;
  return INVISIBLE.test(v);
}
