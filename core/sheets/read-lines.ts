/**
 * Lines sheet rows → lines (SPEC §3): the priority column fills down (merged cells), the code may
 * sit inside the title ("5.1 Big Data per …"), and lines without a code get `<priority>.<n>` in
 * order of appearance (a warning: the add-in offers to write the codes into the sheet).
 */
import type { Line } from "#core/model.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import { buildLine } from "#core/validate/fields/build.ts";
import { isBlank } from "#core/values/index.ts";
import { isTotalsRow, splitCodeTitle } from "./grid.ts";
import type { PriorityResolver } from "./priority-refs.ts";
import { entryAt, extraOf, firstDataRow, rawFieldsOf } from "./sheet-read.ts";
import type { Entry, ReadCtx, SheetRead } from "./sheet-read.ts";

/** Reads the lines of a recognised lines sheet; codes are assigned by {@link assignLineCodes}. */
export function readLines(read: SheetRead, ctx: ReadCtx, priorities: PriorityResolver): Entry<Line>[] {
  const out: Entry<Line>[] = [];
  const { grid } = read;
  let aboveCell: CellValue = null;
  for (let row = firstDataRow(read); row <= grid.rowCount; row++) {
    if (grid.isBlankRow(row) || isTotalsRow(grid, row)) continue;
    const raw = rawFieldsOf(read, row);
    const at = { sheet: read.place, row };
    // Fill-down: a blank priority cell inherits the one above (merged cells in the familiar layout).
    if ("priority" in raw) {
      if (isBlank(raw["priority"] ?? null)) raw["priority"] = aboveCell;
      else aboveCell = raw["priority"] ?? null;
      raw["priority"] = priorities.resolve(raw["priority"] ?? null, at);
    }
    const code = raw["code"] ?? null;
    const title = raw["title"] ?? null;
    if (isBlank(code)) {
      const split = splitCodeTitle(title);
      if (split !== undefined && split.code.includes(".")) {
        raw["code"] = split.code;
        raw["title"] = split.title;
      }
    } else if (isBlank(title)) {
      const split = splitCodeTitle(code);
      if (split !== undefined) {
        raw["code"] = split.code;
        raw["title"] = split.title;
      }
    }
    const built = buildLine(raw, ctx, true, extraOf(read, row, read.unknown));
    built.entity.source = { sheet: read.sheet.name, row };
    out.push(entryAt(read, row, built.entity, built.problems));
  }
  return out;
}

/**
 * Gives every line without a code the code `<priority>.<n>`, n its position among its
 * priority's lines (skipping codes already taken), with a warning. A line without code and
 * priority cannot get one: its code is reported missing.
 */
export function assignLineCodes(lines: readonly Entry<Line>[]): void {
  const taken = new Set<string>();
  for (const e of lines) if (e.entity.code !== "") taken.add(e.entity.code);
  const position = new Map<string, number>();
  for (const e of lines) {
    const l = e.entity;
    if (l.priority === "") {
      if (l.code === "" && !e.problems.some((p) => p.field === "code")) {
        e.problems.push({ severity: "error", code: "required.missing", field: "code", value: null });
      }
      continue;
    }
    const n = (position.get(l.priority) ?? 0) + 1;
    position.set(l.priority, n);
    if (l.code !== "" || e.problems.some((p) => p.field === "code" && p.severity === "error")) continue;
    let k = n;
    while (taken.has(`${l.priority}.${k}`)) k++;
    l.code = `${l.priority}.${k}`;
    l.codeAssigned = true;
    taken.add(l.code);
    e.problems.push({ severity: "warning", code: "line.code-assigned", field: "code", value: null, params: { code: l.code } });
  }
}
