/** Names of the add-in's own sheets, and what a read learns about the add-in's own objects. */

/** Highlight marker sheets are `${MARKER_PREFIX}${n}`; our conditional formats are recognised by it. */
export const MARKER_PREFIX = "_ap_issues_";

/** A conditional format of ours: its rule looks at one of our marker sheets. */
export function isOurRule(formula: string): boolean {
  return formula.includes(MARKER_PREFIX);
}

/** Whether a sheet of this name is the add-in's own (a highlight marker sheet or the sync sheet). */
export function isInternalSheetName(name: string, syncSheetName: string): boolean {
  return name.startsWith(MARKER_PREFIX) || name.toLowerCase() === syncSheetName.toLowerCase();
}

/** One of our highlight rules on a data sheet (Office.js conditional-format id). */
export interface OurRule {
  sheet: string;
  id: string;
  /** Its formula, as read (it names the marker sheet, so whose marks it shows). */
  formula?: string;
}

/**
 * The marker-sheet prefix of one person's highlighting. Coauthors each highlight with their own
 * marker sheets and rules, so one person's Validate or Clear removes only their own marks; with
 * no author (a workbook nobody shares) it is the plain prefix, which every mark starts with.
 */
export function markerPrefixOf(author: string | undefined): string {
  const tag = (author ?? "").replace(/[^A-Za-z0-9]/g, "").slice(0, 8);
  return tag === "" ? MARKER_PREFIX : `${MARKER_PREFIX}${tag}_`;
}

/**
 * What the last read saw of the workbook's structure and of the add-in's own objects, so the
 * writes that follow it need no read of their own (SPEC §11: ≤ 3 round trips per action).
 * Writes that find it stale fall back to reading first.
 */
export interface WorkbookFacts {
  /** Every sheet name, ours included, in workbook order. */
  sheets: string[];
  /** Office.js sheet ids with their names (change events name sheets by id). */
  ids: { id: string; name: string }[];
  /** Our very hidden highlight marker sheets. */
  markers: string[];
  /** Our highlight rules on the data sheets. */
  rules: OurRule[];
  /** Whether the very hidden sync sheet exists. */
  syncSheet: boolean;
  /** Protected sheets (Excel refuses writes and formats there). */
  protectedSheets: string[];
  /** Cells the read carried (decides whether the next read can try one batch on the web). */
  cells: number;
}
