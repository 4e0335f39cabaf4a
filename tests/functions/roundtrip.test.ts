/**
 * Push / pull / history / restore / tombstone round trips against DynamoDB Local, over real HTTP.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type HistoryResponse, type PushResponse, type RowResult } from "#core/sync/protocol.ts";
import { call, pullAll, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { budget, line, priority, project, USERS } from "#tests/support/rows.ts";

const PLAN = "roundtrip";
const stack = useLocalStack();
let token = "";

beforeAll(async () => {
  const s = stack();
  await s.store.createPlan(PLAN, "Round trip", USERS.admin);
  await s.store.putMember(PLAN, USERS.editor, "editor");
  token = await s.issuer.mintToken({ oid: USERS.editor, name: "Editor" });
});

async function push(rows: Parameters<typeof pushBody>[0], key?: string) {
  return call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
    token,
    body: pushBody(rows, key),
  });
}

const statuses = (results: RowResult[]) => results.map((r) => `${r.entity}:${r.key}=${r.status}`);

describe("push", () => {
  it("applies new rows at version 1, and the same values again are unchanged", async () => {
    // Act
    const first = await push([
      priority("1"),
      line("1.1", "1"),
      project("P1", "1.1"),
      budget("P1", "equipment", 1000),
    ]);
    const again = await push([priority("1", "Priorità 1", 1)]);
    // Assess
    expect(first.status).toBe(200);
    expect(statuses(first.body.results)).toEqual([
      "priority:1=applied",
      "line:1.1=applied",
      "project:P1=applied",
      "budget:P1|equipment||=applied",
    ]);
    expect(first.body.results.every((r) => r.version === 1)).toBe(true);
    expect(again.body.results[0]).toMatchObject({ status: "unchanged", version: 1 });
  });

  it("returns the cloud values on conflict and overwrites nothing", async () => {
    // Prepare: version 1 → 2 by one editor
    await push([priority("2", "Originale")]);
    await push([priority("2", "Prima modifica", 1)]);
    // Act: another editor still based on version 1
    const stale = await push([priority("2", "Modifica in ritardo", 1)]);
    // Assess
    expect(stale.body.results[0]).toMatchObject({
      status: "conflict",
      current: {
        version: 2,
        values: { code: "2", title: "Prima modifica" },
        deleted: false,
        updatedBy: USERS.editor,
      },
    });
    const rows = await stack().store.getRows(PLAN, [{ entity: "priority", key: "2" }]);
    expect(rows.get("priority#2")?.values["title"]).toBe("Prima modifica");
  });

  it("reports invalid rows with their issues while valid rows in the same push apply", async () => {
    // Act
    const reply = await push([
      priority("3"),
      line("3.1", "99"),
      line("3.2", "3"),
      { ...project("P3", "3.2"), key: "OTHER" },
    ]);
    // Assess
    expect(statuses(reply.body.results)).toEqual([
      "priority:3=applied",
      "line:3.1=invalid",
      "line:3.2=applied",
      "project:OTHER=invalid",
    ]);
    expect(reply.body.results[1]?.issues?.map((i) => i.code)).toEqual(["ref.unknown-priority"]);
    expect(reply.body.results[3]?.issues?.map((i) => i.code)).toEqual(["sync.key-mismatch"]);
  });

  it("checks references against the cloud state, not only the push", async () => {
    const reply = await push([line("1.2", "1"), project("P4", "1.1"), budget("P1", "travel", 5)]);
    expect(statuses(reply.body.results)).toEqual([
      "line:1.2=applied",
      "project:P4=applied",
      "budget:P1|travel||=applied",
    ]);
  });

  it("accepts a budget row naming a cloud project by its acronym, and refuses one naming no project", async () => {
    // Prepare
    await push([project("P9", "1.1", "Progetto nove", 0, { acronym: "NINE" })]);
    // Act
    const reply = await push([budget("NINE", "equipment", 10), budget("NOBODY", "equipment", 10)]);
    // Assess
    expect(statuses(reply.body.results)).toEqual([
      "budget:NINE|equipment||=applied",
      "budget:NOBODY|equipment||=invalid",
    ]);
    expect(reply.body.results[1]?.issues?.map((i) => i.code)).toEqual(["ref.unknown-project"]);
  });

  it("refuses a row that appears twice in one push", async () => {
    const reply = await push([priority("4", "a"), priority("4", "b")]);
    expect(reply.body.results.map((r) => r.issues?.[0]?.code)).toEqual([
      "sync.duplicate-row",
      "sync.duplicate-row",
    ]);
  });
});

describe("idempotency", () => {
  it("returns the first result for a repeated push and has no second effect", async () => {
    // Prepare
    const key = `idem-${Date.now()}`;
    const first = await push([priority("5", "Uno")], key);
    // Act
    const repeat = await push([priority("5", "Uno")], key);
    const history = await call<HistoryResponse>(
      stack().apiUrl,
      "GET",
      apiPaths.history(PLAN, "priority", "5"),
      { token },
    );
    // Assess
    expect(repeat.body).toEqual(first.body);
    expect(history.body.versions).toHaveLength(1);
  });

  it("applies concurrent repeats of one push once: the others get the same result or a retryable 409", async () => {
    // Prepare
    const key = `idem-race-${Date.now()}`;
    const body = pushBody([priority("9", "Corsa")], key);
    // Act
    const replies = await Promise.all(
      Array.from({ length: 5 }, () =>
        call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), { token, body }),
      ),
    );
    const history = await call<HistoryResponse>(
      stack().apiUrl,
      "GET",
      apiPaths.history(PLAN, "priority", "9"),
      { token },
    );
    // Assess
    const answered = replies.filter((r) => r.status === 200);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) expect(r.body).toEqual(answered[0]?.body);
    expect(
      replies.filter((r) => r.status !== 200).every((r) => r.status === 409 && r.headers.get("retry-after")),
    ).toBe(true);
    expect(history.body.versions).toHaveLength(1);
  });

  it("refuses the same key for a different push with 409", async () => {
    const key = `idem-other-${Date.now()}`;
    await push([priority("6", "Uno")], key);
    const reply = await push([priority("6", "Due", 1)], key);
    expect(reply.status).toBe(409);
    expect((reply.body as unknown as { error: { code: string } }).error.code).toBe("idempotency.key-reused");
  });

  it("keeps the first result of a 10 000-row push across idempotency parts", async () => {
    // Prepare: a response too large for one item once gzipped is split into parts
    const rows = Array.from({ length: 3000 }, (_, i) =>
      priority(`X${i}-${Math.random().toString(36).slice(2)}`, `T ${Math.random()}`),
    );
    const key = `idem-big-${Date.now()}`;
    const first = await push(rows, key);
    // Act
    const repeat = await push(rows, key);
    // Assess
    expect(first.body.results.filter((r) => r.status === "applied")).toHaveLength(3000);
    expect(repeat.body).toEqual(first.body);
  });
});

describe("tombstones, history and restore", () => {
  it("deletes with a tombstone, keeps every version in the history, and restores as a new version", async () => {
    // Prepare: v1, v2, then a tombstone (v3)
    await push([priority("7", "Prima")]);
    await push([priority("7", "Seconda", 1)]);
    const del = await push([{ entity: "priority", key: "7", baseVersion: 2, values: {}, deleted: true }]);
    // Act
    const restore = await call<RowResult>(stack().apiUrl, "POST", apiPaths.restore(PLAN, "priority", "7"), {
      token,
      body: { version: 1 },
    });
    const history = await call<HistoryResponse>(
      stack().apiUrl,
      "GET",
      apiPaths.history(PLAN, "priority", "7"),
      { token },
    );
    // Assess
    expect(del.body.results[0]).toMatchObject({ status: "applied", version: 3 });
    expect(restore.body).toMatchObject({ status: "applied", version: 4 });
    expect(
      history.body.versions.map((v) => [v.version, v.deleted, v.values["title"], v.restoredFrom]),
    ).toEqual([
      [1, false, "Prima", undefined],
      [2, false, "Seconda", undefined],
      [3, true, "Seconda", undefined],
      [4, false, "Prima", 1],
    ]);
    expect(history.body.versions[1]?.previousValues?.["title"]).toBe("Prima");
  });

  it.each([
    ["an unknown version", 404, { version: 99 }],
    ["a version that is not a number", 400, { version: "1" }],
  ])("answers restore of %s with %i", async (_name, status, body) => {
    const reply = await call(stack().apiUrl, "POST", apiPaths.restore(PLAN, "priority", "7"), {
      token,
      body,
    });
    expect(reply.status).toBe(status);
  });
});

describe("pull", () => {
  it("returns every change in pages and ends with exactly the store's state", async () => {
    // Act
    const pulled = await pullAll(stack().apiUrl, PLAN, token, undefined, 250);
    // Assess: the last version of each row in the stream is the row in the store
    const last = new Map<string, { version: number; deleted: boolean; values: unknown }>();
    for (const c of pulled.changes)
      last.set(`${c.entity}#${c.key}`, {
        version: c.version,
        deleted: c.deleted,
        values: c.deleted ? undefined : c.values,
      });
    const stored = await stack().store.listRows(PLAN);
    expect(last.size).toBe(stored.length);
    for (const row of stored) {
      expect(last.get(`${row.entity}#${row.key}`)).toEqual({
        version: row.version,
        deleted: row.deleted,
        values: row.deleted ? undefined : row.values,
      });
    }
  });

  it("continues from a cursor with only the newer changes", async () => {
    const before = await pullAll(stack().apiUrl, PLAN, token);
    await push([priority("8")]);
    const after = await pullAll(stack().apiUrl, PLAN, token, before.cursor);
    expect(after.changes.map((c) => `${c.entity}:${c.key}@${c.version}`)).toEqual(["priority:8@1"]);
  });

  it("answers a cursor it did not issue with 400", async () => {
    const reply = await call(stack().apiUrl, "GET", apiPaths.changes(PLAN, "nonsense"), { token });
    expect(reply.status).toBe(400);
  });
});
