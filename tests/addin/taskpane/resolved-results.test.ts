/** The push result table after a resolution says how the row was settled, never "Conflict". */
import { describe, expect, it } from "vitest";
import { resolvedResults } from "#addin/taskpane/sync/resolved-results.ts";
import type { RowResult } from "#core/sync/protocol.ts";

const results: RowResult[] = [
  { entity: "project", key: "DGH", status: "conflict" },
  { entity: "project", key: "AIM", status: "applied", version: 2 },
  { entity: "line", key: "DGH", status: "conflict" },
];

describe("resolvedResults", () => {
  it.each([
    ["mine", { status: "applied" as const, version: 4 }, { status: "applied", version: 4, resolved: "mine" }],
    ["cloud", { version: 3 }, { status: "unchanged", version: 3, resolved: "cloud" }],
  ] as const)(
    "after %s, the row shows its resolution and version; other rows are untouched",
    (how, answer, expected) => {
      // Act
      const next = resolvedResults(results, { entity: "project", key: "DGH" }, how, answer);
      // Assess
      expect(next[0]).toEqual({ entity: "project", key: "DGH", ...expected });
      expect(next[1]).toBe(results[1]);
      expect(next[2]).toBe(results[2]);
    },
  );
});
