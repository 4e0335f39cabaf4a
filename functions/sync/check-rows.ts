/**
 * Server re-validation of pushed rows (SPEC §2: "the server never trusts the client"):
 * duplicates, values DynamoDB can store (storable-values.ts), size, key ⇄ values identity, then
 * the core's `validateEntity` with references checked against the cloud state plus the rows of
 * the same push. Invalid rows are reported with their
 * issues; the others go on to be written.
 */
import { lookup } from "#core/i18n/catalogue.ts";
import type { EntityKind } from "#core/model.ts";
import type { Issue } from "#core/validate/issue.ts";
import { validateEntity, type EntityContext } from "#core/validate/entity.ts";
import { budgetBaseKey } from "#core/sync/rows.ts";
import { canonicalJson, fnv1a64 } from "#core/sync/hash.ts";
import { contentHash } from "#core/sync/adoption.ts";
import { MAX_ROW_BYTES, type PushRow } from "#core/sync/protocol.ts";
import { keyLimit, MAX_BASE_VERSION, MAX_FIELD_NAME_BYTES, MAX_KEY_BYTES, utf8Bytes } from "#core/sync/row-limits.ts";
import type { BudgetRow } from "#core/model.ts";
import { MESSAGES, type MessageCode } from "../messages.ts";
import { findUnstorable, MAX_VALUE_DEPTH, type Unstorable } from "./storable-values.ts";
import { rowId, type RowWrite, type StoredRow, type SyncStore } from "../store/store.ts";

export interface CheckedRows {
  /** Rows to write, with their index in the push. */
  writes: { index: number; write: RowWrite }[];
  /** Issues of refused rows, by index in the push. */
  invalid: Map<number, Issue[]>;
}

/** Validates a push's rows (see the file comment). */
export async function checkRows(
  store: SyncStore,
  plan: string,
  rows: readonly PushRow[],
  locale: "it" | "en",
): Promise<CheckedRows> {
  const invalid = new Map<number, Issue[]>();
  const seen = new Map<string, number>();
  const sized: { index: number; row: PushRow; text: string }[] = [];
  rows.forEach((row, index) => {
    const id = rowId(row.entity, row.key);
    if (seen.has(id)) {
      invalid.set(index, [syncIssue("sync.duplicate-row", "key", row.key, locale)]);
      const first = seen.get(id) as number;
      if (!invalid.has(first)) invalid.set(first, [syncIssue("sync.duplicate-row", "key", row.key, locale)]);
      return;
    }
    seen.set(id, index);
    // DynamoDB's own limits, before anything is written: past them the SDK or the service would fail the push.
    if (keyLimit(row.key) !== undefined) {
      invalid.set(index, [
        syncIssue("sync.key-too-long", "key", row.key, locale, { bytes: utf8Bytes(row.key), limit: MAX_KEY_BYTES }),
      ]);
      return;
    }
    if (row.baseVersion > MAX_BASE_VERSION) {
      invalid.set(index, [
        syncIssue("sync.version-range", "baseVersion", row.key, locale, {
          version: row.baseVersion,
          limit: MAX_BASE_VERSION,
        }),
      ]);
      return;
    }
    // Before canonicalJson: it recurses, and what DynamoDB cannot store must fail the row, not the push.
    // A tombstone stores no values: whatever it carries is dropped.
    const unstorable = row.deleted === true ? undefined : findUnstorable(row.values);
    if (unstorable) {
      invalid.set(index, [unstorableIssue(unstorable, row.key, locale)]);
      return;
    }
    const text = canonicalJson(row.values);
    if (Buffer.byteLength(text, "utf8") > MAX_ROW_BYTES) {
      invalid.set(index, [
        syncIssue("sync.row-too-large", "values", row.key, locale, { limit: MAX_ROW_BYTES }),
      ]);
      return;
    }
    if (!row.deleted && !keyMatches(row)) {
      invalid.set(index, [syncIssue("sync.key-mismatch", "key", row.key, locale)]);
      return;
    }
    sized.push({ index, row, text });
  });
  const ctx = await referenceContext(
    store,
    plan,
    sized.filter((s) => !invalid.has(s.index)).map((s) => s.row),
    locale,
  );
  const writes: CheckedRows["writes"] = [];
  for (const { index, row, text } of sized) {
    if (invalid.has(index)) continue;
    const deleted = row.deleted === true;
    if (!deleted) {
      const errors = validateEntity(row.entity, row.values, ctx).issues.filter((i) => i.severity === "error");
      if (errors.length > 0) {
        invalid.set(index, errors);
        continue;
      }
    }
    const values = deleted ? {} : row.values;
    writes.push({
      index,
      write: {
        entity: row.entity,
        key: row.key,
        baseVersion: row.baseVersion,
        values,
        deleted,
        // The canonical text was made for the size check: hash it rather than canonicalise again
        // (rowHash(values) is fnv1a64 of exactly that text).
        hash: deleted ? contentHash(values, true) : fnv1a64(text),
      },
    });
  }
  return { writes, invalid };
}

/** The key a row's values imply: codes for priorities and lines, the project key, the budget key. */
function keyMatches(row: PushRow): boolean {
  const v = row.values;
  switch (row.entity) {
    case "priority":
    case "line":
      return v["code"] === row.key;
    case "project":
      return v["key"] === row.key;
    case "budget":
      return budgetBaseKey(v as unknown as BudgetRow) === row.key.replace(/#\d+$/, "");
  }
}

/** Codes the push refers to, checked against the push itself and the cloud's live rows. */
async function referenceContext(
  store: SyncStore,
  plan: string,
  rows: readonly PushRow[],
  locale: "it" | "en",
): Promise<EntityContext> {
  const sets: Record<"priority" | "line" | "project", Set<string>> = {
    priority: new Set(),
    line: new Set(),
    project: new Set(),
  };
  const removed = new Set<string>();
  const wanted = new Map<string, { entity: EntityKind; key: string }>();
  const want = (entity: "priority" | "line" | "project", ref: unknown): void => {
    if (typeof ref === "string" && ref !== "") wanted.set(rowId(entity, ref), { entity, key: ref });
  };
  for (const row of rows) {
    if (row.entity === "budget") {
      if (!row.deleted) want("project", row.values["project"]);
      continue;
    }
    if (row.deleted) {
      removed.add(rowId(row.entity, row.key));
      continue;
    }
    sets[row.entity].add(row.key);
    if (row.entity === "project") {
      for (const alias of [row.values["code"], row.values["acronym"]])
        if (typeof alias === "string") sets.project.add(alias);
      want("line", row.values["line"]);
    }
    if (row.entity === "line") want("priority", row.values["priority"]);
  }
  const lookups = [...wanted.entries()]
    .filter(([id, r]) => !removed.has(id) && !sets[r.entity as "priority"].has(r.key))
    .map(([, r]) => r);
  const pushHasLines = rows.some((r) => r.entity === "line" && !r.deleted);
  const [found, cloudHasLines] = await Promise.all([
    lookups.length > 0 ? store.getRows(plan, lookups) : Promise.resolve(new Map<string, StoredRow>()),
    pushHasLines || !rows.some((r) => r.entity === "project")
      ? Promise.resolve(pushHasLines)
      : store.hasAnyRow(plan, "line"),
  ]);
  const addLive = (row: StoredRow): void => {
    if (row.deleted || row.entity === "budget") return;
    sets[row.entity].add(row.key);
    if (row.entity !== "project") return;
    for (const alias of [row.values["code"], row.values["acronym"]])
      if (typeof alias === "string") sets.project.add(alias);
  };
  for (const row of found.values()) addLive(row);
  // A budget row may name its project by acronym while the project's key is its code: only
  // then (a miss) read the plan's projects to match aliases too.
  const missed = lookups.some((r) => r.entity === "project" && !sets.project.has(r.key));
  if (missed) for (const row of await store.listRows(plan, "project")) addLive(row);
  return {
    locale,
    priorities: sets.priority,
    lines: pushHasLines || cloudHasLines ? sets.line : undefined,
    projects: sets.project,
  };
}

const UNSTORABLE_CODES: Record<Unstorable["reason"], MessageCode> = {
  depth: "sync.value-too-deep",
  number: "sync.value-number",
  "empty-key": "sync.value-empty-key",
  "not-json": "sync.value-not-json",
  "field-name": "sync.value-field-name",
  text: "sync.value-text",
};

/** The row's issue for a value DynamoDB cannot store; the column is the field's path. */
function unstorableIssue(found: Unstorable, key: string, locale: "it" | "en"): Issue {
  return syncIssue(UNSTORABLE_CODES[found.reason], found.path, key, locale, {
    path: found.path,
    limit: found.reason === "field-name" ? MAX_FIELD_NAME_BYTES : MAX_VALUE_DEPTH,
  });
}

/** An issue of the sync service about a row (the row's key is its value), in the caller's language. */
export function syncIssue(
  code: MessageCode,
  column: string,
  value: string,
  locale: "it" | "en",
  params: Record<string, string | number> = {},
  severity: Issue["severity"] = "error",
): Issue {
  const all = { value, ...params };
  const message = lookup(MESSAGES, code, locale, all);
  return { severity, code, sheet: "", cell: "", row: 0, column, message, value, params: all };
}
