/**
 * Priorities sheet rows → priorities. The code may sit inside the title ("5 BIG DATA …") or in a
 * "Priorità" column written as "5 BIG DATA …"; totals and blank rows are skipped.
 */
import type { Priority } from "#core/model.ts";
import { buildPriority } from "#core/validate/fields/build.ts";
import { isTotalsRow, splitCodeTitle } from "./grid.ts";
import { entryAt, firstDataRow, rawFieldsOf } from "./sheet-read.ts";
import type { Entry, ReadCtx, SheetRead } from "./sheet-read.ts";
import { isBlank } from "#core/values/index.ts";

/** Reads the priorities of a recognised priorities sheet. */
export function readPriorities(read: SheetRead, ctx: ReadCtx): Entry<Priority>[] {
  const out: Entry<Priority>[] = [];
  const { grid } = read;
  for (let row = firstDataRow(read); row <= grid.rowCount; row++) {
    if (grid.isBlankRow(row) || isTotalsRow(grid, row)) continue;
    const raw = rawFieldsOf(read, row);
    const code = raw["code"] ?? null;
    const title = raw["title"] ?? null;
    if (isBlank(title)) {
      // "5 BIG DATA …" in the code column: code and title in one cell.
      const split = splitCodeTitle(code);
      if (split !== undefined) {
        raw["code"] = split.code;
        raw["title"] = split.title;
      }
    } else if (isBlank(code)) {
      const split = splitCodeTitle(title);
      if (split !== undefined) {
        raw["code"] = split.code;
        raw["title"] = split.title;
      }
    }
    const built = buildPriority(raw, ctx);
    built.entity.source = { sheet: read.sheet.name, row };
    out.push(entryAt(read, row, built.entity, built.problems));
  }
  return out;
}
