/**
 * Sheet-qualified A1 addresses as Office.js writes them ("'Linee di intervento'!A1:C9").
 * Plain cell and range parsing lives in the core (`#core/values/address.ts`).
 */
import { columnLetter, type CellRange } from "#core/values/address.ts";

/** A sheet name as it appears in an address: quoted when it is not a plain identifier. */
export function quoteSheetName(name: string): string {
  // Excel leaves names of letters, digits, "_" and "." unquoted unless they look like a cell or start with a digit.
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
  return plain ? name : `'${name.replaceAll("'", "''")}'`;
}

/** "A1" for one cell, else "A1:C9". */
export function areaToA1(area: Pick<CellRange, "top" | "left" | "bottom" | "right">): string {
  const start = columnLetter(area.left) + String(area.top);
  if (area.top === area.bottom && area.left === area.right) return start;
  return `${start}:${columnLetter(area.right)}${String(area.bottom)}`;
}

/** "Sheet!A1:C9" with the sheet name quoted when needed. */
export function sheetAddress(
  sheet: string,
  area: Pick<CellRange, "top" | "left" | "bottom" | "right">,
): string {
  return `${quoteSheetName(sheet)}!${areaToA1(area)}`;
}
