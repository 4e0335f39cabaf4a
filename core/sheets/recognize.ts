/**
 * Sheet recognition by header row (SPEC §3): the first row within the first 10 whose cells match at
 * least two known headings of one kind, one of them that kind's identity heading; the kind with most
 * matches wins, then the sheet name. The product's own sheets are never recognised.
 */
import type { SheetSnapshot } from "#core/snapshot/types.ts";
import { SHEET_KINDS, fieldForHeading, foldHeading, kindFromSheetName } from "./headings.ts";
import type { SheetField, SheetKind } from "./headings.ts";
import { isProductSheet } from "./product-sheets.ts";

/** A column as found in the header row. */
export interface HeaderColumn {
  /** 1-based column number. */
  col: number;
  /** The heading as written (trimmed). */
  heading: string;
}

export interface RecognizedSheet {
  kind: SheetKind;
  /** 1-based row of the header. */
  headerRow: number;
  columns: Map<SheetField, HeaderColumn>;
  /** Columns whose heading is not a known field of the kind (kept, never an error). */
  extra: HeaderColumn[];
}

/** How many rows from the top may hold the header. */
export const HEADER_SEARCH_ROWS = 10;
const MIN_MATCHES = 2;
const SPACES = /\s+/g;

/**
 * The headings that make a header row a table of its kind (SPEC §3 as amended): any one field of a
 * `some` list, and every field of an `all` list. Without them a row of vocabulary headings (a
 * drop-down list sheet with "Programma" and "Esito") is not a table.
 * Budget: project and amount — where a one-project budget sheet (the seed's project budget: "Voce |
 * Importo") has no project column, its sheet name names the project (read-budget.ts), so a cost
 * category column stands in for the project heading.
 */
const IDENTITY: Record<SheetKind, { some?: readonly SheetField[]; all?: readonly SheetField[] }> = {
  priorities: { some: ["code", "title"] },
  lines: { some: ["code", "title"] },
  projects: { some: ["code", "acronym", "title"] },
  budget: { some: ["project", "category"], all: ["amount"] },
};

/** true when the fields found in a header row include the identity heading(s) of `kind`. */
export function hasIdentityHeading(kind: SheetKind, fields: ReadonlySet<SheetField>): boolean {
  const { some, all } = IDENTITY[kind];
  if (some !== undefined && !some.some((f) => fields.has(f))) return false;
  return all === undefined || all.every((f) => fields.has(f));
}

/**
 * Recognises a sheet's kind and header row, or undefined when it holds no known table.
 * @example recognizeSheet({ name: "Linee", values: [["Codice", "Linea di intervento", "Priorità"]] })?.kind // "lines"
 */
export function recognizeSheet(sheet: SheetSnapshot): RecognizedSheet | undefined {
  if (isProductSheet(sheet)) return undefined;
  const limit = Math.min(HEADER_SEARCH_ROWS, sheet.values.length);
  const nameKind = kindFromSheetName(sheet.name);
  for (let r = 0; r < limit; r++) {
    const cells = sheet.values[r];
    const row = Array.isArray(cells) ? cells : [];
    const folded = row.map((v) => (typeof v === "string" ? foldHeading(v) : ""));
    let best: SheetKind | undefined;
    let bestCount = 0;
    for (const kind of SHEET_KINDS) {
      const count = countMatches(kind, folded);
      if (count > bestCount || (count === bestCount && count > 0 && kind === nameKind)) {
        best = kind;
        bestCount = count;
      }
    }
    if (best !== undefined && bestCount >= MIN_MATCHES) return buildHeader(best, r + 1, row, folded);
  }
  return undefined;
}

/** How many known headings of `kind` the row holds; 0 when its identity heading is missing. */
function countMatches(kind: SheetKind, folded: string[]): number {
  const seen = new Set<SheetField>();
  for (const f of folded) {
    if (f === "") continue;
    const field = fieldForHeading(kind, f);
    if (field !== undefined) seen.add(field);
  }
  return hasIdentityHeading(kind, seen) ? seen.size : 0;
}

function buildHeader(kind: SheetKind, headerRow: number, row: readonly unknown[], folded: string[]): RecognizedSheet {
  const columns = new Map<SheetField, HeaderColumn>();
  const extra: HeaderColumn[] = [];
  for (let c = 0; c < row.length; c++) {
    const raw = row[c];
    const f = folded[c] ?? "";
    const heading = typeof raw === "string" ? raw.replace(SPACES, " ").trim() : raw === null || raw === undefined ? "" : String(raw);
    if (heading === "") continue;
    const field = f === "" ? undefined : fieldForHeading(kind, f);
    // A second column with the same meaning is kept as extra: the first one is the field.
    if (field !== undefined && !columns.has(field)) columns.set(field, { col: c + 1, heading });
    else extra.push({ col: c + 1, heading });
  }
  return { kind, headerRow, columns, extra };
}
