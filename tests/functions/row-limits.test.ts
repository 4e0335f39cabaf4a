/**
 * Issue #16, the five input-driven 500s: each limit a row can hit is that row's `invalid` issue
 * and the good rows of the same push are stored and reported applied; field names such as
 * `constructor`, `__proto__` and `prototype` are stored and returned intact (push, pull, history).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { canonicalJson } from "#core/sync/hash.ts";
import {
  apiPaths,
  type ChangesResponse,
  type HistoryResponse,
  type PushResponse,
  type PushRow,
} from "#core/sync/protocol.ts";
import { rowId } from "#functions/store/store.ts";
import { call, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { priority, USERS } from "#tests/support/rows.ts";

const PLAN = "row-limits";
const stack = useLocalStack();
let token = "";

beforeAll(async () => {
  await stack().store.createPlan(PLAN, "Row limits", USERS.admin);
  token = await stack().issuer.mintToken({ oid: USERS.admin });
});

/** JSON.parse builds own properties, `__proto__` included, as the server receives them. */
const own = (json: string): Record<string, unknown> => JSON.parse(json) as Record<string, unknown>;

const withKey = (key: string): PushRow => priority(key);

describe("a row past a store limit among 120 good rows", () => {
  it.each<[string, (tag: string) => PushRow, string]>([
    ["a key of 341 × 中 (1 023 bytes)", (t) => withKey(`${t}${"中".repeat(341)}`), "sync.key-too-long"],
    ["a key of 256 × 😀 (1 024 bytes)", (t) => withKey(`${t}${"😀".repeat(256)}`), "sync.key-too-long"],
    ["a key with a lone surrogate", (t) => withKey(`${t}\uD800`), "sync.key-too-long"],
    [
      "a field name of 64 KB",
      (t) => ({ ...priority(`${t}big`), values: { code: `${t}big`, title: "x", ["n".repeat(65_536)]: 1 } }),
      "sync.value-field-name",
    ],
    ["baseVersion 2^53 − 1", (t) => priority(`${t}v`, "x", Number.MAX_SAFE_INTEGER), "sync.version-range"],
    [
      "text with a lone surrogate",
      (t) => ({ ...priority(`${t}s`), values: { code: `${t}s`, title: "broken \uDC00 text" } }),
      "sync.value-text",
    ],
  ])("%s is that row's issue; the 120 others are applied and stored", async (name, bad, code) => {
    // Prepare
    const tag = `${name.length}-${code}-`;
    const good = Array.from({ length: 120 }, (_, i) => priority(`${tag}ok${i}`));
    const rows = [...good.slice(0, 60), bad(tag), ...good.slice(60)];
    // Act
    const reply = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      body: pushBody(rows),
    });
    // Assess
    expect(reply.status).toBe(200);
    expect(reply.body.results[60]).toMatchObject({ status: "invalid", issues: [{ code }] });
    const applied = reply.body.results.filter((r) => r.status === "applied");
    expect(applied).toHaveLength(120);
    const stored = await stack().store.getRows(PLAN, good);
    expect(stored.size).toBe(120);
  });
});

describe("field names JavaScript treats specially", () => {
  it("stores constructor, __proto__ and prototype at any depth and returns them intact", async () => {
    // Prepare
    const values = own(
      '{"code":"PROTO","title":"Names","constructor":"a column headed constructor",' +
        '"prototype":{"constructor":1},"__proto__":{"__proto__":"nested","toString":2},' +
        '"extra":{"\\u001bx":"escape-like","\\u001b__proto__":3}}',
    );
    const row: PushRow = { entity: "priority", key: "PROTO", baseVersion: 0, values };
    // Act
    const pushed = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      body: pushBody([row]),
    });
    const pulled = await call<ChangesResponse>(stack().apiUrl, "GET", apiPaths.changes(PLAN), { token });
    const history = await call<HistoryResponse>(
      stack().apiUrl,
      "GET",
      apiPaths.history(PLAN, "priority", "PROTO"),
      { token },
    );
    const stored = await stack().store.getRows(PLAN, [row]);
    // Assess
    expect(pushed.body.results[0]?.status).toBe("applied");
    const expected = canonicalJson(values);
    expect(expected).toContain('"__proto__":{"__proto__":"nested"');
    const change = pulled.body.changes.find((c) => c.key === "PROTO");
    expect(canonicalJson(change?.values)).toBe(expected);
    expect(canonicalJson(history.body.versions[0]?.values)).toBe(expected);
    expect(canonicalJson(stored.get(rowId("priority", "PROTO"))?.values)).toBe(expected);
  });
});
