/**
 * An idempotency record lives one day (DynamoDB TTL), but TTL deletion lags by hours or days: a
 * record past its `expiresAt` must count as free, or a client reusing its key later (the nightly
 * job's key repeats while a file is unchanged) gets an old result replayed instead of its push
 * run. DynamoDB Local, a store whose clock the test moves.
 */
import { describe, expect, it } from "vitest";
import { pushRows } from "#functions/sync/push.ts";
import { newKey, pushBody } from "#tests/support/api-client.ts";
import { storeWithClock as clockStore, type ClockStore } from "#tests/support/clock-store.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority } from "#tests/support/rows.ts";

const stack = useLocalStack();
const HOUR = 3600_000;

const storeWithClock = (): ClockStore => clockStore({ table: stack().tableName, parallelism: 2 });

const nightly = { id: "nightly-app", source: "nightly" as const };
const user = { id: "user", source: "addin" as const };

describe("idempotency records and their expiry", () => {
  it.each<[string, "replayed" | "run", number]>([
    ["an hour later (the record is live)", "replayed", 1 * HOUR],
    ["23 hours later (still live)", "replayed", 23 * HOUR],
    ["25 hours later (expired, TTL has not deleted it yet)", "run", 25 * HOUR],
    ["ten days later (expired long ago)", "run", 240 * HOUR],
  ])("a push repeating its key %s is %s", async (_name, outcome, later) => {
    // Prepare: night one creates the row; during the day a user edits it
    const { store, advance } = storeWithClock();
    const plan = `idem-${Math.random().toString(36).slice(2, 8)}`;
    await store.createPlan(plan, "Idem", "admin");
    const key = `nightly:wb1:${plan}`;
    const first = await pushRows(
      store,
      plan,
      pushBody([priority("N", "night one")], key, "nightly"),
      nightly,
    );
    await pushRows(store, plan, pushBody([priority("N", "day edit", 1)], newKey(), "addin"), user);
    advance(later);
    // Act: the same request under the same key
    const again = await pushRows(
      store,
      plan,
      pushBody([priority("N", "night one")], key, "nightly"),
      nightly,
    );
    // Assess: replayed = the first result verbatim; run = judged against today's row (version 2)
    expect(first.results[0]).toMatchObject({ status: "applied", version: 1 });
    if (outcome === "replayed") expect(again).toEqual(first);
    else expect(again.results[0]).toMatchObject({ status: "conflict", current: { version: 2 } });
  });

  it("lets an expired key carry a different request instead of refusing it as reused", async () => {
    // Prepare
    const { store, advance } = storeWithClock();
    const plan = `idem-${Math.random().toString(36).slice(2, 8)}`;
    await store.createPlan(plan, "Idem", "admin");
    const key = `nightly:wb2:${plan}`;
    await pushRows(store, plan, pushBody([priority("A")], key, "nightly"), nightly);
    const reused = pushRows(store, plan, pushBody([priority("B")], key, "nightly"), nightly);
    await expect(reused).rejects.toThrow();
    advance(25 * HOUR);
    // Act
    const later = await pushRows(store, plan, pushBody([priority("B")], key, "nightly"), nightly);
    // Assess
    expect(later.results[0]).toMatchObject({ key: "B", status: "applied", version: 1 });
  });
});
