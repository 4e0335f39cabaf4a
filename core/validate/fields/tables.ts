/**
 * One field-parsing table per entity kind, used by the sheet readers and by `validateEntity`
 * (the sync server's row check): the same parser reads a cell and a pushed JSON value.
 * Each entry reads one field from its raw value into the entity and records problems.
 */
import type { BudgetRow, Line, Priority, Project, Ticks } from "#core/model.ts";
import type { BudgetField, LineField, PriorityField, ProjectField } from "#core/sheets/headings.ts";
import {
  codeField,
  dateField,
  listField,
  moneyField,
  numberField,
  percentField,
  textField,
  tickField,
} from "./field.ts";
import type { FieldCtx, Problems } from "./field.ts";
import { categoryOf, outcomeOf, programmeOf } from "./cells.ts";

type Table<E, F extends string> = Record<F, (e: E, raw: unknown, ctx: FieldCtx, out: Problems) => void>;

/** A parser of one field: its value, or undefined after recording the problem in `out`. */
type Parse<V> = (raw: unknown, field: string, ctx: FieldCtx, out: Problems) => V | undefined;

const code: Parse<string> = (raw, field, _c, out) => codeField(raw, field, out);
const text: Parse<string> = (raw, field, _c, out) => textField(raw, field, out);
const list: Parse<string[]> = (raw, field, _c, out) => listField(raw, field, out);
const date: Parse<string> = dateField;
const money: Parse<number> = moneyField;

/**
 * The table entry that parses field `key` with `parse` and stores a defined result on the entity
 * with `set`. Each entry has its own setter written out (`(e, v) => (e.code = v)`) rather than one
 * shared `e[key] = v`: a store shared by every field of every entity is megamorphic, and it was
 * the costliest line of reading a 10 000-project workbook.
 */
function assign<E, K extends keyof E & string>(key: K, parse: Parse<NonNullable<E[K]>>, set: (e: E, v: NonNullable<E[K]>) => void) {
  return (e: E, raw: unknown, c: FieldCtx, out: Problems): void => {
    const v = parse(raw, key, c, out);
    if (v !== undefined) set(e, v);
  };
}

export const PRIORITY_FIELDS: Table<Priority, PriorityField> = {
  code: assign("code", code, (e, v) => (e.code = v)),
  title: assign("title", text, (e, v) => (e.title = v)),
  description: assign("description", text, (e, v) => (e.description = v)),
};

export const LINE_FIELDS: Table<Line, LineField> = {
  code: assign("code", code, (e, v) => (e.code = v)),
  title: assign("title", text, (e, v) => (e.title = v)),
  priority: assign("priority", code, (e, v) => (e.priority = v)),
  types: assign("types", list, (e, v) => (e.types = v)),
};

const TICKS: readonly (keyof Ticks)[] = ["consortiumConfirmed", "proposalReady", "aboveThreshold", "grantSigned", "resultsDelivered"];

function tick(name: keyof Ticks) {
  return (e: Project, raw: unknown, _c: FieldCtx, out: Problems) => {
    const v = tickField(raw, name, out);
    if (v !== undefined) e.ticks[name] = v;
  };
}

export const PROJECT_FIELDS: Table<Project, ProjectField> = {
  code: assign("code", text, (e, v) => (e.code = v)),
  acronym: assign("acronym", text, (e, v) => (e.acronym = v)),
  title: assign("title", text, (e, v) => (e.title = v)),
  line: assign("line", text, (e, v) => (e.line = v)),
  programme: (e, raw, _c, out) => {
    const v = textField(raw, "programme", out);
    if (v === undefined) return;
    const canonical = programmeOf(v);
    if (canonical === undefined) out.push({ severity: "warning", code: "vocab.unknown-programme", field: "programme", value: v });
    e.programme = canonical ?? v;
  },
  call: assign("call", text, (e, v) => (e.call = v)),
  actionType: assign("actionType", text, (e, v) => (e.actionType = v)),
  deadline: assign("deadline", date, (e, v) => (e.deadline = v)),
  submitted: assign("submitted", date, (e, v) => (e.submitted = v)),
  coordinator: assign("coordinator", text, (e, v) => (e.coordinator = v)),
  partners: assign("partners", list, (e, v) => (e.partners = v)),
  members: assign("members", list, (e, v) => (e.members = v)),
  totalBudget: assign("totalBudget", money, (e, v) => (e.totalBudget = v)),
  requested: assign("requested", money, (e, v) => (e.requested = v)),
  outcome: (e, raw, _c, out) => {
    const v = textField(raw, "outcome", out);
    if (v === undefined) return;
    const outcome = outcomeOf(v);
    if (outcome === undefined) out.push({ severity: "error", code: "vocab.unknown-outcome", field: "outcome", value: v });
    else e.outcome = outcome;
  },
  startDate: assign("startDate", date, (e, v) => (e.startDate = v)),
  durationMonths: assign("durationMonths", numberField, (e, v) => (e.durationMonths = v)),
  objectives: assign("objectives", text, (e, v) => (e.objectives = v)),
  lastUpdate: assign("lastUpdate", date, (e, v) => (e.lastUpdate = v)),
  prlStated: (e, raw, c, out) => {
    const before = out.length;
    const v = numberField(raw, "prlStated", c, out);
    if (v === undefined) {
      // A PRL cell is an output: say so in its own words rather than "not a number".
      const p = out[before];
      if (p !== undefined && p.code !== "value.formula-error") p.code = "value.not-a-prl";
      return;
    }
    if (!Number.isInteger(v) || v > 9) out.push({ severity: "error", code: "value.not-a-prl", field: "prlStated", value: raw });
    else e.prlStated = v;
  },
  consortiumConfirmed: tick("consortiumConfirmed"),
  proposalReady: tick("proposalReady"),
  aboveThreshold: tick("aboveThreshold"),
  grantSigned: tick("grantSigned"),
  resultsDelivered: tick("resultsDelivered"),
};

/** The tick field names, in the SPEC's order. */
export const TICK_FIELDS = TICKS;

/** A rate between 0 and 100 %; anything else is `value.not-a-rate` (a 1e301 rate must not reach the sums). */
function rateField(raw: unknown, field: string, c: FieldCtx, out: Problems): number | undefined {
  const v = percentField(raw, field, c, out);
  if (v === undefined) return undefined;
  if (v >= 0 && v <= 1) return v;
  out.push({ severity: "error", code: "value.not-a-rate", field, value: raw });
  return undefined;
}

/** "… 25% …" in a category or description: the stated overhead rate. */
const STATED_RATE = /(\d{1,3}(?:[.,]\d+)?)\s*%/;

export const BUDGET_FIELDS: Table<BudgetRow, BudgetField> = {
  project: assign("project", code, (e, v) => (e.project = v)),
  category: (e, raw, _c, out) => {
    const v = textField(raw, "category", out);
    if (v === undefined) return;
    e.categoryLabel = v;
    const category = categoryOf(v);
    if (category === undefined) out.push({ severity: "warning", code: "vocab.unknown-category", field: "category", value: v });
    else e.category = category;
  },
  description: assign("description", text, (e, v) => (e.description = v)),
  amount: (e, raw, c, out) => {
    // An overhead row may state its rate where the amount goes ("25%").
    if (typeof raw === "string" && raw.trim().endsWith("%")) {
      const rate = rateField(raw, "amount", c, out);
      if (rate !== undefined) e.rate = rate;
      return;
    }
    const v = moneyField(raw, "amount", c, out);
    if (v !== undefined) e.amount = v;
  },
  year: (e, raw, c, out) => {
    const v = numberField(raw, "year", c, out);
    if (v === undefined) return;
    if (!Number.isInteger(v) || v < 1900 || v > 2200) out.push({ severity: "error", code: "value.not-a-year", field: "year", value: raw });
    else e.year = v;
  },
  partner: assign("partner", text, (e, v) => (e.partner = v)),
  rate: assign("rate", rateField, (e, v) => (e.rate = v)),
};

/**
 * A rate written inside an overhead row's category or description ("E) Spese generali … 25% …"),
 * as a fraction; undefined when none. Only overhead rows state a rate.
 */
export function statedRateIn(row: BudgetRow): number | undefined {
  if (row.category !== "overhead" || row.rate !== undefined) return row.rate;
  for (const text of [row.categoryLabel, row.description]) {
    const m = text === undefined ? null : STATED_RATE.exec(text);
    if (m?.[1] !== undefined) {
      const n = Number(m[1].replace(",", "."));
      if (Number.isFinite(n) && n <= 100) return n / 100;
    }
  }
  return undefined;
}
