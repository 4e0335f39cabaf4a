/**
 * Plan → sync rows, and the rows a push must send (SPEC §9: "a push sends only rows whose hash
 * changed since the last sync, each with the version it was based on").
 */
import type { BudgetRow, EntityKind, Plan } from "#core/model.ts";
import { fnv1a64, rowHash } from "./hash.ts";
import { utf8Bytes } from "./row-limits.ts";
import type { PushRow, RowValues } from "./protocol.ts";
import { stateKey, type SyncState } from "./state.ts";
import { entityWireValues } from "./wire.ts";

/** One entity of the workbook as sync sees it. */
export interface SyncRow {
  entity: EntityKind;
  key: string;
  values: RowValues;
  /** `rowHash(values)`. */
  hash: string;
}

/** A row held back from sync because it has errors (SPEC §5: "only its sync is held"). */
export interface HeldRow {
  entity: EntityKind;
  key: string;
}

/** The rows of a plan and the rows held back. */
export interface PlanRows {
  rows: SyncRow[];
  held: HeldRow[];
}

/**
 * The base key of a budget row: project | category (or label) | year | partner.
 *
 * Short keys (every key that could ever sync before) are exactly that text, so nothing synced
 * re-keys. A key that would pass MAX_BUDGET_BASE_BYTES or MAX_BUDGET_BASE_CHARS (a Partner cell of
 * 600 characters) keeps each long part's first characters and a digest of the whole part instead:
 * the identity stays unique and bounded, and the readable parts are whole in the row's values.
 */
export function budgetBaseKey(row: BudgetRow): string {
  const parts = [row.project, row.category ?? row.categoryLabel ?? "", row.year ?? "", row.partner ?? ""].map(String);
  const full = parts.join("|");
  if (full.length <= MAX_BUDGET_BASE_CHARS && utf8Bytes(full) <= MAX_BUDGET_BASE_BYTES) return full;
  return parts.map((p) => (p.length > LONG_PART_CHARS ? shortPart(p) : p)).join("|");
}

/**
 * Bounds of a budget base key kept as written: with `#60000` after it, still within the protocol's
 * 512 characters and MAX_KEY_BYTES.
 */
const MAX_BUDGET_BASE_CHARS = 500;
const MAX_BUDGET_BASE_BYTES = 900;
/** A part longer than this is shortened in a long key (4 parts of ≤ 64 + 17 characters: ≤ 1 000 bytes). */
const LONG_PART_CHARS = 64;

/** The first 48 characters (whole code points) of a long part, "~" and its 64-bit digest. */
function shortPart(part: string): string {
  const head = Array.from(part.slice(0, 49)).join("").slice(0, 48);
  const cut = /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
  return `${cut}~${fnv1a64(part)}`;
}

/**
 * Splits a plan into sync rows (valid entities) and held rows (entities with errors).
 * Budget rows with the same base key get `#2`, `#3` … in sheet order, so two identical-looking
 * lines of a budget (e.g. two equipment purchases) stay two rows.
 */
export function planRows(plan: Plan): PlanRows {
  const rows: SyncRow[] = [];
  const held: HeldRow[] = [];
  const add = (entity: EntityKind, key: string, value: object & { hasErrors?: boolean }): void => {
    if (value.hasErrors) {
      held.push({ entity, key });
      return;
    }
    const values = entityWireValues(entity, value);
    rows.push({ entity, key, values, hash: rowHash(values) });
  };
  for (const p of plan.priorities) add("priority", p.code, p);
  for (const l of plan.lines) add("line", l.code, l);
  for (const p of plan.projects) add("project", p.key, p);
  const keys = budgetKeys(plan.budget);
  plan.budget.forEach((b, i) => add("budget", keys[i] as string, b));
  return { rows, held };
}

/**
 * The sync key of each budget row, in sheet order: its base key, with `#2`, `#3` … for rows whose
 * base key an earlier row already has.
 */
export function budgetKeys(budget: readonly BudgetRow[]): string[] {
  const seen = new Map<string, number>();
  return budget.map((b) => {
    const base = budgetBaseKey(b);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** The sync rows of a plan (rows with errors excluded: see `planRows` for the held list). */
export function planToRows(plan: Plan): SyncRow[] {
  return planRows(plan).rows;
}

/**
 * The rows a push sends: rows whose hash differs from the sync state's (new rows get
 * baseVersion 0), and a tombstone for every row the state knows that is no longer in the sheet.
 * Held rows must be passed in `keep` so that a row with errors is not mistaken for a deletion.
 */
export function changedRows(
  rows: readonly SyncRow[],
  state: SyncState | undefined,
  keep: readonly HeldRow[] = [],
): PushRow[] {
  const known = state?.rows ?? {};
  const present = new Set<string>();
  const out: PushRow[] = [];
  for (const row of rows) {
    const id = stateKey(row.entity, row.key);
    present.add(id);
    const synced = known[id];
    if (synced && synced.hash === row.hash) continue;
    out.push({ entity: row.entity, key: row.key, baseVersion: synced?.version ?? 0, values: row.values });
  }
  for (const h of keep) present.add(stateKey(h.entity, h.key));
  for (const [id, synced] of Object.entries(known)) {
    if (present.has(id)) continue;
    const parsed = parseStateKey(id);
    if (!parsed) continue;
    out.push({
      entity: parsed.entity,
      key: parsed.key,
      baseVersion: synced.version,
      values: {},
      deleted: true,
    });
  }
  return out;
}

const KINDS: readonly EntityKind[] = ["priority", "line", "project", "budget"];

function parseStateKey(id: string): { entity: EntityKind; key: string } | undefined {
  const colon = id.indexOf(":");
  const entity = id.slice(0, colon) as EntityKind;
  return colon > 0 && KINDS.includes(entity) ? { entity, key: id.slice(colon + 1) } : undefined;
}
