/**
 * A seeded fuzz of pushes over real HTTP (issue #16), shared by tests/functions/push-fuzz.test.ts
 * (the CI run) and bench/api-fuzz.bench.ts (the longer run). Each request carries many fuzzed
 * rows aimed at the store's limits: keys near 1 024 UTF-8 bytes (341 × "中", 256 × "😀"), lone
 * surrogates, field names such as `constructor`, `__proto__` (own properties, at any depth),
 * names of 4 KB and more, unsafe and tiny numbers, base versions up to 2^53 − 1. After each
 * request the store must hold exactly the rows reported applied, with the values sent.
 *
 * Keys carry a per-request prefix, so every row is new: a row not reported applied must be absent.
 */
import fc from "fast-check";
import { canonicalJson } from "#core/sync/hash.ts";
import { apiPaths, type PushResponse, type PushRow } from "#core/sync/protocol.ts";
import { rowId, type SyncStore } from "#functions/store/store.ts";
import { call, newKey } from "./api-client.ts";

/** An object with own properties only: `{ __proto__: x }` as JSON.parse would build it. */
function ownObject(entries: readonly (readonly [string, unknown])[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}

const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 12 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom("constructor", "__proto__", "prototype", "toString", "hasOwnProperty", "\u001b", "\u001bx", "\u001b__proto__"),
  },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
  { weight: 1, arbitrary: fc.constantFrom("n".repeat(4096), "n".repeat(4097), "中".repeat(1366), "") },
);

const leaf = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(2 ** 53, -(2 ** 53), 1e-200, 1e300, 0.1, -0) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 8 }) },
);

const { value: fuzzValue } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    { weight: 5, arbitrary: leaf },
    { weight: 1, arbitrary: fc.array(tie("value"), { maxLength: 3 }) },
    {
      weight: 2,
      arbitrary: fc.array(fc.tuple(fieldName, tie("value")), { maxLength: 3 }).map(ownObject),
    },
  ),
}));

const extras = fc.array(fc.tuple(fieldName, fuzzValue), { maxLength: 4 });

const keyText = fc.oneof(
  { weight: 5, arbitrary: fc.string({ minLength: 1, maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 8 }) },
  { weight: 1, arbitrary: fc.integer({ min: 320, max: 345 }).map((n) => "中".repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 240, max: 248 }).map((n) => "😀".repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 400, max: 490 }).map((n) => "k".repeat(n)) },
);

const baseVersion = fc.oneof(
  { weight: 8, arbitrary: fc.constant(0) },
  { weight: 1, arbitrary: fc.constantFrom(1, 2 ** 50, 2 ** 50 + 1, Number.MAX_SAFE_INTEGER) },
);

/** A fuzzed row without its key prefix: mostly valid priorities with odd extra fields, some anything. */
const fuzzRow = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ key: keyText, baseVersion, extras, title: fc.string({ minLength: 1, maxLength: 30 }) }).map(
      (r) => (prefix: string): PushRow => {
        const key = prefix + r.key;
        return { entity: "priority", key, baseVersion: r.baseVersion, values: ownObject([["code", key], ["title", r.title], ...r.extras]) };
      },
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        entity: fc.constantFrom("priority", "line", "project", "budget" as const),
        key: keyText,
        baseVersion,
        extras,
        deleted: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map((r) => (prefix: string): PushRow => ({
        entity: r.entity,
        key: prefix + r.key,
        baseVersion: r.baseVersion,
        values: ownObject(r.extras),
        ...(r.deleted === undefined ? {} : { deleted: r.deleted }),
      })),
  },
);

/** What a fuzz run saw. */
export interface FuzzTally {
  requests: number;
  rows: number;
  applied: number;
  invalid: number;
  other: number;
  /** Answers ≥ 500 (the run stops at the first one). */
  serverErrors: number;
}

export const emptyTally = (): FuzzTally => ({ requests: 0, rows: 0, applied: 0, invalid: 0, other: 0, serverErrors: 0 });

/**
 * Runs `requests` pushes of `rowsPerRequest` fuzzed rows each against `apiUrl` and checks each
 * against `store`; rejects on the first 5xx or the first row the store does not hold as reported.
 */
export async function runPushFuzz(options: {
  apiUrl: string;
  token: string;
  store: SyncStore;
  plan: string;
  seed: number;
  requests: number;
  rowsPerRequest: number;
  /** Filled as the run goes, so a caller still has the counts when it rejects (the bench prints them). */
  tally?: FuzzTally;
}): Promise<FuzzTally> {
  const tally: FuzzTally = options.tally ?? emptyTally();
  let batch = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(fuzzRow, { minLength: options.rowsPerRequest, maxLength: options.rowsPerRequest }), async (makers) => {
      const prefix = `s${options.seed}b${batch++}-`;
      const rows = makers.map((make, i) => make(`${prefix}${i}-`));
      const reply = await call<PushResponse>(options.apiUrl, "POST", apiPaths.sync(options.plan), {
        token: options.token,
        body: { idempotencyKey: newKey(), source: "cli", rows },
      });
      tally.requests++;
      tally.rows += rows.length;
      if (reply.status >= 500) {
        tally.serverErrors++;
        throw new Error(`push answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
      }
      if (reply.status !== 200) throw new Error(`push answered ${reply.status}: ${JSON.stringify(reply.body).slice(0, 500)}`);
      const results = reply.body.results;
      if (results.length !== rows.length) throw new Error(`${results.length} results for ${rows.length} rows`);
      const stored = await options.store.getRows(options.plan, rows.map((r) => ({ entity: r.entity, key: r.key })));
      rows.forEach((row, i) => {
        const result = results[i];
        const held = stored.get(rowId(row.entity, row.key));
        if (result?.status === "applied") {
          tally.applied++;
          const same =
            held !== undefined &&
            held.version === result.version &&
            held.deleted === (row.deleted === true) &&
            (row.deleted === true || canonicalJson(held.values) === canonicalJson(row.values));
          if (!same) throw new Error(`row ${JSON.stringify(row.key.slice(0, 40))} reported applied but stored ${held ? "differently" : "nowhere"}`);
        } else {
          if (result?.status === "invalid") tally.invalid++;
          else tally.other++;
          if (held !== undefined)
            throw new Error(`row ${JSON.stringify(row.key.slice(0, 40))} reported ${result?.status} but stored`);
        }
      });
    }),
    { seed: options.seed, numRuns: options.requests, endOnFailure: true },
  );
  return tally;
}
