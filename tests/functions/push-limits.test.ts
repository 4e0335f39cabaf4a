/**
 * The write path within DynamoDB's limits: values it cannot store are the row's issue (the rest
 * of the push applies, at once, and the same push retried answers the same); absurd nesting is
 * a 400, never a 500; an error the SDK throws before sending is not retried as if the store were
 * down; transactions stay under DynamoDB's 4 MB, so large rows apply; a push's response stays
 * well under Lambda's 6 MB however many conflicts echo the cloud's values.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ErrorBody, type PushResponse, type PushRow } from "#core/sync/protocol.ts";
import { MAX_CONFLICT_VALUES_BYTES, MAX_ISSUES_BYTES, pushRows } from "#functions/sync/push.ts";
import fc from "fast-check";
import { GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import { canonicalJson } from "#core/sync/hash.ts";
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { StoreError, translateSdkError } from "#functions/store/errors.ts";
import { findUnstorable } from "#functions/sync/storable-values.ts";
import { packBatches } from "#functions/store/dynamo/transaction-batches.ts";
import { call, newKey, pullAll, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "limits";
const stack = useLocalStack();
let token = "";

beforeAll(async () => {
  await stack().store.createPlan(PLAN, "Limits", USERS.admin);
  token = await stack().issuer.mintToken({ oid: USERS.admin });
});

const push = (rows: PushRow[], key = newKey()) =>
  call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), { token, body: pushBody(rows, key) });

/** `levels` arrays nested around 1. */
function nested(levels: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < levels; i++) v = [v];
  return v;
}

const withExtra = (code: string, extra: unknown): PushRow => ({
  ...priority(code),
  values: { code, title: "t", extra },
});

describe("values DynamoDB cannot store", () => {
  it.each([
    ["an integer beyond 2^53", "BIG", { phone: 1e20 }, "sync.value-number", "extra.phone"],
    [
      "a number below DynamoDB's smallest magnitude",
      "TINY",
      { x: [0, 1e-200] },
      "sync.value-number",
      "extra.x[1]",
    ],
    ["nesting 40 levels deep", "DEEP", { x: nested(40) }, "sync.value-too-deep", "extra.x"],
    ["an empty map key", "EMPTY", { a: { "": 1 } }, "sync.value-empty-key", "extra.a"],
  ])("refuse %s as the row's issue while the other rows apply", async (_name, code, extra, issue, path) => {
    // Prepare
    const rows = [withExtra(code, extra), priority(`${code}-OK`)];
    const started = Date.now();
    // Act
    const reply = await push(rows);
    const again = await push(rows);
    // Assess: answered at once (no store-unavailable retries), the bad row invalid naming the field
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    const [bad, ok] = reply.body.results;
    expect(bad?.status).toBe("invalid");
    expect(bad?.issues?.[0]?.code).toBe(issue);
    expect(bad?.issues?.[0]?.message).toContain(bad?.issues?.[0]?.column);
    expect(bad?.issues?.[0]?.column.startsWith(path)).toBe(true);
    expect(ok?.status).toBe("applied");
    expect(again.status).toBe(200);
    expect(again.body.results.map((r) => r.status)).toEqual(["invalid", "unchanged"]);
    const stored = await stack().store.getRows(PLAN, [
      { entity: "priority", key: code },
      { entity: "priority", key: `${code}-OK` },
    ]);
    expect([...stored.values()].map((r) => r.key)).toEqual([`${code}-OK`]);
  });

  it.each([
    ["NaN", { x: Number.NaN }, "sync.value-number", "extra.x"],
    ["Infinity", { x: [Number.POSITIVE_INFINITY] }, "sync.value-number", "extra.x[0]"],
    ["undefined in a list", { x: [1, undefined] }, "sync.value-not-json", "extra.x[1]"],
    ["a function", { f: () => 1 }, "sync.value-not-json", "extra.f"],
    ["a Date", { d: new Date(0) }, "sync.value-not-json", "extra.d"],
    ["a bigint", { n: 10n }, "sync.value-not-json", "extra.n"],
  ])(
    "refuse %s from an in-process push (the nightly job) as the row's issue",
    async (_name, extra, issue, path) => {
      // Prepare
      const code = `NJ-${issue}-${path}`;
      // Act
      const response = await pushRows(stack().store, PLAN, pushBody([withExtra(code, extra)]), {
        id: "nightly-app",
        source: "nightly",
      });
      // Assess
      expect(response.results[0]?.status).toBe("invalid");
      expect(response.results[0]?.issues?.map((i) => [i.code, i.column])).toEqual([[issue, path]]);
    },
  );

  it("stores values at the deepest nesting it accepts", async () => {
    // Prepare: values(1) > extra(2) > 28 arrays = 30 levels
    const row = withExtra("DEEPEST", nested(28));
    // Act
    const reply = await push([row]);
    // Assess
    expect(reply.body.results[0]?.status).toBe("applied");
    const stored = await stack().store.getRows(PLAN, [{ entity: "priority", key: "DEEPEST" }]);
    expect([...stored.values()][0]?.values).toEqual(row.values);
  });

  it("answers values nested 200 000 levels deep with 400, not 500", async () => {
    // Prepare
    const deep = "[".repeat(200_000) + "]".repeat(200_000);
    const raw = `{"idempotencyKey":"${newKey()}","source":"cli","rows":[{"entity":"priority","key":"D2","baseVersion":0,"values":{"code":"D2","title":"t","extra":{"x":${deep}}}}]}`;
    // Act
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      rawBody: raw,
      headers: { "content-type": "application/json" },
    });
    // Assess
    expect(reply.status).toBe(400);
    expect(reply.body.error.code).toBe("body.invalid");
  });
});

describe("what checkRows calls storable", () => {
  it("is stored by DynamoDB and read back with the same canonical JSON", async () => {
    // Prepare: a document client on the stack's DynamoDB Local
    const doc = createDocumentClient({ ...config(), dynamoEndpoint: stack().dynamo.endpoint });
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string({ maxLength: 4 }), fc.jsonValue({ maxDepth: 6 }), { maxKeys: 6 }),
        async (values) => {
          fc.pre(findUnstorable(values) === undefined);
          const key = { pk: "STORABLE", sk: `${++n}` };
          // Act
          await doc.send(new PutCommand({ TableName: stack().tableName, Item: { ...key, values } }));
          const out = await doc.send(new GetCommand({ TableName: stack().tableName, Key: key }));
          // Assess
          expect(canonicalJson(out.Item?.["values"])).toBe(canonicalJson(values));
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("errors the SDK throws before sending", () => {
  it("are not retried as if the store were unavailable", async () => {
    // Prepare: a write that bypasses checkRows, so the marshaller meets 1e20
    const started = Date.now();
    // Act
    const failure = await stack()
      .store.writeRows(
        PLAN,
        [{ entity: "priority", key: "RAW", baseVersion: 0, values: { n: 1e20 }, deleted: false, hash: "x" }],
        { id: "t", source: "cli" },
        newKey(),
      )
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    // Assess: one failure, not retryable, without 8 rounds of back-off
    expect(failure).toBeInstanceOf(StoreError);
    expect((failure as StoreError).retryable).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it.each([
    ["a marshalling error", false, new Error("Number 1e20 is greater than Number.MAX_SAFE_INTEGER")],
    ["a connection reset", true, Object.assign(new Error("socket hang up"), { code: "ECONNRESET" })],
    ["a request timeout", true, Object.assign(new Error("timed out"), { name: "TimeoutError" })],
    [
      "a 500",
      true,
      Object.assign(new Error("boom"), { name: "InternalServerError", $metadata: { httpStatusCode: 500 } }),
    ],
    [
      "a validation error",
      false,
      Object.assign(new Error("bad"), { name: "ValidationException", $metadata: { httpStatusCode: 400 } }),
    ],
  ])("translate %s as retryable=%s", (_name, retryable, error) => {
    // Act
    const translated = translateSdkError(error);
    // Assess
    expect(translated.retryable).toBe(retryable);
  });
});

describe("transactions within DynamoDB's 4 MB", () => {
  it.each([
    [40, 60_000],
    [50, 90_000],
  ])("apply a push of %i rows of %i bytes", async (count, size) => {
    // Prepare: each row's values go into two items (ROW and CHG), so these pass 4 MB in 50-row transactions
    const rows = Array.from({ length: count }, (_, i) =>
      withExtra(`L${count}-${i}`, { note: "a".repeat(size) }),
    );
    // Act
    const reply = await push(rows);
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.results.every((r) => r.status === "applied")).toBe(true);
    const stored = await stack().store.getRows(
      PLAN,
      rows.map((r) => ({ entity: r.entity, key: r.key })),
    );
    expect(stored.size).toBe(count);
  });

  it("packs rows in order into batches within the row and byte limits", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 5000 }), { maxLength: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1000, max: 20_000 }),
        (sizes, maxRows, budget) => {
          // Prepare
          const items = sizes.map((bytes, i) => ({ bytes, i }));
          // Act
          const batches = packBatches(items, maxRows, budget);
          // Assess: order kept, limits held (an item over the budget alone), no batch needlessly split
          expect(batches.flat()).toEqual(items);
          for (const [b, batch] of batches.entries()) {
            const bytes = batch.reduce((sum, item) => sum + item.bytes, 0);
            expect(batch.length).toBeGreaterThan(0);
            expect(batch.length).toBeLessThanOrEqual(maxRows);
            if (batch.length > 1) expect(bytes).toBeLessThanOrEqual(budget);
            const next = batches[b + 1]?.[0];
            if (next && batch.length < maxRows) expect(bytes + next.bytes).toBeGreaterThan(budget);
          }
        },
      ),
    );
  });
});

describe("a push whose conflicts would echo more than the response can carry", () => {
  it("omits the cloud copy past the budget and tells the client to pull it", async () => {
    // Prepare: 80 rows of 90 KB in the cloud (7 MB of values), then a stale client deletes them all
    const rows = Array.from({ length: 80 }, (_, i) => withExtra(`BIGC-${i}`, { note: "b".repeat(90_000) }));
    for (const part of [rows.slice(0, 40), rows.slice(40)]) expect((await push(part)).status).toBe(200);
    const stale = rows.map((r) => ({ ...r, values: {}, deleted: true }));
    // Act
    const res = await fetch(`${stack().apiUrl}${apiPaths.sync(PLAN)}`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${token}`,
        "content-type": "application/json",
        "accept-language": "en",
      },
      body: JSON.stringify(pushBody(stale)),
    });
    const text = await res.text();
    // Assess: within the budget, every row a conflict; the first carry the cloud copy, the rest say to pull
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_CONFLICT_VALUES_BYTES + 100_000);
    const { results } = JSON.parse(text) as PushResponse;
    expect(results.map((r) => r.status)).toEqual(rows.map(() => "conflict"));
    const full = results.filter((r) => r.current !== undefined);
    const omitted = results.filter((r) => r.current === undefined);
    expect(full.length).toBeGreaterThan(0);
    expect(full.map((r) => r.current?.values)).toEqual(rows.slice(0, full.length).map((r) => r.values));
    expect(omitted.length).toBeGreaterThan(0);
    expect(results.slice(0, full.length)).toEqual(full); // in order: once past the budget, no more copies
    for (const r of omitted) {
      expect(r.issues?.map((i) => [i.code, i.severity])).toEqual([
        ["sync.conflict-values-omitted", "warning"],
      ]);
      expect(r.issues?.[0]?.message).toContain("pull");
    }
    const pulled = await pullAll(stack().apiUrl, PLAN, token);
    const cloud = new Map(pulled.changes.map((c) => [c.key, c.values]));
    for (const r of omitted) expect(cloud.get(r.key)).toEqual(rows.find((row) => row.key === r.key)?.values);
  });
});

describe("a push whose every row is invalid", () => {
  it("answers within Lambda's 6 MB: issues up to the budget, then the rows without them", async () => {
    // Prepare: 25 000 rows whose key does not match their values (~290 bytes of issue each)
    const rows = Array.from({ length: 25_000 }, (_, i) => ({
      ...priority(`MISMATCH-${String(i).padStart(8, "0")}`),
      values: { code: `OTHER-${i}`, title: "t" },
    }));
    // Act
    const res = await fetch(`${stack().apiUrl}${apiPaths.sync(PLAN)}`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify(pushBody(rows)),
    });
    const text = await res.text();
    // Assess: every row invalid, the first with their issue, and the response well under 6 MB
    expect(res.status).toBe(200);
    expect(Buffer.byteLength(text)).toBeLessThan(MAX_ISSUES_BYTES + 25_000 * 80);
    const { results } = JSON.parse(text) as PushResponse;
    expect(results.map((r) => r.status)).toEqual(rows.map(() => "invalid"));
    const described = results.filter((r) => r.issues !== undefined);
    expect(described.length).toBeGreaterThan(1000);
    expect(described.length).toBeLessThan(rows.length);
    expect(results.slice(0, described.length)).toEqual(described);
    expect(described.every((r) => r.issues?.[0]?.code === "sync.key-mismatch")).toBe(true);
  });
});
