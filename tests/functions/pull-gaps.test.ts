/**
 * The pull cursor never passes a change still being written (SPEC §9), proven with a writer
 * held between the SDK and DynamoDB Local: its sequence number is allocated first but commits
 * last. And an abandoned number is fenced after the gap timeout so that a late writer cannot
 * slip a change in behind a cursor: it takes a new number instead.
 */
import { describe, expect, it } from "vitest";
import { allocateSeqs } from "#functions/store/dynamo/write-rows.ts";
import { pushRows } from "#functions/sync/push.ts";
import { newKey, pushBody } from "#tests/support/api-client.ts";
import { storeWithClock as clockStore, type ClockStore } from "#tests/support/clock-store.ts";
import { useProxiedStack } from "#tests/support/proxied-stack.ts";
import { priority } from "#tests/support/rows.ts";

const env = useProxiedStack();
const GAP_MS = 60_000;

/** A store through the proxy with a clock the test moves. */
const storeWithClock = (): ClockStore =>
  clockStore({ table: env().stack.tableName, endpoint: env().proxy.endpoint, gapTimeoutMs: GAP_MS });

/** Holds the next TransactWriteItems that writes `key` until `release()` is called. */
function holdWriteOf(key: string): { held: Promise<void>; release: () => void } {
  let release = (): void => undefined;
  let reached = (): void => undefined;
  const held = new Promise<void>((r) => (reached = r));
  const gate = new Promise<void>((r) => (release = r));
  env().proxy.setHold((op, body) => {
    if (op !== "TransactWriteItems" || !body.includes(`"ROW#priority#${key}"`)) return undefined;
    env().proxy.setHold(undefined);
    reached();
    return gate;
  });
  return { held, release };
}

const actor = { id: "writer", source: "cli" as const };

describe("pull under concurrent writers", () => {
  it("stops before a number still being written and returns it once it commits", async () => {
    // Prepare
    const { store } = storeWithClock();
    await store.createPlan("gaps-1", "Gaps", "admin");
    const slow = holdWriteOf("SLOW");
    const slowPush = pushRows(store, "gaps-1", pushBody([priority("SLOW")]), actor);
    await slow.held; // SLOW has its number and is in flight
    await pushRows(store, "gaps-1", pushBody([priority("FAST")]), actor);
    // Act
    const during = await store.changes("gaps-1", 0, 100);
    slow.release();
    await slowPush;
    const after = await store.changes("gaps-1", during.seq, 100);
    // Assess
    expect(during.changes.map((c) => c.key)).toEqual([]);
    expect(after.changes.map((c) => c.key)).toEqual(["SLOW", "FAST"]);
  });

  it("fences a number abandoned past the gap timeout and carries on", async () => {
    // Prepare: a writer took a number and died
    const { store, ctx, advance } = storeWithClock();
    await store.createPlan("gaps-2", "Gaps", "admin");
    await allocateSeqs(ctx, "gaps-2", 1);
    await pushRows(store, "gaps-2", pushBody([priority("LIVE")]), actor);
    // Act
    const young = await store.changes("gaps-2", 0, 100);
    advance(GAP_MS + 1000);
    const old = await store.changes("gaps-2", 0, 100);
    // Assess
    expect(young.changes).toEqual([]);
    expect(old.changes.map((c) => c.key)).toEqual(["LIVE"]);
  });

  it("makes a late writer behind a fenced number take a new number, so no change hides behind the cursor", async () => {
    // Prepare: LATE is held in flight, a later change commits, time passes beyond the timeout
    const { store, advance } = storeWithClock();
    await store.createPlan("gaps-3", "Gaps", "admin");
    const late = holdWriteOf("LATE");
    const latePush = pushRows(store, "gaps-3", pushBody([priority("LATE")]), actor);
    await late.held;
    await pushRows(store, "gaps-3", pushBody([priority("NEXT")]), actor);
    advance(GAP_MS + 1000);
    // Act: the puller fences LATE's number and moves past it; then LATE commits
    const first = await store.changes("gaps-3", 0, 100);
    late.release();
    const result = await latePush;
    const second = await store.changes("gaps-3", first.seq, 100);
    // Assess
    expect(first.changes.map((c) => c.key)).toEqual(["NEXT"]);
    expect(result.results[0]).toMatchObject({ status: "applied", version: 1 });
    expect(second.changes.map((c) => c.key)).toEqual(["LATE"]);
  });

  it("keeps pulling with the cursor of an HTTP client unaffected by idempotent retries", async () => {
    const { store } = storeWithClock();
    await store.createPlan("gaps-4", "Gaps", "admin");
    const key = newKey();
    await pushRows(store, "gaps-4", pushBody([priority("A")], key), actor);
    await pushRows(store, "gaps-4", pushBody([priority("A")], key), actor);
    const page = await store.changes("gaps-4", 0, 100);
    expect(page.changes.map((c) => `${c.key}@${c.version}`)).toEqual(["A@1"]);
  });
});
