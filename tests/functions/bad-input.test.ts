/**
 * Bad input never produces a 500: malformed JSON, schema violations, fuzzed bodies and values,
 * oversized bodies (413), unknown routes and bad parameters.
 */
import { beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { apiPaths, MAX_BODY_BYTES, type ErrorBody, type PushResponse } from "#core/sync/protocol.ts";
import { CREATE_PLANS_APP_ROLE } from "#functions/auth/roles.ts";
import { call, newKey, pushBody } from "#tests/support/api-client.ts";
import { useLocalStack } from "#tests/support/local-stack.ts";
import { USERS } from "#tests/support/rows.ts";

const PLAN = "fuzz";
const stack = useLocalStack();
let token = "";

beforeAll(async () => {
  await stack().store.createPlan(PLAN, "Fuzz", USERS.admin);
  token = await stack().issuer.mintToken({ oid: USERS.admin });
});

describe("malformed requests", () => {
  it.each([
    ["malformed JSON", '{"idempotencyKey": ', 400, "body.malformed"],
    ["an empty body", "", 400, "body.malformed"],
    ["JSON that is not a push", "[1,2,3]", 400, "body.invalid"],
    [
      "an unknown entity kind",
      JSON.stringify(pushBody([{ entity: "person" as never, key: "x", baseVersion: 0, values: {} }])),
      400,
      "body.invalid",
    ],
    [
      "a negative base version",
      JSON.stringify(pushBody([{ entity: "priority", key: "x", baseVersion: -1, values: {} }])),
      400,
      "body.invalid",
    ],
    [
      "values that are not an object",
      JSON.stringify({
        idempotencyKey: newKey(),
        source: "cli",
        rows: [{ entity: "priority", key: "x", baseVersion: 0, values: "text" }],
      }),
      400,
      "body.invalid",
    ],
  ])("answers %s with %i and names the problem", async (_name, raw, status, code) => {
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      rawBody: raw,
      headers: { "content-type": "application/json" },
    });
    expect(reply.status).toBe(status);
    expect(reply.body.error.code).toBe(code);
  });

  it("answers a body over 5 MB with 413", async () => {
    const big = JSON.stringify(
      pushBody([
        {
          entity: "priority",
          key: "x",
          baseVersion: 0,
          values: { code: "x", title: "a".repeat(MAX_BODY_BYTES) },
        },
      ]),
    );
    const reply = await call<ErrorBody>(stack().apiUrl, "POST", apiPaths.sync(PLAN), { token, rawBody: big });
    expect(reply.status).toBe(413);
  });

  it("refuses a row too large for the store as invalid, not as an error", async () => {
    const title = "é".repeat(60_000);
    const reply = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
      token,
      body: pushBody([{ entity: "priority", key: "big", baseVersion: 0, values: { code: "big", title } }]),
    });
    expect(reply.status).toBe(200);
    expect(reply.body.results[0]?.issues?.[0]?.code).toBe("sync.row-too-large");
  });

  it.each([
    ["an unknown route", "GET", "/nothing/here", 404],
    ["a wrong method", "GET", apiPaths.sync(PLAN), 405],
    ["a bad plan id", "GET", "/plans/bad%20plan!/changes", 400],
    ["an unknown entity in history", "GET", `/plans/${PLAN}/rows/person/x/history`, 400],
    ["a bad page size", "GET", `${apiPaths.changes(PLAN)}?limit=0`, 400],
  ])("answers %s with %i", async (_name, method, path, status) => {
    const reply = await call(stack().apiUrl, method, path, { token });
    expect(reply.status).toBe(status);
  });
});

describe("fuzzing", () => {
  it("never answers a fuzzed body with a 500", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string(),
          fc.json(),
          fc.jsonValue().map((v) => JSON.stringify({ idempotencyKey: newKey(), source: "cli", rows: v })),
        ),
        async (raw) => {
          const reply = await call(stack().apiUrl, "POST", apiPaths.sync(PLAN), { token, rawBody: raw });
          expect(reply.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("answers any well-formed push of fuzzed values with a result per row, never a 500", async () => {
    const row = fc.record({
      entity: fc.constantFrom("priority", "line", "project", "budget"),
      key: fc.string({ minLength: 1, maxLength: 20 }),
      baseVersion: fc.nat({ max: 3 }),
      values: fc.dictionary(
        fc.constantFrom(
          "code",
          "title",
          "priority",
          "line",
          "key",
          "project",
          "amount",
          "ticks",
          "deadline",
          "types",
          "outcome",
        ),
        fc.jsonValue({ maxDepth: 2 }),
      ),
      deleted: fc.option(fc.boolean(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 8 }), async (rows) => {
        const reply = await call<PushResponse>(stack().apiUrl, "POST", apiPaths.sync(PLAN), {
          token,
          body: pushBody(rows as never),
        });
        expect(reply.status).toBe(200);
        expect(reply.body.results).toHaveLength(rows.length);
      }),
      { numRuns: 60 },
    );
  });
});

describe("fuzzing the plan and member routes", () => {
  it("never answers a fuzzed POST /plans or PUT /members body with a 500", async () => {
    const creator = await stack().issuer.mintToken({ oid: USERS.admin, roles: [CREATE_PLANS_APP_ROLE] });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("plans", "member"),
        fc.oneof(
          fc.string(),
          fc.json(),
          fc
            .record({ plan: fc.string({ maxLength: 80 }), name: fc.string({ maxLength: 300 }) })
            .map((v) => JSON.stringify(v)),
          fc.record({ role: fc.jsonValue() }).map((v) => JSON.stringify(v)),
        ),
        async (route, raw) => {
          const path = route === "plans" ? apiPaths.plans() : apiPaths.member(PLAN, "fuzz-member");
          const reply = await call(stack().apiUrl, route === "plans" ? "POST" : "PUT", path, {
            token: creator,
            rawBody: raw,
          });
          expect(reply.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("never answers a fuzzed member id with a 500", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 200 }), fc.boolean(), async (member, remove) => {
        const reply = await call(stack().apiUrl, remove ? "DELETE" : "PUT", apiPaths.member(PLAN, member), {
          token,
          ...(remove ? {} : { body: { role: "reader" } }),
        });
        expect(reply.status).toBeLessThan(500);
        // The plan always keeps its admin, whatever was asked.
        expect(await stack().store.getMember(PLAN, USERS.admin)).toBe("admin");
      }),
      { numRuns: 60 },
    );
  });
});

describe("CORS", () => {
  it.each([
    ["the add-in's dev origin", "https://localhost:3000", "https://localhost:3000"],
    ["any other origin", "https://evil.example", null],
  ])("answers a preflight from %s", async (_name, origin, allowed) => {
    const res = await fetch(`${stack().apiUrl}${apiPaths.sync(PLAN)}`, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe(allowed);
  });
});
