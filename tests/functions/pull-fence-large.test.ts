/**
 * A dead 10 000-row push leaves a 10 000-number gap in the change log. The next pull past the
 * gap timeout fences every number of it; one conditional Put after another (~5–10 ms each in
 * AWS) would outlast the API's 29 s timeout, so the puller fences 100 numbers per transaction,
 * several transactions at once. The proxy delays each write by a round trip, which lets the test
 * count the calls and see how many are in flight (DynamoDB Local itself runs writes one after
 * another, so its wall-clock time says little about AWS's).
 */
import { describe, expect, it } from "vitest";
import { allocateSeqs } from "#functions/store/dynamo/write-rows.ts";
import { pushRows } from "#functions/sync/push.ts";
import { pushBody } from "#tests/support/api-client.ts";
import { storeWithClock as clockStore, type ClockStore } from "#tests/support/clock-store.ts";
import { useProxiedStack } from "#tests/support/proxied-stack.ts";
import { priority } from "#tests/support/rows.ts";

const env = useProxiedStack();
const GAP_MS = 60_000;
// Long enough that a loaded machine still issues the next transactions while one is held (5 ms
// was not: 3 in flight seen under load), short enough for 100 transactions in about a second.
const ROUND_TRIP_MS = 40;

const storeWithClock = (): ClockStore =>
  clockStore({ table: env().stack.tableName, endpoint: env().proxy.endpoint, gapTimeoutMs: GAP_MS });

/** Delays every write by a round trip and records the most in flight at once. */
function measureWrites(): { maxInFlight: () => number; calls: () => Record<string, number> } {
  let inFlight = 0;
  let max = 0;
  const calls: Record<string, number> = {};
  env().proxy.setHold((op) => {
    if (op !== "PutItem" && op !== "TransactWriteItems") return undefined;
    calls[op] = (calls[op] ?? 0) + 1;
    max = Math.max(max, ++inFlight);
    return new Promise<void>((r) =>
      setTimeout(() => {
        inFlight--;
        r();
      }, ROUND_TRIP_MS),
    );
  });
  return { maxInFlight: () => max, calls: () => calls };
}

const actor = { id: "writer", source: "cli" as const };

describe("fencing a large abandoned block", () => {
  it(
    "fences 10 000 abandoned numbers in 100 transactions, several in flight",
    { timeout: 180_000 },
    async () => {
      // Prepare: a writer took 10 000 numbers and died; a later change committed
      const { store, ctx, advance } = storeWithClock();
      await store.createPlan("fence-big", "Fence", "admin");
      await allocateSeqs(ctx, "fence-big", 10_000);
      await pushRows(store, "fence-big", pushBody([priority("LIVE")]), actor);
      advance(GAP_MS + 1000);
      const measured = measureWrites();
      // Act
      const page = await store.changes("fence-big", 0, 100);
      env().proxy.setHold(undefined);
      const again = await store.changes("fence-big", 0, 100);
      // Assess
      expect(page.changes.map((c) => c.key)).toEqual(["LIVE"]);
      expect(page).toMatchObject({ seq: 10_001, hasMore: false });
      expect(measured.calls()).toEqual({ TransactWriteItems: 100 });
      expect(measured.maxInFlight()).toBeGreaterThanOrEqual(4);
      expect(again.changes.map((c) => c.key)).toEqual(["LIVE"]); // the fence is durable: nothing to redo
    },
  );

  it(
    "lets two pullers fence the same blocks at once, each seeing every change exactly once",
    { timeout: 120_000 },
    async () => {
      // Prepare: two abandoned blocks around a live change, then another live change
      const { store, ctx, advance } = storeWithClock();
      await store.createPlan("fence-race", "Fence", "admin");
      await allocateSeqs(ctx, "fence-race", 1500);
      await pushRows(store, "fence-race", pushBody([priority("MID")]), actor);
      await allocateSeqs(ctx, "fence-race", 1500);
      await pushRows(store, "fence-race", pushBody([priority("END")]), actor);
      advance(GAP_MS + 1000);
      // Act: both walk the gaps together, so each finds numbers the other fenced (conditions fail)
      const [a, b] = await Promise.all([
        store.changes("fence-race", 0, 100),
        store.changes("fence-race", 0, 100),
      ]);
      // Assess
      for (const page of [a, b]) {
        expect(page.changes.map((c) => c.key)).toEqual(["MID", "END"]);
        expect(page).toMatchObject({ seq: 3002, hasMore: false });
      }
    },
  );

  it(
    "makes a late writer inside a large fenced block take a new number after the block",
    { timeout: 120_000 },
    async () => {
      // Prepare: a dead block, then LATE takes its number and stalls, then another dead block
      const { store, ctx, advance } = storeWithClock();
      await store.createPlan("fence-late", "Fence", "admin");
      await allocateSeqs(ctx, "fence-late", 2000);
      let release = (): void => undefined;
      let reached = (): void => undefined;
      const held = new Promise<void>((r) => (reached = r));
      const gate = new Promise<void>((r) => (release = r));
      env().proxy.setHold((op, body) => {
        if (op !== "TransactWriteItems" || !body.includes('"ROW#priority#LATE"')) return undefined;
        env().proxy.setHold(undefined);
        reached();
        return gate;
      });
      const latePush = pushRows(store, "fence-late", pushBody([priority("LATE")]), actor);
      await held;
      await allocateSeqs(ctx, "fence-late", 2000);
      await pushRows(store, "fence-late", pushBody([priority("NEXT")]), actor);
      advance(GAP_MS + 1000);
      // Act
      const first = await store.changes("fence-late", 0, 100);
      release();
      const late = await latePush;
      const second = await store.changes("fence-late", first.seq, 100);
      // Assess
      expect(first.changes.map((c) => c.key)).toEqual(["NEXT"]);
      expect(late.results[0]).toMatchObject({ status: "applied", version: 1 });
      expect(second.changes.map((c) => c.key)).toEqual(["LATE"]);
    },
  );
});
