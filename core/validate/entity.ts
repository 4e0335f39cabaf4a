/**
 * Row-level validation of one entity in its wire form — what the sync server runs on every pushed
 * row, with the same field tables and rules as the sheet readers (no second implementation).
 * Issues carry `sheet: ""`, `cell: ""` and the field name as `column`.
 */
import type { BudgetRow, CostCategory, EntityKind, Line, Priority, Project } from "#core/model.ts";
import type { Locale } from "#core/snapshot/types.ts";
import { centsToEuro } from "#core/values/index.ts";
import type { Issue } from "./issue.ts";
import { NO_SHEET, locate } from "./problem.ts";
import { buildBudgetRow, buildLine, buildPriority, buildProject, hasError } from "./fields/build.ts";
import type { Built, RawFields } from "./fields/build.ts";
import { TICK_FIELDS } from "./fields/tables.ts";
import { budgetProjectRefs, linePriorityRefs, projectLineRefs } from "./rules/references.ts";
import { prlStatedRule } from "./rules/derived.ts";
import type { Row } from "./rules/unique.ts";

/** What a row check knows about the rest of the plan. */
export interface EntityContext {
  /** Language of issue messages (and number locale of text values). */
  locale: Locale;
  /** Priority codes of the plan. */
  priorities: Set<string>;
  /** Line codes, or undefined when the plan has no lines (project → line is then not checked). */
  lines: Set<string> | undefined;
  /** Project keys, codes and acronyms. */
  projects: Set<string>;
}

export type AnyEntity = Priority | Line | Project | BudgetRow;

const CATEGORIES: ReadonlySet<string> = new Set<CostCategory>([
  "coordinator", "personnel", "equipment", "communication", "overhead", "subcontracting", "travel", "goods-services", "other-direct",
]);

/** Wire values → raw fields of the field tables (ticks are nested on the wire, flat in the sheet). */
function rawOf(kind: EntityKind, values: Record<string, unknown>): RawFields {
  const raw: RawFields = { ...values };
  if (kind === "project") {
    const ticks = values["ticks"];
    delete raw["ticks"];
    if (ticks !== null && typeof ticks === "object") {
      for (const t of TICK_FIELDS) {
        const v = (ticks as Record<string, unknown>)[t];
        if (v !== undefined) raw[t] = v;
      }
    }
  }
  if (kind === "budget") {
    // The wire carries the canonical category and the label as written: read the label.
    const label = values["categoryLabel"];
    if (typeof label === "string" && label.trim() !== "") raw["category"] = label;
  }
  return raw;
}

function extraOf(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const extra = values["extra"];
  return extra !== null && typeof extra === "object" && !Array.isArray(extra) ? (extra as Record<string, unknown>) : undefined;
}

/**
 * Validates one entity from its canonical JSON fields (money in euro numbers, dates ISO) with the
 * sheet's rules: formats, vocabularies, required fields, dates order, PRL cell, references.
 * Never throws. `entity` is undefined only for an unknown kind.
 *
 * @example validateEntity("line", { code: "5.1", title: "Big Data", priority: "9" }, ctx).issues[0]?.code // "ref.unknown-priority"
 */
export function validateEntity(
  kind: EntityKind,
  values: Record<string, unknown>,
  ctx: EntityContext,
): { entity: AnyEntity | undefined; issues: Issue[] } {
  const safe = values !== null && typeof values === "object" ? values : {};
  const fieldCtx = { locale: ctx.locale };
  const raw = rawOf(kind, safe);
  let built: Built<AnyEntity>;
  switch (kind) {
    case "priority":
      built = buildPriority(raw, fieldCtx, extraOf(safe));
      break;
    case "line": {
      const b = buildLine(raw, fieldCtx, false, extraOf(safe));
      linePriorityRefs([asRow(b)], ctx.priorities);
      built = b;
      break;
    }
    case "project": {
      const b = buildProject(raw, fieldCtx, extraOf(safe));
      const row = asRow(b);
      if (ctx.lines !== undefined) projectLineRefs([row], ctx.lines);
      prlStatedRule([row]);
      built = b;
      break;
    }
    case "budget": {
      const b = buildBudgetRow(raw, fieldCtx, extraOf(safe));
      const category = safe["category"];
      if (typeof category === "string" && CATEGORIES.has(category)) {
        b.entity.category = category as CostCategory;
        b.problems = b.problems.filter((p) => p.code !== "vocab.unknown-category");
      }
      budgetProjectRefs([asRow(b)], (ref) => (ctx.projects.has(ref) ? ref : undefined));
      built = b;
      break;
    }
    default:
      return { entity: undefined, issues: [] };
  }
  if (hasError(built.problems)) built.entity.hasErrors = true;
  return { entity: built.entity, issues: built.problems.map((p) => locate(p, NO_SHEET, ctx.locale)) };
}

function asRow<E>(b: Built<E>): Row<E> {
  return { sheet: undefined, row: 0, entity: b.entity, problems: b.problems };
}

/** Where a row sits and how it was read (position, error flag, assigned code): never on the wire. */
const LOCAL_ONLY: ReadonlySet<string> = new Set(["source", "hasErrors", "codeAssigned"]);
const MONEY: ReadonlySet<string> = new Set(["totalBudget", "requested", "amount"]);

/**
 * The wire form of an entity: its fields without the sheet position, error flag and
 * "code assigned" mark, money in
 * euro numbers (≤ 2 decimals), dates ISO. `validateEntity(kind, entityToJson(kind, e))` reads it back.
 */
export function entityToJson(_kind: EntityKind, entity: AnyEntity): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(entity)) {
    if (LOCAL_ONLY.has(field) || value === undefined) continue;
    out[field] = MONEY.has(field) && typeof value === "number" ? centsToEuro(value) : value;
  }
  return out;
}
