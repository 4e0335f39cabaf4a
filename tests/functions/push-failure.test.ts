/**
 * A push DynamoDB refuses (an item it cannot store) fails cleanly: no batch writes after the
 * error is returned, and the sequence numbers it took are voided, so pullers get every change
 * committed before and after it at once instead of waiting out the gap timeout. Both as DynamoDB
 * Local refuses (a ValidationException) and as AWS does (a cancellation reason ValidationError,
 * played by a proxy in front of DynamoDB Local).
 */
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "#functions/config.ts";
import { createDocumentClient } from "#functions/store/client.ts";
import { DynamoSyncStore } from "#functions/store/dynamo/store.ts";
import { StoreError, StoreItemTooLargeError } from "#functions/store/errors.ts";
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
function store(endpoint = stack().dynamo.endpoint): DynamoSyncStore {
  return new DynamoSyncStore({
    doc: createDocumentClient({ ...config(), dynamoEndpoint: endpoint }),
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

/**
 * In front of DynamoDB Local, answers a TransactWriteItems that writes `marker`'s row as AWS
 * answers an item it cannot store: TransactionCanceledException, reason ValidationError on that item.
 */
function awsLikeRefusal(marker: string): { endpoint: () => string; stop: () => Promise<void> } {
  let server: Server | undefined;
  beforeAll(async () => {
    const upstream = new URL(stack().dynamo.endpoint);
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        if (String(req.headers["x-amz-target"]).endsWith(".TransactWriteItems") && body.includes(marker)) {
          const items = (JSON.parse(body) as { TransactItems: unknown[] }).TransactItems;
          const reasons = items.map((item) =>
            "Update" in (item as object) && JSON.stringify(item).includes(marker)
              ? { Code: "ValidationError", Message: "Item size has exceeded the maximum allowed size" }
              : { Code: "None" },
          );
          res.writeHead(400, { "content-type": "application/x-amz-json-1.0" });
          res.end(
            JSON.stringify({
              __type: "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
              message: "Transaction cancelled, please refer cancellation reasons for specific reasons",
              CancellationReasons: reasons,
            }),
          );
          return;
        }
        const forward = httpRequest(
          {
            host: upstream.hostname,
            port: upstream.port,
            path: req.url,
            method: req.method,
            headers: req.headers,
          },
          (up) => {
            res.writeHead(up.statusCode ?? 500, up.headers);
            up.pipe(res);
          },
        );
        forward.end(body);
      });
    });
    await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
  });
  const stop = (): Promise<void> => new Promise((r) => (server ? server.close(() => r()) : r()));
  afterAll(stop);
  return { endpoint: () => `http://127.0.0.1:${(server?.address() as AddressInfo).port}`, stop };
}

describe("a push AWS refuses with a cancellation reason", () => {
  const proxy = awsLikeRefusal("ROW#priority#AWSBAD");

  it("fails at once, not retryable, and leaves no gap for pullers", async () => {
    // Prepare
    const s = store(proxy.endpoint());
    const plan = "refused-aws";
    await s.createPlan(plan, plan, USERS.admin);
    await s.writeRows(plan, [write("BEFORE")], actor, newKey());
    const started = Date.now();
    // Act
    const error = await failedWrite(s, plan, [write("A"), write("AWSBAD"), write("C")]);
    const elapsed = Date.now() - started;
    await s.writeRows(plan, [write("AFTER")], actor, newKey());
    const pulled = await pullAll(stack().apiUrl, plan, token);
    // Assess: a 413-class error after one attempt (not 8 rounds then 503), and numbers 2-4 voided
    expect(error).toBeInstanceOf(StoreItemTooLargeError);
    expect((error as StoreError).retryable).toBe(false);
    expect(elapsed).toBeLessThan(1500);
    expect(pulled.changes.map((c) => c.key)).toEqual(["BEFORE", "AFTER"]);
    expect((await s.changes(plan, 0, 100)).seq).toBe(5);
  });
});
