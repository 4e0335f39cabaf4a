/**
 * Checkpoints on DynamoDB Local (functions/sync/live-rows.ts, store/dynamo/checkpoints.ts): a read
 * that finds a long log (past the threshold; a test-sized one here) builds one, in several parts when its gzip is large; today's rows and the
 * rows as of any moment then equal what the current rows and the whole log say, through deletions
 * and restores made after it; two builders of one checkpoint do not collide.
 */
import { randomBytes } from "node:crypto";
import { DeleteCommand, GetCommand } from "@aws-sdk/lib-dynamodb";
import { beforeAll, describe, expect, it } from "vitest";
import { rowHash } from "#core/sync/hash.ts";
import type { PushRow } from "#core/sync/protocol.ts";
import type { DynamoSyncStore } from "#functions/store/dynamo/store.ts";
import { ckptHeadSk, planPk } from "#functions/store/keys.ts";
import { rowId, type LiveRow } from "#functions/store/store.ts";
import { planRowsAt } from "#functions/sync/live-rows.ts";
import { planRollups } from "#functions/sync/rollups.ts";
import { storeWithClock, type ClockStore } from "#tests/support/clock-store.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "checkpoints";
const stack = useLocalStack();
let clocked: ClockStore;
let store: DynamoSyncStore;
let clock = 0;
const ms = (iso: string): number => Date.parse(iso);

async function writeAt(iso: string, rows: (PushRow & { deleted?: boolean })[]): Promise<void> {
  clock = ms(iso);
  const current = await store.getRows(PLAN, rows);
  const out = await store.writeRows(
    PLAN,
    rows.map((r) => {
      const deleted = r.deleted ?? false;
      const baseVersion = current.get(rowId(r.entity, r.key))?.version ?? 0;
      return { entity: r.entity, key: r.key, baseVersion, values: r.values, deleted, hash: rowHash(r.values, deleted) };
    }),
    { id: "ada", source: "cli" },
    `w-${iso}`,
  );
  expect(out.every((o) => o.status === "applied")).toBe(true);
}

/** Incompressible titles, so the checkpoint's gzip needs more than one 300 KB part (store/dynamo/parts.ts). */
const rows = (n: number) => Array.from({ length: n }, (_, i) => priority(`P${i}`, randomBytes(2500).toString("base64")));
const asMap = (list: readonly LiveRow[]) => new Map(list.map((r) => [rowId(r.entity, r.key), [r.values, r.updatedAt]]));

/** The oracle: the whole log, per row its last version made by the moment, tombstones left out. */
async function fromWholeLog(atMs: number) {
  const last = new Map<string, LiveRow & { deleted: boolean }>();
  for (const { version: v } of await store.readLog(PLAN, 0, atMs))
    if (v && ms(v.updatedAt) <= atMs) last.set(rowId(v.entity, v.key), v);
  return asMap([...last.values()].filter((v) => !v.deleted));
}

/** A threshold for a test-sized log: a checkpoint once 100 changes follow the last one. */
const SMALL = (): number => 100;
const initial = rows(200);

beforeAll(async () => {
  clocked = storeWithClock({ table: stack().tableName });
  clocked.ctx.now = () => clock;
  store = clocked.store;
  await stack().store.createPlan(PLAN, "Checkpoints", USERS.admin);
  await writeAt("2026-01-10T10:00:00.000Z", initial);
});

describe("checkpoints", () => {
  it("are built by the read that finds a long log, in parts, and serve today and the past through deletions and restores", async () => {
    expect(await store.checkpoint(PLAN, Infinity)).toBeUndefined();
    // Under the product's threshold (1 000 changes) nothing is built; past a test's threshold, one is.
    await planRowsAt(store, PLAN, Infinity);
    expect(await store.checkpoint(PLAN, Infinity)).toBeUndefined();
    expect(asMap(await planRowsAt(store, PLAN, Infinity, SMALL))).toEqual(asMap(await store.liveValues(PLAN)));
    const first = await store.checkpoint(PLAN, Infinity);
    expect(first?.seq).toBe(200);
    expect(first?.rows).toHaveLength(200);
    const head = await clocked.ctx.doc.send(
      new GetCommand({ TableName: stack().tableName, Key: { pk: planPk(PLAN), sk: ckptHeadSk(200) } }),
    );
    expect(head.Item?.["parts"]).toBeGreaterThan(1);

    // February: 20 rows deleted, 5 changed; March: 10 of the deleted restored.
    await writeAt("2026-02-10T10:00:00.000Z", [
      ...initial.slice(0, 20).map((r) => ({ ...r, deleted: true })),
      ...rows(25).slice(20).map((r) => ({ ...r })),
    ]);
    await writeAt("2026-03-10T10:00:00.000Z", initial.slice(0, 10));
    expect(asMap(await planRowsAt(store, PLAN, Infinity, SMALL))).toEqual(asMap(await store.liveValues(PLAN)));
    for (const iso of ["2026-01-01T00:00:00Z", "2026-01-10T10:00:00Z", "2026-02-20T00:00:00Z", "2026-04-01T00:00:00Z"])
      expect(asMap(await planRowsAt(store, PLAN, ms(iso), SMALL))).toEqual(await fromWholeLog(ms(iso)));
    expect((await planRowsAt(store, PLAN, ms("2026-02-20T00:00:00Z"), SMALL)).length).toBe(180);
  }, 60_000);

  it("written by two builders at once is one checkpoint", async () => {
    const rowsNow = await store.liveValues(PLAN);
    const checkpoint = { seq: 235, maxAt: ms("2026-03-10T10:00:00Z"), rows: rowsNow };
    await Promise.all([store.putCheckpoint(PLAN, checkpoint), store.putCheckpoint(PLAN, checkpoint)]);
    const read = await store.checkpoint(PLAN, Infinity);
    expect(read?.seq).toBe(235);
    expect(asMap(read?.rows ?? [])).toEqual(asMap(rowsNow));
    // The March checkpoint serves March on; an earlier moment still gets the January one.
    expect((await store.checkpoint(PLAN, ms("2026-02-20T00:00:00Z")))?.seq).toBe(200);
  }, 30_000);

  it("keep today's report for readers until the log moves, and never serve it after a change", async () => {
    const first = await planRollups(store, PLAN, "en", "2026-03-11");
    const kept = await store.cachedReport(PLAN, "en#2026-03-11");
    expect(kept?.seq).toBe(await store.logHead(PLAN));
    expect(await planRollups(store, PLAN, "en", "2026-03-11")).toEqual(first);
    expect(first.priorities).toHaveLength(190);
    await writeAt("2026-03-11T10:00:00.000Z", [{ ...initial[50]!, deleted: true }]);
    const after = await planRollups(store, PLAN, "en", "2026-03-11");
    expect(after.priorities).toHaveLength(189);
    expect((await store.cachedReport(PLAN, "en#2026-03-11"))?.seq).toBe(await store.logHead(PLAN));
    // Another day or language is another report.
    expect(await store.cachedReport(PLAN, "it#2026-03-11")).toBeUndefined();
    // TTL removed a part before its header: no kept report, and the rollups rebuild.
    const head = await clocked.ctx.doc.send(
      new GetCommand({ TableName: stack().tableName, Key: { pk: planPk(PLAN), sk: "RPT#en#2026-03-11" } }),
    );
    const writer = String(head.Item?.["writer"]);
    await clocked.ctx.doc.send(
      new DeleteCommand({ TableName: stack().tableName, Key: { pk: planPk(PLAN), sk: `RPTD#en#2026-03-11#${writer}#0` } }),
    );
    expect(await store.cachedReport(PLAN, "en#2026-03-11")).toBeUndefined();
    expect((await planRollups(store, PLAN, "en", "2026-03-11")).priorities).toHaveLength(189);
    // …and keep it again for the same log number.
    expect((await store.cachedReport(PLAN, "en#2026-03-11"))?.seq).toBe(await store.logHead(PLAN));
  }, 30_000);
});
