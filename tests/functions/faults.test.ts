/**
 * Faults between the SDK and DynamoDB Local (throttling, 500s, connections dropped before and
 * after DynamoDB applied a request): every accepted row is stored exactly once, every other row
 * is reported, nothing is half-written, and a pull ends with the store's state.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { apiPaths, type PushRequest, type PushResponse } from "#core/sync/protocol.ts";
import type { Fault } from "#tests/support/dynamo-proxy.ts";
import { call, pullAll, pushBody } from "#tests/support/api-client.ts";
import { useProxiedStack } from "#tests/support/proxied-stack.ts";
import { line, priority } from "#tests/support/rows.ts";

const GAP_MS = 800;
const LOCK_MS = 3000;
const env = useProxiedStack({
  ACTIONPLAN_GAP_TIMEOUT_MS: String(GAP_MS),
  ACTIONPLAN_SDK_MAX_ATTEMPTS: "4",
  // A claim whose release was lost to a fault blocks retries only this long.
  ACTIONPLAN_IDEMPOTENCY_LOCK_MS: String(LOCK_MS),
});
let token = "";

beforeAll(async () => {
  token = await env().stack.issuer.mintToken({ oid: "faulty-editor" });
});

/** Pushes until the API answers 200, retrying with the same idempotency key as a client does. */
async function pushUntilAnswered(
  plan: string,
  body: PushRequest,
): Promise<{ response: PushResponse; attempts: number; statuses: number[] }> {
  const statuses: number[] = [];
  // A time budget, as the clients have (the CLI's is 30 s), not a count: under load 40 quick tries
  // can all fall inside one claim whose release a fault lost (it lapses after LOCK_MS).
  const deadline = Date.now() + 5 * LOCK_MS;
  for (let attempt = 1; Date.now() < deadline; attempt++) {
    const reply = await call<PushResponse>(env().stack.apiUrl, "POST", apiPaths.sync(plan), { token, body });
    statuses.push(reply.status);
    if (reply.status === 200) return { response: reply.body, attempts: attempt, statuses };
    expect([409, 503]).toContain(reply.status); // retryable, never a 500
    await new Promise((r) => setTimeout(r, 30));
  }
  throw new Error(`push never answered: ${statuses.join(",")}`);
}

const faultArb = fc.record({
  throttle: fc.integer({ min: 0, max: 15 }),
  error500: fc.integer({ min: 0, max: 15 }),
  dropBefore: fc.integer({ min: 0, max: 8 }),
  dropAfter: fc.integer({ min: 0, max: 8 }),
  seed: fc.integer(),
});

describe("faults between the SDK and DynamoDB", () => {
  let runs = 0;
  let totalFaults = 0;
  it("store every accepted row exactly once and report every other row", async () => {
    await fc.assert(
      fc.asyncProperty(faultArb, async (f) => {
        // Prepare: a plan with a priority; rows to push: new lines (some invalid), then updates of half of them
        const plan = `faults-${process.pid}-${++runs}`;
        await env().stack.store.createPlan(plan, plan, "faulty-editor");
        const first = await pushUntilAnswered(plan, pushBody([priority("1")]));
        expect(first.response.results[0]?.status).toBe("applied");
        const rows = Array.from({ length: 120 }, (_, i) =>
          i % 10 === 9 ? line(`1.${i}`, "404") : line(`1.${i}`, "1"),
        );
        let random = f.seed;
        const next = (): number => ((random = (Math.imul(random, 1103515245) + 12345) | 0) >>> 0) % 100;
        env().proxy.reset();
        // Every run meets the nastiest case: the first row transaction is applied but its response is
        // lost, and the SDK's retries (same request token) then fail until it gives up, so the push
        // retries with a new transaction and must recognise the rows it already wrote. The rest is random.
        const forced: Fault[] = ["drop-after", "error500", "error500", "error500", "throttle"];
        env().proxy.setFaults((operation): Fault => {
          if (operation === "TransactWriteItems" && forced.length > 0) return forced.shift() as Fault;
          const r = next();
          if (r < f.throttle) return "throttle";
          if (r < f.throttle + f.error500) return "error500";
          if (r < f.throttle + f.error500 + f.dropBefore) return "drop-before";
          if (r < f.throttle + f.error500 + f.dropBefore + f.dropAfter) return "drop-after";
          return "pass";
        });

        // Act
        const created = await pushUntilAnswered(plan, pushBody(rows));
        const updates = rows
          .filter((_, i) => i % 2 === 0)
          .map((r) => line(r.key, "1", `Aggiornata ${r.key}`, 1));
        const updated = await pushUntilAnswered(plan, pushBody(updates));
        env().proxy.setFaults(undefined);

        // Assess: every row reported; applied and invalid exactly where expected
        expect(created.response.results).toHaveLength(rows.length);
        created.response.results.forEach((r, i) =>
          expect(r.status).toBe(i % 10 === 9 ? "invalid" : "applied"),
        );
        const invalidUpdates = new Set(rows.filter((_, i) => i % 10 === 9).map((r) => r.key));
        updated.response.results.forEach((r) => expect(r.status).toBe("applied"));
        const injected = env().proxy.stats.faults;
        totalFaults +=
          injected.throttle + injected.error500 + injected["drop-before"] + injected["drop-after"];
        // Stored exactly once: each row's history is exactly its applied versions; the row agrees with its last version.
        const stored = new Map(
          (await env().stack.store.listRows(plan)).map((r) => [`${r.entity}:${r.key}`, r]),
        );
        const updatedKeys = new Set(
          updated.response.results.filter((r) => r.status === "applied").map((r) => r.key),
        );
        for (const row of rows) {
          const current = stored.get(`line:${row.key}`);
          if (invalidUpdates.has(row.key)) {
            expect(current).toBeUndefined();
            continue;
          }
          const history = await env().stack.store.history(plan, "line", row.key);
          const expected = updatedKeys.has(row.key) ? [1, 2] : [1];
          expect(history.map((h) => h.version)).toEqual(expected);
          expect(current?.version).toBe(expected.length);
          expect(history.at(-1)?.values).toEqual(current?.values);
        }
        // A pull (after the gap timeout fences numbers lost with dropped allocations) ends with the store's state.
        await new Promise((r) => setTimeout(r, GAP_MS + 200));
        const pulled = await pullAll(env().stack.apiUrl, plan, token);
        const last = new Map(pulled.changes.map((c) => [`${c.entity}:${c.key}`, c.version]));
        expect(last).toEqual(new Map([...stored].map(([k, r]) => [k, r.version])));
        expect(pulled.changes).toHaveLength([...stored.values()].reduce((n, r) => n + r.version, 0));
      }),
      { numRuns: 6 },
    );
    // The property ran with faults actually injected (not only with a quiet proxy).
    expect(totalFaults).toBeGreaterThanOrEqual(5 * runs);
  }, 240_000);

  it("answers a store that stays down with 503 and a retry hint, never a 500", async () => {
    await env().stack.store.createPlan("down", "Down", "faulty-editor");
    env().proxy.setFaults(() => "error500");
    const reply = await call<{ error: { code: string } }>(
      env().stack.apiUrl,
      "GET",
      apiPaths.changes("down"),
      { token },
    );
    env().proxy.setFaults(undefined);
    expect(reply.status).toBe(503);
    expect(reply.body.error.code).toBe("store.unavailable");
    expect(reply.headers.get("retry-after")).toBeTruthy();
  });
});
