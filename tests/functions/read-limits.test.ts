/**
 * Read responses stay under Lambda's 6 MB response limit whatever the values hold: the size that
 * counts is the UTF-8 bytes of the body escaped again inside Lambda's JSON envelope (CJK text is
 * three bytes a character, a quote four), not its characters. Real HTTP, DynamoDB Local; the
 * rows are written through the push service in batches small enough for one transaction.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { apiPaths, type ChangesResponse, type HistoryResponse, type PushRow } from "#core/sync/protocol.ts";
import { LAMBDA_RESPONSE_LIMIT_BYTES, RESPONSE_BUDGET_BYTES } from "#functions/payload-bytes.ts";
import { rowHistoryPage } from "#functions/sync/history.ts";
import { pushRows } from "#functions/sync/push.ts";
import { pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { USERS } from "#tests/support/rows.ts";

const stack = useLocalStack();
const actor = { id: USERS.editor, source: "cli" as const };
let token = "";

beforeAll(async () => {
  token = await stack().issuer.mintToken({ oid: USERS.editor });
});

/** A GET as raw text: the sizes are the point. */
async function getRaw(path: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${stack().apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, text: await res.text() };
}

/** The bytes of Lambda's response envelope carrying `body`, as API Gateway receives it. */
function lambdaPayloadBytes(body: string): number {
  return Buffer.byteLength(
    JSON.stringify({ statusCode: 200, headers: { "content-type": "application/json; charset=utf-8" }, body }),
  );
}

const row = (code: string, note: string, baseVersion = 0): PushRow => ({
  entity: "priority",
  key: code,
  baseVersion,
  values: { code, title: `t ${code}`, extra: { note } },
});

const NOTES: [string, string][] = [
  ["CJK text (3 bytes a character)", "漢".repeat(32_000)],
  ["quotes (4 bytes each in the envelope)", '"'.repeat(40_000)],
];

async function newPlan(prefix: string): Promise<string> {
  const plan = `${prefix}-${Math.random().toString(36).slice(2, 8)}`;
  await stack().store.createPlan(plan, "Limits", USERS.admin);
  await stack().store.putMember(plan, USERS.editor, "editor");
  return plan;
}

describe("GET changes under the response limit", () => {
  it.each(NOTES)(
    "pages 50 rows of %s under the limit and returns each once",
    { timeout: 180_000 },
    async (_name, note) => {
      // Prepare
      const plan = await newPlan("pages");
      const codes = Array.from({ length: 50 }, (_, i) => `P${i}`);
      for (let i = 0; i < codes.length; i += 10)
        await pushRows(stack().store, plan, pushBody(codes.slice(i, i + 10).map((c) => row(c, note))), actor);
      // Act: pull every page
      const seen: string[] = [];
      const payloads: number[] = [];
      let since: string | undefined;
      for (let pages = 0; pages < 60; pages++) {
        const reply = await getRaw(apiPaths.changes(plan, since));
        expect(reply.status).toBe(200);
        const body = JSON.parse(reply.text) as ChangesResponse;
        seen.push(...body.changes.map((c) => c.key));
        payloads.push(lambdaPayloadBytes(reply.text));
        since = body.cursor;
        if (!body.hasMore) break;
      }
      // Assess
      expect(seen).toEqual(codes);
      expect(payloads.length).toBeGreaterThan(1);
      for (const bytes of payloads) expect(bytes).toBeLessThan(RESPONSE_BUDGET_BYTES + 64 * 1024);
      expect(Math.max(...payloads)).toBeLessThan(LAMBDA_RESPONSE_LIMIT_BYTES);
    },
  );
});

describe("GET history under the response limit", () => {
  it.each(NOTES)(
    "answers a row with 40 versions of %s with its newest versions, under the limit",
    { timeout: 180_000 },
    async (_name, note) => {
      // Prepare: 40 versions, each a different large note
      const plan = await newPlan("hist");
      for (let v = 0; v < 40; v++)
        await pushRows(stack().store, plan, pushBody([row("H", `${v} ${note}`, v)]), actor);
      // Act
      const reply = await getRaw(apiPaths.history(plan, "priority", "H"));
      // Assess
      expect(reply.status).toBe(200);
      const body = JSON.parse(reply.text) as HistoryResponse;
      const versions = body.versions.map((v) => v.version);
      expect(lambdaPayloadBytes(reply.text)).toBeLessThan(LAMBDA_RESPONSE_LIMIT_BYTES);
      expect(lambdaPayloadBytes(reply.text)).toBeLessThan(RESPONSE_BUDGET_BYTES + 64 * 1024);
      expect(versions.at(-1)).toBe(40); // the newest is always there
      expect(versions.length).toBeLessThan(40); // the oldest were left out…
      expect(versions).toEqual(Array.from({ length: versions.length }, (_, i) => 41 - versions.length + i)); // …newest run, oldest first
      expect(body.versions[0]?.previousValues).toBeDefined(); // a cut history says what its first version replaced
    },
  );

  it(
    "pages back through a cut history with ?before= until version 1, each version once",
    { timeout: 180_000 },
    async () => {
      // Prepare: 40 versions of a large note, so one answer holds only the newest few
      const plan = await newPlan("pages");
      const note = NOTES[0]?.[1] ?? "";
      for (let v = 0; v < 40; v++)
        await pushRows(stack().store, plan, pushBody([row("P", `${v} ${note}`, v)]), actor);
      // Act
      const seen: number[][] = [];
      let before: number | undefined;
      do {
        const reply = await getRaw(apiPaths.history(plan, "priority", "P", before));
        expect(reply.status).toBe(200);
        const body = JSON.parse(reply.text) as HistoryResponse;
        seen.unshift(body.versions.map((v) => v.version));
        expect(body.olderBefore).toBe(
          body.versions[0] && body.versions[0].version > 1 ? body.versions[0].version : undefined,
        );
        before = body.olderBefore;
      } while (before !== undefined && seen.length < 50);
      // Assess
      expect(seen.length).toBeGreaterThan(1);
      expect(seen.flat()).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    },
  );

  it.each(["1", "0", "-3", "abc", "2.5"])("answers ?before=%s with 400", async (before) => {
    const plan = await newPlan("badbefore");
    await pushRows(stack().store, plan, pushBody([row("B", "note")]), actor);
    const reply = await getRaw(`${apiPaths.history(plan, "priority", "B")}?before=${before}`);
    expect(reply.status).toBe(400);
  });

  it("answers a small history whole, from version 1", async () => {
    // Prepare
    const plan = await newPlan("small");
    for (let v = 0; v < 3; v++)
      await pushRows(stack().store, plan, pushBody([row("S", `note ${v}`, v)]), actor);
    // Act
    const reply = await getRaw(apiPaths.history(plan, "priority", "S"));
    // Assess
    const body = JSON.parse(reply.text) as HistoryResponse;
    expect(body.versions.map((v) => v.version)).toEqual([1, 2, 3]);
    expect(body.olderBefore).toBeUndefined();
  });

  it.each<[string, number, number[]]>([
    ["fewer versions than the read cap: all of them", 20, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ["exactly the read cap: all of them", 12, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ["more than the read cap: the newest, read newest first", 5, [8, 9, 10, 11, 12]],
  ])("reads %s", async (_name, readMax, expected) => {
    // Prepare: 12 small versions
    const plan = await newPlan("readcap");
    for (let v = 0; v < 12; v++)
      await pushRows(stack().store, plan, pushBody([row("C", `note ${v}`, v)]), actor);
    // Act
    const page = await rowHistoryPage(stack().store, plan, "priority", "C", RESPONSE_BUDGET_BYTES, readMax);
    // Assess: oldest first, and the first shown still says what it replaced
    expect(page.versions.map((v) => v.version)).toEqual(expected);
    const first = page.versions[0];
    if (first && first.version > 1)
      expect(first.previousValues).toMatchObject({ extra: { note: `note ${first.version - 2}` } });
  });
});
