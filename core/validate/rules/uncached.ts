/**
 * Formula cells a file holds without a saved value (written by a program, never calculated in
 * Excel; the file reader lists them in `SheetSnapshot.uncached`). SPEC §4: their value is unknown,
 * not 0 or blank — one warning on the cell, and nothing else said about it (a rule that took the
 * cell for blank would be checking a value nobody knows).
 */
import type { Locale, SheetSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";
import { sheetIssue } from "#core/validate/problem.ts";
import { tryParseA1 } from "#core/values/index.ts";

/** A recognised sheet: the snapshot sheet, its position, its header row and headings by column. */
export interface UncachedSheet {
  sheet: SheetSnapshot;
  index: number;
  headerRow: number;
  headingOf(col: number): string;
}

/**
 * Replaces the issues on uncached formula cells below each sheet's header by one warning per cell
 * (`formula.uncached`). Mutates and returns `issues`.
 */
export function uncachedFormulaWarnings(sheets: readonly UncachedSheet[], issues: Issue[], locale: Locale): Issue[] {
  for (const s of sheets) {
    const cells = (s.sheet.uncached ?? []).filter((a) => (tryParseA1(a)?.row ?? 0) > s.headerRow);
    if (cells.length === 0) continue;
    const unknown = new Set(cells);
    let kept = 0;
    for (const issue of issues) if (!(issue.sheet === s.sheet.name && unknown.has(issue.cell))) issues[kept++] = issue;
    issues.length = kept;
    for (const address of cells) {
      const at = tryParseA1(address);
      if (!at) continue;
      const formula = s.sheet.formulas?.[at.row - 1]?.[at.col - 1] ?? "";
      const issue = sheetIssue(
        { severity: "warning", code: "formula.uncached", field: "", value: formula, params: { value: formula } },
        { name: s.sheet.name, index: s.index },
        locale,
      );
      issue.cell = address;
      issue.row = at.row;
      issue.column = s.headingOf(at.col);
      issues.push(issue);
    }
  }
  return issues;
}
