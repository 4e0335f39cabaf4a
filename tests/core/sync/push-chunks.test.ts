import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { pushChunks } from "#core/sync/push-chunks.ts";
import type { PushRow } from "#core/sync/protocol.ts";

const bytes = (rows: readonly PushRow[]) => new TextEncoder().encode(JSON.stringify(rows)).length;

const rowArb = fc.record({
  entity: fc.constant("project" as const),
  key: fc.string({ minLength: 1, maxLength: 8 }),
  baseVersion: fc.nat(5),
  values: fc.record({ title: fc.string({ maxLength: 400, unit: "grapheme" }) }),
});

describe("push chunks", () => {
  it("keep every row once, in order, each chunk within the row and byte budgets", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), fc.integer({ min: 1, max: 10 }), (rows, maxRows) => {
        // Prepare: a byte budget any single row fits in.
        const maxBytes = 2_000;
        // Act
        const chunks = pushChunks(rows, { maxRows, maxBytes });
        // Assess
        expect(chunks.flat()).toEqual(rows);
        for (const chunk of chunks) {
          expect(chunk.length).toBeGreaterThan(0);
          expect(chunk.length).toBeLessThanOrEqual(maxRows);
          expect(bytes(chunk)).toBeLessThanOrEqual(maxBytes + 2);
        }
      }),
    );
  });

  it.each([
    {
      name: "one row larger than the budget goes alone",
      sizes: [50, 5_000, 50],
      maxBytes: 1_000,
      expected: [1, 1, 1],
    },
    { name: "small rows share a request", sizes: [50, 50, 50], maxBytes: 1_000, expected: [3] },
  ])("$name", ({ sizes, maxBytes, expected }) => {
    // Prepare
    const rows: PushRow[] = sizes.map((n, i) => ({
      entity: "project",
      key: `K${i}`,
      baseVersion: 0,
      values: { title: "y".repeat(n) },
    }));
    // Act
    const chunks = pushChunks(rows, { maxRows: 100, maxBytes });
    // Assess
    expect(chunks.map((c) => c.length)).toEqual(expected);
  });
});
