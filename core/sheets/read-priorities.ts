/**
 * Priorities sheet rows → priorities. The code may sit inside the title ("5 BIG DATA …") or in a
 * "Priorità" column written as "5 BIG DATA …"; totals and blank rows are skipped.
 */
import type { Priority } from "#core/model.ts";
import { buildPriority } from "#core/validate/fields/build.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { isBareCode, isTotalsRow, splitCodeTitle } from "./grid.ts";
import { entryAt, extraOf, firstDataRow, rawFieldsOf } from "./sheet-read.ts";
import type { Entry, ReadCtx, SheetRead } from "./sheet-read.ts";
import { isBlank } from "#core/values/index.ts";

/** Reads the priorities of a recognised priorities sheet. */
export function readPriorities(read: SheetRead, ctx: ReadCtx): Entry<Priority>[] {
  const out: Entry<Priority>[] = [];
  const unnumbered: Priority[] = [];
  const { grid } = read;
  for (let row = firstDataRow(read); row <= grid.rowCount; row++) {
    if (grid.isBlankRow(row) || isTotalsRow(grid, row)) continue;
    const raw = rawFieldsOf(read, row);
    const code = raw["code"] ?? null;
    const title = raw["title"] ?? null;
    let numberLater = false;
    if (isBlank(title)) {
      // "5 BIG DATA …" in the code column: code and title in one cell.
      const split = splitCodeTitle(code);
      if (split !== undefined) {
        raw["code"] = split.code;
        raw["title"] = split.title;
      } else if (isTitleText(code)) {
        // "Priorità" is the code only when numeric: a title there gets a number below.
        raw["title"] = code;
        raw["code"] = null;
        numberLater = true;
      }
    } else if (isBlank(code)) {
      const split = splitCodeTitle(title);
      if (split !== undefined) {
        raw["code"] = split.code;
        raw["title"] = split.title;
      }
    }
    const built = buildPriority(raw, ctx, extraOf(read, row, read.unknown));
    built.entity.source = { sheet: read.sheet.name, row };
    if (numberLater) {
      built.problems = built.problems.filter((p) => p.field !== "code");
      unnumbered.push(built.entity);
    }
    out.push(entryAt(read, row, built.entity, built.problems));
  }
  numberPriorities(out, unnumbered);
  return out;
}

/** Two words: the shape of a title. */
const TWO_WORDS = /\S\s+\S/;

/** Text with a space and no leading number ("Big Data e IA"): a title, not a code. */
function isTitleText(v: CellValue): boolean {
  return typeof v === "string" && !isBareCode(v) && TWO_WORDS.test(v);
}

/** Gives unnumbered priorities the next free numbers, with a warning. */
function numberPriorities(entries: readonly Entry<Priority>[], unnumbered: readonly Priority[]): void {
  if (unnumbered.length === 0) return;
  let max = 0;
  for (const e of entries) {
    const n = Number(e.entity.code);
    if (e.entity.code !== "" && Number.isInteger(n) && n > max) max = n;
  }
  const pending = new Set(unnumbered);
  for (const e of entries) {
    if (!pending.has(e.entity)) continue;
    e.entity.code = String(++max);
    e.problems.push({ severity: "warning", code: "priority.code-assigned", field: "code", value: e.entity.title, params: { code: e.entity.code } });
  }
}
