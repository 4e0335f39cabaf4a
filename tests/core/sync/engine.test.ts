/**
 * The one sync engine (core/sync/engine.ts, base.ts, send-chunks.ts): next base by key with
 * adoption, and the one retry policy, over an in-memory transport that answers like the API.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { nextBase } from "#core/sync/base.ts";
import { rowHash } from "#core/sync/hash.ts";
import type { PushResponse, PushRow, RowResult } from "#core/sync/protocol.ts";
import { RetryablePushError, sendChunks, type PushAttempt, type PushTransport } from "#core/sync/send-chunks.ts";

const row = (key: string, title: string, baseVersion = 0): PushRow => ({
  entity: "project",
  key,
  baseVersion,
  values: { key, title },
});
const applied = (key: string, version: number): RowResult => ({ entity: "project", key, status: "applied", version });

describe("the next base", () => {
  it("matches results to rows by key, whatever order the answer comes in", () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(["A", "B", "C", "D"], { minLength: 1 }), (keys) => {
        // Prepare
        const sent = keys.map((k) => row(k, `t${k}`));
        const results = [...keys].reverse().map((k, i) => applied(k, i + 1));
        // Act
        const next = nextBase({ planId: "p", rows: {} }, sent, results, []);
        // Assess
        for (const r of results)
          expect(next.state.rows[`project:${r.key}`]).toEqual({ version: r.version, hash: rowHash(sent.find((s) => s.key === r.key)!.values) });
      }),
    );
  });

  it("adopts a row with no base whose values equal the cloud's, and keeps a real conflict open", () => {
    // Prepare: A equals the cloud's v3, B differs from the cloud's v2.
    const sent = [row("A", "same"), row("B", "mine")];
    const current = (title: string, version: number) => ({ version, values: { key: "x", title }, deleted: false, updatedAt: "", updatedBy: "u" });
    const results: RowResult[] = [
      { entity: "project", key: "A", status: "conflict", current: { ...current("same", 3), values: { key: "A", title: "same" } } },
      { entity: "project", key: "B", status: "conflict", current: current("theirs", 2) },
    ];
    // Act
    const next = nextBase({ planId: "p", rows: {} }, sent, results, []);
    // Assess
    expect(next.state.rows["project:A"]?.version).toBe(3);
    expect(next.adopted).toEqual([{ entity: "project", key: "A", status: "unchanged", version: 3 }]);
    expect(next.conflicts.map((c) => c.row.key)).toEqual(["B"]);
    expect(next.state.rows["project:B"]).toBeUndefined();
  });
});

/** Answers each request with `applied`, after failing the first `failures` attempts of every key as told. */
function flaky(failures: (attempt: PushAttempt, n: number) => Error | undefined): PushTransport & { seen: PushAttempt[] } {
  const seen: PushAttempt[] = [];
  return {
    seen,
    async send(attempt): Promise<PushResponse> {
      seen.push(attempt);
      const error = failures(attempt, seen.filter((s) => s.idempotencyKey === attempt.idempotencyKey).length);
      if (error) throw error;
      return { results: attempt.rows.map((r, i) => applied(r.key, i + 1)) };
    },
  };
}

describe("sending chunks with the one retry policy", () => {
  it("retries a chunk with the same idempotency key and waits as Retry-After says", async () => {
    // Prepare: the first chunk's first two attempts meet "still running, retry after 2 s".
    const transport = flaky((a, n) => (a.idempotencyKey === "k0" && n <= 2 ? new RetryablePushError("busy", { retryAfterMs: 2000 }) : undefined));
    const waits: number[] = [];
    // Act
    const out = await sendChunks([[row("A", "a")], [row("B", "b")]], {
      transport,
      keyOf: (_c, i) => `k${i}`,
      sleep: async (ms) => void waits.push(ms),
      random: () => 0.5,
    });
    // Assess
    expect(out.failure).toBeUndefined();
    expect(transport.seen.map((s) => s.idempotencyKey)).toEqual(["k0", "k0", "k0", "k1"]);
    expect(waits.every((w) => w >= 2000 && w < 2300)).toBe(true);
    expect(out.results.map((r) => r.key)).toEqual(["A", "B"]);
  });

  it("gives up within its time budget and keeps the chunks answered before", async () => {
    // Prepare: the second chunk never gets through.
    const transport = flaky((a) => (a.idempotencyKey === "k1" ? new RetryablePushError("down") : undefined));
    let waited = 0;
    // Act
    const out = await sendChunks([[row("A", "a")], [row("B", "b")], [row("C", "c")]], {
      transport,
      keyOf: (_c, i) => `k${i}`,
      policy: { maxAttempts: 100, baseDelayMs: 100, maxDelayMs: 1000, budgetMs: 5000 },
      sleep: async (ms) => void (waited += ms),
      random: () => 1,
    });
    // Assess
    expect(out.failure).toBeInstanceOf(RetryablePushError);
    expect(waited).toBeLessThanOrEqual(5000);
    expect(out.sent.map((r) => r.key)).toEqual(["A"]);
    expect(transport.seen.some((s) => s.idempotencyKey === "k2")).toBe(false);
  });

  it("stops at once on a failure that is not worth retrying", async () => {
    // Prepare
    const transport = flaky(() => new Error("403"));
    // Act
    const out = await sendChunks([[row("A", "a")]], { transport, keyOf: () => "k", sleep: async () => undefined });
    // Assess
    expect(transport.seen).toHaveLength(1);
    expect((out.failure as Error).message).toBe("403");
  });
});
