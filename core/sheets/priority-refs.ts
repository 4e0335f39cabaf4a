/**
 * How a lines sheet's priority cell names a priority. With a priorities sheet it is only a
 * reference: "5", 5 or "5 BIG DATA …" all mean priority 5 (a differing title is not an error), and a
 * bare title is looked up by title. Without one (the annual report's combined layout) the cell
 * defines the priority: see read-combined.ts.
 */
import type { Priority } from "#core/model.ts";
import type { CellValue } from "#core/snapshot/types.ts";
import type { RowAt } from "#core/validate/problem.ts";
import { cleanText, foldText, isFormulaError } from "#core/values/index.ts";
import { isBareCode, splitCodeTitle } from "./grid.ts";

/** Resolves a priority cell to a priority code (or leaves it as written). */
export interface PriorityResolver {
  /** The code the cell refers to; the cell unchanged when it cannot be read (the field parser reports it). */
  resolve(cell: CellValue, at: RowAt): CellValue;
}

/** A priority cell read as code + optional title. */
export function priorityCell(cell: CellValue): { code?: string; title?: string } | undefined {
  if (isFormulaError(cell)) return undefined;
  if (isBareCode(cell)) return { code: cleanText(cell) ?? "" };
  const split = splitCodeTitle(cell);
  if (split !== undefined) return split;
  const t = cleanText(cell);
  return t === undefined ? undefined : { title: t };
}

/** Resolver against the priorities read from a priorities sheet. */
export function priorityRefs(priorities: readonly Priority[]): PriorityResolver {
  const byTitle = new Map<string, string>();
  for (const p of priorities) if (p.title !== "" && p.code !== "") byTitle.set(foldText(p.title), p.code);
  return {
    resolve(cell) {
      const parsed = priorityCell(cell);
      if (parsed === undefined) return cell;
      if (parsed.code !== undefined) return parsed.code;
      return byTitle.get(foldText(parsed.title ?? "")) ?? cell;
    },
  };
}
