/**
 * Unique codes per kind (SPEC §5): the second and later rows with a code already used are errors
 * (the first occurrence is the entity; the others stay visible with `hasErrors`).
 */
import type { FieldProblem, RowAt } from "../problem.ts";
import { MAX_KEY_LENGTH } from "#core/sync/limits.ts";
import { keyLimit, MAX_KEY_BYTES, utf8Bytes } from "#core/sync/row-limits.ts";

/**
 * An entity row as the cross-row rules see it. It is its own location (sheet + row), so large
 * sheets allocate one object per row rather than two.
 */
export interface Row<E> extends RowAt {
  entity: E;
  problems: FieldProblem[];
}

/**
 * Adds `duplicate.code` errors to every row whose key was used by an earlier row.
 * `keyOf` returns the identity and the field it was read from ("" keys are skipped: required
 * fields report them).
 */
export function uniqueCodes<E>(rows: readonly Row<E>[], keyOf: (e: E) => { key: string; field: string }): void {
  const first = new Map<string, RowAt>();
  for (const r of rows) {
    const { key, field } = keyOf(r.entity);
    if (key === "") continue;
    const seen = first.get(key);
    if (seen === undefined) first.set(key, r);
    else r.problems.push({ severity: "error", code: "duplicate.code", field, value: key, params: { firstRow: seen.row } });
  }
}

/**
 * Adds `key.too-long` errors to rows whose key the cloud store cannot hold (core/sync/row-limits.ts):
 * the server would refuse them, so `validate` says so first, on the key's cell.
 */
export function storableKeys<E>(rows: readonly Row<E>[], keyOf: (e: E) => { key: string; field: string }): void {
  for (const r of rows) {
    const { key, field } = keyOf(r.entity);
    const limit = keyLimit(key);
    if (limit === undefined) continue;
    const code = limit === "bytes" ? "key.too-long" : "key.unpaired-surrogate";
    r.problems.push({ severity: "error", code, field, value: key, params: { chars: key.length, bytes: utf8Bytes(key), maxChars: MAX_KEY_LENGTH, maxBytes: MAX_KEY_BYTES } });
  }
}
