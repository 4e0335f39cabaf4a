/**
 * Workbook snapshot → plan + issues: recognise the sheets, read their rows, run the cross-row
 * rules, locate every finding at its cell. Never throws on cell values.
 */
import type { BudgetRow, IsoDate, Line, Plan, Priority, Project } from "#core/model.ts";
import type { Locale, SheetSnapshot, WorkbookSnapshot } from "#core/snapshot/types.ts";
import type { Issue } from "#core/validate/issue.ts";
import type { BudgetSummary } from "#core/budget/index.ts";
import { locate, sheetIssue, sortIssues } from "#core/validate/problem.ts";
import type { FieldProblem } from "#core/validate/problem.ts";
import { hasError } from "#core/validate/fields/build.ts";
import { storableKeys, uniqueCodes } from "#core/validate/rules/unique.ts";
import { budgetProjectRefs, linePriorityRefs, projectKeys, projectLineRefs } from "#core/validate/rules/references.ts";
import { budgetRules, prlStatedRule } from "#core/validate/rules/derived.ts";
import { uncachedFormulaWarnings } from "#core/validate/rules/uncached.ts";
import type { SheetKind, SheetField } from "#core/sheets/headings.ts";
import { recognizeSheet } from "#core/sheets/recognize.ts";
import type { RecognizedSheet } from "#core/sheets/recognize.ts";
import { sheetRead } from "#core/sheets/sheet-read.ts";
import type { Entry, ReadCtx, SheetRead } from "#core/sheets/sheet-read.ts";
import { readPriorities } from "#core/sheets/read-priorities.ts";
import { assignLineCodes, readLines } from "#core/sheets/read-lines.ts";
import { combinedPriorities } from "#core/sheets/read-combined.ts";
import { priorityRefs } from "#core/sheets/priority-refs.ts";
import { lineRefs, readProjects } from "#core/sheets/read-projects.ts";
import { readBudget } from "#core/sheets/read-budget.ts";
import type { StatedTotal } from "#core/sheets/read-budget.ts";
import { columnLetter } from "#core/values/index.ts";

export interface AnalyzeOptions {
  /** Number/date locale; defaults to the snapshot's, else "it". */
  locale?: Locale;
  /** Language of issue messages; defaults to `locale`. */
  messagesLocale?: Locale;
  /**
   * Today's date (ISO). Accepted so every entry point passes the same options; no rule of the
   * analysis depends on it today (the "dormant" flag is computed by the report from its own `today`).
   */
  today?: IsoDate;
}

/** A recognised sheet, JSON-safe: the add-in maps entity fields back to cells with it. */
export interface RecognizedSheetInfo {
  name: string;
  /** "combined" for a lines sheet that also defined the priorities (annual-report layout). */
  kind: SheetKind | "combined";
  headerRow: number;
  /** By model field name (e.g. "code", "totalBudget", "prlStated", "grantSigned"). */
  columns: Record<string, { col: number; heading: string; letter: string }>;
  /** Columns not recognised, kept as written. */
  extra: { col: number; heading: string; letter: string }[];
}

export interface Analysis {
  plan: Plan;
  issues: Issue[];
  sheets: RecognizedSheetInfo[];
  /**
   * Budget summaries by project key, as computed for the budget checks (stated rates applied).
   * `buildReport` and `computeRollups` reuse them instead of summarising the rows again.
   */
  budgets?: Map<string, BudgetSummary>;
}

interface Found {
  sheet: SheetSnapshot;
  index: number;
  recognized: RecognizedSheet;
}

/**
 * Reads a workbook snapshot into the plan model and its issues (SPEC §3–§7).
 * Issues are sorted by sheet order, then row, then column.
 *
 * @example analyzeWorkbook({ origin: "test", sheets: [{ name: "Priorità", values: [["N.", "Priorità strategica"], [5, "Big Data"]] }] }).plan.priorities[0]?.code // "5"
 */
export function analyzeWorkbook(snapshot: WorkbookSnapshot, options: AnalyzeOptions = {}): Analysis {
  const locale: Locale = options.locale ?? snapshot.locale ?? "it";
  const messagesLocale: Locale = options.messagesLocale ?? locale;
  const ctx: ReadCtx = { locale, messagesLocale, issues: [] };

  const found: Found[] = [];
  const sheets = Array.isArray(snapshot.sheets) ? snapshot.sheets : [];
  sheets.forEach((sheet, index) => {
    // A malformed snapshot (from JSON) is skipped sheet by sheet rather than thrown on.
    if (sheet === null || typeof sheet !== "object" || typeof sheet.name !== "string" || !Array.isArray(sheet.values)) return;
    const recognized = recognizeSheet(sheet);
    if (recognized !== undefined) found.push({ sheet, index, recognized });
  });
  const ofKind = (k: SheetKind): Found[] => found.filter((f) => f.recognized.kind === k);
  const present = {
    priorities: ofKind("priorities").length > 0,
    lines: ofKind("lines").length > 0,
    projects: ofKind("projects").length > 0,
    budget: ofKind("budget").length > 0,
  };
  const infos = new Map<Found, RecognizedSheetInfo>();
  const open = (f: Found, hosts?: ReadonlyMap<string, string>): SheetRead => {
    const read = sheetRead(f.sheet, f.index, f.recognized, hosts);
    infos.set(f, infoOf(read));
    return read;
  };
  const titleHost = new Map([["code", "title"]]);

  // Priorities, then lines (which may define the priorities: the combined layout).
  const priorities: Entry<Priority>[] = [];
  for (const f of ofKind("priorities")) {
    append(priorities, readPriorities(open(f, f.recognized.columns.has("code") ? undefined : titleHost), ctx));
  }
  const combined = present.priorities ? undefined : combinedPriorities();
  const resolver = combined ?? priorityRefs(priorities.map((e) => e.entity));
  const lines: Entry<Line>[] = [];
  for (const f of ofKind("lines")) {
    const read = open(f, f.recognized.columns.has("code") ? undefined : titleHost);
    append(lines, readLines(read, ctx, resolver));
    if (combined !== undefined && f.recognized.columns.has("priority")) {
      const info = infos.get(f);
      if (info !== undefined) info.kind = "combined";
    }
  }
  if (combined !== undefined) append(priorities, combined.entries);
  assignLineCodes(lines);

  const projects: Entry<Project>[] = [];
  const lineOf = lineRefs(lines.map((e) => e.entity));
  for (const f of ofKind("projects")) append(projects, readProjects(open(f), ctx, lineOf));

  const budget: Entry<BudgetRow>[] = [];
  const totals: StatedTotal[] = [];
  for (const f of ofKind("budget")) {
    const r = readBudget(open(f), ctx);
    append(budget, r.rows);
    append(totals, r.totals);
  }

  // Cross-row rules.
  uniqueCodes(priorities, (p) => ({ key: p.code, field: "code" }));
  uniqueCodes(lines, (l) => ({ key: l.code, field: "code" }));
  uniqueCodes(projects, (p) => ({ key: p.key, field: p.code !== undefined ? "code" : "acronym" }));
  storableKeys(priorities, (p) => ({ key: p.code, field: "code" }));
  storableKeys(lines, (l) => ({ key: l.code, field: "code" }));
  storableKeys(projects, (p) => ({ key: p.key, field: p.code !== undefined ? "code" : "acronym" }));
  // Always checked: without a priorities sheet the lines define the priorities (combined layout).
  linePriorityRefs(lines, new Set(priorities.map((e) => e.entity.code)));
  if (present.lines) projectLineRefs(projects, new Set(lines.map((e) => e.entity.code)));
  const keyOf = projectKeys(projects.map((e) => e.entity));
  if (present.projects) budgetProjectRefs(budget, keyOf);
  for (const t of totals) t.project = keyOf(t.project) ?? t.project;
  prlStatedRule(projects);
  const derived = budgetRules(budget, projects, totals, messagesLocale);
  for (const d of derived.located) ctx.issues.push(locate(d.problem, d.at, messagesLocale));

  const issues = ctx.issues;
  const finish = <E extends { hasErrors?: boolean }>(entries: Entry<E>[]): E[] =>
    entries.map((e) => {
      if (hasError(e.problems)) e.entity.hasErrors = true;
      for (const p of e.problems) issues.push(locate(p, e, messagesLocale));
      return e.entity;
    });
  const plan: Plan = {
    priorities: finish(priorities),
    lines: finish(lines),
    projects: finish(projects),
    budget: finish(budget),
    present: { ...present, priorities: present.priorities || (combined !== undefined && combined.entries.length > 0) },
  };
  uncachedFormulaWarnings(
    found.map((f) => ({
      sheet: f.sheet,
      index: f.index,
      headerRow: f.recognized.headerRow,
      headingOf: (col: number) =>
        [...f.recognized.columns.values(), ...f.recognized.extra].find((c) => c.col === col)?.heading ?? "",
    })),
    issues,
    messagesLocale,
  );
  if (found.length === 0) {
    const p: FieldProblem = { severity: "error", code: "sheet.not-recognised", field: "", value: null };
    issues.push(sheetIssue(p, undefined, messagesLocale));
  }
  return {
    plan,
    issues: sortIssues(issues),
    sheets: found.map((f) => infos.get(f) ?? infoOf(sheetRead(f.sheet, f.index, f.recognized))),
    budgets: derived.summaries,
  };
}

function infoOf(read: SheetRead): RecognizedSheetInfo {
  const columns: RecognizedSheetInfo["columns"] = {};
  for (const [field, c] of read.place.columns) columns[field as SheetField] = { col: c.col, heading: c.heading, letter: c.letter };
  return {
    name: read.sheet.name,
    kind: read.recognized.kind,
    headerRow: read.recognized.headerRow,
    columns,
    extra: read.recognized.extra.map((c) => ({ col: c.col, heading: c.heading, letter: columnLetter(c.col) })),
  };
}

/** Appends in a loop: `push(...rows)` overflows the call stack on sheets of ~100 000 rows. */
function append<T>(target: T[], source: readonly T[]): void {
  for (const x of source) target.push(x);
}
