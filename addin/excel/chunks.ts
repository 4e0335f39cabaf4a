/**
 * How a sheet is cut into range reads: values in row chunks anchored at column A, plus the
 * formula areas. Each chunk carries its cell count so reads can be grouped under a payload budget.
 */
import { parseRange } from "#core/values/address.ts";
import { areaToA1 } from "./a1.ts";

export interface Chunk {
  sheet: number;
  kind: "values" | "formulas";
  /** Address within the sheet ("A1:T5000"). */
  address: string;
  cells: number;
}

/**
 * The reads for one sheet of `rows` × `cols` cells (from A1) with formula areas `formulaAreas`.
 *
 * @example planChunks(0, 10, 2, [], 8) // values A1:B4, A5:B8, A9:B10
 */
export function planChunks(
  sheet: number,
  rows: number,
  cols: number,
  formulaAreas: readonly string[],
  chunkCells: number,
): Chunk[] {
  const out: Chunk[] = [];
  if (rows > 0 && cols > 0) {
    const step = Math.max(1, Math.floor(chunkCells / cols));
    for (let top = 1; top <= rows; top += step) {
      const bottom = Math.min(rows, top + step - 1);
      out.push({
        sheet,
        kind: "values",
        address: areaToA1({ top, left: 1, bottom, right: cols }),
        cells: (bottom - top + 1) * cols,
      });
    }
  }
  for (const address of formulaAreas) {
    const a = parseRange(address);
    out.push({ sheet, kind: "formulas", address, cells: (a.bottom - a.top + 1) * (a.right - a.left + 1) });
  }
  return out;
}
