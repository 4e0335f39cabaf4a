/**
 * The annual report's combined layout (Strategic priority | Line of intervention | Type of
 * project(s)) read when the workbook has no priorities sheet: the lines sheet's priority cells
 * define the priorities ("1 INNOVATION OF MATERIALS FOR HEALTH" → priority 1). A priority cell
 * without a number gets the next free number, with a warning.
 */
import type { Priority } from "#core/model.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import type { ColumnInfo, RowAt, SheetPlace } from "#core/validate/problem.ts";
import { foldText } from "#core/values/index.ts";
import { priorityCell } from "./priority-refs.ts";
import type { PriorityResolver } from "./priority-refs.ts";
import type { Entry } from "./sheet-read.ts";

/** A resolver that collects the priorities it meets. */
export interface CombinedPriorities extends PriorityResolver {
  /** The priorities defined so far, in order of appearance. */
  readonly entries: Entry<Priority>[];
}

/** Starts collecting priorities from lines sheets' priority cells. */
export function combinedPriorities(): CombinedPriorities {
  const entries: Entry<Priority>[] = [];
  const byCode = new Map<string, Entry<Priority>>();
  const byTitle = new Map<string, string>();
  const places = new WeakMap<SheetPlace, SheetPlace>();
  let maxNumber = 0;

  // The priority's own fields live in the lines sheet's priority column.
  const placeFor = (sheet: SheetPlace | undefined): SheetPlace | undefined => {
    if (sheet === undefined) return undefined;
    let p = places.get(sheet);
    if (p === undefined) {
      const col = sheet.columns.get("priority");
      const columns = new Map<string, ColumnInfo>();
      if (col !== undefined) {
        columns.set("code", col);
        columns.set("title", col);
      }
      p = { name: sheet.name, index: sheet.index, columns };
      places.set(sheet, p);
    }
    return p;
  };

  const add = (code: string, title: string, at: RowAt): void => {
    const priority: Priority = { code, title };
    if (at.sheet !== undefined) priority.source = { sheet: at.sheet.name, row: at.row };
    const entry: Entry<Priority> = { sheet: placeFor(at.sheet), row: at.row, entity: priority, problems: [] };
    entries.push(entry);
    byCode.set(code, entry);
    if (title !== "") byTitle.set(foldText(title), code);
    const n = Number(code);
    if (Number.isInteger(n) && n > maxNumber) maxNumber = n;
  };

  return {
    entries,
    resolve(cell: CellValue, at: RowAt): CellValue {
      const parsed = priorityCell(cell);
      if (parsed === undefined) return cell;
      if (parsed.code !== undefined) {
        const known = byCode.get(parsed.code);
        if (known === undefined) add(parsed.code, parsed.title ?? "", at);
        else if (known.entity.title === "" && parsed.title !== undefined) known.entity.title = parsed.title;
        return parsed.code;
      }
      const title = parsed.title ?? "";
      const code = byTitle.get(foldText(title));
      if (code !== undefined) return code;
      const assigned = String(maxNumber + 1);
      add(assigned, title, at);
      const entry = byCode.get(assigned);
      entry?.problems.push({ severity: "warning", code: "priority.code-assigned", field: "code", value: title, params: { code: assigned } });
      return assigned;
    },
  };
}
