/**
 * What DynamoDB can store of a row's values. `validateEntity` checks the fields the core knows
 * and ignores the others, so a pushed row may carry anything JSON allows (and, in-process, the
 * nightly job anything JavaScript allows). Values DynamoDB would refuse must be refused here, as
 * the row's own issue: past this point a refusal is a failed push, not a failed row.
 *
 * The walk is iterative (an explicit stack): a value nested 200 000 levels deep must not
 * overflow the call stack before it is refused.
 */

import { fieldNameLimit, hasUnpairedSurrogate } from "#core/sync/row-limits.ts";

/**
 * Deepest nesting of containers (objects, arrays) a row's values may have, counting `values`
 * itself as 1. DynamoDB allows 32 levels per item; DynamoDB Local refuses a `values` attribute
 * of 32 nested maps, so 30 keeps a level of margin.
 */
export const MAX_VALUE_DEPTH = 30;

/**
 * Deeper than this the whole request is refused before anything hashes it: `JSON.stringify`
 * and the canonical hash recurse, and no client of ours nests a tenth as deep.
 */
export const MAX_REQUEST_DEPTH = 256;

/** Smallest non-zero magnitude DynamoDB stores (below it: "Number underflow"). */
const MIN_MAGNITUDE = 1e-130;

/** Why a value cannot be stored. */
export type UnstorableReason = "depth" | "number" | "empty-key" | "not-json" | "field-name" | "text";

/** The first unstorable value found: where (a field path like `extra.list[2].x`) and why. */
export interface Unstorable {
  path: string;
  reason: UnstorableReason;
}

/** A path longer than this is cut (a 30-level path of long keys would flood the issue). */
const MAX_PATH_CHARS = 200;

/** A value met on the walk; the path is built from the parents only when something is wrong. */
interface Frame {
  value: unknown;
  depth: number;
  parent: Frame | undefined;
  key: string | number;
}

/**
 * The first value of `values` DynamoDB cannot store, or undefined when all of it can be:
 * containers nested deeper than `maxDepth`, numbers that are not finite, not safe integers (the
 * document client refuses them) or below DynamoDB's smallest magnitude, empty object keys, and
 * anything that is not JSON (undefined in an array, functions, symbols, bigints, class instances).
 * An undefined object property is fine: JSON and the marshaller both drop it.
 */
export function findUnstorable(values: unknown, maxDepth = MAX_VALUE_DEPTH): Unstorable | undefined {
  const stack: Frame[] = [{ value: values, depth: 0, parent: undefined, key: "" }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    const { value } = frame;
    const reason = scalarProblem(value);
    if (reason !== undefined) return { path: fieldPath(frame), reason };
    if (value === null || typeof value !== "object") continue;
    const depth = frame.depth + 1;
    if (depth > maxDepth) return { path: fieldPath(frame), reason: "depth" };
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        const child: Frame = { value: value[i] as unknown, depth, parent: frame, key: i };
        if (child.value === undefined) return { path: fieldPath(child), reason: "not-json" };
        stack.push(child);
      }
      continue;
    }
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return { path: fieldPath(frame), reason: "not-json" };
    for (const key in value) {
      const item = (value as Record<string, unknown>)[key];
      if (key === "")
        return { path: fieldPath({ value: item, depth, parent: frame, key: '""' }), reason: "empty-key" };
      // Names DynamoDB cannot hold (≥ 64 KB) or would hold altered (a lone surrogate becomes U+FFFD).
      if (fieldNameLimit(key) !== undefined)
        return { path: fieldPath({ value: item, depth, parent: frame, key: key.slice(0, 40) }), reason: "field-name" };
      if (item !== undefined) stack.push({ value: item, depth, parent: frame, key });
    }
  }
  return undefined;
}

/**
 * The nesting depth of `value` (containers, the outermost counting 1), counted no further than
 * `cap + 1`: enough to tell "too deep" without walking a huge value to its end.
 */
export function nestingDepth(value: unknown, cap: number): number {
  let deepest = 0;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let frame = stack.pop(); frame !== undefined; frame = stack.pop()) {
    if (frame.value === null || typeof frame.value !== "object") continue;
    const depth = frame.depth + 1;
    if (depth > deepest) deepest = depth;
    if (deepest > cap) return deepest;
    for (const item of Object.values(frame.value)) stack.push({ value: item, depth });
  }
  return deepest;
}

function scalarProblem(value: unknown): UnstorableReason | undefined {
  switch (typeof value) {
    case "number":
      if (!Number.isFinite(value)) return "number";
      if (Number.isInteger(value) ? !Number.isSafeInteger(value) : Math.abs(value) < MIN_MAGNITUDE)
        return "number";
      return undefined;
    case "string":
      // Stored as UTF-8: a lone surrogate would come back as U+FFFD, a different value.
      return hasUnpairedSurrogate(value) ? "text" : undefined;
    case "boolean":
    case "object":
      return undefined;
    default:
      return "not-json";
  }
}

/** `extra.list[2].x` for a frame (`values` for the root), cut past MAX_PATH_CHARS. */
function fieldPath(frame: Frame): string {
  const parts: string[] = [];
  for (let f: Frame | undefined = frame; f?.parent !== undefined; f = f.parent)
    parts.push(
      typeof f.key === "number" ? `[${f.key}]` : f.parent.parent === undefined ? f.key : `.${f.key}`,
    );
  const text = parts.length === 0 ? "values" : parts.reverse().join("");
  return text.length > MAX_PATH_CHARS ? `${text.slice(0, MAX_PATH_CHARS)}…` : text;
}
