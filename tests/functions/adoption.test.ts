/**
 * Server-side adoption (SPEC §9) over real HTTP and DynamoDB Local: a pushed row whose values
 * equal the cloud's current ones is `unchanged` at the cloud's version — without a base, with an
 * old base, and for a deletion of a deleted row — so every client (pane, CLI, nightly) gets it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type PushResponse, type PushRow } from "#core/sync/protocol.ts";
import { call, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "adoption";
const stack = useLocalStack();
let token = "";

beforeAll(async () => {
  const s = stack();
  await s.store.createPlan(PLAN, "Adoption", USERS.admin);
  await s.store.putMember(PLAN, USERS.editor, "editor");
  token = await s.issuer.mintToken({ oid: USERS.editor, name: "Editor" });
});

async function push(rows: PushRow[]) {
  const reply = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), { token, body: pushBody(rows) });
  expect(reply.status).toBe(200);
  return reply.body.results;
}

describe("server-side adoption", () => {
  it("a row without a base whose values equal the cloud's is unchanged at the cloud's version", async () => {
    // Prepare: the cloud holds version 2 of priority 1
    await push([priority("1", "Prima")]);
    await push([priority("1", "Salute", 1)]);
    // Act: a workbook that never synced pushes the same values
    const [result] = await push([priority("1", "Salute")]);
    // Assess
    expect(result).toMatchObject({ status: "unchanged", version: 2 });
    expect(result?.current).toBeUndefined();
  });

  it("a row based on an old version whose values equal the cloud's is unchanged too", async () => {
    await push([priority("2", "A")]);
    await push([priority("2", "B", 1)]);
    await push([priority("2", "C", 2)]);
    // Act: based on version 1, but already holding what version 3 holds
    const [result] = await push([priority("2", "C", 1)]);
    // Assess
    expect(result).toMatchObject({ status: "unchanged", version: 3 });
  });

  it("different values without a base are still a conflict, with the cloud's copy", async () => {
    await push([priority("3", "Cloud")]);
    const [result] = await push([priority("3", "Mine")]);
    expect(result).toMatchObject({ status: "conflict", current: { version: 1, values: { title: "Cloud" } } });
  });

  it("deleting a row the cloud already deleted is unchanged at the tombstone's version", async () => {
    await push([priority("4", "Da togliere")]);
    await push([{ ...priority("4", "Da togliere", 1), deleted: true }]);
    // Act: another workbook, still at version 1, deletes it as well
    const [result] = await push([{ ...priority("4", "Da togliere", 1), deleted: true }]);
    // Assess
    expect(result).toMatchObject({ status: "unchanged", version: 2 });
  });
});
