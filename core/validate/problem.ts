/**
 * Field problems: what a field parser or row rule finds, before it knows where the row lives.
 * The sheet reader locates a problem at a cell ("Progetti!D7"); the sync server's row check
 * locates it at a field name. One set of rules, two locators.
 */
import type { Locale } from "#core/snapshot/types.ts";
import type { IssueCode } from "#core/i18n/messages.ts";
import { renderMessage } from "#core/i18n/messages.ts";
import type { Issue, Severity } from "./issue.ts";

export interface FieldProblem {
  severity: Severity;
  code: IssueCode;
  /** The entity field (model name) the problem is about. */
  field: string;
  /** The offending value as read (JSON-safe). */
  value: unknown;
  params?: Record<string, string | number>;
}

/** Where a column of a recognised sheet is. */
export interface ColumnInfo {
  /** 1-based column number. */
  col: number;
  /** The heading as written. */
  heading: string;
  /** Column letter(s), e.g. "D". */
  letter: string;
}

/** A recognised sheet as the issue locator needs it. */
export interface SheetPlace {
  name: string;
  /** Position of the sheet in the workbook (issues sort by it). */
  index: number;
  columns: ReadonlyMap<string, ColumnInfo>;
  /** Fields without a column of their own that live in another field's cell (e.g. a line code inside its title). */
  hosts?: ReadonlyMap<string, string>;
}

/** Where an entity row is: a sheet row, or (sheet undefined) a row pushed to the server. */
export interface RowAt {
  sheet: SheetPlace | undefined;
  row: number;
}

/** The row of a pushed entity: issues name the field, not a cell. */
export const NO_SHEET: RowAt = { sheet: undefined, row: 0 };

/** A JSON-safe copy of a read value (NaN/Infinity become their text, undefined becomes null). */
export function jsonSafe(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === "number" && !Number.isFinite(v)) return String(v);
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean" || v === null) return v;
  try {
    return JSON.parse(JSON.stringify(v)) as unknown;
  } catch {
    return String(v);
  }
}

function paramValue(v: unknown): string {
  if (typeof v === "string") return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(jsonSafe(v)) ?? "";
}

/** Turns a problem into an issue located at `at`, with its message in `locale`. */
export function locate(p: FieldProblem, at: RowAt, locale: Locale): Issue {
  const sheet = at.sheet;
  let cell = "";
  let column = p.field;
  let col = 0;
  if (sheet !== undefined) {
    const info = sheet.columns.get(p.field) ?? hostColumn(sheet, p.field);
    column = info?.heading ?? "";
    col = info?.col ?? 0;
    cell = info !== undefined && at.row > 0 ? `${info.letter}${at.row}` : "";
  }
  const params: Record<string, string | number> = { column, value: paramValue(p.value), ...p.params };
  const issue: Issue = {
    severity: p.severity,
    code: p.code,
    sheet: sheet?.name ?? "",
    cell,
    row: at.row,
    column,
    message: renderMessage(p.code, params, locale),
    value: jsonSafe(p.value),
    params,
  };
  ORDER.set(issue, { sheet: sheet?.index ?? -1, col });
  return issue;
}

function hostColumn(sheet: SheetPlace, field: string): ColumnInfo | undefined {
  const host = sheet.hosts?.get(field);
  return host === undefined ? undefined : sheet.columns.get(host);
}

/** Sort keys kept beside issues (not in the JSON): sheet position and column number. */
const ORDER = new WeakMap<Issue, { sheet: number; col: number }>();

/** A sheet-level issue (row 0, no cell), e.g. "no sheet recognised". */
export function sheetIssue(p: FieldProblem, sheet: { name: string; index: number } | undefined, locale: Locale): Issue {
  const issue = locate({ ...p, field: "" }, { sheet: undefined, row: 0 }, locale);
  issue.sheet = sheet?.name ?? "";
  issue.column = "";
  ORDER.set(issue, { sheet: sheet?.index ?? -1, col: 0 });
  return issue;
}

/** Sorts issues by sheet order, then row, then column (stable for equal keys). */
export function sortIssues(issues: Issue[]): Issue[] {
  return issues.sort((a, b) => {
    const oa = ORDER.get(a);
    const ob = ORDER.get(b);
    return (oa?.sheet ?? -1) - (ob?.sheet ?? -1) || a.row - b.row || (oa?.col ?? 0) - (ob?.col ?? 0);
  });
}
