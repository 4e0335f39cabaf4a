/**
 * A push DynamoDB refuses (an item it cannot store) fails cleanly: no batch writes after the
 * error is returned, and the sequence numbers it took are voided, so pullers get every change
 * committed before and after it at once instead of waiting out the gap timeout.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { DynamoSyncStore } from "#functions/store/dynamo/store.ts";
import { StoreError } from "#functions/store/errors.ts";
import type { RowWrite } from "#functions/store/store.ts";
import { rowHash } from "#core/sync/hash.ts";
import { newKey, pullAll } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { USERS } from "#tests/support/rows.ts";

const stack = useLocalStack();
const actor = { id: USERS.admin, source: "cli" as const };
let token = "";

beforeAll(async () => {
  token = await stack().issuer.mintToken({ oid: USERS.admin });
});

/** A store on the stack's table with the default 2-minute gap timeout and 2 transactions in flight. */
function store(): DynamoSyncStore {
  return new DynamoSyncStore({
    doc: createDocumentClient({ ...config(), dynamoEndpoint: stack().dynamo.endpoint }),
    table: stack().tableName,
    now: Date.now,
    parallelism: 2,
    gapTimeoutMs: 120_000,
    idempotencyLockMs: 120_000,
  });
}

/** A new priority row; `note` pads its values. */
function write(code: string, note = ""): RowWrite {
  const values = { code, title: `P ${code}`, ...(note ? { note } : {}) };
  return {
    entity: "priority",
    key: code,
    baseVersion: 0,
    values,
    deleted: false,
    hash: rowHash(values, false),
  };
}

/** Over DynamoDB's 400 KB item limit: refused outright (checkRows never lets this through). */
const oversized = (code: string): RowWrite => write(code, "x".repeat(450_000));

const failedWrite = (s: DynamoSyncStore, plan: string, writes: RowWrite[]): Promise<unknown> =>
  s.writeRows(plan, writes, actor, newKey()).then(
    () => undefined,
    (error: unknown) => error,
  );

describe("a push DynamoDB refuses", () => {
  it("writes nothing after its error is returned", async () => {
    // Prepare: the refused row first, then 12 batches of small rows, two transactions in flight
    const s = store();
    const plan = "refused-stop";
    await s.createPlan(plan, plan, USERS.admin);
    const writes = [oversized("BAD"), ...Array.from({ length: 600 }, (_, i) => write(`R${i}`))];
    // Act
    const error = await failedWrite(s, plan, writes);
    const atError = (await s.listRows(plan)).length;
    await new Promise((r) => setTimeout(r, 1500));
    const later = (await s.listRows(plan)).length;
    // Assess: a non-retryable store error; at most the one batch in flight beside it committed, and nothing after
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).retryable).toBe(false);
    expect(atError).toBeLessThanOrEqual(50);
    expect(later).toBe(atError);
  });

  it("leaves no gap: a pull gets every change before and after it without waiting", async () => {
    // Prepare: one row committed, a push refused (rows beside the oversized one too), one row after
    const s = store();
    const plan = "refused-gap";
    await s.createPlan(plan, plan, USERS.admin);
    await s.writeRows(plan, [write("BEFORE")], actor, newKey());
    const error = await failedWrite(s, plan, [write("A"), oversized("BIG"), write("C")]);
    await s.writeRows(plan, [write("AFTER")], actor, newKey());
    const started = Date.now();
    // Act
    const pulled = await pullAll(stack().apiUrl, plan, token);
    // Assess: both committed changes at once, and the cursor is past the failed push's numbers
    expect(error).toBeInstanceOf(StoreError);
    expect(pulled.changes.map((c) => c.key)).toEqual(["BEFORE", "AFTER"]);
    expect(Date.now() - started).toBeLessThan(5000);
    expect((await s.changes(plan, 0, 100)).seq).toBe(5);
  });
});
