/**
 * Row builders: raw field values (cells or wire JSON) → entity + row-level problems (formats,
 * vocabularies, required fields, dates order). Cross-row checks (duplicates, references, totals,
 * PRL and budget consistency) run later on the whole plan.
 */
import type { BudgetRow, Line, Priority, Project } from "#core/model.ts";
import type { FieldProblem } from "../problem.ts";
import { requiredBudget, requiredLine, requiredPriority, requiredProject } from "../rules/required.ts";
import { datesOrder } from "../rules/dates.ts";
import { extraText } from "./field.ts";
import type { FieldCtx } from "./field.ts";
import { BUDGET_FIELDS, LINE_FIELDS, PRIORITY_FIELDS, PROJECT_FIELDS } from "./tables.ts";

/** Raw values by field name (model names); absent keys were not in the source. */
export type RawFields = Record<string, unknown>;

/** An entity with the problems found on its row. */
export interface Built<E> {
  entity: E;
  problems: FieldProblem[];
}

type FieldFn<E> = (e: E, raw: unknown, ctx: FieldCtx, out: FieldProblem[]) => void;
type Table<E> = Record<string, FieldFn<E>>;

/**
 * One sheet row as the builders read it: the row's cell array and the sheet's columns, compiled
 * once per sheet into (column, parser) pairs. A reader reuses one instance for every row
 * (`load`), so large sheets build no per-row field objects.
 */
export class RowCells<E> {
  private readonly readers: { index: number; field: string; read: FieldFn<E> }[];
  private values: readonly unknown[] = [];
  private overrideField: string | undefined;
  private overrideValue: unknown;

  constructor(table: Table<E>, fields: readonly { field: string; index: number }[]) {
    this.readers = fields.filter((f) => Object.hasOwn(table, f.field)).map((f) => ({ index: f.index, field: f.field, read: table[f.field] as FieldFn<E> }));
  }

  /** Points at a row; `field` (if given) reads `value` instead of its cell (filled-down, resolved). */
  load(values: readonly unknown[], field?: string, value?: unknown): this {
    this.values = values;
    this.overrideField = field;
    this.overrideValue = value;
    return this;
  }

  /** Runs every column's parser on the loaded row. */
  runOn(e: E, ctx: FieldCtx, out: FieldProblem[]): void {
    const { readers, values, overrideField } = this;
    for (let i = 0; i < readers.length; i++) {
      const r = readers[i] as (typeof readers)[number];
      r.read(e, r.field === overrideField ? this.overrideValue : (values[r.index] ?? null), ctx, out);
    }
  }
}

function run<E>(table: Table<E>, e: E, raw: RawFields | RowCells<E>, ctx: FieldCtx, out: FieldProblem[]): void {
  if (raw instanceof RowCells) {
    raw.runOn(e, ctx, out);
    return;
  }
  for (const field in raw) {
    // Own fields only: a wire key such as "valueOf" must not reach Object.prototype.
    if (!Object.hasOwn(table, field)) continue;
    const read = table[field];
    if (read !== undefined) read(e, raw[field], ctx, out);
  }
}

/**
 * Keeps the unknown columns of a row as text by heading (SPEC §3). Blank cells are dropped and
 * `extra` is set only when something is left: a row without extra columns has no `extra` field,
 * so its wire values — and its sync hash — are what they were before extras were kept.
 */
function keepExtra(e: { extra?: Record<string, string> }, extra: Record<string, unknown> | undefined): void {
  if (extra === undefined) return;
  for (const heading in extra) {
    if (!Object.hasOwn(extra, heading) || heading === "__proto__") continue;
    const t = extraText(extra[heading]);
    if (t !== undefined) (e.extra ??= {})[heading] = t;
  }
}

/** A priority from raw fields; `extra` holds unknown columns by heading. */
export function buildPriority(raw: RawFields, ctx: FieldCtx, extra?: Record<string, unknown>): Built<Priority> {
  const e: Priority = { code: "", title: "" };
  const problems: FieldProblem[] = [];
  run(PRIORITY_FIELDS, e, raw, ctx, problems);
  keepExtra(e, extra);
  requiredPriority(e, problems);
  return { entity: e, problems };
}

/**
 * A line from raw fields. `codeLater`: the sheet reader assigns missing codes afterwards, so a
 * missing code is not an error here. `extra` holds unknown columns by heading.
 */
export function buildLine(raw: RawFields, ctx: FieldCtx, codeLater = false, extra?: Record<string, unknown>): Built<Line> {
  const e: Line = { code: "", title: "", priority: "", types: [] };
  const problems: FieldProblem[] = [];
  run(LINE_FIELDS, e, raw, ctx, problems);
  keepExtra(e, extra);
  requiredLine(e, problems, codeLater);
  return { entity: e, problems };
}

/** A project from raw fields; `extra` holds unknown columns by heading. */
export function buildProject(raw: RawFields | RowCells<Project>, ctx: FieldCtx, extra?: Record<string, unknown>): Built<Project> {
  const e: Project = { key: "", ticks: {} };
  const problems: FieldProblem[] = [];
  run(PROJECT_FIELDS, e, raw, ctx, problems);
  e.key = e.code ?? e.acronym ?? "";
  keepExtra(e, extra);
  requiredProject(e, problems);
  datesOrder(e, problems);
  return { entity: e, problems };
}

/** A budget row from raw fields; `extra` holds unknown columns by heading. */
export function buildBudgetRow(raw: RawFields | RowCells<BudgetRow>, ctx: FieldCtx, extra?: Record<string, unknown>): Built<BudgetRow> {
  const e: BudgetRow = { project: "" };
  const problems: FieldProblem[] = [];
  run(BUDGET_FIELDS, e, raw, ctx, problems);
  keepExtra(e, extra);
  requiredBudget(e, problems);
  return { entity: e, problems };
}

const isError = (p: FieldProblem): boolean => p.severity === "error";

/** true when any problem is an error. (A predicate made once: this runs for every row.) */
export function hasError(problems: readonly FieldProblem[]): boolean {
  return problems.length > 0 && problems.some(isError);
}
