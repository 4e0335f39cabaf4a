/**
 * History pages and restore read only what they need (issue #16): a page reads the versions it
 * can show and one more, in growing steps, not a thousand; restore reads the version it restores
 * (and, for a tombstone, back to the live version whose values it deleted), not the whole
 * history. DynamoDB Local; the store is wrapped to count the versions it returns.
 */
import { describe, expect, it } from "vitest";
import type { PushRow } from "#core/sync/protocol.ts";
import type { SyncStore } from "#functions/store/store.ts";
import { restoreVersion, rowHistoryPage } from "#functions/sync/history.ts";
import { pushRows } from "#functions/sync/push.ts";
import { pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";

const stack = useLocalStack();
const actor = { id: "editor", source: "cli" as const };

const row = (note: string, baseVersion: number, deleted = false): PushRow => ({
  entity: "priority",
  key: "H",
  baseVersion,
  values: { code: "H", title: "Storia", extra: { note } },
  ...(deleted ? { deleted } : {}),
});

/** The store, counting the versions `history` returns. */
function counting(store: SyncStore): { store: SyncStore; read: () => number } {
  let read = 0;
  const wrapped = new Proxy(store, {
    get(target, name, receiver) {
      if (name === "history")
        return async (...args: Parameters<SyncStore["history"]>) => {
          const out = await target.history(...args);
          read += out.length;
          return out;
        };
      const value: unknown = Reflect.get(target, name, receiver);
      return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store: wrapped, read: () => read };
}

/** A plan whose row H has `versions` versions of `noteBytes` each (`deletedAt`: that version is a tombstone). */
async function rowWithVersions(versions: number, noteBytes: number, deletedAt?: number): Promise<string> {
  const plan = `hist-${Math.random().toString(36).slice(2, 8)}`;
  await stack().store.createPlan(plan, plan, "editor");
  for (let v = 1; v <= versions; v++) {
    const note = `${v} ${"x".repeat(noteBytes)}`;
    await pushRows(stack().store, plan, pushBody([row(note, v - 1, v === deletedAt)]), actor);
  }
  return plan;
}

describe("history and restore read only what they need", () => {
  it("a page reads about the versions it shows, not the read cap", { timeout: 30_000 }, async () => {
    // Prepare: 60 versions of ~10 KB; a page budget of 100 KB shows about ten
    const plan = await rowWithVersions(60, 10_000);
    const { store, read } = counting(stack().store);
    // Act
    const page = await rowHistoryPage(store, plan, "priority", "H", 100_000);
    // Assess: the newest run; the versions read are those the budget holds, not the read cap
    const shown = page.versions.map((v) => v.version);
    expect(shown.at(-1)).toBe(60);
    expect(shown.length).toBeGreaterThan(2);
    expect(shown.length).toBeLessThan(60);
    expect(page.olderBefore).toBe(shown[0]);
    expect(page.versions[0]?.previousValues).toEqual(
      row(`${(shown[0] ?? 0) - 1} ${"x".repeat(10_000)}`, 0).values,
    );
    // (the versions the budget holds — entries carry their previous values too, so fewer show — and one to cross it)
    expect(read()).toBeLessThanOrEqual(100_000 / 10_000 + 2);
    expect(read()).toBeLessThan(60);
  });

  it("restore reads the one version it restores", { timeout: 30_000 }, async () => {
    // Prepare
    const plan = await rowWithVersions(30, 100);
    const { store, read } = counting(stack().store);
    // Act
    const result = await restoreVersion(store, plan, "priority", "H", 12, actor, "en");
    // Assess
    expect(result).toMatchObject({ status: "applied", version: 31 });
    expect(read()).toBe(1);
    const [restored] = await stack().store.history(plan, "priority", "H", { newest: 1 });
    expect(restored).toMatchObject({
      version: 31,
      restoredFrom: 12,
      values: row(`12 ${"x".repeat(100)}`, 0).values,
    });
  });

  it(
    "restoring a tombstone reads back only to the live version whose values it deleted",
    { timeout: 30_000 },
    async () => {
      // Prepare: 20 versions, version 15 deletes the row, 16 brings it back
      const plan = await rowWithVersions(20, 100, 15);
      const { store, read } = counting(stack().store);
      // Act
      const result = await restoreVersion(store, plan, "priority", "H", 15, actor, "en");
      // Assess: a tombstone again (the row item keeps its last values, as every tombstone does)
      expect(result).toMatchObject({ status: "applied", version: 21 });
      expect(read()).toBeLessThanOrEqual(3);
      const current = (await stack().store.getRows(plan, [{ entity: "priority", key: "H" }])).get(
        "priority#H",
      );
      expect(current).toMatchObject({
        version: 21,
        deleted: true,
        values: row(`20 ${"x".repeat(100)}`, 0).values,
      });
    },
  );

  it.each<[string, number, string]>([
    ["a version the row never had", 99, "version.not-found"],
    ["version 0", 0, "version.not-found"],
  ])("answers restore of %s with 404 %s", async (_name, version, code) => {
    const plan = await rowWithVersions(2, 10);
    const restore = restoreVersion(stack().store, plan, "priority", "H", version, actor, "en");
    await expect(restore).rejects.toMatchObject({ kind: "not-found", code });
  });

  it("answers restore of a row that never existed with 404 not-found", async () => {
    const plan = await rowWithVersions(1, 10);
    const restore = restoreVersion(stack().store, plan, "priority", "NONE", 1, actor, "en");
    await expect(restore).rejects.toMatchObject({ kind: "not-found", code: "not-found" });
  });
});
